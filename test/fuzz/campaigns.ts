// Campaign inputs for the fuzz tests: the example repository (campaigns/) held in memory and loaded the
// way `loadProject` loads it, value-aware mutations of its documents that mostly stay schema-valid
// (windows, codes, money, percentages, limits, stacking, audiences, geofence coordinates, whole subtrees
// copied from other campaigns, cloned documents), and arbitrary documents generated from the JSON schemas.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Document, isMap, isSeq, parseAllDocuments, stringify } from 'yaml';
import { KINDS, SCHEMA_FILES, type Kind } from '../../src/generated/index.js';
import { checkFile, type CheckedFile } from '../../src/load/check-file.js';
import { crossChecks, type Identified } from '../../src/load/cross-checks.js';
import { resolveGeometries } from '../../src/load/geometry.js';
import { locateDiagnostics } from '../../src/load/locate.js';
import { sortDiagnostics, type Diagnostic } from '../../src/model/diagnostic.js';
import { currencyExponent, isIsoCurrency } from '../../src/model/minor-units.js';
import type { AnyResource, Located, Model } from '../../src/model/resource.js';
import { loadSchemaSet } from '../../src/schema/schema-set.js';
import { createValidator, SCHEMA_BASE } from '../../src/schema/validator.js';
import { ROOT } from './fuzz-kit.js';

export const validator = createValidator(loadSchemaSet());

/** Repo-relative path → text. */
export type Files = ReadonlyMap<string, string>;

/** Every file under campaigns/ (YAML, GeoJSON and the campaign tests), by repo-relative path. */
export const EXAMPLES: Files = new Map(
  (readdirSync(join(ROOT, 'campaigns'), { recursive: true }) as string[])
    .map((f) => f.split('\\').join('/'))
    .filter((f) => /\.(ya?ml|geojson)$/.test(f))
    .sort()
    .map((f) => [`campaigns/${f}`, readFileSync(join(ROOT, 'campaigns', f), 'utf8')]),
);

const isResourceFile = (f: string): boolean => /\.ya?ml$/.test(f) && !/\.test\.ya?ml$/.test(f) && !/(^|\/)promoc\.config\.ya?ml$/.test(f);

/** The campaign files mutations pick from (YAML resources; GeoJSON through the geometry mutation). */
export const MUTABLE: readonly string[] = [...EXAMPLES.keys()].filter((f) => isResourceFile(f) || f.endsWith('.geojson'));

export interface Loaded {
  readonly files: Files;
  /** Frozen: resources and geometries are shared between runs, and no stage may write to them. */
  readonly model: Model;
  /** Load, schema, cross-file and geometry diagnostics, located and sorted (what `loadProject` returns). */
  readonly diagnostics: readonly Diagnostic[];
}

const checked = new Map<string, CheckedFile>();

/** `loadProject` over files held in memory: per-file checks (memoized by text), cross-checks, geometry files. */
export function loadFiles(files: Files): Loaded {
  const diagnostics: Diagnostic[] = [];
  const resources: Located[] = [];
  const invalid: Identified[] = [];
  for (const [file, text] of files) {
    if (!isResourceFile(file)) continue;
    const key = `${file}\0${text}`;
    let c = checked.get(key);
    if (!c) {
      c = checkFile(file, text, validator);
      if (checked.size > 5000) checked.clear();
      checked.set(key, c);
    }
    diagnostics.push(...c.diagnostics);
    for (const d of c.docs) {
      const source = { file, docIndex: d.index };
      if (d.resource !== undefined) resources.push({ resource: deepFreeze(d.resource) as AnyResource, source });
      else if (d.identity) invalid.push({ ...d.identity, source });
    }
  }
  resources.sort((a, b) => cmp(`${a.resource.kind}\0${a.resource.metadata.name}`, `${b.resource.kind}\0${b.resource.metadata.name}`));
  const geo = resolveGeometries(
    resources.filter((r) => r.resource.kind === 'Geofence'),
    {
      readText: (p) => (files.has(p) ? { text: files.get(p)! } : { error: 'no such file' }),
    },
    validator,
  );
  const late = [...crossChecks(resources, invalid), ...geo.diagnostics];
  diagnostics.push(...locateDiagnostics(late, (f) => files.get(f) ?? ''));
  for (const g of geo.geometries.values()) deepFreeze(g);
  return { files, model: { resources, geometries: geo.geometries }, diagnostics: sortDiagnostics(diagnostics) };
}

/**
 * Resources and geometries are frozen (and shared between runs): a stage that writes to its input throws
 * a TypeError, which the properties report as the crash it is.
 */
function deepFreeze<T>(v: T): T {
  if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

// ---------------------------------------------------------------------------------------------------------
// Edge values, by what a field holds.

/** Instants at and around boundaries, in the spellings RFC 3339 allows. */
export const instant: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '2027-01-01T00:00:00Z',
    '2027-06-01T00:00:00Z',
    '2027-06-01T02:00:00+02:00',
    '2027-05-31T23:59:59.999Z',
    '2027-09-01T00:00:00Z',
    '2027-12-31T23:59:59Z',
    '2028-02-29T00:00:00Z',
    '2028-02-29T23:59:59.999999Z',
    '2027-03-28T01:00:00Z',
    '2027-10-31T01:00:00+01:00',
    '2027-07-10T09:30:00Z',
    '2027-07-10T09:30:00.001Z',
    '2027-01-15T10:00:00Z',
    '2030-01-01T00:00:00+14:00',
    '2030-01-01T00:00:00-12:00',
    '2099-12-31T23:59:59Z',
    '9999-12-31T23:59:59Z',
    '2000-01-01T00:00:00Z',
    '1970-01-01T00:00:00Z',
    '2027-06-30T23:59:60Z',
    '2027-06-01t00:00:00z',
    '2027-06-01T00:00:00-00:00',
    '2027-06-01T00:00:00.123456789Z',
  ),
  fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
);

/** Percentages at and inside the schema's bounds (0 < p ≤ 100), and finer than a ppm. */
export const percent: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(100, 99.99, 99.9999, 50, 33.333333, 25, 12.5, 1, 0.5, 0.01, 0.0001, 0.00001, 1e-9, 66.66666666666667),
  fc.double({ min: 1e-6, max: 100, noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: 1, max: 100 }),
);

/** Decimal strings: zero, minor-unit edges, too many decimals, past 2^53 minor units. */
export const decimal: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '0',
    '0.00',
    '0.01',
    '0.001',
    '0.005',
    '0.1',
    '1',
    '1.5',
    '5.00',
    '12.345',
    '100',
    '250.00',
    '999999999.99',
    '9007199254740.99',
    '90071992547409.91',
    '9007199254740993',
    '100000000000000000000',
    '0.0000001',
    '10.000',
  ),
  fc
    .tuple(fc.nat({ max: 100000 }), fc.nat({ max: 999 }), fc.integer({ min: 0, max: 3 }))
    .map(([a, b, d]) => (d === 0 ? String(a) : `${a}.${String(b).padStart(3, '0').slice(0, d)}`)),
);

/** Currencies with 2, 0, 3 and 4 decimals, one without a minor unit, and codes that are not ISO 4217. */
export const currency: fc.Arbitrary<string> = fc.constantFrom('EUR', 'EUR', 'EUR', 'USD', 'JPY', 'KWD', 'BHD', 'CLF', 'ISK', 'GBP', 'XAU', 'XXX', 'ABC');

export const code: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'SUMMER25',
    'summer25',
    'SUMMER-25',
    'SUMMER_25',
    'SUMMERZ5',
    '5UMMER25',
    'S0MMER25',
    'ABCD',
    'A1B2C3D4E5F6G7H8I9J0',
    'A1B2C3D4E5F6G7H8I9J0K',
    'A'.repeat(40),
    'WELCOME',
    'CHARGE25',
    'FLEET-LAUNCH',
  ),
  fc.stringMatching(/^[A-Z0-9][A-Z0-9_-]{2,38}[A-Z0-9]$/),
);

export const kebab: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('a', 'x-1', 'b'.repeat(63), 'berlin', 'staff', 'flagged', 'airport'),
  fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,20}[a-z0-9])?$/),
);

export const integer: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, 1, 2, 3, 6, 10, 12, 20, 100, 1000, 1200, 3660, 4999, 5000, 5001, 10000, 100000, 2 ** 31 - 1, 2 ** 31, Number.MAX_SAFE_INTEGER),
  fc.integer({ min: 1, max: 10_000 }),
);

export const priority: fc.Arbitrary<number> = fc.constantFrom(0, 1, 10, 500, 999, 1000, 1001, 100000, 2 ** 31);

export const text: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', ' ', 'ü Ω 😀', '\u202Eevil', 'x'.repeat(500), 'y'.repeat(1990), 'z'.repeat(2000), 'line\nbreak', '{{message}}', '--- \n'),
);

export const PROVIDERS = ['ev-billing', 'mobility', 'promotions', 'lago'] as const;
const target = fc.constantFrom(...PROVIDERS, 'engine', 'nowhere');

// ---------------------------------------------------------------------------------------------------------
// Mutations of the example documents.

export interface Edge {
  readonly instant: string;
  readonly percent: number;
  readonly decimal: string;
  readonly currency: string;
  readonly code: string;
  readonly name: string;
  readonly integer: number;
  readonly priority: number;
  readonly number: number;
  readonly bool: boolean;
  readonly text: string;
  readonly target: string;
}

export interface Mutation {
  readonly op: 'set' | 'remove' | 'duplicate-item' | 'graft' | 'add-field' | 'clone-doc' | 'retarget' | 'geometry';
  /** Which file (of MUTABLE), document, node, and donor value: taken modulo what exists. */
  readonly file: number;
  readonly doc: number;
  readonly at: number;
  readonly donor: number;
  /** Use the generated edge value rather than one seen at the same key in another document. */
  readonly fresh: boolean;
  readonly edge: Edge;
}

const edge: fc.Arbitrary<Edge> = fc.record({
  instant,
  percent,
  decimal,
  currency,
  code,
  name: kebab,
  integer,
  priority,
  number: fc.oneof(fc.constantFrom(0, -0.5, 0.5, 1e-7, 180, -180, 90, -90, 179.9999999, 13.3885, 52.5488), fc.double({ min: -1, max: 1, noNaN: true })),
  bool: fc.boolean(),
  text,
  target,
});

export const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom<Mutation['op'][]>(
    'set',
    'set',
    'set',
    'set',
    'remove',
    'duplicate-item',
    'graft',
    'graft',
    'add-field',
    'clone-doc',
    'retarget',
    'geometry',
  ),
  file: fc.nat(),
  doc: fc.nat(),
  at: fc.nat(),
  donor: fc.nat(),
  fresh: fc.boolean(),
  edge,
});

/** 1–n mutations, mostly concentrated on one or two files so that resources meet. */
export const mutations = (max = 4): fc.Arbitrary<Mutation[]> =>
  fc.tuple(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: max })).map(([file, ms]) => ms.map((m, i) => (i % 2 === 0 ? { ...m, file } : m)));

type Path = (string | number)[];
type Json = unknown;

function walk(v: Json, path: Path, visit: (v: Json, path: Path) => void): void {
  visit(v, path);
  if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i], visit));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k], visit);
}

const lastKey = (path: Path): string | undefined => [...path].reverse().find((p): p is string => typeof p === 'string');
const isScalar = (v: Json): boolean => v === null || typeof v !== 'object';

/** Values (scalars and subtrees) seen at each key anywhere in the example documents, and spec-level fields. */
const POOL = (() => {
  const byKey = new Map<string, Json[]>();
  const specFields: [string, Json][] = [];
  const seen = new Set<string>();
  for (const [file, t] of EXAMPLES) {
    if (!isResourceFile(file)) continue;
    for (const d of parseAllDocuments(t)) {
      const js = (d as Document).toJS() as Json;
      walk(js, [], (v, path) => {
        const key = lastKey(path);
        if (key === undefined || typeof path.at(-1) === 'number') return;
        const id = `${key}\0${JSON.stringify(v)}`;
        if (seen.has(id)) return;
        seen.add(id);
        byKey.set(key, [...(byKey.get(key) ?? []), v]);
        if (path.length === 2 && path[0] === 'spec') specFields.push([key, v]);
      });
    }
  }
  return { byKey, specFields };
})();

/** What a field at `path` holding `old` is replaced with. */
function replacement(path: Path, old: Json, m: Mutation): Json {
  const key = lastKey(path) ?? '';
  const donors = (POOL.byKey.get(key) ?? []).filter((v) => isScalar(v) === isScalar(old));
  if (!m.fresh && donors.length > 0) return structuredClone(donors[m.donor % donors.length]);
  const e = m.edge;
  if (path.includes('coordinates')) return typeof old === 'number' ? Math.max(-180, Math.min(180, old + e.number)) : e.number;
  switch (key) {
    case 'from':
    case 'until':
      return e.instant;
    case 'percentOff':
    case 'packageDiscount':
    case 'percent':
      return e.percent;
    case 'amount':
      return e.decimal;
    case 'currency':
      return e.currency;
    case 'code':
      return path.includes('costSources') ? e.text : e.code;
    case 'priority':
      return e.priority;
    case 'target':
      return e.target;
    case 'name':
    case 'campaign':
    case 'addition':
      return e.name;
    default:
      if (typeof old === 'boolean') return e.bool;
      if (typeof old === 'number') return Number.isInteger(old) ? e.integer : e.number;
      if (typeof old === 'string') return /^[a-z0-9-]+$/.test(old) ? e.name : /^[A-Z0-9_]+$/.test(old) ? e.code : e.text;
      return e.text;
  }
}

const INTERESTING = new Set([
  'window',
  'from',
  'until',
  'percentOff',
  'packageDiscount',
  'percent',
  'amountOff',
  'credit',
  'amount',
  'currency',
  'code',
  'stacking',
  'priority',
  'stackable',
  'limits',
  'redemptions',
  'perCustomer',
  'budget',
  'zone',
  'geofences',
  'phase',
  'audience',
  'requireTags',
  'excludeTags',
  'userTypes',
  'firstPurchaseOnly',
  'geometry',
  'coordinates',
  'appliesTo',
  'priceTypes',
  'costSources',
  'targeting',
  'branches',
  'vehicleCategories',
  'vehicleTags',
  'target',
  'status',
  'conditions',
  'mode',
  'minimumSpend',
  'surcharge',
  'benefits',
  'phases',
  'freeMinutes',
  'freeUnlocks',
  'count',
  'length',
  'prefix',
]);

function mutateDoc(docs: Document[], m: Mutation): void {
  if (docs.length === 0) return;
  const di = m.doc % docs.length;
  const doc = docs[di]!;
  const js = doc.toJS() as Json;
  if (js === null || typeof js !== 'object') return;
  const nodes: { path: Path; value: Json }[] = [];
  walk(js, [], (value, path) => {
    if (path.length > 0) nodes.push({ path, value });
  });
  // Two times in three the node is one lint, the bundle or a lowerer looks at (a window, money, a zone...).
  const pick = <T extends { path: Path }>(list: readonly T[]): T | undefined => {
    const focused = m.donor % 3 === 0 ? list : list.filter((x) => x.path.some((seg) => typeof seg === 'string' && INTERESTING.has(seg)));
    const from = focused.length > 0 ? focused : list;
    return from.length === 0 ? undefined : from[m.at % from.length];
  };
  switch (m.op) {
    case 'set': {
      const n = pick(nodes.filter((x) => isScalar(x.value) && x.path[0] !== 'apiVersion' && x.path[0] !== 'kind'));
      if (n) doc.setIn(n.path, doc.createNode(replacement(n.path, n.value, m)));
      return;
    }
    case 'remove': {
      const n = pick(nodes.filter((x) => x.path.length > 2 || x.path[0] === 'spec'));
      if (n) doc.deleteIn(n.path);
      return;
    }
    case 'duplicate-item': {
      const n = pick(nodes.filter((x) => typeof x.path.at(-1) === 'number' && !(typeof x.value === 'number' && x.path.includes('coordinates'))));
      if (!n) return;
      const parent = doc.getIn(n.path.slice(0, -1));
      if (isSeq(parent)) parent.items.splice(Number(n.path.at(-1)), 0, doc.createNode(structuredClone(n.value)));
      return;
    }
    case 'graft': {
      const n = pick(nodes.filter((x) => typeof x.path.at(-1) === 'string' && (POOL.byKey.get(String(x.path.at(-1)))?.length ?? 0) > 1));
      if (!n) return;
      const donors = POOL.byKey.get(String(n.path.at(-1)))!;
      doc.setIn(n.path, doc.createNode(structuredClone(donors[m.donor % donors.length])));
      return;
    }
    case 'add-field': {
      const [key, value] = POOL.specFields[m.donor % POOL.specFields.length]!;
      if (isMap(doc.get('spec'))) doc.setIn(['spec', key], doc.createNode(structuredClone(value)));
      return;
    }
    case 'clone-doc': {
      const copy = structuredClone(js) as { metadata?: { name?: string }; spec?: { code?: string } };
      if (copy.metadata && typeof copy.metadata === 'object') copy.metadata.name = m.fresh ? m.edge.name : `${String(copy.metadata.name)}-copy`;
      if (m.fresh && copy.spec && typeof copy.spec === 'object' && typeof copy.spec.code === 'string') copy.spec.code = m.edge.code;
      docs.push(new Document(copy));
      return;
    }
    case 'retarget':
      if (isMap(doc.get('metadata'))) doc.setIn(['metadata', 'labels', 'target'], doc.createNode(m.edge.target));
      return;
    case 'geometry': {
      const geometry = (js as { spec?: { geometry?: { coordinates?: Json } } }).spec?.geometry;
      if (!geometry) return;
      // Every other time, another geofence's inline geometry moved a little: overlaps, containment, shared edges.
      const others = (POOL.byKey.get('geometry') ?? []) as { coordinates?: Json }[];
      const donor = m.fresh ? others.filter((g) => g.coordinates !== undefined)[m.donor % others.length] : undefined;
      const source = donor ?? geometry;
      if (source.coordinates === undefined) return;
      doc.setIn(['spec', 'geometry'], doc.createNode({ ...source, coordinates: moveGeometry(source.coordinates, m) }));
      return;
    }
  }
}

/** Shift, shrink, grow or flip a geometry as a whole (overlaps, slivers, antimeridian, poles). */
function moveGeometry(coords: Json, m: Mutation): Json {
  const kind = m.at % 6;
  const d = m.edge.number;
  const map = (v: Json): Json => {
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'number') {
      const [x, y] = v as [number, number];
      const clampX = (n: number): number => Math.max(-180, Math.min(180, n));
      const clampY = (n: number): number => Math.max(-90, Math.min(90, n));
      switch (kind) {
        case 0:
          return [clampX(x + d * 0.01), clampY(y + d * 0.01)];
        case 1:
          return [clampX(x * (1 + d * 1e-5)), clampY(y * (1 + d * 1e-5))];
        case 2:
          return [clampX(x + 180 - 13.4), y];
        case 3:
          return [x, clampY(y + 90 - 52.5)];
        case 4:
          return [Math.round(x * 100) / 100, Math.round(y * 100) / 100];
        default:
          return [y, x];
      }
    }
    if (Array.isArray(v)) return kind === 5 ? v.map(map).reverse() : v.map(map);
    return v;
  };
  return map(coords);
}

/** The example files with the mutations applied; `changed` lists the files that differ. */
export function mutateFiles(base: Files, ms: readonly Mutation[]): { files: Map<string, string>; changed: string[] } {
  const files = new Map(base);
  const byFile = new Map<string, Mutation[]>();
  for (const m of ms) {
    const f = MUTABLE[m.file % MUTABLE.length]!;
    byFile.set(f, [...(byFile.get(f) ?? []), m]);
  }
  for (const [f, list] of byFile) {
    const original = files.get(f)!;
    if (f.endsWith('.geojson')) {
      let json = JSON.parse(original) as Json;
      for (const m of list) json = moveGeometry(json, m);
      files.set(f, JSON.stringify(json));
      continue;
    }
    const docs = parseAllDocuments(original) as Document[];
    for (const m of list) mutateDoc(docs, m);
    files.set(
      f,
      docs
        .map((d, i) => {
          const s = d.toString();
          return i === 0 || s.startsWith('---') ? s : `---\n${s}`;
        })
        .join(''),
    );
  }
  return { files, changed: [...byFile.keys()].filter((f) => files.get(f) !== base.get(f)) };
}

// ---------------------------------------------------------------------------------------------------------
// Documents generated from the JSON schemas (schemas/*.schema.json), biased towards names, codes and
// geofences the example repository uses so generated campaigns meet the examples.

type Schema = Record<string, unknown>;
const SCHEMAS = loadSchemaSet().schemas;
const NAMES = [
  ...new Set([...EXAMPLES].filter(([f]) => isResourceFile(f)).flatMap(([, t]) => [...t.matchAll(/^ {2}name: ([a-z0-9-]+)$/gm)].map((x) => x[1]!))),
];
const CODES = [...new Set([...EXAMPLES.values()].flatMap((t) => [...t.matchAll(/^ {2}code: ([A-Z0-9_-]+)$/gm)].map((x) => x[1]!)))];

/** A closed ring around a point near Berlin: a triangle to a 12-gon, sometimes tiny, sometimes huge. */
const ring: fc.Arbitrary<number[][]> = fc
  .record({
    x: fc.double({ min: 13.2, max: 13.6, noNaN: true }),
    y: fc.double({ min: 52.35, max: 52.65, noNaN: true }),
    r: fc.constantFrom(1e-7, 1e-4, 0.005, 0.02, 0.2, 5),
    n: fc.integer({ min: 3, max: 12 }),
    twist: fc.boolean(),
  })
  .map(({ x, y, r, n, twist }) => {
    const pts = Array.from({ length: n }, (_, i) => {
      const t = (2 * Math.PI * (twist && i % 2 === 1 ? n - i : i)) / n;
      return [Math.round((x + r * Math.cos(t) * 1.6) * 1e7) / 1e7, Math.round((y + r * Math.sin(t)) * 1e7) / 1e7];
    });
    return [...pts, pts[0]!];
  });

const OVERRIDES: Readonly<Record<string, fc.Arbitrary<unknown>>> = {
  [`${SCHEMA_BASE}defs/geometry.schema.json#/$defs/ring`]: ring,
  [`${SCHEMA_BASE}defs/common.schema.json#/$defs/name`]: fc.oneof(fc.constantFrom(...NAMES), kebab),
  [`${SCHEMA_BASE}defs/common.schema.json#/$defs/ref`]: fc.oneof(fc.constantFrom(...NAMES), kebab),
  [`${SCHEMA_BASE}defs/common.schema.json#/$defs/code`]: fc.oneof(fc.constantFrom(...CODES), code),
  [`${SCHEMA_BASE}defs/common.schema.json#/$defs/instant`]: instant,
  [`${SCHEMA_BASE}defs/common.schema.json#/$defs/decimal`]: decimal,
  [`${SCHEMA_BASE}defs/common.schema.json#/$defs/currency`]: currency,
  [`${SCHEMA_BASE}defs/common.schema.json#/$defs/percent`]: percent,
  [`${SCHEMA_BASE}defs/geometry.schema.json#/$defs/fileRef`]: fc
    .constantFrom('ber-airport.geojson', '../geofences/ber-airport.geojson', 'missing.geojson')
    .map((file) => ({ file })),
};

function resolveRef(ref: string, base: string): { id: string; schema: Schema; base: string } {
  const url = new URL(ref, base);
  const doc = url.href.split('#')[0]!;
  let node: unknown = SCHEMAS.get(doc);
  for (const seg of url.hash.slice(1).split('/').filter(Boolean)) node = (node as Schema)[decodeURIComponent(seg)];
  if (!node) throw new Error(`cannot resolve ${ref} from ${base}`);
  return { id: url.href, schema: node as Schema, base: doc };
}

function merge(a: Schema, b: Schema): Schema {
  const required = [...new Set([...((a.required as string[] | undefined) ?? []), ...((b.required as string[] | undefined) ?? [])])];
  return {
    ...a,
    ...b,
    ...(a.properties || b.properties ? { properties: { ...(a.properties as Schema), ...(b.properties as Schema) } } : {}),
    ...(required.length > 0 ? { required } : {}),
  };
}

function fromSchema(schema: Schema, base: string, depth: number): fc.Arbitrary<unknown> {
  if (typeof schema.$ref === 'string') {
    const r = resolveRef(schema.$ref, base);
    return OVERRIDES[r.id] ?? fromSchema(r.schema, r.base, depth + 1);
  }
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const branches = (schema.oneOf ?? schema.anyOf) as Schema[] | undefined;
  if (branches) {
    const { oneOf: _o, anyOf: _a, ...rest } = schema;
    if (rest.type === undefined && rest.properties === undefined) return fc.oneof(...branches.map((b) => fromSchema(b, base, depth)));
    // A branch that only requires a key (benefit: exactly one effect) leaves out the keys other branches require.
    const requiredBy = (b: Schema): string[] => (b.required as string[] | undefined) ?? [];
    return fc.oneof(
      ...branches.map((b) => {
        const others = new Set(
          branches
            .filter((x) => x !== b)
            .flatMap(requiredBy)
            .filter((k) => !requiredBy(b).includes(k)),
        );
        const properties = Object.fromEntries(Object.entries((rest.properties ?? {}) as Schema).filter(([k]) => schema.oneOf === undefined || !others.has(k)));
        return fromSchema(merge({ ...rest, properties }, b), base, depth);
      }),
    );
  }
  const type = schema.type ?? (schema.properties ? 'object' : undefined);
  switch (type) {
    case 'object': {
      const props = (schema.properties ?? {}) as Record<string, Schema>;
      const required = ((schema.required as string[] | undefined) ?? []).filter((k) => k in props);
      const keys = depth > 8 ? required : Object.keys(props);
      const model = Object.fromEntries(keys.map((k) => [k, fromSchema(props[k]!, base, depth + 1)]));
      let out: fc.Arbitrary<Record<string, unknown>> = fc.record(model, { requiredKeys: required });
      const extra = schema.additionalProperties;
      if (extra && typeof extra === 'object') {
        const names = (schema.propertyNames as Schema | undefined)?.pattern;
        const key = typeof names === 'string' ? fc.stringMatching(new RegExp(names)) : fc.string({ minLength: 1, maxLength: 8 });
        const dict = fc.dictionary(key, fromSchema(extra as Schema, base, depth + 1), { maxKeys: 3 });
        out = fc.tuple(out, dict).map(([o, d]) => ({ ...d, ...o }));
      }
      const min = schema.minProperties as number | undefined;
      return min === undefined ? out : out.filter((o) => Object.keys(o).length >= min);
    }
    case 'array': {
      const min = (schema.minItems as number | undefined) ?? 0;
      const max = Math.min((schema.maxItems as number | undefined) ?? min + 3, min + 3);
      if (Array.isArray(schema.prefixItems)) return fc.tuple(...(schema.prefixItems as Schema[]).map((s) => fromSchema(s, base, depth + 1)));
      const item = schema.items ? fromSchema(schema.items as Schema, base, depth + 1) : fc.string();
      return schema.uniqueItems
        ? fc.uniqueArray(item, { minLength: min, maxLength: max, selector: (v) => JSON.stringify(v) })
        : fc.array(item, { minLength: min, maxLength: max });
    }
    case 'string': {
      const minLength = (schema.minLength as number | undefined) ?? 0;
      const maxLength = (schema.maxLength as number | undefined) ?? 64;
      if (schema.format === 'date-time') return instant;
      const s =
        typeof schema.pattern === 'string'
          ? fc.stringMatching(new RegExp(schema.pattern))
          : fc.string({ minLength, maxLength: Math.min(maxLength, minLength + 24) });
      return s.filter((v) => v.length >= minLength && v.length <= maxLength);
    }
    case 'integer': {
      const min = (schema.minimum as number | undefined) ?? -1000;
      const max = (schema.maximum as number | undefined) ?? 2 ** 31;
      return fc.oneof(fc.constantFrom(min, max), fc.integer({ min, max }));
    }
    case 'number': {
      const min = (schema.minimum as number | undefined) ?? (schema.exclusiveMinimum as number | undefined) ?? -1e6;
      const max = (schema.maximum as number | undefined) ?? 1e6;
      return fc
        .double({ min, max, noNaN: true, noDefaultInfinity: true })
        .filter((n) => schema.exclusiveMinimum === undefined || n > (schema.exclusiveMinimum as number));
    }
    case 'boolean':
      return fc.boolean();
    default:
      return fc.constant(null);
  }
}

const byKind = new Map<Kind, fc.Arbitrary<unknown>>();

/** A document of `kind` drawn from its schema (not always valid: semantic checks and patterns may refuse it). */
export function schemaDocument(kind: Kind): fc.Arbitrary<unknown> {
  let a = byKind.get(kind);
  if (!a) {
    const id = SCHEMA_BASE + SCHEMA_FILES[kind];
    a = fromSchema(SCHEMAS.get(id)!, id, 0);
    byKind.set(kind, a);
  }
  return a;
}

/**
 * Most generated documents fail only what JSON Schema cannot say (a window ending before it starts, an
 * amount finer than its currency); repairing those keeps the rest of the document in play.
 */
function repair(doc: unknown): unknown {
  walk(doc, [], (v) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return;
    const o = v as Record<string, unknown>;
    if (typeof o.from === 'string' && typeof o.until === 'string' && !(Date.parse(o.until) > Date.parse(o.from))) [o.from, o.until] = [o.until, o.from];
    if (typeof o.amount === 'string' && typeof o.currency === 'string') {
      const cur = isIsoCurrency(o.currency) ? o.currency : 'EUR';
      const exp = currencyExponent(cur);
      const dot = o.amount.indexOf('.');
      o.currency = cur;
      o.amount = dot === -1 ? o.amount : o.amount.slice(0, dot + (exp === 0 ? 0 : exp + 1));
    }
  });
  return doc;
}

/** A YAML file of 1–4 documents of any kinds drawn from the schemas. */
export const schemaFile: fc.Arbitrary<string> = fc
  .array(
    fc.constantFrom(...KINDS).chain((k) => schemaDocument(k)),
    { minLength: 1, maxLength: 4 },
  )
  .map((docs) => docs.map((d) => stringify(repair(d))).join('---\n'));
