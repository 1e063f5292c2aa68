// Claim-time credit versus rental-time voucher (the mobility tenant's setting, said by benefits[].creditAt):
// the same 10.00 credit beside a 50% discount gives the customer a different price. Prices by hand.
import { describe, expect, it } from 'vitest';
import { aContext, aPromotion, engineFor, line } from '../../test/fixtures/engine/builders.js';

const time = line('time', 2000, { priceType: 'TIME_PRICE', quantity: 20 });
const unlock = line('unlock', 100, { priceType: 'UNLOCK_FEE' });
const TEN = { amount: '10.00', currency: 'EUR' };

function priced(creditAt: 'claim' | 'rental', lines = [time]) {
  const engine = engineFor([aPromotion('welcome', { code: 'WELCOME', benefits: [{ credit: TEN, creditAt }, { percentOff: 50 }] } as never)]);
  return engine.evaluate(aContext({ codes: ['WELCOME'], lines }));
}

describe('credit timing', () => {
  it('claim-time: the rental costs 20.00 × 50% = 10.00, and 10.00 goes to the wallet', () => {
    const r = priced('claim');
    expect(r.total).toBe(1000);
    expect(r.grants).toEqual([{ campaign: 'Promotion/welcome', type: 'credit', amount: 1000, currency: 'EUR' }]);
  });

  it('rental-time: the voucher takes 10.00 off first, then 50% of the 10.00 left: 5.00, and no wallet credit', () => {
    const r = priced('rental');
    expect(r.total).toBe(500);
    expect(r.grants).toEqual([]);
    expect(r.applied[0]!.amount).toBe(1500);
  });

  it('a rental-time credit reduces only its lines: 5.00 on the unlock fee takes 1.00, the time line stays 20.00', () => {
    const engine = engineFor([
      aPromotion('unlock', {
        code: 'UNLOCK5',
        benefits: [{ credit: { amount: '5.00', currency: 'EUR' }, creditAt: 'rental', appliesTo: { priceTypes: ['UNLOCK_FEE'] } }],
      } as never),
    ]);
    const r = engine.evaluate(aContext({ codes: ['UNLOCK5'], lines: [time, unlock] }));
    expect(r.lines.map((l) => l.amount)).toEqual([2000, 0]);
    expect(r.total).toBe(2000);
  });

  it('a claim-time credit ignores its scope: the wallet gets all 5.00', () => {
    const engine = engineFor([
      aPromotion('unlock', {
        code: 'UNLOCK5',
        benefits: [{ credit: { amount: '5.00', currency: 'EUR' }, appliesTo: { priceTypes: ['UNLOCK_FEE'] } }],
      } as never),
    ]);
    const r = engine.evaluate(aContext({ codes: ['UNLOCK5'], lines: [time, unlock] }));
    expect(r.total).toBe(2100);
    expect(r.grants).toEqual([{ campaign: 'Promotion/unlock', type: 'credit', amount: 500, currency: 'EUR' }]);
  });
});
