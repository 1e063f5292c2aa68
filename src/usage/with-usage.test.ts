import { describe, expect, it } from 'vitest';
import { aContext, aPromotion, engineFor } from '../../test/fixtures/engine/builders.js';
import type { UsageCounters } from '../engine/index.js';
import { memoryStore } from './memory-store.js';
import type { UsageStore } from './store.js';
import { withUsage } from './with-usage.js';

/** A store that records what it was asked to read. */
function recording(store: UsageStore) {
  const reads: string[][] = [];
  return {
    reads,
    read: (campaigns: readonly string[], customerId?: string) => {
      reads.push([...campaigns]);
      return store.read(campaigns, customerId);
    },
  };
}

describe('withUsage', () => {
  const engine = engineFor([
    aPromotion('limited', { code: 'A', limits: { redemptions: 10, perCustomer: 1 }, stacking: { stackable: true } }),
    aPromotion('other', { code: 'B', limits: { budget: { amount: '5.00', currency: 'EUR' } }, stacking: { stackable: true } }),
    aPromotion('unreached', { code: 'C', limits: { redemptions: 1 } }),
  ]);
  const ctx = aContext({ codes: ['A', 'B'], customer: { id: 'rider-1' } });

  it('reads only the campaigns the evaluation asks about, in one batch, and evaluates with them', async () => {
    const store = recording(memoryStore({ 'Promotion/limited': { customers: { 'rider-1': 1 } } }));
    const result = await withUsage(store, 'rider-1', (usage) => engine.evaluate({ ...ctx, usage }));
    expect(store.reads).toEqual([['Promotion/limited', 'Promotion/other']]);
    expect(result.applied.map((a) => a.campaign)).toEqual(['Promotion/other']);
    expect(result.rejected).toEqual([{ campaign: 'Promotion/limited', reason: 'customer already redeemed it 1 time (limit 1)' }]);
  });

  it('reads again when a pass asks about a campaign the first did not', async () => {
    const store = recording(memoryStore({ x: { redemptions: 4 } }));
    // The second campaign is consulted only once the first reads as used: a stand-in for stacking.
    const run = (u: UsageCounters) => (u.redemptions('x') > 0 ? u.redemptions('y') + u.redemptions('x') : -1);
    expect(await withUsage(store, undefined, run)).toBe(4);
    expect(store.reads).toEqual([['x'], ['y']]);
  });

  it('refuses to answer for a customer it did not read', async () => {
    await expect(withUsage(memoryStore(), 'a', (u) => u.customerRedemptions('p', 'b'))).rejects.toThrow('read for customer "a", asked about "b"');
  });
});
