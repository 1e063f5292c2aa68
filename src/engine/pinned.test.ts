// Evaluations pinned byte for byte. The evaluator is tuned for speed; this proves a change did not
// alter any output: every field, every rejection reason and its order, the JSON key order, the
// ContextError a bad context gets, what the loader refuses and how, and what becomes of contexts
// that break the types. A few outcomes are stored in full (readable diffs); the whole corpus — a
// kitchen-sink bundle exercising every rule, and synthetic bundles with the benchmark's contexts,
// each through the indexed and the linear engine — is pinned by a sha256 per group.
//
// pinned-evaluations.json was written by the engine as it was before its speed work (commit
// f36d3d2). The pins depend on the bundle builder too: after an intended change of semantics or of
// the builder, rewrite them with PROMOC_PIN_WRITE=1 npx vitest run src/engine/pinned.test.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Package, Referral, Subscription } from '../generated/index.js';
import { buildBundle } from '../bundle/build.js';
import { random, syntheticContexts, syntheticModel } from '../bundle/synthetic.js';
import {
  aContext,
  aGeofencePromotion,
  AIRPORT,
  aPromotion,
  aResource,
  aSurcharge,
  aVehiclePromotion,
  build,
  ELSEWHERE,
  line,
  STATION,
} from '../../test/fixtures/engine/builders.js';
import { prepare, type EvaluationContext, type LonLat, type PriceLine } from './context.js';
import { canonicalJson } from './canonical.js';
import { BundleError, ContextError } from './errors.js';
import { loadBundle, type Engine, type EvaluateOptions } from './load.js';
import { sha256Hex } from './sha256.js';
import { memoryUsage } from './usage.js';

const PIN_FILE = new URL('./pinned-evaluations.json', import.meta.url);

interface Pins {
  readonly samples: Record<string, unknown>;
  readonly digests: Record<string, string>;
}

/** One evaluation as the JSON a service would send, or the ContextError it throws. */
function outcome(engine: Engine, ctx: EvaluationContext, options?: EvaluateOptions): string {
  try {
    return JSON.stringify(engine.evaluate(ctx, options));
  } catch (e) {
    // Ours are pinned word for word; a runtime TypeError's message quotes the source, so only its name.
    const err = e as Error & { path?: string; hint?: string };
    return JSON.stringify(e instanceof ContextError ? { error: err.name, path: err.path, message: err.message, hint: err.hint } : { error: err.name });
  }
}

function digest(outcomes: readonly string[]): string {
  return sha256Hex(new TextEncoder().encode(outcomes.join('\n')));
}

// --- A bundle with a campaign for every rule, and contexts that take each rule both ways ---

const eur = (amount: string) => ({ amount, currency: 'EUR' });
const stack = (priority = 0) => ({ stackable: true, priority });

function kitchenSink() {
  return build(kitchenSinkResources());
}

function kitchenSinkResources() {
  return [
    aPromotion('inactive', { code: 'INACTIVE', status: 'inactive' }),
    aPromotion('future', { code: 'FUTURE', window: { from: '2027-08-01T00:00:00Z' } }),
    aPromotion('past', { code: 'PAST', window: { until: '2027-03-15T06:30:00Z' } }),
    aPromotion('millis', { code: 'MILLIS', window: { from: '2027-06-01T00:00:00.250Z', until: '2027-12-01T00:00:00Z' }, stacking: stack() }),
    aPromotion('staff', { code: 'STAFF', audience: { userTypes: ['staff', 'fleet'] }, stacking: stack(4) }),
    aPromotion('vip', {
      code: 'VIP',
      audience: { requireTags: ['vip', 'gold'], excludeTags: ['flagged'] },
      benefits: [{ percentOff: 15 }],
      stacking: stack(2),
    }),
    aPromotion('first', { code: 'FIRST', audience: { firstPurchaseOnly: true }, benefits: [{ amountOff: eur('3.00') }], stacking: stack() }),
    aVehiclePromotion('ev', { targeting: { vehicleTags: ['electric', 'promo'] }, stacking: stack(3) }),
    aPromotion('berlin', { targeting: { branches: ['berlin'], vehicleCategories: ['e-scooter'] }, benefits: [{ percentOff: 5 }], stacking: stack() }),
    aPromotion('chosen', { targeting: { vehicleIds: ['v1', 'v2'] }, benefits: [{ freeUnlocks: 1 }], stacking: stack() }),
    aGeofencePromotion('g-start', { zone: { geofences: ['airport'], phase: 'START_RENTAL' }, benefits: [{ percentOff: 10 }], stacking: stack(1) }),
    aGeofencePromotion('g-end', { zone: { geofences: ['station'], phase: 'END_RENTAL' }, benefits: [{ amountOff: eur('1.00') }], stacking: stack(1) }),
    aGeofencePromotion('g-plus', {
      zone: { geofences: ['airport', 'station'], phase: 'START_PLUS_END_RENTAL' },
      benefits: [{ percentOff: 20 }],
      stacking: stack(1),
    }),
    aGeofencePromotion('g-or', { zone: { geofences: ['station'], phase: 'START_OR_END_RENTAL' }, benefits: [{ freeMinutes: 3 }], stacking: stack(1) }),
    aGeofencePromotion('g-and', {
      zone: { geofences: ['airport'], phase: 'START_AND_END_RENTAL' },
      benefits: [{ percentOff: 30 }],
      stacking: { stackable: false, priority: 1 },
    }),
    aSurcharge('airport-fee', { zone: { geofences: ['airport'], phase: 'START_PLUS_END_RENTAL' }, surcharge: { amount: eur('2.00') } }),
    aSurcharge('station-share', {
      zone: { geofences: ['station'], phase: 'START_OR_END_RENTAL' },
      surcharge: { percent: 10, appliesTo: { priceTypes: ['TIME_PRICE'] } },
    }),
    aSurcharge('empty-fee', {
      zone: { geofences: ['station'], phase: 'END_RENTAL' },
      surcharge: { percent: 5, appliesTo: { priceTypes: ['RESERVATION_PRICE'] } },
    }),
    aPromotion('fee-waiver', {
      code: 'NOFEE',
      benefits: [{ amountOff: eur('1.50'), appliesTo: { costSources: [{ group: 'SURCHARGE', code: 'airport-fee' }] } }],
      stacking: stack(9),
    }),
    aPromotion('usd', { code: 'USD5', benefits: [{ amountOff: { amount: '5.00', currency: 'USD' } }] }),
    aPromotion('yen', { code: 'YEN', benefits: [{ amountOff: { amount: '500', currency: 'JPY' } }], stacking: stack() }),
    aPromotion('cond-all', {
      code: 'COND',
      conditions: { minimumSpend: eur('20.00'), customerAttributes: [{ attribute: 'country', equals: 'DE' }], usageAtLeast: 100, quantityAtLeast: 3 },
      stacking: stack(),
    }),
    aPromotion('cond-any', {
      code: 'ANY',
      conditions: { mode: 'ANY', minimumSpend: eur('15.00'), quantityAtLeast: 3 },
      benefits: [{ percentOff: 12.5 }],
      stacking: stack(),
    }),
    aPromotion('limited', {
      code: 'LIMITED',
      limits: { redemptions: 10, perCustomer: 1, budget: eur('5.00') },
      benefits: [{ percentOff: 50 }],
      stacking: stack(5),
    }),
    aPromotion('phased', {
      code: 'PHASED',
      benefits: [{ percentOff: 10 }],
      phases: [
        { name: 'launch', window: { from: '2027-07-01T00:00:00Z', until: '2027-07-08T00:00:00Z' }, benefits: [{ percentOff: 50 }, { credit: eur('1.00') }] },
      ],
      stacking: stack(),
    } as never),
    aPromotion('minutes', { code: 'MINUTES', benefits: [{ freeMinutes: 7 }], stacking: stack() }),
    aPromotion('insured', { code: 'INSURED', benefits: [{ entitlement: { addition: 'INSURANCE_PLUS' } }], stacking: stack() }),
    aPromotion('pack', { code: 'PACK20', benefits: [{ packageDiscount: 20 }], stacking: stack() }),
    aPromotion('grant', { code: 'GRANT', benefits: [{ credit: eur('10.00') }, { trialExtensionDays: 14 }], stacking: stack() }),
    aPromotion('billing', { code: 'PLAN', benefits: [{ percentOff: 25, appliesTo: { plans: ['pro'], metrics: ['api_calls'] } }], stacking: stack() }),
    aPromotion('loner', { code: 'LONER', benefits: [{ percentOff: 40 }], stacking: { priority: 8 } }),
    aPromotion('tiny', { code: 'TINY', benefits: [{ percentOff: 0.01 }], stacking: stack() }),
    aPromotion('broad', { benefits: [{ percentOff: 2 }], stacking: stack(0) }),
    aPromotion('bulk', { conditions: { quantityAtLeast: 5 }, benefits: [{ percentOff: 35 }], stacking: { stackable: false, priority: 7 } }),
    aResource<Subscription>('Subscription', 'commuter', { price: eur('9.99'), interval: 'MONTHLY', benefits: [{ freeUnlocks: 2 }] }),
    aResource<Package>('Package', 'city-100', { price: eur('20.00'), benefits: [{ freeMinutes: 100 }] } as never),
    aResource<Referral>('Referral', 'friends', { referee: { benefits: [{ amountOff: eur('3.00') }] }, referrer: { benefits: [{ credit: eur('5.00') }] } }),
  ];
}

const CODES = [
  'INACTIVE',
  'FUTURE',
  'PAST',
  'MILLIS',
  'STAFF',
  'VIP',
  'FIRST',
  'NOFEE',
  'USD5',
  'YEN',
  'COND',
  'ANY',
  'LIMITED',
  'PHASED',
  'MINUTES',
  'INSURED',
  'PACK20',
  'GRANT',
  'PLAN',
  'LONER',
  'TINY',
  'NOPE',
];
const INSTANTS: readonly (number | string)[] = [
  '2027-07-01T12:00:00Z',
  '2027-07-03T08:00:00+02:00',
  Date.UTC(2027, 7, 1),
  Date.UTC(2027, 2, 15, 6, 30),
  Date.UTC(2027, 2, 15, 6, 29, 59, 999),
  '2027-06-01T00:00:00.250Z',
  Date.UTC(2027, 5, 1),
  '2027-12-01T00:00:00Z',
  Date.UTC(2027, 0, 1),
];
const PLACES: readonly (LonLat | undefined)[] = [AIRPORT, STATION, ELSEWHERE, undefined, { lon: 13.51, lat: 52.41 }];
const LINES: readonly PriceLine[] = [
  line('time', 1000, { priceType: 'TIME_PRICE', quantity: 20 }),
  line('unlock', 100, { priceType: 'UNLOCK_FEE' }),
  line('drive', 777, { priceType: 'DRIVING_PRICE', quantity: 9 }),
  line('distance', 505, { priceType: 'DISTANCE_PRICE', quantity: 10 }),
  line('ins', 300, { costSource: { group: 'ADDITION', code: 'INSURANCE_PLUS' } }),
  line('seat', 200, { costSource: { group: 'ADDITION', code: 'CHILD_SEAT' } }),
  line('pkg', 2000, { package: 'city-100' }),
  line('calls', 4999, { metric: 'api_calls' }),
  line('zero', 0, { priceType: 'TIME_PRICE', quantity: 5 }),
  line('parking-fee', 250, { costSource: { group: 'SURCHARGE', code: 'parking' } }),
  line('big', 3_000_000_000_000, { priceType: 'TIME_PRICE', quantity: 7 }),
];

function kitchenContexts(count: number): EvaluationContext[] {
  const rnd = random(11);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const some = <T>(xs: readonly T[], p: number): T[] => xs.filter(() => rnd() < p);
  const out: EvaluationContext[] = [];
  for (let i = 0; i < count; i++) {
    const start = pick(PLACES);
    const end = pick(PLACES);
    const lines = some(LINES, 0.35);
    const usage =
      rnd() < 0.3
        ? memoryUsage({ 'Promotion/limited': { redemptions: pick([0, 9, 10]), customers: { c1: pick([0, 1, 2]) }, budgetSpent: pick([0, 100, 499, 500]) } })
        : undefined;
    const customer =
      rnd() < 0.8
        ? {
            ...(rnd() < 0.6 ? { id: pick(['c1', 'c2']) } : {}),
            ...(rnd() < 0.5 ? { userType: pick(['staff', 'regular', 'fleet']) } : {}),
            tags: some(['vip', 'gold', 'flagged', 'student'], 0.4),
            ...(rnd() < 0.4 ? { attributes: { country: pick(['DE', 'FR']) } } : {}),
            ...(rnd() < 0.3 ? { firstPurchase: rnd() < 0.5 } : {}),
            ...(rnd() < 0.3 ? { vouchers: some(['Subscription/commuter', 'Package/city-100', 'Referral/friends', 'Referral/none'], 0.5) } : {}),
          }
        : undefined;
    out.push({
      at: pick(INSTANTS),
      currency: pick(['EUR', 'EUR', 'EUR', 'USD', 'JPY']),
      ...(customer ? { customer } : {}),
      codes: some(CODES, 0.15).map((c) => (rnd() < 0.2 ? c.toLowerCase() : c)),
      lines: lines.length > 0 ? lines : [LINES[0]!],
      ...(rnd() < 0.8
        ? { rental: { ...(start ? { start } : {}), ...(end ? { end } : {}), ...(rnd() < 0.5 ? { branch: pick(['berlin', 'hamburg']) } : {}) } }
        : {}),
      ...(rnd() < 0.8
        ? {
            vehicle: {
              id: pick(['v1', 'v3']),
              tags: some(['electric', 'promo', 'fresh'], 0.5),
              ...(rnd() < 0.5 ? { category: pick(['e-scooter', 'car']) } : {}),
            },
          }
        : {}),
      ...(rnd() < 0.4 ? { billing: { ...(rnd() < 0.5 ? { plan: pick(['pro', 'basic']) } : {}), usage: pick([50, 100]), quantity: pick([0, 3, 5]) } } : {}),
      ...(usage ? { usage } : {}),
    });
  }
  return out;
}

const PRODUCTS = ['vehicle-rental', 'ev-charging', 'subscription-billing'] as const;
const OPTION_SETS: Record<string, EvaluateOptions> = {
  'without reasons': { explain: false },
  'without lines': { lines: false },
  'without reasons or lines': { explain: false, lines: false },
};

/** The kitchen sink, and campaigns (automatic and with a code, some with other rules) of each product. */
function productSink() {
  const scoped = PRODUCTS.flatMap((product, i) => [
    aPromotion(`auto-${product}`, { product, benefits: [{ percentOff: 5 + i }], stacking: stack(i) }),
    aPromotion(`code-${product}`, { product, code: `P${i}`, benefits: [{ amountOff: eur('1.00') }], stacking: stack() }),
    aPromotion(`vip-${product}`, { product, code: `V${i}`, audience: { requireTags: ['vip'] }, stacking: { stackable: false, priority: 20 + i } }),
    aGeofencePromotion(`zone-${product}`, { product, zone: { geofences: ['airport'], phase: 'START_OR_END_RENTAL' }, stacking: stack(1) }),
  ]);
  return build([...kitchenSinkResources(), ...scoped]);
}

/** mayApplyAny for each campaign alone, then all at once, as a string of 0 and 1; or the ContextError. */
function mayApplyEach(engine: Engine, ctx: EvaluationContext): string {
  try {
    const p = prepare(ctx);
    const ids = engine.campaigns.map((c) => c.id);
    return ids.map((id) => (engine.mayApplyAny(p, new Set([id])) ? '1' : '0')).join('') + (engine.mayApplyAny(p, new Set(ids)) ? '1' : '0');
  } catch (e) {
    return e instanceof ContextError ? `${e.path}: ${e.message}` : (e as Error).name;
  }
}

/** Contexts the engine refuses, one rule each, plus one breaking two (the first check wins). */
const BAD: readonly EvaluationContext[] = [
  aContext({ at: 'yesterday' }),
  aContext({ at: Number.NaN }),
  aContext({ currency: 'eur' }),
  aContext({ currency: 'EURO', at: 'nope' }),
  aContext({ lines: [line('a', -1)] }),
  aContext({ lines: [line('a', 1.5)] }),
  aContext({ lines: [line('a', 1, { quantity: -2 })] }),
  aContext({ lines: [line('a', 1), line('b', 2), line('a', 3)] }),
  { at: 0, currency: 'EUR' } as unknown as EvaluationContext,
];

/** Contexts that break the types (a caller skipping contextFromData): whatever happened to them is pinned too. */
const ODD: readonly EvaluationContext[] = [
  aContext({ vehicle: { id: 'v1', tags: 5 as never } }),
  aContext({ vehicle: { tags: 'electric promo' as never } }),
  aContext({ codes: 'VIP' as never, customer: { tags: 'gold vip' as never } }),
  aContext({ codes: [5, 'VIP'] as never }),
  aContext({ codes: ['nope', 'straße', 'ﬁrst', 'VİP', 'grant'] }),
  aContext({ customer: { vouchers: 'Subscription/commuter' as never } }),
  aContext({ rental: { start: {} as never, end: AIRPORT } }),
  aContext({ rental: { start: { lon: Number.NaN, lat: 52.4 } } }),
  aContext({ rental: { start: { lon: '13.5', lat: '52.4' } as never } }),
  aContext({ rental: { start: { lon: Infinity, lat: 52.4 }, end: { lon: 13.4, lat: -Infinity } } }),
  aContext({ at: '2027-07-01', codes: ['PHASED', 'MILLIS'] }),
  aContext({ currency: 'XXX', codes: ['GRANT', 'VIP'] }),
  aContext({ lines: [line('time', 1000, { priceType: 'TIME_PRICE', quantity: Number.NaN })], codes: ['MINUTES'] }),
  aContext({ lines: [null as never] }),
  aContext({
    billing: { plan: 'pro', usage: '100' as never, quantity: '7' as never },
    codes: ['COND', 'PLAN'],
    lines: [line('calls', 4999, { metric: 'api_calls' })],
  }),
  aContext({
    customer: { id: 'c1', attributes: { country: 'DE' }, firstPurchase: 'yes' as never },
    codes: ['FIRST', 'LIMITED'],
    usage: memoryUsage({ 'Promotion/limited': { customers: { c1: 1 } } }),
  }),
];

const UNCHECKED = new Set(['audience lists missing', 'scope lists missing', 'scope null', 'scope missing', 'phase benefits missing']);

/** Bundles the loader refuses: each shape rule broken once (what is thrown, in which order, with which words). */
function refusals(bundle: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed JSON, mutated at will
  const clone = () => JSON.parse(JSON.stringify(bundle)) as Json;
  const cases: Record<string, (b: Json) => unknown> = {
    'not an object': () => null,
    'format version': (b) => {
      b.manifest.formatVersion = 2;
      return b;
    },
    content: (b) => {
      b.content = [];
      return b;
    },
    currencies: (b) => {
      b.content.currencies = null;
      return b;
    },
    campaigns: (b) => {
      b.content.campaigns = {};
      return b;
    },
    geofences: (b) => {
      b.content.geofences = 'x';
      return b;
    },
    'geofence name': (b) => {
      delete b.content.geofences[1].name;
      return b;
    },
    'geofence bbox': (b) => {
      b.content.geofences[0].bbox = [1, 2, 3];
      return b;
    },
    'geofence bbox NaN': (b) => {
      b.content.geofences[0].bbox[2] = Number.NaN;
      return b;
    },
    'geofence coordinates': (b) => {
      b.content.geofences[0].coordinates = {};
      return b;
    },
    'campaign not an object': (b) => {
      b.content.campaigns[3] = 5;
      return b;
    },
    'duplicate id': (b) => {
      b.content.campaigns[4].id = b.content.campaigns[2].id;
      return b;
    },
    window: (b) => {
      delete b.content.campaigns[5].window;
      return b;
    },
    limits: (b) => {
      b.content.campaigns[6].limits = [];
      return b;
    },
    benefits: (b) => {
      b.content.campaigns[7].benefits = null;
      return b;
    },
    'benefit type': (b) => {
      b.content.campaigns[8].benefits.push({ type: 'bogus' });
      return b;
    },
    'benefit null': (b) => {
      b.content.campaigns[9].benefits.unshift(null);
      return b;
    },
    'phase benefit type': (b) => {
      const c = b.content.campaigns.find((x: { phases?: unknown }) => x.phases);
      c.phases[0].benefits[0].type = 'half';
      return b;
    },
    'phases not a list': (b) => {
      b.content.campaigns[10].phases = {};
      return b;
    },
    'zone phase': (b) => {
      const c = b.content.campaigns.find((x: { zone?: unknown }) => x.zone);
      c.zone.phase = 'ANYWHERE';
      return b;
    },
    'zone geofence': (b) => {
      const c = b.content.campaigns.find((x: { zone?: unknown }) => x.zone);
      c.zone.geofences.push('atlantis');
      return b;
    },
    'fee without surcharge': (b) => {
      const c = b.content.campaigns.find((x: { fee?: unknown }) => x.fee);
      delete c.surcharge;
      return b;
    },
    digest: (b) => {
      b.content.campaigns[0].priority += 1;
      return b;
    },
    // Not caught by the shape check (the digest is recomputed below): where and how they fail.
    'audience lists missing': (b) => {
      b.content.campaigns[11].audience = {};
      return b;
    },
    'scope lists missing': (b) => {
      b.content.campaigns[12].benefits[0].scope = {};
      return b;
    },
    'scope null': (b) => {
      b.content.campaigns[12].benefits[0].scope = null;
      return b;
    },
    'scope missing': (b) => {
      delete b.content.campaigns[12].benefits[0].scope;
      return b;
    },
    'phase benefits missing': (b) => {
      const c = b.content.campaigns.find((x: { phases?: unknown }) => x.phases);
      delete c.phases[0].benefits;
      return b;
    },
  };
  const everything = aContext({ codes: CODES, lines: [...LINES], rental: { start: AIRPORT, end: STATION, branch: 'berlin' } });
  for (const [name, mutate] of Object.entries(cases)) {
    try {
      const b = mutate(clone()) as { manifest: { digest: string }; content: unknown } | null;
      if (b && UNCHECKED.has(name)) b.manifest.digest = `sha256:${sha256Hex(new TextEncoder().encode(canonicalJson(b.content)))}`;
      const engine = loadBundle(b as never);
      out[name] = `{"loaded":true,"evaluation":${outcome(engine, everything)}}`;
    } catch (e) {
      // Ours are pinned word for word; a runtime TypeError's message quotes the source, so only its name.
      const err = e as Error & { code?: string; hint?: string };
      out[name] = JSON.stringify(e instanceof BundleError ? { error: err.name, code: err.code, message: err.message, hint: err.hint } : { error: err.name });
    }
  }
  return out;
}

// --- Synthetic bundles: the benchmark's workload, and small ones with varied contexts ---

function syntheticEngines(options: { campaigns: number; geofences: number; seed: number }): [Engine, Engine] {
  const built = buildBundle(syntheticModel(options), { revision: null, createdAt: null });
  if (!built.ok) throw new Error('synthetic model did not build');
  return [loadBundle(built.bytes), loadBundle(built.bytes, { strategy: 'linear' })];
}

/** The synthetic contexts, bent to reach the rules they leave alone: currency, string instants, missing ends, usage. */
function varied(contexts: readonly EvaluationContext[]): EvaluationContext[] {
  return contexts.map((c, i) => ({
    ...c,
    ...(i % 7 === 3 ? { currency: 'USD' } : {}),
    ...(i % 5 === 1 ? { at: new Date(c.at).toISOString() } : {}),
    ...(i % 6 === 2 ? { rental: { ...(c.rental?.start ? { start: c.rental.start } : {}) } } : {}),
    ...(i % 9 === 4 ? { codes: (c.codes ?? []).map((x) => x.toLowerCase()) } : {}),
    ...(i % 4 === 0 ? { usage: memoryUsage() } : {}),
  }));
}

function corpus(): { groups: Record<string, string[]>; samples: Record<string, string> } {
  const groups: Record<string, string[]> = {};
  const samples: Record<string, string> = {};
  const sink = kitchenSink();
  const engines = { indexed: loadBundle(sink.bytes), linear: loadBundle(sink.bytes, { strategy: 'linear' }) };
  const contexts = [...kitchenContexts(1500), ...BAD];
  for (const [name, engine] of Object.entries(engines)) groups[`odd contexts/${name}`] = ODD.map((c) => outcome(engine, c));
  ODD.forEach((_, i) => {
    samples[`odd context #${i}`] = groups['odd contexts/indexed']![i]!;
  });
  for (const [name, engine] of Object.entries(engines)) groups[`kitchen-sink/${name}`] = contexts.map((c) => outcome(engine, c));
  const indexedSink = groups['kitchen-sink/indexed']!;
  for (const i of [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144]) samples[`kitchen-sink #${i}`] = indexedSink[i]!;
  for (let i = 0; i < BAD.length; i++) samples[`refused #${i}`] = indexedSink[contexts.length - BAD.length + i]!;
  for (const [name, outcome] of Object.entries(refusals(sink.bundle))) samples[`bundle refused: ${name}`] = outcome;

  // Every option set, products, and mayApplyAny, on the kitchen sink and campaigns of each product: the
  // paths a reason-less, line-less evaluation (the simulator's) takes, pinned like the default one.
  const scoped = productSink();
  const scopedEngine = loadBundle(scoped.bytes);
  const scopedContexts = kitchenContexts(600).map((c, i) => ({
    ...c,
    ...(i % 4 === 3 ? {} : { product: PRODUCTS[i % 4]! }),
    codes: [...(c.codes ?? []), ...(i % 3 === 0 ? [`P${i % 5}`] : []), ...(i % 5 === 0 ? [`V${i % 3}`] : [])],
  }));
  for (const [name, options] of Object.entries(OPTION_SETS)) groups[`products/${name}`] = scopedContexts.map((c) => outcome(scopedEngine, c, options));
  groups['products/mayApplyAny'] = scopedContexts.map((c) => mayApplyEach(scopedEngine, c));

  const bench = { campaigns: 1000, geofences: 1000, seed: 7 };
  const [indexed, linear] = syntheticEngines(bench);
  const benchContexts = syntheticContexts(bench, 2000, 8);
  groups['bench/indexed'] = benchContexts.map((c) => outcome(indexed, c));
  groups['bench/linear'] = benchContexts.slice(0, 300).map((c) => outcome(linear, c));
  for (const i of [0, 1, 2, 3]) samples[`bench #${i}`] = groups['bench/indexed'][i]!;

  for (const seed of [1, 2, 3, 4]) {
    const options = { campaigns: 120, geofences: 30, seed };
    const [ix, li] = syntheticEngines(options);
    const cs = varied(syntheticContexts(options, 400, seed + 100));
    groups[`synthetic-${seed}/indexed`] = cs.map((c) => outcome(ix, c));
    groups[`synthetic-${seed}/linear`] = cs.map((c) => outcome(li, c));
  }
  return { groups, samples };
}

describe('pinned evaluations', () => {
  const { groups, samples } = corpus();
  const actual: Pins = {
    samples: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, JSON.parse(v) as unknown])),
    digests: Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, digest(v)])),
  };
  if (process.env.PROMOC_PIN_WRITE === '1') writeFileSync(PIN_FILE, `${JSON.stringify(actual, null, 2)}\n`);
  const pinned = JSON.parse(readFileSync(PIN_FILE, 'utf8')) as Pins;

  it('reaches every kind of rejection reason', () => {
    const reasons = new Set(
      groups['kitchen-sink/indexed']!.flatMap(
        (o) => (JSON.parse(o) as { rejected?: { reason: string }[] }).rejected?.map((r) => r.reason.replace(/[\d.]+|[A-Z][\w-]*\/[\w-]+|\(.*\)/g, '#')) ?? [],
      ),
    );
    expect(reasons.size).toBeGreaterThan(30);
  });

  it('pins products refused, applied and skipped, and mayApplyAny both ways', () => {
    const explained = groups['products/without lines']!.join('\n');
    for (const product of PRODUCTS) expect(explained).toContain(`prices ${product}, this context is`);
    expect(explained).toContain('"campaign":"Promotion/auto-ev-charging"');
    const answers = groups['products/mayApplyAny']!.join('');
    expect(answers).toContain('1');
    expect(answers).toContain('0');
  });

  it.each(Object.keys(pinned.samples))('%s is unchanged, byte for byte', (name) => {
    expect(JSON.parse(samples[name]!)).toEqual(pinned.samples[name]);
    expect(samples[name]).toBe(JSON.stringify(pinned.samples[name]));
  });

  it.each(Object.keys(pinned.digests))('%s is unchanged, byte for byte', (name) => {
    expect(actual.digests[name]).toBe(pinned.digests[name]);
  });

  it('indexed and linear engines agree on every pinned context', () => {
    for (const [name, outs] of Object.entries(groups)) {
      if (!name.endsWith('/linear')) continue;
      const indexed = groups[name.replace('/linear', '/indexed')]!;
      outs.forEach((o, i) => expect(o, `${name} #${i}`).toBe(indexed[i]));
    }
  });
});
