// Golden scenarios for each benefit type, money rounding and the no-negative-lines rule.
import { describe, expect, it } from 'vitest';
import type { Subscription } from '../generated/index.js';
import { aContext, aPromotion, aResource, engineFor, line } from '../../test/fixtures/engine/builders.js';
import { memoryUsage } from './usage.js';

const only = (benefits: object[], extra: object = {}) => engineFor([aPromotion('p', { code: 'PROMO', benefits, ...extra } as never)]);
const withCode = (lines: ReturnType<typeof line>[], extra: object = {}) => aContext({ codes: ['PROMO'], lines, ...extra });

describe('percentOff', () => {
  it('rounds each line half away from zero to the minor unit', () => {
    const r = only([{ percentOff: 10 }]).evaluate(withCode([line('a', 5), line('b', 15), line('c', 14)]));
    expect(r.applied[0]!.lines).toEqual([
      { line: 'a', amount: 1 },
      { line: 'b', amount: 2 },
      { line: 'c', amount: 1 },
    ]);
  });

  it('rounds yen to whole yen and dinars to fils', () => {
    const jpy = only([{ percentOff: 10 }]).evaluate(withCode([line('time', 105)], { currency: 'JPY' }));
    expect(jpy).toMatchObject({ discounts: 11, total: 94 });
    const kwd = only([{ percentOff: 50 }]).evaluate(withCode([line('time', 1005)], { currency: 'KWD' }));
    expect(kwd).toMatchObject({ discounts: 503, total: 502 });
  });

  it('takes 100% to exactly zero', () => {
    const r = only([{ percentOff: 100 }]).evaluate(withCode([line('time', 999)]));
    expect(r.total).toBe(0);
  });
});

describe('amountOff (fixed rebate)', () => {
  it('never takes a line below zero, drawing line by line', () => {
    const r = only([{ amountOff: { amount: '20.00', currency: 'EUR' } }]).evaluate(withCode([line('time', 1000), line('unlock', 100)]));
    expect(r.lines.map((l) => l.amount)).toEqual([0, 0]);
    expect(r.applied[0]!.amount).toBe(1100);
  });

  it('uses the currency exponent: 500 JPY and 0.125 KWD', () => {
    const jpy = engineFor([aPromotion('y', { code: 'YEN5', benefits: [{ amountOff: { amount: '500', currency: 'JPY' } }] })]);
    expect(jpy.evaluate(aContext({ currency: 'JPY', codes: ['YEN5'], lines: [line('t', 1200)] })).total).toBe(700);
    const kwd = engineFor([aPromotion('k', { code: 'KWD1', benefits: [{ amountOff: { amount: '0.125', currency: 'KWD' } }] })]);
    expect(kwd.evaluate(aContext({ currency: 'KWD', codes: ['KWD1'], lines: [line('t', 1000)] })).total).toBe(875);
  });

  it('reduces only the scoped lines', () => {
    const r = only([{ amountOff: { amount: '5.00', currency: 'EUR' }, appliesTo: { priceTypes: ['UNLOCK_FEE'] } }]).evaluate(
      withCode([line('time', 1000, { priceType: 'TIME_PRICE' }), line('unlock', 100, { priceType: 'UNLOCK_FEE' })]),
    );
    expect(r.lines.map((l) => l.amount)).toEqual([1000, 0]);
  });
});

describe('credit (value)', () => {
  it('grants wallet credit without changing the lines', () => {
    const r = only([{ credit: { amount: '10.00', currency: 'EUR' } }]).evaluate(withCode([line('time', 1000)]));
    expect(r.total).toBe(1000);
    expect(r.grants).toEqual([{ campaign: 'Promotion/p', type: 'credit', amount: 1000, currency: 'EUR' }]);
    expect(r.applied.map((a) => [a.campaign, a.amount])).toEqual([['Promotion/p', 0]]);
  });
});

describe('freeMinutes', () => {
  const time = line('time', 1000, { priceType: 'TIME_PRICE', quantity: 20 });

  it("waives the minutes at the line's per-minute price", () => {
    expect(only([{ freeMinutes: 5 }]).evaluate(withCode([time])).total).toBe(750);
    expect(only([{ freeMinutes: 30 }]).evaluate(withCode([time])).total).toBe(0);
  });

  it('applies to what remains after earlier benefits', () => {
    expect(only([{ percentOff: 50 }, { freeMinutes: 5 }]).evaluate(withCode([time])).total).toBe(375);
  });

  it('prices fractional minutes exactly, however large the amount', () => {
    // 5 of 12.5 minutes of 1000 is 400; past 2^53 the product goes through BigInt, which takes integers only.
    expect(only([{ freeMinutes: 5 }]).evaluate(withCode([line('t', 1000, { priceType: 'TIME_PRICE', quantity: 12.5 })])).total).toBe(600);
    const big = 900_719_925_474_099;
    expect(only([{ freeMinutes: 100 }]).evaluate(withCode([line('t', big, { priceType: 'TIME_PRICE', quantity: 150.5 })])).total).toBe(
      big - Math.round((big * 200) / 301),
    );
    expect(only([{ freeMinutes: 1 }]).evaluate(withCode([line('t', 1000, { priceType: 'TIME_PRICE', quantity: 1e-7 })])).total).toBe(0);
  });

  it('ignores lines without minutes', () => {
    const r = only([{ freeMinutes: 5 }]).evaluate(
      withCode([line('distance', 500, { priceType: 'DISTANCE_PRICE', quantity: 10 }), line('t', 500, { priceType: 'TIME_PRICE' })]),
    );
    expect(r.rejected).toEqual([{ campaign: 'Promotion/p', reason: 'nothing to apply: no line in its scope' }]);
  });
});

describe('freeUnlocks', () => {
  it('waives up to `count` unlock fees', () => {
    const r = only([{ freeUnlocks: 1 }]).evaluate(
      withCode([line('u1', 100, { priceType: 'UNLOCK_FEE' }), line('u2', 100, { priceType: 'UNLOCK_FEE' }), line('t', 1000, { priceType: 'TIME_PRICE' })]),
    );
    expect(r.lines.map((l) => l.amount)).toEqual([0, 100, 1000]);
  });
});

describe('packageDiscount', () => {
  it('reduces package purchases only, and broad discounts leave packages alone', () => {
    const engine = engineFor([
      aPromotion('pack', { code: 'PACK20', benefits: [{ packageDiscount: 20 }], stacking: { stackable: true } }),
      aPromotion('broad', { benefits: [{ percentOff: 50 }], stacking: { stackable: true } }),
    ]);
    const r = engine.evaluate(aContext({ codes: ['PACK20'], lines: [line('pkg', 2000, { package: 'city-100' }), line('time', 1000)] }));
    expect(r.lines.map((l) => l.amount)).toEqual([1600, 500]);
  });
});

describe('entitlement (addition)', () => {
  it("makes the addition's line free and nothing else", () => {
    const r = only([{ entitlement: { addition: 'INSURANCE_PLUS' } }]).evaluate(
      withCode([
        line('ins', 300, { costSource: { group: 'ADDITION', code: 'INSURANCE_PLUS' } }),
        line('seat', 200, { costSource: { group: 'ADDITION', code: 'CHILD_SEAT' } }),
      ]),
    );
    expect(r.lines.map((l) => l.amount)).toEqual([0, 200]);
  });
});

describe('trialExtensionDays', () => {
  it('is reported as a grant', () => {
    const r = only([{ trialExtensionDays: 14 }]).evaluate(withCode([line('plan', 999)]));
    expect(r.grants).toEqual([{ campaign: 'Promotion/p', type: 'trialExtension', days: 14 }]);
  });
});

describe('held vouchers', () => {
  it('applies a subscription the customer holds, and ignores one it does not', () => {
    const sub = aResource<Subscription>('Subscription', 'commuter', {
      price: { amount: '9.99', currency: 'EUR' },
      interval: 'MONTHLY',
      benefits: [{ freeUnlocks: 30 }],
    });
    const engine = engineFor([sub]);
    const unlock = [line('u', 100, { priceType: 'UNLOCK_FEE' })];
    expect(engine.evaluate(aContext({ lines: unlock, customer: { vouchers: ['Subscription/commuter'] } })).total).toBe(0);
    const none = engine.evaluate(aContext({ lines: unlock }));
    expect(none).toMatchObject({ total: 100, applied: [], rejected: [] });
  });
});

describe('budget', () => {
  it('caps the discount at what is left of the budget', () => {
    const engine = only([{ percentOff: 50 }], { limits: { budget: { amount: '5.00', currency: 'EUR' } } });
    const usage = memoryUsage({ 'Promotion/p': { budgetSpent: 100 } });
    expect(engine.evaluate(withCode([line('time', 1000)], { usage })).discounts).toBe(400);
  });
});

describe('zero-amount lines', () => {
  it('are left at zero and make a campaign with nothing to take not apply', () => {
    const r = only([{ percentOff: 50 }]).evaluate(withCode([line('free', 0)]));
    expect(r.lines).toEqual([{ id: 'free', original: 0, discount: 0, amount: 0, fee: false }]);
    expect(r.rejected).toEqual([{ campaign: 'Promotion/p', reason: 'nothing to apply: its lines are already at zero' }]);
  });
});
