// evaluate(ctx, { explain: false }) runs the same checks and only leaves out the sentences: the
// result must equal the explained one with every rejection's reason blanked, for contexts that hit
// every kind of rejection (window, audience, targeting, zone, conditions, limits, stacking).
import { describe, expect, it } from 'vitest';
import { syntheticWorkload } from '../bundle/synthetic.js';
import { aContext, aPromotion, build } from '../../test/fixtures/engine/builders.js';
import { loadBundle } from './load.js';
import { memoryUsage } from './usage.js';
import type { Evaluation } from './evaluation.js';

const blanked = (e: Evaluation): Evaluation => ({ ...e, rejected: e.rejected.map((r) => ({ campaign: r.campaign, reason: '' })) });

describe('evaluate with explain: false', () => {
  it('gives the explained result without reasons, on a thousand synthetic campaigns', () => {
    const { bytes, contexts } = syntheticWorkload({ campaigns: 1000, geofences: 300, seed: 3 }, 2000);
    const engine = loadBundle(bytes);
    let rejections = 0;
    for (const ctx of contexts) {
      const explained = engine.evaluate(ctx);
      const fast = engine.evaluate(ctx, { explain: false });
      expect(fast).toEqual(blanked(explained));
      rejections += explained.rejected.length;
    }
    expect(rejections).toBeGreaterThan(1000);
  });

  it('with lines: false gives the same totals, amounts, fees and grants without the line-by-line results', () => {
    const { bytes, contexts } = syntheticWorkload({ campaigns: 1000, geofences: 300, seed: 5 }, 2000);
    const engine = loadBundle(bytes);
    let applied = 0;
    for (const ctx of contexts) {
      const full = engine.evaluate(ctx, { explain: false });
      const totals = engine.evaluate(ctx, { explain: false, lines: false });
      expect(totals).toEqual({ ...full, lines: [], applied: full.applied.map((a) => ({ ...a, lines: [] })) });
      applied += full.applied.length;
    }
    expect(applied).toBeGreaterThan(500);
  });

  it('blanks limit and stacking reasons too', () => {
    const engine = loadBundle(
      build([
        aPromotion('first', { code: 'A', benefits: [{ percentOff: 10 }], stacking: { stackable: false, priority: 9 } }),
        aPromotion('second', { code: 'B', benefits: [{ percentOff: 10 }] }),
        aPromotion('capped', { code: 'C', benefits: [{ percentOff: 10 }], limits: { redemptions: 1 } }),
      ]).bytes,
    );
    const usage = memoryUsage({ 'Promotion/capped': { redemptions: 1 } });
    const ctx = aContext({ codes: ['A', 'B', 'C'], usage });
    const explained = engine.evaluate(ctx);
    expect(explained.rejected.map((r) => r.reason)).toEqual(['redemption limit 1 reached', 'exclusive campaign Promotion/first applied first']);
    expect(engine.evaluate(ctx, { explain: false })).toEqual(blanked(explained));
  });
});
