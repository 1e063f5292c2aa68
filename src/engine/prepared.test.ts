// A context prepared once evaluates against several bundles exactly as the context itself does, and
// reads the usage counters set on the context at each evaluation (the simulator swaps them per side).
import { describe, expect, it } from 'vitest';
import { syntheticWorkload } from '../bundle/synthetic.js';
import { aContext, aPromotion, build } from '../../test/fixtures/engine/builders.js';
import { prepare as prepareContext, PreparedContext, type EvaluationContext } from './context.js';
import { ContextError } from './errors.js';
import { loadBundle } from './load.js';
import { memoryUsage } from './usage.js';

describe('prepareContext', () => {
  it('evaluates like the context it came from, on two different bundles', () => {
    const a = syntheticWorkload({ campaigns: 400, geofences: 200, seed: 5 }, 1000);
    const b = syntheticWorkload({ campaigns: 400, geofences: 200, seed: 6 }, 1);
    const engines = [loadBundle(a.bytes), loadBundle(b.bytes)];
    for (const ctx of a.contexts) {
      const p = prepareContext(ctx);
      expect(p).toBeInstanceOf(PreparedContext);
      for (const engine of engines) {
        expect(engine.evaluate(p)).toEqual(engine.evaluate(ctx));
        expect(engine.evaluate(p, { explain: false })).toEqual(engine.evaluate(ctx, { explain: false }));
      }
    }
  });

  it('reads the counters on the context when evaluating, not when preparing', () => {
    const engine = loadBundle(build([aPromotion('capped', { code: 'C', benefits: [{ percentOff: 10 }], limits: { redemptions: 1 } })]).bytes);
    const ctx: { -readonly [K in keyof EvaluationContext]: EvaluationContext[K] } = aContext({ codes: ['C'] });
    const p = prepareContext(ctx);
    ctx.usage = memoryUsage({ 'Promotion/capped': { redemptions: 1 } });
    expect(engine.evaluate(p).applied).toEqual([]);
    ctx.usage = memoryUsage();
    expect(engine.evaluate(p).applied.map((x) => x.campaign)).toEqual(['Promotion/capped']);
  });

  it('refuses a bad context when preparing', () => {
    expect(() => prepareContext(aContext({ currency: 'euro' }))).toThrow(ContextError);
  });

  it('gives every unexplained rejection of a campaign one frozen object', () => {
    const engine = loadBundle(build([aPromotion('staff', { benefits: [{ percentOff: 10 }], audience: { userTypes: ['staff'] } })]).bytes);
    const [x, y] = [engine.evaluate(aContext(), { explain: false }), engine.evaluate(aContext(), { explain: false })];
    expect(x.rejected).toEqual([{ campaign: 'Promotion/staff', reason: '' }]);
    expect(x.rejected[0]).toBe(y.rejected[0]);
    expect(Object.isFrozen(x.rejected[0])).toBe(true);
  });
});
