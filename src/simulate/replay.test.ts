import { describe, expect, it } from 'vitest';
import { aGeofencePromotion, aPromotion, aSurcharge, build, STATION, AIRPORT } from '../../test/fixtures/engine/builders.js';
import { loadBundle } from '../engine/load.js';
import type { Located } from '../model/resource.js';
import { simulateSessions, type SimulationSide } from './replay.js';
import type { Session } from './session.js';
import { simulateStream } from './stream.js';

function side(label: string, resources: readonly Located[]): SimulationSide {
  const b = build(resources);
  return { engine: loadBundle(b.bytes), bundle: b.bundle, label };
}

const DAY = 86_400_000;
const T0 = Date.UTC(2027, 6, 1, 8);

/** A 10.00 time line and a 1.00 unlock fee, at T0 + i hours, customer c{i % customers}. */
function session(i: number, extra: Partial<Session> = {}, customers = 3): Session {
  return {
    id: `s${i}`,
    at: T0 + i * 3_600_000,
    currency: 'EUR',
    customer: { id: `c${i % customers}` },
    lines: [
      { id: 'time', amount: 1000, priceType: 'TIME_PRICE', quantity: 20 },
      { id: 'unlock', amount: 100, priceType: 'UNLOCK_FEE' },
    ],
    ...extra,
  } as Session;
}

describe('simulateSessions', () => {
  it('counts redemptions, money and distinct customers per side, and the delta', () => {
    const base = side('base', [
      aPromotion('auto', { benefits: [{ percentOff: 10, appliesTo: { priceTypes: ['TIME_PRICE'] } }], stacking: { stackable: true } }),
    ]);
    const head = side('head', [
      aPromotion('auto', { benefits: [{ percentOff: 20, appliesTo: { priceTypes: ['TIME_PRICE'] } }], stacking: { stackable: true } }),
    ]);
    const r = simulateSessions(
      base,
      head,
      Array.from({ length: 6 }, (_, i) => session(i)),
    );
    const auto = r.campaigns.find((c) => c.id === 'Promotion/auto')!;
    expect(auto).toMatchObject({
      change: 'changed',
      fields: ['benefits'],
      base: { redemptions: 6, amount: { EUR: 600 }, customers: 3 },
      head: { redemptions: 6, amount: { EUR: 1200 }, customers: 3 },
    });
    expect(r.totals.base.discount).toEqual({ EUR: 600 });
    expect(r.totals.head.discount).toEqual({ EUR: 1200 });
    expect(r.sessions).toMatchObject({ read: 6, evaluated: 6, invalid: 0, customers: 3, currencies: ['EUR'], first: new Date(T0).toISOString() });
  });

  it('runs a budget out on each side separately and dates the exhaustion', () => {
    const promo = (budget: string) =>
      aPromotion('capped', {
        benefits: [{ amountOff: { amount: '3.00', currency: 'EUR' } }],
        limits: { budget: { amount: budget, currency: 'EUR' } },
        stacking: { stackable: true },
      });
    const r = simulateSessions(
      side('base', [promo('7.00')]),
      side('head', [promo('20.00')]),
      Array.from({ length: 5 }, (_, i) => session(i)),
    );
    const c = r.campaigns[0]!;
    // 3 + 3 + 1 (capped at what is left): the third session spends the last cent.
    expect(c.base).toMatchObject({ redemptions: 3, amount: { EUR: 700 }, exhausted: { at: new Date(T0 + 2 * 3_600_000).toISOString(), by: 'budget' } });
    expect(c.head).toMatchObject({ redemptions: 5, amount: { EUR: 1500 } });
    expect(c.head?.exhausted).toBeUndefined();
  });

  it('reports redemption limits, per-customer limits, and added and removed campaigns', () => {
    const base = side('base', [
      aPromotion('limited', { code: 'TEN', limits: { redemptions: 2 }, stacking: { stackable: true } }),
      aPromotion('gone', { code: 'OLD', stacking: { stackable: true } }),
    ]);
    const head = side('head', [
      aPromotion('limited', { code: 'TEN', limits: { perCustomer: 1 }, stacking: { stackable: true } }),
      aPromotion('new', { code: 'NEW', stacking: { stackable: true } }),
    ]);
    const sessions = Array.from({ length: 6 }, (_, i) => session(i, { codes: ['TEN', 'OLD', 'NEW'] }));
    const r = simulateSessions(base, head, sessions);
    const byId = new Map(r.campaigns.map((c) => [c.id, c]));
    expect(byId.get('Promotion/limited')).toMatchObject({ base: { redemptions: 2, exhausted: { by: 'redemptions' } }, head: { redemptions: 3, customers: 3 } });
    expect(byId.get('Promotion/gone')).toMatchObject({ change: 'removed', base: { redemptions: 6 } });
    expect(byId.get('Promotion/gone')!.head).toBeUndefined();
    expect(byId.get('Promotion/new')).toMatchObject({ change: 'added', head: { redemptions: 6 } });
  });

  it('replays a customer id that is not a string (null, a number) without counting it, under a per-customer limit', () => {
    const both = [aPromotion('once', { code: 'ONCE', limits: { perCustomer: 1 }, stacking: { stackable: true } })];
    const odd = [null, 7, null].map((id, i) => session(i, { codes: ['ONCE'], customer: { id } as never }));
    const r = simulateSessions(side('b', both), side('h', both), [...odd, session(3, { codes: ['ONCE'] }), session(4, { codes: ['ONCE'] })]);
    expect(r.sessions).toMatchObject({ read: 5, evaluated: 5, invalid: 0, customers: 2 });
    // Ids that are not strings are not customers: nothing is counted for them, so the limit never bites.
    expect(r.campaigns[0]!.head).toMatchObject({ redemptions: 5, customers: 2 });
  });

  it('keeps the worst combined discount with the campaigns that made it', () => {
    const both = [
      aPromotion('half', { benefits: [{ percentOff: 50 }], stacking: { stackable: true, priority: 2 } }),
      aPromotion('code', { code: 'MORE', benefits: [{ percentOff: 50 }], stacking: { stackable: true, priority: 1 } }),
    ];
    const r = simulateSessions(side('b', both), side('h', both), [session(0), session(1, { codes: ['MORE'] }), session(2)]);
    expect(r.totals.head.worst).toMatchObject({ percent: 75, session: 's1', campaigns: ['Promotion/half', 'Promotion/code'] });
    expect(r.campaigns.find((c) => c.id === 'Promotion/half')!.head!.worst!.percent).toBe(75);
  });

  it('charges surcharges as fees, not discounts', () => {
    const both = [
      aSurcharge('fee', { zone: { geofences: ['airport'], phase: 'START_RENTAL' } }),
      aGeofencePromotion('station', { zone: { geofences: ['station'], phase: 'START_RENTAL' }, stacking: { stackable: true } }),
    ];
    const r = simulateSessions(side('b', both), side('h', both), [session(0, { rental: { start: AIRPORT } }), session(1, { rental: { start: STATION } })]);
    expect(r.totals.head.fees).toEqual({ EUR: 200 });
    expect(r.campaigns.find((c) => c.id === 'GeofenceSurcharge/fee')).toMatchObject({ fee: true, head: { redemptions: 1, amount: { EUR: 200 } } });
    expect(r.campaigns.find((c) => c.id === 'GeofencePromotion/station')!.head!.redemptions).toBe(1);
  });

  it('builds daily series in the main currency over consecutive days', () => {
    const both = [aPromotion('auto', { benefits: [{ percentOff: 10 }], stacking: { stackable: true } })];
    const r = simulateSessions(side('b', both), side('h', both), [session(0), session(0, { id: 'late', at: T0 + 2 * DAY })]);
    expect(r.daily.days).toEqual(['2027-07-01', '2027-07-02', '2027-07-03']);
    expect(r.daily.series).toEqual([{ campaign: 'Promotion/auto', base: [110, 0, 110], head: [110, 0, 110] }]);
  });
});

describe('identical sides', () => {
  it('evaluate once and report the same numbers on both sides, limits included', () => {
    const promo = [
      aPromotion('capped', {
        benefits: [{ amountOff: { amount: '3.00', currency: 'EUR' } }],
        limits: { budget: { amount: '7.00', currency: 'EUR' } },
        stacking: { stackable: true },
      }),
    ];
    const r = simulateSessions(
      side('base', promo),
      side('head', promo),
      Array.from({ length: 5 }, (_, i) => session(i)),
    );
    expect(r.campaigns[0]!.head).toEqual(r.campaigns[0]!.base);
    expect(r.campaigns[0]!.head).toMatchObject({ redemptions: 3, amount: { EUR: 700 }, exhausted: { by: 'budget' } });
  });
});

describe('simulateStream', () => {
  it('counts invalid lines with their line numbers, and sessions out of time order', async () => {
    const both = side('b', [aPromotion('auto')]);
    const text = [
      JSON.stringify(session(3)),
      '{"at":1,"currency":"EUR"}',
      '',
      JSON.stringify({ ...session(1), currency: 'euro' }),
      JSON.stringify(session(2)),
    ].join('\n');
    const r = await simulateStream({ base: both, head: both, chunks: [text.slice(0, 50), text.slice(50)], format: 'ndjson' });
    expect(r.sessions).toMatchObject({ read: 4, evaluated: 2, invalid: 2, outOfOrder: 1 });
    expect(r.errors.map((e) => e.line)).toEqual([2, 4]);
    expect(r.errors[1]!.message).toContain('currency');
  });

  it('counts a session with null where an object belongs as invalid, and goes on', async () => {
    const both = side('b', [aPromotion('auto')]);
    const bad = [{ rental: null }, { rental: { start: null } }, { customer: null }, { lines: [null] }, { vehicle: 'e-scooter' }];
    const text = [...bad.map((b) => JSON.stringify({ ...session(1), ...b })), JSON.stringify(session(2))].join('\n');
    const r = await simulateStream({ base: both, head: side('h', [aPromotion('auto')]), chunks: [text], format: 'ndjson' });
    expect(r.sessions).toMatchObject({ read: 6, evaluated: 1, invalid: 5 });
    expect(r.errors.map((e) => e.message)).toEqual([
      'rental: null is not an object',
      'rental.start: null is not an object',
      'customer: null is not an object',
      'lines[0]: null is not an object',
      'vehicle: "e-scooter" is not an object',
    ]);
  });

  it('reads a CSV file that starts with a byte order mark, and a character split between chunks', async () => {
    const both = side('b', [aPromotion('auto')]);
    const csv = 'id,at,currency,customer,lines\ns1,2027-07-01T08:00:00Z,EUR,Zoë,TIME_PRICE=1000\ns2,2027-07-01T09:00:00Z,EUR,Zoë,TIME_PRICE=1000\n';
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(csv)]);
    const at = bytes.indexOf(0xc3) + 1; // inside the ë
    const r = await simulateStream({ base: both, head: both, chunks: [bytes.slice(0, 2), bytes.slice(2, at), bytes.slice(at)], format: 'csv' });
    // The ë cut in two by the chunks decodes like the whole one: one customer.
    expect(r.sessions).toMatchObject({ read: 2, evaluated: 2, invalid: 0, customers: 1 });
  });
});
