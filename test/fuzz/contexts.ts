// Evaluation contexts for the engine fuzz test, written as data (the `promoc eval` / `promoc test` format,
// docs/engine.md): the example contexts (campaigns/**/*.test.yaml, test/fixtures/engine), seeded sessions of
// the simulator (src/simulate/generate.ts), and mutations of them whose values come from the bundle under
// test (window boundaries, codes, voucher ids, tags, geofence vertices, limit and threshold edges) or are
// edge values (amounts at 2^53, fractional minutes, NaN positions, bad instants and currencies, junk types).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import type { Bundle } from '../../src/generated/bundle.js';
import type { Model } from '../../src/model/resource.js';
import { catalogOf } from '../../src/simulate/catalog.js';
import { generateSessions } from '../../src/simulate/generate.js';
import { EXAMPLES } from './campaigns.js';
import { ROOT } from './fuzz-kit.js';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every context of the campaign tests (defaults merged with each test's context, as `promoc test` does). */
function testContexts(): Obj[] {
  const out: Obj[] = [];
  for (const [file, text] of EXAMPLES) {
    if (!/\.test\.ya?ml$/.test(file)) continue;
    const doc = parse(text) as { context?: Obj; tests?: { context?: Obj }[] };
    for (const t of doc.tests ?? []) out.push({ ...(doc.context ?? {}), ...(t.context ?? {}) });
  }
  return out;
}

/** The example contexts and `n` sessions the simulator generates for the model (seeded). */
export function baseContexts(model: Model, n = 150): Obj[] {
  const files = ['test/fixtures/engine/examples/july-scooter.context.yaml', 'test/fixtures/engine/project/context.yaml'];
  const fixtures = files.map((f) => parse(readFileSync(join(ROOT, f), 'utf8')) as Obj);
  const sessions = [...generateSessions(catalogOf(model), { count: n, seed: 7 })].map((s) => JSON.parse(JSON.stringify(s)) as Obj);
  return [...fixtures, ...testContexts(), ...sessions];
}

interface Point {
  lon: number;
  lat: number;
}

/** What a bundle's campaigns look at, for mutations to aim at. */
export interface Pools {
  readonly codes: readonly string[];
  readonly ids: readonly string[];
  /** Campaigns customers hold as vouchers (packages, subscriptions, rewards...). */
  readonly vouchers: readonly string[];
  /** Window and phase boundaries, epoch ms. */
  readonly instants: readonly number[];
  readonly userTypes: readonly string[];
  readonly tags: readonly string[];
  readonly vehicleIds: readonly string[];
  readonly categories: readonly string[];
  readonly branches: readonly string[];
  readonly plans: readonly string[];
  readonly metrics: readonly string[];
  readonly costSources: readonly { group: string; code: string }[];
  readonly attributes: readonly { attribute: string; equals: string }[];
  /** Usage and quantity thresholds. */
  readonly thresholds: readonly number[];
  /** Geofence vertices, edge midpoints, box corners and centres: boundaries count as inside. */
  readonly points: readonly Point[];
  readonly limits: readonly { id: string; redemptions?: number; perCustomer?: number; budget?: number }[];
  readonly currencies: readonly string[];
}

export function poolsOf(bundle: Bundle): Pools {
  const cs = bundle.content.campaigns;
  const uniq = <T>(xs: readonly T[]): T[] => [...new Map(xs.map((x) => [JSON.stringify(x), x])).values()];
  const benefits = cs.flatMap((c) => [...c.benefits, ...(c.phases ?? []).flatMap((p) => p.benefits)]);
  const scopes = [
    ...benefits.flatMap((b) => ('scope' in b && b.scope ? [b.scope] : [])),
    ...cs.flatMap((c) => (c.surcharge?.scope ? [c.surcharge.scope] : [])),
  ];
  const points: Point[] = [];
  for (const g of bundle.content.geofences) {
    const [x0, y0, x1, y1] = g.bbox;
    points.push({ lon: x0, lat: y0 }, { lon: x1, lat: y1 }, { lon: (x0 + x1) / 2, lat: (y0 + y1) / 2 });
    for (const poly of g.coordinates)
      for (const ring of poly)
        ring.forEach((p, i) => {
          const q = ring[(i + 1) % ring.length]!;
          points.push({ lon: p[0]!, lat: p[1]! }, { lon: (p[0]! + q[0]!) / 2, lat: (p[1]! + q[1]!) / 2 });
        });
  }
  return {
    codes: cs.flatMap((c) => (c.code ? [c.code] : [])),
    ids: cs.map((c) => c.id),
    vouchers: cs.filter((c) => c.activation === 'voucher').map((c) => c.id),
    instants: uniq(
      cs
        .flatMap((c) => [c.window.from, c.window.until, ...(c.phases ?? []).flatMap((p) => [p.window.from, p.window.until])])
        .filter((t): t is number => typeof t === 'number'),
    ),
    userTypes: uniq(cs.flatMap((c) => c.audience.userTypes)),
    tags: uniq(cs.flatMap((c) => [...c.audience.requireTags, ...c.audience.excludeTags, ...c.targeting.vehicleTags])),
    vehicleIds: uniq(cs.flatMap((c) => c.targeting.vehicleIds)),
    categories: uniq(cs.flatMap((c) => c.targeting.vehicleCategories)),
    branches: uniq(cs.flatMap((c) => c.targeting.branches)),
    plans: uniq(scopes.flatMap((s) => s.plans)),
    metrics: uniq(scopes.flatMap((s) => s.metrics)),
    costSources: uniq([
      ...scopes.flatMap((s) => s.costSources),
      ...cs.filter((c) => c.fee).map((c) => ({ group: 'SURCHARGE', code: c.name })),
      ...benefits.flatMap((b) => (b.type === 'entitlement' ? [{ group: 'ADDITION', code: b.addition }] : [])),
    ]),
    attributes: uniq(cs.flatMap((c) => c.conditions?.customerAttributes ?? [])),
    thresholds: uniq(
      cs
        .flatMap((c) => [c.conditions?.usageAtLeast, c.conditions?.quantityAtLeast, c.conditions?.minimumSpend?.minor])
        .filter((n): n is number => typeof n === 'number'),
    ),
    points: uniq(points),
    limits: cs
      .filter((c) => c.limits.redemptions !== undefined || c.limits.perCustomer !== undefined || c.limits.budget !== undefined)
      .map((c) => ({ id: c.id, redemptions: c.limits.redemptions, perCustomer: c.limits.perCustomer, budget: c.limits.budget?.minor })),
    currencies: Object.keys(bundle.content.currencies),
  };
}

// ---------------------------------------------------------------------------------------------------------

const TIME_PRICED = ['TIME_PRICE', 'DRIVING_PRICE', 'PARKING_PRICE'];
const PRICE_TYPES = ['TIME_PRICE', 'DRIVING_PRICE', 'PARKING_PRICE', 'DISTANCE_PRICE', 'RESERVATION_PRICE', 'UNLOCK_FEE'];

/** Minor-unit amounts as numbers (2^53 edges, fractions, negatives, non-finite) and as decimal strings. */
const amount = fc.oneof(
  fc.constantFrom<unknown>(
    0,
    1,
    2,
    5,
    99,
    100,
    1000,
    2 ** 31,
    2 ** 52,
    Number.MAX_SAFE_INTEGER - 1,
    Number.MAX_SAFE_INTEGER,
    2 ** 53,
    1e300,
    -1,
    0.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
  ),
  fc.constantFrom<unknown>(
    '0',
    '0.00',
    '0.01',
    '12.50',
    '12.505',
    '0.001',
    '-1.00',
    '1e3',
    '',
    ' 5',
    '90071992547409.91',
    '90071992547409.92',
    '9007199254740991',
  ),
  fc.integer({ min: 0, max: 100_000 }),
);

const quantity = fc.constantFrom<unknown>(
  undefined,
  0,
  0.5,
  1,
  2.5,
  20.5,
  30,
  150.5,
  100_000.5,
  1e9,
  Number.MAX_SAFE_INTEGER,
  -1,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '30',
);

const atEdge = fc.constantFrom<unknown>(
  0,
  -1,
  8.64e15,
  8.64e15 + 1,
  -8.64e15,
  Number.NaN,
  1e300,
  '2027-07-10',
  '2027-07-10T09:30:00',
  '2027-07-10T09:30:00+14:00',
  '2027-06-30T23:59:60Z',
  'garbage',
  '',
  null,
  true,
);

const currencyEdge = fc.constantFrom<unknown>('EUR', 'EUR', 'JPY', 'KWD', 'USD', 'BHD', 'eur', 'EURO', '', 'XXX', 42, null);

const coordinate = fc.constantFrom<unknown>(0, 180, -180, 90, -90, 180.0000001, Number.NaN, Number.POSITIVE_INFINITY, -0, 1e-300, '13.4');

const junk = fc.constantFrom<unknown>(null, 0, -1, '', 'x', [], {}, true, Number.NaN, [null], { group: 'SURCHARGE' });

export interface ContextMutation {
  readonly op:
    | 'at'
    | 'at-edge'
    | 'currency'
    | 'amount'
    | 'quantity'
    | 'add-line'
    | 'remove-line'
    | 'dup-line'
    | 'line-field'
    | 'codes'
    | 'customer'
    | 'vehicle'
    | 'rental'
    | 'billing'
    | 'usage'
    | 'junk';
  /** Indices into the pools and lists, taken modulo what exists. */
  readonly i: number;
  readonly j: number;
  readonly k: number;
  readonly delta: number;
  readonly amount: unknown;
  readonly quantity: unknown;
  readonly at: unknown;
  readonly currency: unknown;
  readonly coordinate: unknown;
  readonly junk: unknown;
  readonly flag: boolean;
}

export const contextMutation: fc.Arbitrary<ContextMutation> = fc.record({
  op: fc.constantFrom<ContextMutation['op'][]>(
    'at',
    'at',
    'at-edge',
    'currency',
    'amount',
    'amount',
    'quantity',
    'add-line',
    'remove-line',
    'dup-line',
    'line-field',
    'line-field',
    'codes',
    'codes',
    'customer',
    'customer',
    'vehicle',
    'rental',
    'rental',
    'billing',
    'usage',
    'usage',
    'junk',
  ),
  i: fc.nat(),
  j: fc.nat(),
  k: fc.nat(),
  delta: fc.constantFrom(-1000, -1, 0, 0, 1),
  amount,
  quantity,
  at: atEdge,
  currency: currencyEdge,
  coordinate,
  junk,
  flag: fc.boolean(),
});

export const contextMutations = (max = 4): fc.Arbitrary<ContextMutation[]> => fc.array(contextMutation, { minLength: 1, maxLength: max });

const pick = <T>(xs: readonly T[], n: number): T | undefined => (xs.length === 0 ? undefined : xs[n % xs.length]);

/** A copy of the data context with the mutations applied (values taken from the pools or the edges). */
export function mutateContext(base: Obj, ms: readonly ContextMutation[], pools: Pools): Obj {
  const ctx = structuredClone(base);
  const lines = (): Obj[] => {
    if (!Array.isArray(ctx.lines)) ctx.lines = [];
    return (ctx.lines as unknown[]).filter(isObj);
  };
  const sub = (key: string): Obj => {
    if (!isObj(ctx[key])) ctx[key] = {};
    return ctx[key] as Obj;
  };
  for (const m of ms) {
    const ls = lines();
    const line = pick(ls, m.i);
    switch (m.op) {
      case 'at': {
        const t = (pick(pools.instants, m.i) ?? Date.parse('2027-07-01T00:00:00Z')) + m.delta;
        ctx.at = m.flag ? t : new Date(t).toISOString();
        break;
      }
      case 'at-edge':
        ctx.at = m.at;
        break;
      case 'currency':
        ctx.currency = m.flag ? (pick(pools.currencies, m.i) ?? m.currency) : m.currency;
        break;
      case 'amount':
        // With the flag, a long expensive rental: the amount and the minutes of one line together.
        if (!line) (ctx.lines as unknown[]).push({ id: 'added', amount: m.amount });
        else if (m.flag)
          Object.assign(
            pick(
              ls.filter((l) => TIME_PRICED.includes(String(l.priceType))),
              m.i,
            ) ?? line,
            { amount: m.amount, quantity: m.quantity },
          );
        else line.amount = m.amount;
        break;
      case 'quantity':
        if (line) line.quantity = m.quantity;
        break;
      case 'add-line': {
        const cs = m.flag ? pick(pools.costSources, m.j) : undefined;
        (ctx.lines as unknown[]).push({
          id: `line-${m.k % 1000}`,
          amount: m.amount,
          priceType: PRICE_TYPES[m.i % PRICE_TYPES.length],
          ...(cs ? { costSource: cs } : {}),
          ...(m.quantity !== undefined ? { quantity: m.quantity } : {}),
          ...(m.j % 4 === 1 ? { plan: pick(pools.plans, m.k) } : {}),
          ...(m.j % 4 === 2 ? { metric: pick(pools.metrics, m.k) } : {}),
          ...(m.j % 7 === 3 ? { package: pick(pools.ids, m.k) ?? 'pkg' } : {}),
        });
        break;
      }
      case 'remove-line':
        if (Array.isArray(ctx.lines) && ctx.lines.length > 0) (ctx.lines as unknown[]).splice(m.i % ctx.lines.length, 1);
        break;
      case 'dup-line':
        if (line) (ctx.lines as unknown[]).push(m.flag ? { ...line } : { ...line, id: `${String(line.id)}-2` });
        break;
      case 'line-field': {
        if (!line) break;
        switch (m.j % 6) {
          case 0:
            line.priceType = m.flag ? PRICE_TYPES[m.k % PRICE_TYPES.length] : 'SOMETHING_ELSE';
            break;
          case 1:
            line.costSource = pick(pools.costSources, m.k) ?? { group: 'SURCHARGE', code: 'x' };
            break;
          case 2:
            line.plan = pick(pools.plans, m.k);
            break;
          case 3:
            line.metric = pick(pools.metrics, m.k);
            break;
          case 4:
            line.package = pick(pools.ids, m.k);
            break;
          default:
            delete line.priceType;
            delete line.costSource;
        }
        break;
      }
      case 'codes': {
        const codes = [...new Set([m.i, m.j, m.k].slice(0, 1 + (m.k % 3)).map((n) => pick(pools.codes, n) ?? 'NOPE'))];
        ctx.codes = m.flag ? codes.map((c, n) => (n === 0 ? c.toLowerCase() : c)) : [...codes, ...(m.delta === 1 ? ['UNKNOWN-CODE', codes[0]!] : [])];
        break;
      }
      case 'customer': {
        const c = sub('customer');
        switch (m.j % 8) {
          case 0:
            c.userType = pick(pools.userTypes, m.i);
            break;
          case 1:
            c.tags = [...new Set([pick(pools.tags, m.i), pick(pools.tags, m.k)].filter((t): t is string => t !== undefined))];
            break;
          case 2:
          case 7:
            c.vouchers = [pick(pools.vouchers, m.i), ...(m.flag ? [pick(pools.ids, m.k)] : [])].filter((v) => v !== undefined);
            break;
          case 3:
            c.firstPurchase = m.flag;
            break;
          case 4: {
            const a = pick(pools.attributes, m.i);
            if (a) c.attributes = { [a.attribute]: m.flag ? a.equals : `${a.equals}-not` };
            break;
          }
          case 5:
            if (m.flag) delete c.id;
            else c.id = `rider-${m.k % 5}`;
            break;
          case 6:
            delete ctx.customer;
        }
        break;
      }
      case 'vehicle': {
        const v = sub('vehicle');
        if (m.j % 3 === 0) v.id = pick(pools.vehicleIds, m.i) ?? `v-${m.i % 10}`;
        else if (m.j % 3 === 1) v.category = pick(pools.categories, m.i);
        else v.tags = [pick(pools.tags, m.i)].filter((t) => t !== undefined);
        break;
      }
      case 'rental': {
        const r = sub('rental');
        const which = m.j % 2 === 0 ? 'start' : 'end';
        const p = pick(pools.points, m.i);
        if (m.k % 5 === 0) r[which] = { lon: m.coordinate, lat: p?.lat ?? 52.5 };
        else if (m.k % 5 === 1) delete r[which];
        else if (m.k % 5 === 2) r.branch = pick(pools.branches, m.i);
        else if (p) r[which] = { lon: p.lon, lat: p.lat };
        break;
      }
      case 'billing': {
        const b = sub('billing');
        const t = (pick(pools.thresholds, m.i) ?? 10) + m.delta;
        if (m.j % 3 === 0) b.plan = pick(pools.plans, m.k);
        else if (m.j % 3 === 1) b.usage = m.flag ? t : m.quantity;
        else b.quantity = m.flag ? t : m.quantity;
        break;
      }
      case 'usage': {
        const l = pick(pools.limits, m.i);
        if (!l) break;
        const u = sub('usage');
        const edge = (n: number | undefined): number | undefined => (n === undefined ? undefined : Math.max(0, n + m.delta));
        u[l.id] = {
          ...(l.redemptions !== undefined ? { redemptions: edge(l.redemptions) } : {}),
          ...(l.perCustomer !== undefined ? { customerRedemptions: edge(l.perCustomer) } : {}),
          ...(l.budget !== undefined ? { budgetSpent: m.flag ? edge(l.budget) : m.amount } : {}),
        };
        break;
      }
      case 'junk': {
        const keys = ['at', 'currency', 'codes', 'customer', 'vehicle', 'rental', 'billing', 'lines', 'usage'];
        const lineKeys = ['id', 'amount', 'priceType', 'costSource', 'quantity', 'plan', 'metric', 'package'];
        if (line && m.flag) line[lineKeys[m.j % lineKeys.length]!] = m.junk;
        else if (m.j % 3 === 0 && isObj(ctx.customer))
          (ctx.customer as Obj)[['id', 'userType', 'tags', 'attributes', 'vouchers', 'firstPurchase'][m.k % 6]!] = m.junk;
        else if (m.j % 3 === 1 && isObj(ctx.rental)) (ctx.rental as Obj)[['start', 'end', 'branch'][m.k % 3]!] = m.junk;
        else ctx[keys[m.k % keys.length]!] = m.junk;
        break;
      }
    }
  }
  return ctx;
}
