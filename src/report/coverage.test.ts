import { describe, expect, it } from 'vitest';
import { aGeofencePromotion, aPromotion, aSurcharge, build } from '../../test/fixtures/engine/builders.js';
import { loadBundle } from '../engine/load.js';
import { busiestInstant, coverageMatrix, OUTSIDE } from './coverage.js';
import { timelineMonths, timelineRows } from './timeline.js';

describe('coverageMatrix', () => {
  const built = build([
    aGeofencePromotion('station-unlock', {
      zone: { geofences: ['station'], phase: 'START_AND_END_RENTAL' },
      benefits: [{ percentOff: 100, appliesTo: { priceTypes: ['UNLOCK_FEE'] } }],
      stacking: { stackable: true },
      window: { from: '2027-01-01T00:00:00Z' },
    }),
    aSurcharge('airport-fee', { zone: { geofences: ['airport'], phase: 'START_OR_END_RENTAL' } }),
    aPromotion('staff', { audience: { userTypes: ['staff'] }, benefits: [{ percentOff: 50 }], stacking: { stackable: true } }),
    aPromotion('code', { code: 'TIME20', benefits: [{ percentOff: 20, appliesTo: { priceTypes: ['TIME_PRICE'] } }], stacking: { stackable: true } }),
  ]);
  const m = coverageMatrix(loadBundle(built.bytes), built.bundle, { userTypes: ['public', 'staff'], at: Date.UTC(2027, 6, 1, 12) });
  const cell = (u: string, z: string, t: string) => m.cells[m.userTypes.indexOf(u)]![m.zones.indexOf(z)]![m.priceTypes.indexOf(t)]!;

  it('has a row per zone plus the outside, a column per price type', () => {
    expect(m.zones).toEqual(['airport', 'station', OUTSIDE]);
    expect(m.priceTypes).toContain('TIME_PRICE');
    expect(m.at).toBe('2027-07-01T12:00:00.000Z');
  });

  it('prices each cell with the engine: zone discounts, fees, audiences', () => {
    expect(cell('public', 'station', 'UNLOCK_FEE')).toMatchObject({ original: 100, net: 0, campaigns: ['GeofencePromotion/station-unlock'] });
    expect(cell('public', OUTSIDE, 'UNLOCK_FEE')).toMatchObject({ net: 100, campaigns: [] });
    expect(cell('public', 'airport', 'UNLOCK_FEE')).toMatchObject({ net: 300, campaigns: ['GeofenceSurcharge/airport-fee'] });
    expect(cell('staff', OUTSIDE, 'TIME_PRICE')).toMatchObject({ original: 600, net: 300, campaigns: ['Promotion/staff'] });
  });

  it('names the code that lowers a price most', () => {
    expect(cell('public', OUTSIDE, 'TIME_PRICE').bestCode).toEqual({ code: 'TIME20', net: 480, campaigns: ['Promotion/code'] });
    expect(cell('public', OUTSIDE, 'UNLOCK_FEE').bestCode).toBeUndefined();
  });
});

describe('reference instant and timeline', () => {
  const b = build([
    aPromotion('a', { window: { from: '2027-01-01T00:00:00Z', until: '2027-03-01T00:00:00Z' } }),
    aPromotion('b', { window: { from: '2027-02-01T00:00:00Z', until: '2027-04-01T00:00:00Z' } }),
    aPromotion('c', { window: { from: '2027-02-10T00:00:00Z', until: '2027-02-20T00:00:00Z' } }),
  ]).bundle;

  it('evaluates when the most campaigns run', () => {
    expect(new Date(busiestInstant(b.content.campaigns)).toISOString()).toBe('2027-02-10T12:00:00.000Z');
  });

  it('lists windows with their change and the months they span', () => {
    const rows = timelineRows(b, undefined, [{ id: 'Promotion/b', change: 'changed' }]);
    expect(rows.map((r) => [r.id, r.change])).toEqual([
      ['Promotion/a', undefined],
      ['Promotion/b', 'changed'],
      ['Promotion/c', undefined],
    ]);
    expect(timelineMonths(rows).map((t) => new Date(t).toISOString().slice(0, 7))).toEqual(['2027-01', '2027-02', '2027-03']);
  });
});
