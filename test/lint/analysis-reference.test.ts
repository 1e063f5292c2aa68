// The stacking and discount analyses against their reference (test/lint/reference/: the straightforward
// versions they replaced, which compare every winner with every loser, every zone through the atlas and
// scan every ranked offer): identical findings, in the same order, with the same windows and shares, on
// generated families of campaigns over overlapping, nested, equal, touching, far and broken geofences,
// and on the benchmark's synthetic models.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnyResource } from '../../src/generated/index.js';
import { createAtlas } from '../../src/geo/index.js';
import { worstDiscountStacks, type DiscountStack } from '../../src/lint/analysis/discounts.js';
import { buildOffers } from '../../src/lint/analysis/offers.js';
import { analyseStacking, type Grouped, type StackingAnalysis } from '../../src/lint/analysis/stacking.js';
import { createZoneIndex } from '../../src/lint/analysis/zone-index.js';
import type { Located, Model, MultiPolygonCoords } from '../../src/model/resource.js';
import { square } from '../fixtures/engine/builders.js';
import { params } from '../fuzz/fuzz-kit.js';
import { worstDiscountStacks as referenceDiscounts } from './reference/discounts.js';
import { analyseStacking as referenceStacking } from './reference/stacking.js';
import { syntheticModel } from './synthetic.js';

const bowtie: MultiPolygonCoords = [
  [
    [
      [13.5, 52.5],
      [13.52, 52.52],
      [13.52, 52.5],
      [13.5, 52.52],
      [13.5, 52.5],
    ],
  ],
];

/** Nested, equal, overlapping in a chain, touching, far apart, and one self-intersecting (unusable). */
const GEOMETRIES = new Map<string, MultiPolygonCoords>([
  ['a', square(13.4, 52.5, 0.02)],
  ['a-inner', square(13.4, 52.5, 0.01)],
  ['a-copy', square(13.4, 52.5, 0.02)],
  ['b', square(13.43, 52.5, 0.02)],
  ['c', square(13.46, 52.5, 0.02)],
  ['touch', square(13.4, 52.53, 0.01)],
  ['far', square(2.35, 48.86, 0.02)],
  ['bow', bowtie],
]);
const NAMES = [...GEOMETRIES.keys(), 'missing'];

const INSTANTS = [
  '2027-01-01T00:00:00Z',
  '2027-03-01T00:00:00Z',
  '2027-05-01T00:00:00Z',
  '2027-07-01T00:00:00Z',
  '2027-09-01T00:00:00Z',
  '2028-01-01T00:00:00Z',
];

/** Mostly absent, so campaigns often cover one another. */
const rarely = <T>(list: readonly T[]) => fc.oneof({ arbitrary: fc.constant([] as T[]), weight: 3 }, { arbitrary: fc.subarray([...list]), weight: 1 });

const window = fc
  .tuple(fc.option(fc.integer({ min: 0, max: INSTANTS.length - 1 }), { nil: undefined }), fc.option(fc.integer({ min: 0, max: INSTANTS.length - 1 })))
  .map(([from, until]) => ({
    ...(from !== undefined ? { from: INSTANTS[from]! } : {}),
    ...(until !== null ? { until: INSTANTS[until]! } : {}),
  }));

const benefit = fc
  .record({
    percentOff: fc.constantFrom(5, 10, 25, 40, 60),
    priceTypes: rarely(['TIME_PRICE', 'UNLOCK_FEE']),
    costSources: rarely([{ group: 'RENTAL', code: 'BASE' }]),
    plans: rarely(['basic', 'pro']),
    metrics: rarely(['seats']),
    credit: fc.constantFrom(false, false, false, true),
  })
  .map(({ percentOff, priceTypes, costSources, plans, metrics, credit }) => {
    const appliesTo = {
      ...(priceTypes.length > 0 ? { priceTypes } : {}),
      ...(costSources.length > 0 ? { costSources } : {}),
      ...(plans.length > 0 ? { plans } : {}),
      ...(metrics.length > 0 ? { metrics } : {}),
    };
    const effect = credit ? { credit: { amount: '5.00', currency: 'EUR' } } : { percentOff };
    return Object.keys(appliesTo).length > 0 ? { ...effect, appliesTo } : effect;
  });

const campaign = fc.record({
  kind: fc.constantFrom('Promotion', 'Promotion', 'GeofencePromotion', 'GeofencePromotion', 'GeofenceSurcharge', 'VehiclePromotion'),
  window,
  // One campaign in four is phased.
  phases: fc
    .tuple(
      fc.boolean(),
      fc.boolean(),
      fc.array(fc.record({ window, benefits: fc.array(benefit, { minLength: 1, maxLength: 2 }) }), { minLength: 1, maxLength: 2 }),
    )
    .map(([x, y, phases]) => (x || y ? [] : phases)),
  benefits: fc.array(benefit, { minLength: 1, maxLength: 2 }),
  stackable: fc.boolean(),
  priority: fc.constantFrom(0, 10, 100),
  code: fc.boolean(),
  limited: fc.constantFrom(false, false, false, true),
  userTypes: rarely(['staff', 'student']),
  requireTags: rarely(['vip', 'new']),
  excludeTags: rarely(['vip', 'banned']),
  branches: rarely(['berlin', 'paris']),
  zone: fc.array(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 2 }),
  phase: fc.constantFrom('START_RENTAL', 'END_RENTAL', 'START_OR_END_RENTAL', 'START_AND_END_RENTAL'),
  target: fc.constantFrom(undefined, undefined, 'mobility', 'lago'),
  inactive: fc.constantFrom(false, false, false, true),
  wide: fc.boolean(),
});

type Campaign = typeof campaign extends fc.Arbitrary<infer T> ? T : never;

function resourceOf(c: Campaign, i: number): AnyResource {
  const name = `c${String(i).padStart(3, '0')}`;
  const zone = { geofences: c.zone, phase: c.phase };
  const window = c.wide ? {} : c.window;
  const audience = {
    ...(c.userTypes.length > 0 ? { userTypes: c.userTypes } : {}),
    ...(c.requireTags.length > 0 ? { requireTags: c.requireTags } : {}),
    ...(c.excludeTags.length > 0 ? { excludeTags: c.excludeTags } : {}),
  };
  const common = {
    window,
    stacking: { stackable: c.stackable, priority: c.priority },
    audience,
    ...(c.branches.length > 0 ? { targeting: { branches: c.branches } } : {}),
    ...(c.limited ? { limits: { redemptions: 100 } } : {}),
    ...(c.inactive ? { status: 'inactive' } : {}),
  };
  const metadata = { name, ...(c.target ? { labels: { target: c.target } } : {}) };
  const spec =
    c.kind === 'GeofenceSurcharge'
      ? { window, zone, surcharge: { amount: { amount: '1.00', currency: 'EUR' } } }
      : c.kind === 'GeofencePromotion'
        ? { ...common, benefits: c.benefits, zone }
        : c.kind === 'VehiclePromotion'
          ? { ...common, benefits: c.benefits, targeting: { vehicleTags: ['electric'], ...(c.branches.length > 0 ? { branches: c.branches } : {}) } }
          : {
              ...common,
              benefits: c.benefits,
              ...(c.code ? { code: `CODE${i}` } : {}),
              ...(c.phases.length > 0 ? { phases: c.phases.map((p, k) => ({ name: `p${k}`, ...p })) } : {}),
            };
  return { apiVersion: 'promoc/v1', kind: c.kind, metadata, spec } as AnyResource;
}

function modelOf(campaigns: readonly Campaign[]): Model {
  const resources: Located[] = campaigns.map((c, i) => ({ resource: resourceOf(c, i), source: { file: 'm.yaml', docIndex: i } }));
  return { resources, geometries: GEOMETRIES };
}

const grouped = (g: Grouped) => ({ offer: g.offer.id, others: g.others.map((o) => o.id), more: g.more ?? false, from: g.from, until: g.until });
const stacking = (s: StackingAnalysis) => ({ ambiguous: s.ambiguous.map(grouped), shadowed: s.shadowed.map(grouped), exclusive: s.exclusive.map(grouped) });
const stacks = (list: readonly DiscountStack[]) =>
  list.map((s) => ({ members: s.members.map((o) => o.id), shares: s.shares, line: s.line, combined: s.combined, from: s.from, until: s.until }));

/** Both analyses, both ways, each over an atlas of its own. */
function compare(model: Model, caps: readonly number[]): { stacking: ReturnType<typeof stacking>; found: number } {
  const offers = buildOffers(model);
  const zones = createZoneIndex(offers, createAtlas(model.geometries));
  const reference = createAtlas(model.geometries);
  const mine = stacking(analyseStacking(offers, zones));
  expect(mine).toEqual(stacking(referenceStacking(offers, reference)));
  let found = 0;
  for (const cap of caps) {
    const got = stacks(worstDiscountStacks(offers, zones, cap));
    expect(got).toEqual(stacks(referenceDiscounts(offers, reference, cap)));
    found += got.length;
  }
  return { stacking: mine, found };
}

describe('the stacking and discount analyses equal their reference', () => {
  it('on generated families of campaigns over overlapping, nested and broken geofences', () => {
    const seen = { ambiguous: 0, shadowed: 0, exclusive: 0, more: 0, stacks: 0 };
    fc.assert(
      fc.property(fc.array(campaign, { minLength: 2, maxLength: 40 }), (campaigns) => {
        const { stacking: s, found } = compare(modelOf(campaigns), [100, 50, 30]);
        seen.ambiguous += s.ambiguous.length;
        seen.shadowed += s.shadowed.length;
        seen.exclusive += s.exclusive.length;
        seen.more += s.exclusive.filter((g) => g.more).length;
        seen.stacks += found;
      }),
      params(300),
    );
    // The comparison means something only if every kind of finding came up.
    for (const [kind, n] of Object.entries(seen)) expect(n, kind).toBeGreaterThan(0);
  });

  // The bench's full 10k + 2k model takes the reference about 20 s on a quiet machine, too long for every run of
  // the suite; these two models reach every kind of finding in a few seconds.
  it("on the benchmark's synthetic models", { timeout: 120_000 }, () => {
    for (const [campaigns, geofences, seed] of [
      [1500, 30, 1],
      [3000, 300, 2],
    ] as const) {
      const { stacking: s, found } = compare(syntheticModel(campaigns, geofences, seed), [100, 60]);
      expect(s.shadowed.length).toBeGreaterThan(0);
      expect(s.exclusive.length).toBeGreaterThan(0);
      expect(s.ambiguous.length).toBeGreaterThan(0);
      expect(found).toBeGreaterThan(0);
    }
  });
});
