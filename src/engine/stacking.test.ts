// Golden scenarios for sequential application (each discount applies to what the previous ones left) and for the
// order and stacking of campaigns (fees first; targeted, plan-limited, broad; priority; non-stackable winners).
import { describe, expect, it } from 'vitest';
import { aContext, aPromotion, aSurcharge, AIRPORT, engineFor, line } from '../../test/fixtures/engine/builders.js';

const stack = (priority = 0) => ({ stackable: true, priority });
const lines = [line('time', 1000, { priceType: 'TIME_PRICE' }), line('unlock', 100, { priceType: 'UNLOCK_FEE' })];

describe('sequential application', () => {
  it('applies two stacked 50% discounts as 75% off, not 100%', () => {
    const engine = engineFor([
      aPromotion('first', { code: 'FIRST', benefits: [{ percentOff: 50 }], stacking: stack() }),
      aPromotion('second', { code: 'SECOND', benefits: [{ percentOff: 50 }], stacking: stack() }),
    ]);
    const r = engine.evaluate(aContext({ codes: ['FIRST', 'SECOND'], lines: [line('time', 1000)] }));
    expect(r.applied.map((a) => [a.campaign, a.amount])).toEqual([
      ['Promotion/first', 500],
      ['Promotion/second', 250],
    ]);
    expect(r).toMatchObject({ subtotal: 1000, discounts: 750, total: 250 });
  });

  it("applies a campaign's own benefits in their written order", () => {
    const engine = engineFor([aPromotion('two', { code: 'TWOSTEP', benefits: [{ amountOff: { amount: '2.00', currency: 'EUR' } }, { percentOff: 50 }] })]);
    const r = engine.evaluate(aContext({ codes: ['TWOSTEP'], lines: [line('time', 1000)] }));
    expect(r.total).toBe(400); // (10.00 − 2.00) × 50%
  });
});

describe('evaluation order', () => {
  it('applies targeted benefits before broad ones, whatever their priority', () => {
    const engine = engineFor([
      aPromotion('broad', { benefits: [{ percentOff: 10 }], stacking: stack(100) }),
      aPromotion('targeted', { benefits: [{ percentOff: 50, appliesTo: { priceTypes: ['TIME_PRICE'] } }], stacking: stack(0) }),
    ]);
    const r = engine.evaluate(aContext({ lines }));
    expect(r.applied.map((a) => a.campaign)).toEqual(['Promotion/targeted', 'Promotion/broad']);
    expect(r.applied[0]!.amount).toBe(500); // half of the full time price, not of 90% of it
    expect(r.applied[1]!.lines).toEqual([
      { line: 'time', amount: 50 },
      { line: 'unlock', amount: 10 },
    ]);
    expect(r.total).toBe(540);
  });

  it('orders by priority descending within the same targeting', () => {
    const engine = engineFor([
      aPromotion('half', { benefits: [{ percentOff: 50 }], stacking: stack(1) }),
      aPromotion('rebate', { benefits: [{ amountOff: { amount: '5.00', currency: 'EUR' } }], stacking: stack(2) }),
    ]);
    const r = engine.evaluate(aContext({ lines: [line('time', 1000)] }));
    expect(r.applied.map((a) => [a.campaign, a.amount])).toEqual([
      ['Promotion/rebate', 500],
      ['Promotion/half', 250],
    ]);
  });

  it('breaks priority ties by name, ascending', () => {
    const engine = engineFor([
      aPromotion('beta', { benefits: [{ percentOff: 50 }], stacking: stack(5) }),
      aPromotion('alpha', { benefits: [{ amountOff: { amount: '3.00', currency: 'EUR' } }], stacking: stack(5) }),
    ]);
    const r = engine.evaluate(aContext({ lines: [line('time', 1000)] }));
    expect(r.applied.map((a) => [a.name, a.amount])).toEqual([
      ['alpha', 300],
      ['beta', 350],
    ]);
  });
});

describe('stacking', () => {
  it('lets nothing apply after a non-stackable campaign', () => {
    const engine = engineFor([
      aPromotion('exclusive', { code: 'ONLYME', benefits: [{ percentOff: 20 }], stacking: { stackable: false, priority: 10 } }),
      aPromotion('extra', { benefits: [{ percentOff: 10 }], stacking: stack(1) }),
    ]);
    const r = engine.evaluate(aContext({ codes: ['ONLYME'], lines: [line('time', 1000)] }));
    expect(r.applied.map((a) => a.campaign)).toEqual(['Promotion/exclusive']);
    expect(r.rejected).toEqual([{ campaign: 'Promotion/extra', reason: 'exclusive campaign Promotion/exclusive applied first' }]);
  });

  it('refuses a non-stackable campaign once something applied', () => {
    const engine = engineFor([
      aPromotion('early', { benefits: [{ percentOff: 10 }], stacking: stack(10) }),
      aPromotion('loner', { code: 'LONER', benefits: [{ percentOff: 20 }], stacking: { priority: 1 } }), // stackable defaults to false
    ]);
    const r = engine.evaluate(aContext({ codes: ['LONER'], lines: [line('time', 1000)] }));
    expect(r.applied.map((a) => a.campaign)).toEqual(['Promotion/early']);
    expect(r.rejected).toEqual([{ campaign: 'Promotion/loner', reason: 'not stackable, and Promotion/early applied first' }]);
  });

  it('does not let a non-stackable campaign that changes nothing block the others', () => {
    const engine = engineFor([
      aPromotion('unlock', { benefits: [{ freeUnlocks: 1 }], stacking: { stackable: false, priority: 9 } }),
      aPromotion('extra', { benefits: [{ percentOff: 10 }], stacking: stack(1) }),
    ]);
    const r = engine.evaluate(aContext({ lines: [line('time', 1000, { priceType: 'TIME_PRICE' })] }));
    expect(r.applied.map((a) => a.campaign)).toEqual(['Promotion/extra']);
    expect(r.rejected).toEqual([{ campaign: 'Promotion/unlock', reason: 'nothing to apply: no line in its scope' }]);
  });

  it('never blocks surcharges: they are fees, shown apart from discounts', () => {
    const engine = engineFor([
      aPromotion('exclusive', { benefits: [{ percentOff: 50 }], stacking: { stackable: false, priority: 1000 } }),
      aSurcharge('airport-fee', { surcharge: { amount: { amount: '2.00', currency: 'EUR' } } }),
    ]);
    const r = engine.evaluate(aContext({ rental: { start: AIRPORT }, lines: [line('time', 1000)] }));
    expect(r.fees).toEqual([{ campaign: 'GeofenceSurcharge/airport-fee', name: 'airport-fee', line: 'fee:airport-fee', amount: 200, times: 1 }]);
    expect(r.applied.map((a) => a.campaign)).toEqual(['Promotion/exclusive']);
    // A broad discount leaves the fee alone: only a benefit naming the SURCHARGE cost source reduces it.
    expect(r.lines).toEqual([
      { id: 'time', original: 1000, discount: 500, amount: 500, fee: false },
      { id: 'fee:airport-fee', original: 200, discount: 0, amount: 200, fee: true },
    ]);
    expect(r).toMatchObject({ subtotal: 1000, surcharges: 200, discounts: 500, total: 700 });
  });
});
