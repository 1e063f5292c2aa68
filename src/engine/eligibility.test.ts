// Every eligibility rule, with the reason a human reads when it fails.
import { describe, expect, it } from 'vitest';
import type { Referral } from '../generated/index.js';
import { aContext, aPromotion, aResource, aVehiclePromotion, engineFor, line } from '../../test/fixtures/engine/builders.js';
import type { EvaluationContext } from './context.js';
import { memoryUsage } from './usage.js';

type Spec = NonNullable<Parameters<typeof aPromotion>[1]>;
const reason = (spec: Spec, ctx: Partial<EvaluationContext> = {}): string => {
  const r = engineFor([aPromotion('p', { code: 'PROMO', ...spec })]).evaluate(aContext({ codes: ['PROMO'], ...ctx }));
  return r.applied.length > 0 ? 'applied' : r.rejected.map((x) => x.reason).join(' | ');
};

describe('status and window', () => {
  it('rejects inactive campaigns', () => {
    expect(reason({ status: 'inactive' })).toBe('campaign is inactive');
  });

  it('includes `from` and excludes `until`', () => {
    const window = { from: '2027-06-01T00:00:00Z', until: '2027-07-01T12:00:00Z' };
    expect(reason({ window }, { at: '2027-06-01T00:00:00Z' })).toBe('applied');
    expect(reason({ window }, { at: '2027-05-31T23:59:59.999Z' })).toBe('window starts 2027-06-01');
    expect(reason({ window }, { at: '2027-07-01T12:00:00Z' })).toBe('window ends 2027-07-01T12:00:00Z');
    expect(reason({ window: { until: '2027-06-01T00:00:00Z' } })).toBe('window ends 2027-06-01');
  });

  it('accepts the instant as epoch milliseconds', () => {
    expect(reason({ window: { from: '2027-06-01T00:00:00Z' } }, { at: Date.UTC(2027, 5, 1) })).toBe('applied');
  });

  it("takes a phased promotion's benefits from the phase holding the instant, else its own", () => {
    const phases = [{ name: 'launch', window: { from: '2027-07-01T00:00:00Z', until: '2027-07-08T00:00:00Z' }, benefits: [{ percentOff: 50 }] }] as NonNullable<
      Spec['phases']
    >;
    const engine = engineFor([aPromotion('p', { benefits: [{ percentOff: 10 }], phases })]);
    expect(engine.evaluate(aContext({ at: '2027-07-02T00:00:00Z' })).discounts).toBe(500);
    expect(engine.evaluate(aContext({ at: '2027-07-09T00:00:00Z' })).discounts).toBe(100);
  });
});

describe('codes', () => {
  it('matches presented codes case-insensitively and reports unknown ones', () => {
    const r = engineFor([aPromotion('p', { code: 'SUMMER25' })]).evaluate(aContext({ codes: ['summer25', 'NOPE'] }));
    expect(r.applied.map((a) => a.code)).toEqual(['SUMMER25']);
    expect(r.unknownCodes).toEqual(['NOPE']);
  });

  it('does not consider a code campaign whose code was not presented', () => {
    expect(engineFor([aPromotion('p', { code: 'SUMMER25' })]).evaluate(aContext())).toMatchObject({ applied: [], rejected: [] });
  });
});

describe('audience', () => {
  it('checks user type, required and excluded tags, first purchase', () => {
    expect(reason({ audience: { userTypes: ['staff', 'fleet'] } }, { customer: { userType: 'regular' } })).toBe(
      'requires user type fleet or staff (customer is regular)',
    );
    expect(reason({ audience: { userTypes: ['staff'] } }, { customer: { userType: 'staff' } })).toBe('applied');
    expect(reason({ audience: { requireTags: ['staff'] } }, { customer: { tags: ['vip'] } })).toBe('requires tag staff');
    expect(reason({ audience: { excludeTags: ['flagged'] } }, { customer: { tags: ['flagged'] } })).toBe('excluded by tag flagged');
    expect(reason({ audience: { firstPurchaseOnly: true } })).toBe('only for a first purchase');
    expect(reason({ audience: { firstPurchaseOnly: true } }, { customer: { firstPurchase: true } })).toBe('applied');
  });
});

describe('targeting', () => {
  it('requires every vehicle tag, and lists a vehicle promotion only when the vehicle carries one of them', () => {
    const engine = engineFor([aVehiclePromotion('ev', { targeting: { vehicleTags: ['electric', 'promo'] } })]);
    expect(engine.evaluate(aContext({ vehicle: { id: 'v1', tags: ['electric'] } })).rejected).toEqual([
      { campaign: 'VehiclePromotion/ev', reason: 'requires vehicle tag promo' },
    ]);
    expect(engine.evaluate(aContext({ vehicle: { id: 'v1', tags: ['electric', 'promo'] } })).applied).toHaveLength(1);
    expect(engine.evaluate(aContext({ vehicle: { id: 'v1' } }))).toMatchObject({ applied: [], rejected: [] });
  });

  it('checks branches, vehicle ids and categories', () => {
    expect(reason({ targeting: { branches: ['berlin'] } }, { rental: { branch: 'hamburg' } })).toBe('only in branch berlin (rental is in hamburg)');
    expect(reason({ targeting: { vehicleIds: ['v1', 'v2'] } }, { vehicle: { id: 'v3' } })).toBe('only on vehicle v1 or v2');
    expect(reason({ targeting: { vehicleCategories: ['scooter'] } }, { vehicle: { category: 'car' } })).toBe('requires vehicle category scooter');
  });
});

describe('conditions', () => {
  it('checks minimum spend, attributes, usage and quantity, in ALL or ANY mode', () => {
    const minimumSpend = { amount: '20.00', currency: 'EUR' };
    expect(reason({ conditions: { minimumSpend } })).toBe('minimum spend 20.00 EUR not reached (subtotal 10.00 EUR)');
    expect(reason({ conditions: { minimumSpend } }, { lines: [line('t', 2000)] })).toBe('applied');
    expect(reason({ conditions: { customerAttributes: [{ attribute: 'country', equals: 'DE' }] } }, { customer: { attributes: { country: 'FR' } } })).toBe(
      'requires country = DE',
    );
    expect(reason({ conditions: { usageAtLeast: 100 } }, { billing: { usage: 50 } })).toBe('usage 50 is below 100');
    expect(reason({ conditions: { quantityAtLeast: 3 } })).toBe('quantity 0 is below 3');
    const any = { mode: 'ANY' as const, minimumSpend, quantityAtLeast: 3 };
    expect(reason({ conditions: any }, { billing: { quantity: 3 } })).toBe('applied');
    expect(reason({ conditions: any })).toBe('none of its conditions hold: minimum spend 20.00 EUR not reached (subtotal 10.00 EUR); quantity 0 is below 3');
  });
});

describe('limits', () => {
  const limits = { redemptions: 10, perCustomer: 1, budget: { amount: '50.00', currency: 'EUR' } };
  const customer = { id: 'c1' };

  it('reads counters through the injected usage interface', () => {
    expect(reason({ limits }, { customer, usage: memoryUsage({ 'Promotion/p': { redemptions: 10 } }) })).toBe('redemption limit 10 reached');
    expect(reason({ limits }, { customer, usage: memoryUsage({ 'Promotion/p': { customers: { c1: 1 } } }) })).toBe(
      'customer already redeemed it 1 time (limit 1)',
    );
    expect(reason({ limits }, { customer, usage: memoryUsage({ 'Promotion/p': { budgetSpent: 5000 } }) })).toBe('budget 50.00 EUR spent');
    expect(reason({ limits }, { customer, usage: memoryUsage({ 'Promotion/p': { redemptions: 9, budgetSpent: 4999 } }) })).toBe('applied');
  });

  it('cannot enforce a per-customer limit without a customer id', () => {
    expect(reason({ limits: { perCustomer: 1 } })).toBe('has a per-customer limit (1) and the context names no customer');
  });
});

describe('currency', () => {
  it('refuses fixed amounts in another currency, and applies percentages in any', () => {
    expect(reason({ benefits: [{ amountOff: { amount: '5.00', currency: 'EUR' } }] }, { currency: 'USD' })).toBe(
      'amount off is in EUR, the evaluation is in USD',
    );
    expect(reason({ limits: { budget: { amount: '5.00', currency: 'EUR' } } }, { currency: 'USD' })).toBe('budget is in EUR, the evaluation is in USD');
    expect(reason({ benefits: [{ percentOff: 10 }] }, { currency: 'USD' })).toBe('applied');
  });
});

describe('referrals', () => {
  it('give the referee benefits to a customer holding the referral voucher', () => {
    const ref = aResource<Referral>('Referral', 'friends', {
      referee: { benefits: [{ amountOff: { amount: '3.00', currency: 'EUR' } }] },
      referrer: { benefits: [{ credit: { amount: '5.00', currency: 'EUR' } }] },
    });
    expect(engineFor([ref]).evaluate(aContext({ customer: { vouchers: ['Referral/friends'] } })).discounts).toBe(300);
  });
});
