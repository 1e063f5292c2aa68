// Bounded load: 500 concurrent requests per family on loopback, persisting to disk, with no error and
// no lost write; and 500 concurrent redemptions of a 100-use code redeem it exactly 100 times.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulators, type RunningEmulators } from './index.js';
import { call, obj } from './shared/testing.js';

const N = 500;
let dir: string;
let emulators: RunningEmulators;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'promoc-load-'));
  emulators = await startEmulators({ dataDir: dir });
});
afterAll(async () => {
  await emulators.close();
  await rm(dir, { recursive: true, force: true });
});

async function stored(provider: string, tenant: string, collection: string): Promise<number> {
  const state = obj(JSON.parse(await readFile(join(dir, `${provider}.json`), 'utf8')));
  return Object.keys(obj(obj(obj(state.tenants)[tenant])[collection])).length;
}

describe(`${N} concurrent writes`, () => {
  it('ev-billing', async () => {
    const base = `${emulators.endpoint('ev-billing').baseUrl}/api/v1/billing`;
    const auth = { authorization: 'Bearer dyn_test_promoc' };
    const replies = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        call(`${base}/promotional-codes`, { headers: auth, body: { code: `LOAD${i}`, discount_type: 'percent', discount_value: 5 } }),
      ),
    );
    expect(replies.filter((r) => r.status !== 201)).toEqual([]);
    expect(obj((await call(`${base}/promotional-codes?limit=1`, { headers: auth })).body).total).toBe(N);
    expect(await stored('ev-billing', 'org_demo', 'codes')).toBe(N);
  });

  it('ev-billing redemptions never exceed max_uses', async () => {
    const base = `${emulators.endpoint('ev-billing').baseUrl}/api/v1/billing`;
    const auth = { authorization: 'Bearer dyn_test_promoc' };
    await call(`${base}/promotional-codes`, { headers: auth, body: { code: 'HUNDRED', discount_type: 'percent', discount_value: 5, max_uses: 100 } });
    const sessions = await Promise.all(
      Array.from({ length: N }, (_, i) => call(`${emulators.endpoint('ev-billing').adminUrl}/sessions`, { body: { user_id: `u${i}`, total: 10 } })),
    );
    const applied = await Promise.all(
      sessions.map((s) =>
        call(`${base}/promotional-codes/sessions/${String(obj(s.body).session_id)}/apply-code`, { headers: auth, body: { code: 'HUNDRED' } }),
      ),
    );
    expect(applied.filter((r) => r.status === 200)).toHaveLength(100);
    expect(applied.filter((r) => r.status !== 200).every((r) => obj(obj(r.body).error).code === 'code_exhausted')).toBe(true);
  });

  it('lago', async () => {
    const base = emulators.endpoint('lago').apiBaseUrl;
    const auth = { authorization: 'Bearer lago_test_promoc' };
    const replies = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        call(`${base}/coupons`, {
          headers: auth,
          body: { coupon: { name: `c${i}`, code: `c${i}`, coupon_type: 'percentage', percentage_rate: 5, frequency: 'forever', expiration: 'no_expiration' } },
        }),
      ),
    );
    expect(replies.filter((r) => r.status !== 200)).toEqual([]);
    expect(obj(obj((await call(`${base}/coupons?per_page=1`, { headers: auth })).body).meta).total_count).toBe(N);
    expect(await stored('lago', 'org-demo', 'coupons')).toBe(N);
  });

  it('promotions', async () => {
    const base = emulators.endpoint('promotions').apiBaseUrl;
    const auth = { authorization: 'Bearer kt_test_promoc' };
    const replies = await Promise.all(Array.from({ length: N }, (_, i) => call(`${base}/promotions`, { headers: auth, body: { name: `p${i}` } })));
    expect(replies.filter((r) => r.status !== 201)).toEqual([]);
    expect(obj(obj((await call(`${base}/promotions?limit=1`, { headers: auth })).body).pagination).total_count).toBe(N);
    expect(await stored('promotions', emulators.endpoint('promotions').tenant, 'promotions')).toBe(N);
  });

  it('mobility', async () => {
    const base = emulators.endpoint('mobility').apiBaseUrl;
    const token = String(obj((await call(`${base}/auth/sign-in-api-client`, { body: { clientId: 'promoc', clientKey: 'promoc-secret' } })).body).accessToken);
    const auth = { authorization: `Bearer ${token}` };
    const replies = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        call(`${base}/voucherables`, { headers: auth, body: { type: 'Promotion', name: `v${i}`, code: `V${i}X`, applicableBranchIds: [11] } }),
      ),
    );
    expect(replies.filter((r) => r.status !== 201)).toEqual([]);
    const ids = new Set(replies.map((r) => obj(r.body).id));
    expect(ids.size).toBe(N);
    expect((await call(`${base}/voucherables?size=1`, { headers: auth })).headers.get('x-pagination-totalelements')).toBe(String(N));
    expect(await stored('mobility', 'demo', 'voucherables')).toBe(N);
  });
});
