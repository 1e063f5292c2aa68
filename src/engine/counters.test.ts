// countersRead must cover every usage counter an evaluation reads: the simulator keeps a campaign's counters
// apart on two sides and trusts this to know which of them must agree. Every read of a spy ledger is checked
// against the campaign's class.
import { describe, expect, it } from 'vitest';
import { aContext, aPromotion, engineFor, line } from '../../test/fixtures/engine/builders.js';
import { countersRead, type CountersRead } from './counters.js';
import type { UsageCounters } from './usage.js';

type Spec = NonNullable<Parameters<typeof aPromotion>[1]>;
const eur = (amount: string) => ({ amount, currency: 'EUR' });
const stack = { stackable: true };

const CAMPAIGNS: [string, Spec][] = [
  ['plain', { benefits: [{ percentOff: 5 }] }],
  ['total', { limits: { redemptions: 3 }, benefits: [{ percentOff: 5 }] }],
  ['budget', { limits: { budget: eur('2.00') }, benefits: [{ amountOff: eur('1.00') }] }],
  ['both', { limits: { redemptions: 5, perCustomer: 2 }, benefits: [{ percentOff: 5 }] }],
  ['own', { limits: { perCustomer: 2 }, benefits: [{ percentOff: 5 }] }],
  ['free', { benefits: [{ freePeriods: 2 }] }],
  [
    'ladder',
    {
      benefits: [{ percentOff: 5 }],
      ladder: { archetype: 'loyalty_ladder', steps: [{ name: 'second', benefits: [{ percentOff: 10 }] }] },
    },
  ],
  [
    'phased-ladder',
    {
      benefits: [{ percentOff: 5 }],
      phases: [{ name: 'launch', window: { from: '2027-07-01T00:00:00Z', until: '2027-07-02T00:00:00Z' }, benefits: [{ percentOff: 50 }] }],
      ladder: { archetype: 'growth_ladder', steps: [{ name: 'second', benefits: [{ freePeriods: 1 }] }] },
    } as never,
  ],
];

/** Reads of the counters, by campaign: 'customer' for customerRedemptions, 'all' for the totals. */
function spy(seed: number): { usage: UsageCounters; reads: Map<string, Set<CountersRead>> } {
  const reads = new Map<string, Set<CountersRead>>();
  const note = (campaign: string, what: CountersRead): void => {
    if (!reads.has(campaign)) reads.set(campaign, new Set());
    reads.get(campaign)!.add(what);
  };
  // Varied answers, so limits, budgets, ladder steps and free periods take each of their paths.
  const value = (campaign: string, k: number): number => (seed * 7 + campaign.length * 3 + k) % 6;
  return {
    reads,
    usage: {
      redemptions: (c) => (note(c, 'all'), value(c, 0)),
      budgetSpent: (c) => (note(c, 'all'), value(c, 1) * 50),
      customerRedemptions: (c) => (note(c, 'customer'), value(c, 2)),
    },
  };
}

describe('countersRead', () => {
  it('names every counter an evaluation reads', () => {
    const engine = engineFor(CAMPAIGNS.map(([name, spec]) => aPromotion(name, { code: name.toUpperCase(), stacking: stack, ...spec })));
    const classOf = new Map(engine.campaigns.map((c) => [c.id, countersRead(c)]));
    const seen = new Map<string, Set<CountersRead>>();
    for (let i = 0; i < 60; i++) {
      const { usage, reads } = spy(i);
      engine.evaluate(
        aContext({
          at: i % 2 === 0 ? '2027-07-01T12:00:00Z' : '2027-07-05T12:00:00Z',
          codes: CAMPAIGNS.map(([name]) => name.toUpperCase()),
          lines: [line('subscription', 10_000 + i)],
          ...(i % 5 === 4 ? {} : { customer: { id: `c${i % 3}` } }),
          usage,
        }),
      );
      for (const [id, what] of reads) {
        const allowed = classOf.get(id);
        for (const w of what) {
          expect(allowed === 'all' || (allowed === 'customer' && w === 'customer'), `${id} read ${w} but is classed ${allowed}`).toBe(true);
          if (!seen.has(id)) seen.set(id, new Set());
          seen.get(id)!.add(w);
        }
      }
    }
    // Every class occurs, and every campaign that reads a counter was seen reading one.
    expect([...classOf.values()].sort()).toEqual(['all', 'all', 'all', 'customer', 'customer', 'customer', 'customer', 'none']);
    for (const [id, c] of classOf) if (c !== 'none') expect(seen.has(id), id).toBe(true);
  });
});
