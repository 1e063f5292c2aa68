// The five rental phases (mobility applicableRentalType), zones as unions, and surcharges as fees.
import { describe, expect, it } from 'vitest';
import type { GeofencePromotion } from '../generated/index.js';
import { aContext, aGeofencePromotion, aPromotion, aSurcharge, AIRPORT, ELSEWHERE, engineFor, line, STATION } from '../../test/fixtures/engine/builders.js';
import type { LonLat } from './context.js';

type Phase = GeofencePromotion['spec']['zone']['phase'];
const tenPercentAt = (phase: Phase, geofences: [string, ...string[]] = ['airport']) =>
  engineFor([aGeofencePromotion('deal', { zone: { geofences, phase }, benefits: [{ percentOff: 10 }] })]);
const rental = (start?: LonLat, end?: LonLat) => aContext({ rental: { ...(start ? { start } : {}), ...(end ? { end } : {}) }, lines: [line('time', 1000)] });
const outcome = (phase: Phase, start?: LonLat, end?: LonLat) => {
  const r = tenPercentAt(phase).evaluate(rental(start, end));
  return r.applied.length > 0 ? { discount: r.discounts, times: r.applied[0]!.times } : (r.rejected[0]?.reason ?? 'not reached');
};

describe('geofence phases', () => {
  it('START_RENTAL: the rental starts in the zone', () => {
    expect(outcome('START_RENTAL', AIRPORT, ELSEWHERE)).toEqual({ discount: 100, times: 1 });
    expect(outcome('START_RENTAL', ELSEWHERE, AIRPORT)).toBe('rental does not start in zone airport');
  });

  it('END_RENTAL: the rental ends in the zone', () => {
    expect(outcome('END_RENTAL', ELSEWHERE, AIRPORT)).toEqual({ discount: 100, times: 1 });
    expect(outcome('END_RENTAL', AIRPORT, ELSEWHERE)).toBe('rental does not end in zone airport');
    expect(outcome('END_RENTAL', AIRPORT)).toBe('rental has no end position yet (must end in zone airport)');
  });

  it('START_PLUS_END_RENTAL: applies at the start and again at the end', () => {
    expect(outcome('START_PLUS_END_RENTAL', AIRPORT, AIRPORT)).toEqual({ discount: 190, times: 2 }); // 10% then 10% of the rest
    expect(outcome('START_PLUS_END_RENTAL', AIRPORT, ELSEWHERE)).toEqual({ discount: 100, times: 1 });
    expect(outcome('START_PLUS_END_RENTAL', ELSEWHERE, AIRPORT)).toEqual({ discount: 100, times: 1 });
  });

  it('START_OR_END_RENTAL: applies once if either end is in the zone', () => {
    expect(outcome('START_OR_END_RENTAL', AIRPORT, AIRPORT)).toEqual({ discount: 100, times: 1 });
    expect(outcome('START_OR_END_RENTAL', ELSEWHERE, AIRPORT)).toEqual({ discount: 100, times: 1 });
  });

  it('START_AND_END_RENTAL: applies only if both ends are in the zone', () => {
    expect(outcome('START_AND_END_RENTAL', AIRPORT, AIRPORT)).toEqual({ discount: 100, times: 1 });
    expect(outcome('START_AND_END_RENTAL', AIRPORT, ELSEWHERE)).toBe('rental must start and end in zone airport (it does not end there)');
    expect(outcome('START_AND_END_RENTAL', AIRPORT)).toBe('rental must start and end in zone airport (no end position yet)');
  });

  it('treats a zone of several geofences as their union', () => {
    const r = tenPercentAt('START_AND_END_RENTAL', ['airport', 'station']).evaluate(rental(STATION, AIRPORT));
    expect(r.discounts).toBe(100);
  });

  it('does not list zone campaigns far from the rental', () => {
    const r = tenPercentAt('START_RENTAL').evaluate(rental(ELSEWHERE, ELSEWHERE));
    expect(r).toMatchObject({ applied: [], rejected: [] });
  });
});

describe('geofence surcharges', () => {
  it('charge a fixed fee per phase match and a percentage of the original scoped amounts', () => {
    const engine = engineFor([
      aSurcharge('twice', { zone: { geofences: ['airport'], phase: 'START_PLUS_END_RENTAL' }, surcharge: { amount: { amount: '2.00', currency: 'EUR' } } }),
      aSurcharge('share', { surcharge: { percent: 10, appliesTo: { priceTypes: ['TIME_PRICE'] } } }),
      aPromotion('half', { benefits: [{ percentOff: 50 }], stacking: { stackable: true } }),
    ]);
    const r = engine.evaluate(
      aContext({
        rental: { start: AIRPORT, end: AIRPORT },
        lines: [line('time', 1000, { priceType: 'TIME_PRICE' }), line('unlock', 100, { priceType: 'UNLOCK_FEE' })],
      }),
    );
    expect(r.fees.map((f) => [f.name, f.amount, f.times])).toEqual([
      ['share', 100, 1],
      ['twice', 400, 2],
    ]);
    expect(r).toMatchObject({ subtotal: 1100, surcharges: 500, discounts: 550, total: 1050 });
  });

  it('are waived only by a benefit naming their cost source', () => {
    const engine = engineFor([
      aSurcharge('airport-fee'),
      aPromotion('waiver', { code: 'NOFEE', benefits: [{ percentOff: 100, appliesTo: { costSources: [{ group: 'SURCHARGE', code: 'airport-fee' }] } }] }),
    ]);
    const r = engine.evaluate(aContext({ codes: ['NOFEE'], rental: { start: AIRPORT }, lines: [line('time', 1000)] }));
    expect(r.applied[0]!.lines).toEqual([{ line: 'fee:airport-fee', amount: 200 }]);
    expect(r).toMatchObject({ surcharges: 200, discounts: 200, total: 1000 });
  });

  it('are rejected with a reason outside their zone', () => {
    const r = engineFor([aSurcharge('airport-fee', { zone: { geofences: ['airport'], phase: 'END_RENTAL' } })]).evaluate(
      aContext({ rental: { start: AIRPORT, end: ELSEWHERE } }),
    );
    expect(r.rejected).toEqual([{ campaign: 'GeofenceSurcharge/airport-fee', reason: 'rental does not end in zone airport' }]);
  });
});
