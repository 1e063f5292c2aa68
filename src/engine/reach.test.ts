// The index is an optimisation only: evaluating with it must equal testing every campaign.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildBundle } from '../bundle/build.js';
import { syntheticContexts, syntheticModel } from '../bundle/synthetic.js';
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
