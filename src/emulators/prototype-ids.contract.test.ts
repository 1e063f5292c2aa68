// Ids are client-chosen strings, so names of Object.prototype's members ("__proto__", "constructor",
// "toString", ...) are ids like any other: every lookup by id in the four emulators answers them with the same
// answer, in the family's own error shape, as an id that does not exist (a 404 for reads) — never a phantom
// object, a 403 or a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulators, type RunningEmulators } from './index.js';

let emulators: RunningEmulators;
beforeAll(async () => {
  emulators = await startEmulators({});
});
afterAll(() => emulators.close());

const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf'];
const UNKNOWN = 'no-such-id-42';

async function mobilityToken(apiBaseUrl: string): Promise<string> {
  const res = await fetch(`${apiBaseUrl}/auth/sign-in-api-client`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ clientId: 'promoc', clientKey: 'promoc-secret' }),
  });
  return `Bearer ${((await res.json()) as { accessToken: string }).accessToken}`;
}

/** [provider, authorization, routes relative to the API base URL, ID where the id goes]. */
async function routes(): Promise<[string, string, string[]][]> {
  const mobility = emulators.endpoint('mobility');
  return [
    ['ev-billing', 'Bearer dyn_test_promoc', ['GET api/v1/billing/promotional-codes/ID', 'GET api/v1/billing/promotional-codes/ID/usage']],
    [
      'mobility',
      await mobilityToken(mobility.apiBaseUrl),
      [
        'GET voucherables/ID',
        'PUT voucherables/ID',
        'DELETE voucherables/ID',
        'POST voucherables/ID/activate',
        'POST voucherables/ID/deactivate',
        'GET voucherables/by-code/ID',
        'GET annotations/ID',
        'PUT annotations/ID',
        'GET packages/ID',
        'PATCH packages/ID',
        'DELETE packages/ID',
        'GET subscriptions/ID',
        'PATCH subscriptions/ID',
        'GET vouchers/by-code/ID',
        'POST vouchers/constraint-vouchers/ID/cancel',
        'POST user-subscriptions/ID/cancel',
      ],
    ],
    [
      'promotions',
      'Bearer kt_test_promoc',
      [
        'GET promotions/ID',
        'PUT promotions/ID',
        'POST promotions/ID/activate',
        'POST promotions/ID/deactivate',
        'POST promotions/ID/copy',
        'POST promotions/ID/eligibility-preview',
        'GET promotions/ID/versions',
        'GET promotions/ID/versions/1',
      ],
    ],
    [
      'lago',
      'Bearer lago_test_promoc',
      [
        'GET coupons/ID',
        'PUT coupons/ID',
        'DELETE coupons/ID',
        'GET customers/ID',
        'GET customers/ID/applied_coupons',
        'DELETE customers/ID/applied_coupons/ID',
      ],
    ],
  ];
}

const shape = (body: unknown): string[] => (typeof body === 'object' && body !== null ? Object.keys(body).sort() : [typeof body]);

async function call(url: string, method: string, authorization: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, {
    method,
    headers: { authorization, 'content-type': 'application/json' },
    body: method === 'GET' || method === 'DELETE' ? undefined : '{}',
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON: compared as text */
  }
  return { status: res.status, body };
}

describe('prototype member names as ids', () => {
  it('answer like an unknown id on every lookup by id, never reaching Object.prototype', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const [provider, authorization, list] of await routes()) {
      const endpoint = emulators.endpoint(provider as Parameters<RunningEmulators['endpoint']>[0]);
      for (const route of list) {
        const [method, where] = route.split(' ') as [string, string];
        const expected = await call(`${endpoint.apiBaseUrl}/${where.replaceAll('ID', UNKNOWN)}`, method, authorization);
        // Writes may check the body before the id; then both answer the same 4xx.
        if (method === 'GET' ? expected.status !== 404 : expected.status < 400 || expected.status >= 500)
          failures.push(`${provider} ${method} ${where} with an unknown id answers ${expected.status}`);
        for (const name of NAMES) {
          const got = await call(`${endpoint.apiBaseUrl}/${where.replaceAll('ID', encodeURIComponent(name))}`, method, authorization);
          checked++;
          if (got.status !== expected.status || shape(got.body).join() !== shape(expected.body).join()) {
            failures.push(`${provider} ${method} ${where} with "${name}": ${got.status} ${JSON.stringify(got.body).slice(0, 100)}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBe(32 * NAMES.length);
  });

  it('store objects under such ids as ordinary entries', async () => {
    const endpoint = emulators.endpoint('lago');
    const headers = { authorization: 'Bearer lago_test_promoc', 'content-type': 'application/json' };
    const coupon = {
      name: 'proto',
      code: '__proto__',
      coupon_type: 'fixed_amount',
      amount_cents: 100,
      amount_currency: 'EUR',
      frequency: 'once',
      expiration: 'no_expiration',
    };
    const created = await fetch(`${endpoint.apiBaseUrl}/coupons`, { method: 'POST', headers, body: JSON.stringify({ coupon }) });
    expect(created.status).toBe(200);
    const read = await fetch(`${endpoint.apiBaseUrl}/coupons/__proto__`, { headers });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { coupon: { code: string } }).coupon.code).toBe('__proto__');
    const other = await fetch(`${endpoint.apiBaseUrl}/coupons/toString`, { headers });
    expect(other.status).toBe(404);
  });
});
