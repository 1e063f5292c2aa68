// The engine prices what subscription-billing promotions can say: ladder steps a customer climbs per
// redemption, free periods, usage thresholds by metric, product combinations, external verification, and
// conditions combined under ANY (first purchase and plans among them).
import { describe, expect, it } from 'vitest';
import { aContext, aPromotion, engineFor, line } from '../../test/fixtures/engine/builders.js';
import type { EvaluationContext } from './context.js';
import { memoryUsage } from './usage.js';

type Spec = NonNullable<Parameters<typeof aPromotion>[1]>;
const invoice = (ctx: Partial<EvaluationContext> = {}): EvaluationContext =>
  aContext({ codes: ['PROMO'], lines: [line('subscription', 10000)], customer: { id: 'c' }, ...ctx });
const redeemed = (n: number) => memoryUsage({ 'Promotion/p': { customers: { c: n } } });
const outcome = (spec: Spec, ctx: Partial<EvaluationContext> = {}): string | number => {
  const r = engineFor([aPromotion('p', { code: 'PROMO', ...spec })]).evaluate(invoice(ctx));
  return r.applied.length > 0 ? r.discounts : r.rejected.map((x) => x.reason).join(' | ');
};

describe('ladders', () => {
  const ladder: Spec = {
    benefits: [{ percentOff: 5 }],
    ladder: {
      archetype: 'loyalty_ladder',
      steps: [
        { name: 'second', benefits: [{ percentOff: 10 }] },
        { name: 'third', benefits: [{ percentOff: 15 }] },
      ],
    },
  };
  it('puts a customer on the step after each redemption, and keeps them on the last', () => {
    expect([0, 1, 2, 3, 9].map((n) => outcome(ladder, { usage: redeemed(n) }))).toEqual([500, 1000, 1500, 1500, 1500]);
  });
  it('prices the first step without a customer or counters', () => {
    expect(outcome(ladder, { customer: {} })).toBe(500);
  });
});

describe('free periods', () => {
  const free: Spec = { benefits: [{ freePeriods: 2 }] };
  it("waives the invoice for the customer's first periods, then stops", () => {
    expect(outcome(free, { usage: redeemed(0) })).toBe(10000);
    expect(outcome(free, { usage: redeemed(1) })).toBe(10000);
    expect(outcome(free, { usage: redeemed(2) })).toBe('its 2 free periods are used (2 redemptions by this customer)');
  });
});

describe('conditions', () => {
  it('counts usage by metric', () => {
    const spec: Spec = { conditions: { usageThresholds: [{ metric: 'api_calls', atLeast: 1000 }] } };
    expect(outcome(spec, { billing: { metrics: { api_calls: 1000 } } })).toBe(1000);
    expect(outcome(spec, { billing: { metrics: { api_calls: 999, other: 5000 } } })).toBe('api_calls usage 999 is below 1000');
  });
  it('needs every product of a combination', () => {
    const spec: Spec = { conditions: { productCombination: ['a', 'b'] } };
    expect(outcome(spec, { billing: { products: ['b', 'a', 'c'] } })).toBe(1000);
    expect(outcome(spec, { billing: { products: ['a'] } })).toBe('requires products a and b together');
  });
  it('needs the verifier to have verified the customer', () => {
    const spec: Spec = { conditions: { externalVerification: { provider: 'sheerid' } } };
    expect(outcome(spec, { customer: { id: 'c', verifications: ['sheerid'] } })).toBe(1000);
    expect(outcome(spec)).toBe('requires verification by sheerid');
  });
  it('under ANY takes first purchase, plans, spend, usage and verification as alternatives', () => {
    const spec: Spec = {
      conditions: {
        mode: 'ANY',
        firstPurchase: true,
        plans: ['pro'],
        minimumSpend: { amount: '500.00', currency: 'EUR' },
        usageThresholds: [{ metric: 'events', atLeast: 10 }],
        externalVerification: { provider: 'sheerid' },
      },
    };
    expect(outcome(spec)).toBe(
      'none of its conditions hold: minimum spend 500.00 EUR not reached (subtotal 100.00 EUR); events ' +
        'usage 0 is below 10; requires verification by sheerid; only for a first purchase; requires plan pro',
    );
    expect(outcome(spec, { customer: { id: 'c', firstPurchase: true } })).toBe(1000);
    expect(outcome(spec, { billing: { plan: 'pro' } })).toBe(1000);
    expect(outcome(spec, { billing: { metrics: { events: 10 } } })).toBe(1000);
  });
  it('under ALL needs the plan', () => {
    expect(outcome({ conditions: { plans: ['pro'] } }, { billing: { plan: 'basic' } })).toBe('requires plan pro (subscription is on basic)');
  });
  it('refuses malformed new context fields with the path', () => {
    expect(() => engineFor([aPromotion('p')]).evaluate(invoice({ billing: { metrics: { x: 'many' as unknown as number } } }))).toThrow(/billing\.metrics\.x/);
    expect(() => engineFor([aPromotion('p')]).evaluate(invoice({ customer: { verifications: 'sheerid' as unknown as string[] } }))).toThrow(
      /customer\.verifications/,
    );
  });
});
