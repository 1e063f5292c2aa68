// A benefit's own gate (mobility per-benefit validity, branches, vehicle categories, an addition's tag gates):
// the gated benefit grants nothing outside it, the campaign's other benefits still apply. Prices by hand.
import { describe, expect, it } from 'vitest';
import { aContext, aPromotion, engineFor, line } from '../../test/fixtures/engine/builders.js';

const mix = engineFor([
  aPromotion('mix', {
    code: 'MIX',
    window: { from: '2027-05-01T00:00:00Z', until: '2027-10-01T00:00:00Z' },
    benefits: [
      // 20% off the time line, in June, in berlin, on e-scooters.
      {
        percentOff: 20,
        appliesTo: { priceTypes: ['TIME_PRICE'] },
        window: { from: '2027-06-01T00:00:00Z', until: '2027-07-01T00:00:00Z' },
        branches: ['berlin'],
        vehicleCategories: ['e-scooter'],
      },
      // The unlock fee waived everywhere, all season.
      { freeUnlocks: 1 },
      // The insurance addition for insured drivers that are not flagged, until September.
      { entitlement: { addition: 'INSURANCE_PLUS', requireTags: ['insured-driver'], excludeTags: ['flagged'] }, window: { until: '2027-09-01T00:00:00Z' } },
    ],
  } as never),
]);

const lines = [
  line('time', 1000, { priceType: 'TIME_PRICE', quantity: 20 }),
  line('unlock', 100, { priceType: 'UNLOCK_FEE' }),
  line('insurance', 300, { costSource: { group: 'ADDITION', code: 'INSURANCE_PLUS' } }),
];
const rental = (at: string, branch: string, category: string, tags: string[] = []) =>
  aContext({ at, codes: ['MIX'], lines, rental: { branch }, vehicle: { category }, customer: { id: 'c1', tags } });

describe('benefit gates', () => {
  it('applies every benefit inside all its gates: 10.00 − 2.00 + 0 + 0 = 8.00', () => {
    const r = mix.evaluate(rental('2027-06-15T10:00:00Z', 'berlin', 'e-scooter', ['insured-driver']));
    expect(r.lines.map((l) => l.amount)).toEqual([800, 0, 0]);
    expect(r.total).toBe(800);
  });

  it('leaves the dated benefit out after its window: 10.00 + 0 + 0 = 10.00', () => {
    const r = mix.evaluate(rental('2027-07-15T10:00:00Z', 'berlin', 'e-scooter', ['insured-driver']));
    expect(r.total).toBe(1000);
  });

  it('leaves the branch- and category-scoped benefit out elsewhere', () => {
    expect(mix.evaluate(rental('2027-06-15T10:00:00Z', 'potsdam', 'e-scooter', ['insured-driver'])).total).toBe(1000);
    expect(mix.evaluate(rental('2027-06-15T10:00:00Z', 'berlin', 'e-bike', ['insured-driver'])).total).toBe(1000);
  });

  it("gates the addition on the customer's tags: without insured-driver, or flagged, the insurance is charged", () => {
    expect(mix.evaluate(rental('2027-06-15T10:00:00Z', 'berlin', 'e-scooter')).total).toBe(800 + 300);
    expect(mix.evaluate(rental('2027-06-15T10:00:00Z', 'berlin', 'e-scooter', ['insured-driver', 'flagged'])).total).toBe(800 + 300);
    // September: the entitlement's own window has ended, the campaign still runs.
    expect(mix.evaluate(rental('2027-09-15T10:00:00Z', 'berlin', 'e-scooter', ['insured-driver'])).total).toBe(1000 + 300);
  });

  it('says why when no benefit of an applying campaign is open', () => {
    const dated = engineFor([aPromotion('late', { code: 'LATE', benefits: [{ percentOff: 10, window: { from: '2027-08-01T00:00:00Z' } }] } as never)]);
    const r = dated.evaluate(aContext({ codes: ['LATE'] }));
    expect(r.total).toBe(1000);
    expect(r.rejected).toEqual([{ campaign: 'Promotion/late', reason: 'no benefit applies: its window starts 2027-08-01' }]);
  });
});
