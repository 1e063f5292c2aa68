// One contract for every UsageStore (Hono's runTest({ newRouter }) shape): the in-memory store is
// the reference, and the Redis store must give the same answer to each step. Steps are scripted
// transcripts: an operation and the exact result expected, so a difference names its step.
import { describe, expect, it } from 'vitest';
import type { ReservationRequest, UsageSeed } from '../../engine/index.js';
import type { UsageStore } from '../store.js';

export interface UsageContractOptions {
  readonly name: string;
  /** A fresh, empty store starting from these committed counts. */
  readonly make: (seed?: Readonly<Record<string, UsageSeed>>) => Promise<UsageStore>;
}

const P = 'Promotion/p';
const limits = { redemptions: 3, perCustomer: 2, budget: { minor: 1000, currency: 'EUR' } };
const ask = (customerId: string | undefined, amount: number, extra: Partial<ReservationRequest> = {}): ReservationRequest => ({
  campaign: P,
  amount,
  limits,
  ...(customerId === undefined ? {} : { customerId }),
  ...extra,
});

/** Reserve, and name the result by what it is; ids differ between stores, so they are kept aside. */
async function take(store: UsageStore, request: ReservationRequest, ids: string[]): Promise<string> {
  const r = await store.reserve(request);
  if (!r.ok) return r.reason;
  ids.push(r.id);
  return 'ok';
}

const counts = async (store: UsageStore, customerId?: string) => {
  const u = (await store.read([P], customerId)).get(P)!;
  return [u.redemptions, u.customerRedemptions, u.budgetSpent];
};

export function runUsageContract({ name, make }: UsageContractOptions): void {
  describe(`usage store contract: ${name}`, () => {
    it('refuses past the redemption limit, counting held reservations as taken', async () => {
      const store = await make();
      const ids: string[] = [];
      const seen = [];
      for (const c of ['a', 'b', 'c', 'd']) seen.push(await take(store, ask(c, 0), ids));
      expect(seen).toEqual(['ok', 'ok', 'ok', 'redemption limit 3 reached']);
      expect(await counts(store, 'a')).toEqual([3, 1, 0]);
      expect(new Set(ids).size).toBe(3);
    });

    it('enforces the per-customer limit and needs a customer for it', async () => {
      const store = await make();
      const ids: string[] = [];
      const seen = [
        await take(store, ask('a', 0), ids),
        await take(store, ask('a', 0), ids),
        await take(store, ask('a', 0), ids),
        await take(store, ask(undefined, 0), ids),
        await take(store, ask('b', 0), ids),
      ];
      expect(seen).toEqual(['ok', 'ok', 'per-customer limit 2 reached', 'a per-customer limit needs a customer id', 'ok']);
      expect(await counts(store, 'a')).toEqual([3, 2, 0]);
      expect(await counts(store, 'b')).toEqual([3, 1, 0]);
      expect(await counts(store)).toEqual([3, 0, 0]);
    });

    it('spends the budget in minor units, to the last one', async () => {
      const store = await make();
      const ids: string[] = [];
      const wide = { budget: limits.budget };
      const seen = [];
      for (const amount of [600, 600, 400, 1, 0]) seen.push(await take(store, ask(undefined, amount, { limits: wide }), ids));
      expect(seen).toEqual(['ok', 'budget spent', 'ok', 'budget spent', 'ok']);
      expect(await counts(store)).toEqual([3, 0, 1000]);
    });

    it('returns capacity on release, keeps it on commit, and settles each reservation once', async () => {
      const store = await make();
      const ids: string[] = [];
      await take(store, ask('a', 300), ids);
      await take(store, ask('b', 200), ids);
      const [a, b] = ids as [string, string];
      expect(await store.release(a)).toEqual({ ok: true });
      expect(await counts(store, 'a')).toEqual([1, 0, 200]);
      expect(await store.commit(b)).toEqual({ ok: true });
      expect((await Promise.all([store.commit(b), store.release(b), store.release(a), store.commit(a)])).map((s) => s.ok)).toEqual([
        false,
        false,
        false,
        false,
      ]);
      expect(await counts(store, 'b')).toEqual([1, 1, 200]);
      const settled = await store.release('no-such-reservation');
      expect(settled.ok).toBe(false);
      if (!settled.ok) expect(settled.reason).toContain('"no-such-reservation" is not held');
    });

    it('starts from seeded counts and keeps campaigns apart', async () => {
      const store = await make({ [P]: { redemptions: 2, customers: { a: 2 }, budgetSpent: 900 } });
      const ids: string[] = [];
      expect(await take(store, ask('a', 0), ids)).toBe('per-customer limit 2 reached');
      expect(await take(store, ask('b', 101), ids)).toBe('budget spent');
      expect(await take(store, ask('b', 100), ids)).toBe('ok');
      expect(await take(store, ask('c', 0), ids)).toBe('redemption limit 3 reached');
      expect(await take(store, ask('c', 0, { campaign: 'Promotion/q' }), ids)).toBe('ok');
      const read = await store.read([P, 'Promotion/q', 'Promotion/never'], 'a');
      expect(Object.fromEntries(read)).toEqual({
        [P]: { redemptions: 3, customerRedemptions: 2, budgetSpent: 1000 },
        'Promotion/q': { redemptions: 1, customerRedemptions: 0, budgetSpent: 0 },
        'Promotion/never': { redemptions: 0, customerRedemptions: 0, budgetSpent: 0 },
      });
    });

    it('treats limits as given per call: no limit, no refusal', async () => {
      const store = await make({ [P]: { redemptions: 1e6, budgetSpent: 1e12 } });
      const r = await store.reserve({ campaign: P, customerId: 'a', amount: 5, limits: {} });
      expect(r.ok).toBe(true);
      expect(await counts(store, 'a')).toEqual([1e6 + 1, 1, 1e12 + 5]);
    });
  });
}
