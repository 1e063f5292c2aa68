// Campaigns of one product never apply to a context of another: an EV charging perk is not a scooter discount.
import { describe, expect, it } from 'vitest';
import { aContext, aPromotion, aVehiclePromotion, engineFor, line } from '../../test/fixtures/engine/builders.js';
import { ContextError } from './errors.js';

const staff = aPromotion('staff-free-charging', { product: 'ev-charging', benefits: [{ percentOff: 100 }], stacking: { stackable: false, priority: 1000 } });
const charge = aPromotion('charge25', { product: 'ev-charging', code: 'CHARGE25', benefits: [{ percentOff: 25 }] });
const rides = aPromotion('rides', { product: 'vehicle-rental', benefits: [{ percentOff: 10 }], stacking: { stackable: true } });
const anyProduct = aPromotion('any', { benefits: [{ amountOff: { amount: '1.00', currency: 'EUR' } }], stacking: { stackable: true } });
const moped = aVehiclePromotion('moped', { benefits: [{ percentOff: 5 }], stacking: { stackable: true }, targeting: { vehicleCategories: ['e-moped'] } });
const engine = engineFor([staff, charge, rides, anyProduct, moped]);
const lines = [line('l', 1000)];
const ids = (r: ReturnType<typeof engine.evaluate>) => r.applied.map((a) => a.campaign);

describe('product scope', () => {
  it('keeps an automatic campaign of another product out of a rental: not applied, not listed', () => {
    const r = engine.evaluate(aContext({ product: 'vehicle-rental', lines, vehicle: { category: 'e-moped' } }));
    expect(ids(r).sort()).toEqual(['Promotion/any', 'Promotion/rides', 'VehiclePromotion/moped']);
    expect(r.rejected.map((x) => x.campaign)).not.toContain('Promotion/staff-free-charging');
  });

  it('implies vehicle-rental from a vehicle or rental in the context', () => {
    const r = engine.evaluate(aContext({ lines, vehicle: { category: 'e-moped' } }));
    expect(ids(r)).not.toContain('Promotion/staff-free-charging');
    expect(r.total).toBeGreaterThan(0);
  });

  it('refuses a presented code of another product with the reason', () => {
    const r = engine.evaluate(aContext({ product: 'vehicle-rental', codes: ['CHARGE25'], lines }));
    expect(r.rejected).toContainEqual({ campaign: 'Promotion/charge25', reason: 'prices ev-charging, this context is vehicle-rental' });
  });

  it("applies the product's own campaigns, and those of no product, in a charging session", () => {
    const r = engine.evaluate(aContext({ product: 'ev-charging', lines }));
    expect(ids(r)).toEqual(['Promotion/staff-free-charging']);
    expect(r.rejected.map((x) => x.campaign)).toContain('Promotion/any');
    expect(r.total).toBe(0);
  });

  it('reaches every product when the context says none and names no vehicle, rental or billing', () => {
    const r = engine.evaluate(aContext({ lines }));
    expect(ids(r)).toEqual(['Promotion/staff-free-charging']);
  });

  it('refuses an unknown product in the context', () => {
    expect(() => engine.evaluate(aContext({ product: 'ferries' as never, lines }))).toThrow(ContextError);
  });
});
