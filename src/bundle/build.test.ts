import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aGeofencePromotion, aModel, aPromotion, aSurcharge, build, GEOMETRIES } from '../../test/fixtures/engine/builders.js';
import type { Located } from '../model/resource.js';
import { loadSchemaSet } from '../schema/schema-set.js';
import { createValidator } from '../schema/validator.js';
import { buildBundle } from './build.js';

const provenance = { revision: 'abc123', createdAt: '2027-01-01T00:00:00.000Z' };
const campaigns = (): Located[] => [
  aPromotion('summer', {
    code: 'SUMMER25',
    window: { from: '2027-06-01T00:00:00Z', until: '2027-09-01T00:00:00Z' },
    benefits: [{ percentOff: 25 }],
    limits: { budget: { amount: '5000.00', currency: 'EUR' } },
  }),
  aPromotion('yen', { code: 'YEN500', benefits: [{ amountOff: { amount: '500', currency: 'JPY' } }], audience: { requireTags: ['vip', 'staff'] } }),
  aGeofencePromotion('airport', {
    zone: { geofences: ['station', 'airport'], phase: 'START_OR_END_RENTAL' },
    benefits: [{ freeUnlocks: 1 }],
    stacking: { priority: 5 },
  }),
  aSurcharge('airport-fee'),
];

describe('buildBundle', () => {
  it('builds byte-identical bundles from the same input', () => {
    const a = build(campaigns());
    const b = build(campaigns().reverse());
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
  });

  it('normalizes money, percentages, windows and sets', () => {
    const { bundle } = build(campaigns());
    const summer = bundle.content.campaigns.find((c) => c.name === 'summer')!;
    expect(summer).toMatchObject({
      window: { from: Date.UTC(2027, 5, 1), until: Date.UTC(2027, 8, 1) },
      limits: { budget: { minor: 500000, currency: 'EUR' } },
      benefits: [{ type: 'percentOff', rate: 250000 }],
    });
    const yen = bundle.content.campaigns.find((c) => c.name === 'yen')!;
    expect(yen.audience.requireTags).toEqual(['staff', 'vip']);
    expect(yen.benefits).toEqual([
      { type: 'amountOff', amount: { minor: 500, currency: 'JPY' }, scope: { priceTypes: [], costSources: [], plans: [], metrics: [] } },
    ]);
    expect(bundle.content.currencies).toEqual({ EUR: 2, JPY: 0 });
    expect(bundle.content.geofences.map((g) => [g.name, g.bbox])).toEqual([
      ['airport', [13.49, 52.39, 13.51, 52.41]],
      ['station', [13.39, 52.49, 13.41, 52.51]],
    ]);
  });

  it('resolves the evaluation order: fees, targeted, then priority and name', () => {
    const { bundle } = build([...campaigns(), aPromotion('zeta', { benefits: [{ percentOff: 5 }], stacking: { priority: 5 } })]);
    expect(bundle.content.campaigns.map((c) => [c.id, c.rank, c.priority])).toEqual([
      ['GeofenceSurcharge/airport-fee', 2, 0],
      ['GeofencePromotion/airport', 0, 5],
      ['Promotion/zeta', 2, 5],
      ['Promotion/summer', 2, 0],
      ['Promotion/yen', 2, 0],
    ]);
  });

  it('writes a manifest with provenance, digest and counts', () => {
    expect(build(campaigns()).manifest).toEqual({
      formatVersion: 1,
      revision: 'abc123',
      createdAt: '2027-01-01T00:00:00.000Z',
      digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      counts: { campaigns: 4, geofences: 2, codes: 2, surcharges: 1, byKind: { GeofencePromotion: 1, GeofenceSurcharge: 1, Promotion: 2 } },
    });
  });

  it('produces bundles valid against schemas/bundle.schema.json', () => {
    const validator = createValidator(loadSchemaSet());
    const errors = validator.validateAgainst({ $ref: 'https://promoc.dev/schemas/v1/bundle.schema.json' }, build(campaigns()).bundle);
    expect(errors).toEqual([]);
  });

  it('does not depend on the key order of its input (digest property)', () => {
    const reference = build(campaigns()).manifest.digest;
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const shuffled = campaigns().map((l) => ({ ...l, resource: shuffleKeys(l.resource, seed) }));
        expect(build(shuffled).manifest.digest).toBe(reference);
      }),
      { seed: 3, numRuns: 50 },
    );
  });

  it('reports what it cannot normalize as located diagnostics, and builds nothing', () => {
    const result = buildBundle(
      aModel(
        [
          aPromotion('cents', { benefits: [{ amountOff: { amount: '5.001', currency: 'EUR' } }] }),
          aPromotion('fine', { benefits: [{ percentOff: 33.333333 }] }),
          aPromotion('one', { code: 'SAME' }),
          aPromotion('two', { code: 'SAME' }),
          aGeofencePromotion('lost', { zone: { geofences: ['nowhere'], phase: 'START_RENTAL' } }),
        ],
        GEOMETRIES,
      ),
      provenance,
    );
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => [d.ruleId, d.path?.join('.'), d.message])).toEqual([
      ['bundle/money', 'spec.benefits.0.amountOff.amount', 'EUR amount "5.001" has 3 decimals; the currency has 2'],
      ['bundle/percent', 'spec.benefits.0.percentOff', 'percentage 33.333333 has more than 4 decimals'],
      ['bundle/duplicate-code', 'spec.code', 'code SAME is also used by Promotion/one'],
      ['bundle/unknown-geofence', 'spec.zone.geofences', 'geofence "nowhere" is not defined'],
    ]);
    expect(result.diagnostics.every((d) => d.file === 'campaigns/test.yaml' && d.hint)).toBe(true);
  });
});

/** The same value with every object's keys in a seeded random order. */
function shuffleKeys<T>(value: T, seed: number): T {
  let s = seed >>> 0;
  const next = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s;
  };
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== 'object') return v;
    const entries = Object.entries(v).map(([k, x]) => [k, walk(x)] as const);
    for (let i = entries.length - 1; i > 0; i--) {
      const j = next() % (i + 1);
      [entries[i], entries[j]] = [entries[j]!, entries[i]!];
    }
    return Object.fromEntries(entries);
  };
  return walk(value) as T;
}
