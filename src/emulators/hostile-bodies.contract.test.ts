// Every write route of the four emulators, and their test controls, answer hostile request bodies (not JSON,
// the wrong JSON type, fields of the wrong type, a body nested 20,000 deep) with a 4xx in the family's error
// format, never a 500: a client under test must be able to rely on the emulator's error path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulators, type RunningEmulators } from './index.js';

let emulators: RunningEmulators;
beforeAll(async () => {
  emulators = await startEmulators({});
});
afterAll(() => emulators.close());

const BODIES = [
  'null',
  '[]',
  '"x"',
  '5',
  '{',
  '{"a":',
  '{}',
  `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
  JSON.stringify({ name: 5, code: [], amount_cents: 'x', percentage_rate: {}, coupon: null, promotion: 7, data: null, template: [], voucherable: 'x' }),
  JSON.stringify({ coupon: { code: null, name: 5 }, customer: null, applied_coupon: {} }),
  JSON.stringify({ code: 'A'.repeat(100_000) }),
];

async function mobilityToken(apiBaseUrl: string): Promise<string> {
  const res = await fetch(`${apiBaseUrl}/auth/sign-in-api-client`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ clientId: 'promoc', clientKey: 'promoc-secret' }),
  });
  return `Bearer ${((await res.json()) as { accessToken: string }).accessToken}`;
}

/** The EV billing API lives under /api/v1/billing of its origin; the others' base URLs include their prefix. */
const apiUrl = (provider: string, apiBaseUrl: string, rest: string): string => `${apiBaseUrl}${provider === 'ev-billing' ? '/api/v1/billing' : ''}/${rest}`;

/** [provider, authorization, routes relative to the API base ("api") or the controls ("admin")]. */
async function routes(): Promise<[string, string, string[]][]> {
  const mobility = emulators.endpoint('mobility');
  return [
    [
      'ev-billing',
      'Bearer dyn_test_promoc',
      [
        'POST api/promotional-codes',
        'POST api/user-types',
        'PUT api/user-types/users/u1/user-type',
        'POST api/promotional-codes/sessions/s1/apply-code',
        'POST admin/sessions',
        'PUT admin/state',
        'PUT admin/faults',
        'PUT admin/clock',
      ],
    ],
    [
      'mobility',
      await mobilityToken(mobility.apiBaseUrl),
      [
        'POST api/voucherables',
        'PUT api/voucherables/1',
        'POST api/annotations',
        'PUT api/annotations/1',
        'POST api/vouchers',
        'POST api/vouchers/redeemable',
        'POST api/vouchers/redeemable/constraint',
        'POST api/packages',
        'PATCH api/packages/1',
        'POST api/packages/apply-vouchers',
        'POST api/auth/refresh-token',
        'POST admin/user-subscriptions',
        'PUT admin/state',
      ],
    ],
    [
      'promotions',
      'Bearer kt_test_promoc',
      [
        'POST api/promotions',
        'POST api/promotions/simulate',
        'POST api/promotions/x/activate',
        'POST api/promotions/x/eligibility-preview',
        'POST api/promotions/x/copy',
        'POST admin/redeem',
        'POST admin/customers',
        'PUT admin/state',
      ],
    ],
    [
      'lago',
      'Bearer lago_test_promoc',
      [
        'POST api/coupons',
        'PUT api/coupons/x',
        'POST api/applied_coupons',
        'POST api/customers',
        'POST admin/invoices/finalize',
        'POST admin/redemptions',
        'PUT admin/state',
      ],
    ],
  ];
}

describe('hostile request bodies', () => {
  it('get a 4xx from every write route, never a 5xx', async () => {
    const failures: string[] = [];
    let answered = 0;
    for (const [provider, authorization, list] of await routes()) {
      const endpoint = emulators.endpoint(provider as Parameters<RunningEmulators['endpoint']>[0]);
      for (const route of list) {
        const [method, where] = route.split(' ') as [string, string];
        const url = where.startsWith('api/') ? apiUrl(provider, endpoint.apiBaseUrl, where.slice(4)) : `${endpoint.adminUrl}/${where.slice(6)}`;
        for (const body of BODIES) {
          const res = await fetch(url, { method, headers: { authorization, 'content-type': 'application/json' }, body });
          answered++;
          if (res.status >= 500) failures.push(`${res.status} ${method} ${url} ${body.slice(0, 40)}: ${(await res.text()).slice(0, 120)}`);
          else await res.arrayBuffer();
        }
      }
    }
    expect(failures).toEqual([]);
    expect(answered).toBe(36 * BODIES.length);
  });

  it('refuse a JSON body declared as another content type, in every family, with a 400', async () => {
    const failures: string[] = [];
    for (const [provider, authorization, list] of await routes()) {
      const endpoint = emulators.endpoint(provider as Parameters<RunningEmulators['endpoint']>[0]);
      for (const route of list.filter((r) => r.includes(' api/'))) {
        const [method, where] = route.split(' ') as [string, string];
        for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
          const res = await fetch(apiUrl(provider, endpoint.apiBaseUrl, where.slice(4)), {
            method,
            headers: { authorization, 'content-type': type },
            body: '{"name":"x"}',
          });
          const text = await res.text();
          // Routes that look the resource up first may answer 404 before reading the body.
          if (res.status < 400 || (res.status !== 404 && !(res.status === 400 && text.includes('application/json'))))
            failures.push(`${res.status} ${provider} ${method} ${where} as ${type}: ${text.slice(0, 100)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
