// The index is an optimisation only: evaluating with it must equal testing every campaign.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildBundle } from '../bundle/build.js';
import { syntheticContexts, syntheticModel } from '../bundle/synthetic.js';
import { prepare } from './context.js';
import { loadBundle } from './load.js';

describe('indexed reach', () => {
  it("gives exactly the linear scan's evaluation", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const options = { campaigns: 80, geofences: 40, seed };
        const built = buildBundle(syntheticModel(options), { revision: null, createdAt: null });
        if (!built.ok) throw new Error('synthetic model did not build');
        const indexed = loadBundle(built.bytes);
        const linear = loadBundle(built.bytes, { strategy: 'linear' });
        for (const ctx of syntheticContexts(options, 40, seed + 1)) expect(indexed.evaluate(ctx)).toEqual(linear.evaluate(ctx));
      }),
      { seed: 42, numRuns: 25 },
    );
  });
});

// mayApplyAny asks about a few campaigns one by one (an automatic campaign that passes the standing checks is
// reached; any other by reach.presents) and about many through the reach: both must answer alike. Sixteen ids
// no campaign has make a set large enough to go through the reach without changing the answer.
describe('mayApplyAny one by one', () => {
  const padding = Array.from({ length: 16 }, (_, i) => `Promotion/absent-${i}`);
  it('answers as the reach does, for every campaign alone and in small groups, with either strategy', () => {
    const options = { campaigns: 160, geofences: 60, seed: 5 };
    const built = buildBundle(syntheticModel(options), { revision: null, createdAt: null });
    if (!built.ok) throw new Error('synthetic model did not build');
    const contexts = syntheticContexts(options, 120, 6).flatMap((c, i) => [
      c,
      // Lower-case codes take the reach's second lookup; a voucher or an unknown code, its other paths.
      { ...c, codes: (c.codes ?? []).map((x) => (i % 2 === 0 ? x.toLowerCase() : `${x}X`)) },
      { ...c, rental: undefined, customer: { ...c.customer, vouchers: [built.bundle.content.campaigns[i % 160]!.id] } },
    ]);
    let yes = 0;
    for (const strategy of ['indexed', 'linear'] as const) {
      const engine = loadBundle(built.bytes, { strategy });
      const ids = engine.campaigns.map((c) => c.id);
      for (const ctx of contexts) {
        const p = prepare(ctx);
        for (let k = 0; k < ids.length; k += 1) {
          const few = new Set(ids.slice(k, k + 1 + (k % 3)));
          const answer = engine.mayApplyAny(p, few);
          expect(answer).toBe(engine.mayApplyAny(p, new Set([...few, ...padding])));
          if (answer) yes++;
        }
      }
    }
    expect(yes).toBeGreaterThan(500);
  });
});
