// Property-based fuzzing of the providers' lowering and of `promoc compile`, over valid resources from the
// mutated example campaigns and over promotions built around money, percentage and date edge cases.
// Lowering never throws: each resource either lowers to a payload that is plain JSON, converts money and
// percentages exactly, and fits the provider's own request shape (Lago's published OpenAPI description), or
// gets located diagnostics naming a field of the resource and saying why the target cannot express it. The
// compiled API calls of every target are complete and plain JSON. And against the four emulators, what a
// plan writes is accepted and reads back as lowered (apply reports no failed call and no divergence). Inputs
// that once failed are kept in test/fixtures/fuzz-corpus/lowerers/.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileCalls } from '../../src/apply/plan-to-calls.js';
import { renderCalls, CALL_FORMATS } from '../../src/render/api-calls.js';
import { applyGraph } from '../../src/apply/run.js';
import { startEmulators, type RunningEmulators } from '../../src/emulators/index.js';
import type { Plan } from '../../src/generated/plan.js';
import { locateDiagnostics } from '../../src/load/locate.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { currencyExponent } from '../../src/model/minor-units.js';
import { type Located, type Model, resourceKey } from '../../src/model/resource.js';
import { buildPlan } from '../../src/plan/build.js';
import { compileDesired } from '../../src/plan/lower-desired.js';
import type { DesiredEntry, LiveSet } from '../../src/plan/plan-types.js';
import { planBindings, realDeps } from '../../src/plan/run.js';
import { selectResources } from '../../src/plan/select.js';
import { localBindings, type Binding } from '../../src/plan/targets.js';
import { providerFor } from '../../src/providers/index.js';
import { LOCAL_REFS } from '../../src/providers/mobility/refs.js';
import { PROVIDER_IDS, type ProviderId } from '../../src/providers/index.js';
import { lagoOpenApiValidator } from '../helpers/lago-openapi.js';
import { EXAMPLES, instant, loadFiles, mutateFiles, mutations, percent, PROVIDERS, type Files, type Loaded } from './campaigns.js';
import { corpus, corpusTarget, expectLocated, notJson, params, RUNS, valueAt } from './fuzz-kit.js';

// ---------------------------------------------------------------------------------------------------------
// Lago's request schemas, from its published OpenAPI description (the vendored subset).

let lagoSchema: (name: 'CouponCreateInput' | 'CouponUpdateInput', body: unknown) => string[];

function loadLagoSchemas(): void {
  lagoSchema = lagoOpenApiValidator();
}

// ---------------------------------------------------------------------------------------------------------
// Money and percentages, computed independently of the code under test.

/** Exact minor units of a decimal string, or undefined when it has more decimals than the currency. */
function exactMinor(amount: string, cur: string): bigint | undefined {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(amount);
  const exp = currencyExponent(cur);
  if (!m || (m[2] ?? '').length > exp) return undefined;
  return BigInt(m[1]!) * 10n ** BigInt(exp) + BigInt((m[2] ?? '').padEnd(exp, '0') || '0');
}

/** A major-unit JSON number as the API reads its text (2.5 → "2.5"): minor units, if that text is exact in the currency. */
function majorToMinor(major: unknown, cur: string): bigint | undefined {
  if (typeof major !== 'number' || !Number.isFinite(major) || String(major).includes('e')) return undefined;
  return exactMinor(String(major), cur);
}

type Obj = Record<string, unknown>;
type Money = { amount: string; currency: string };

/** Every money value in a resource's spec, by its path. */
function moneyIn(spec: unknown): { path: (string | number)[]; money: Money }[] {
  const out: { path: (string | number)[]; money: Money }[] = [];
  const walk = (v: unknown, path: (string | number)[]): void => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, [...path, i]));
      return;
    }
    if (v === null || typeof v !== 'object') return;
    const o = v as Obj;
    if (typeof o.amount === 'string' && typeof o.currency === 'string') {
      out.push({ path, money: o as Money });
      return;
    }
    for (const [k, x] of Object.entries(o)) walk(x, [...path, k]);
  };
  walk(spec, ['spec']);
  return out;
}

/** What each provider's payload must say about the money and percentages of the resource it came from. */
function expectExactConversions(provider: ProviderId, l: Located, payload: Obj): void {
  const r = l.resource;
  const what = `${provider} ${resourceKey(r)}`;
  const spec = r.spec as Obj;
  const benefits = ((r.kind === 'Referral' ? (spec.referee as Obj | undefined)?.benefits : spec.benefits) ?? []) as Obj[];
  if (provider === 'lago') {
    const b = benefits[0]!;
    if (b.percentOff !== undefined) expect(Number(payload.percentage_rate), what).toBe(b.percentOff);
    if (b.amountOff !== undefined) {
      const m = b.amountOff as Money;
      expect(payload.amount_cents, `${what}: amount_cents of ${m.amount} ${m.currency}`).toBe(Number(exactMinor(m.amount, m.currency)));
      expect(Number.isSafeInteger(payload.amount_cents) && (payload.amount_cents as number) > 0, `${what}: amount_cents ${String(payload.amount_cents)}`).toBe(
        true,
      );
    }
  }
  if (provider === 'ev-billing' && r.kind === 'Promotion') {
    const b = benefits[0]!;
    if (b.percentOff !== undefined) expect(payload.discount_value, what).toBe(b.percentOff);
    if (b.amountOff !== undefined) {
      const m = b.amountOff as Money;
      expect(majorToMinor(payload.discount_value, m.currency), `${what}: discount_value ${String(payload.discount_value)} for ${m.amount} ${m.currency}`).toBe(
        exactMinor(m.amount, m.currency),
      );
    }
  }
  if (provider === 'mobility' && r.kind !== 'Tag' && r.kind !== 'CodeBatch') {
    const lowered = (payload.benefits ?? []) as Obj[];
    benefits.forEach((b, i) => {
      const p = lowered[i]!;
      if (b.percentOff !== undefined)
        expect(
          Math.abs((p.discount as number) * 100 - (b.percentOff as number)),
          `${what}: discount ${String(p.discount)} for ${String(b.percentOff)}%`,
        ).toBeLessThan(1e-8);
      const m = (b.amountOff ?? b.credit) as Money | undefined;
      if (m)
        expect(majorToMinor(p.rentalRebate ?? p.value, m.currency), `${what}: ${JSON.stringify(p)} for ${m.amount} ${m.currency}`).toBe(
          exactMinor(m.amount, m.currency),
        );
    });
    const price = spec.price as Money | undefined;
    if (price)
      expect(majorToMinor(payload.price, price.currency), `${what}: price ${String(payload.price)} for ${price.amount}`).toBe(
        exactMinor(price.amount, price.currency),
      );
  }
  if (provider === 'promotions') {
    for (const { money } of moneyIn(spec)) expect(exactMinor(money.amount, money.currency), `${what}: ${money.amount} ${money.currency}`).toBeDefined();
  }
}

// ---------------------------------------------------------------------------------------------------------
// Lowering every resource for every provider, as `promoc plan` does.

const OWNER = { kind: 'Promotion', name: 'fuzz', digest: '0123456789ab' } as const;

/** Lower the resources on every provider: located diagnostics, or payloads with exact conversions. */
function lowerEverywhere(loaded: Loaded, resources: readonly Located[], orgCurrency: string): void {
  const textOf = (f: string): string | undefined => loaded.files.get(f);
  for (const id of PROVIDER_IDS) {
    const provider = providerFor(id, { ids: LOCAL_REFS });
    const compiled = compileDesired(provider, resources, { model: loaded.model, currency: orgCurrency, target: 'fuzz' });
    expectDiagnosticsAtFields(compiled.diagnostics, resources, textOf);
    for (const e of compiled.entries) expectPayload(id, e);
  }
}

/** Every refusal names a field that exists in the resource (or its parent for a missing one) and is located in its file. */
function expectDiagnosticsAtFields(diags: readonly Diagnostic[], resources: readonly Located[], textOf: (f: string) => string | undefined): void {
  for (const d of locateDiagnostics(diags, (f) => textOf(f) ?? '')) {
    expectLocated(d, textOf);
    expect(d.hint, `${d.ruleId}: ${d.message}`).toBeTruthy();
    const l = resources.find((x) => x.source.file === d.file && x.source.docIndex === d.docIndex);
    expect(l, `${d.message}: no resource at ${d.file}#${d.docIndex}`).toBeDefined();
    if (d.ruleId === 'plan/duplicate-key') continue;
    expect(valueAt(l!.resource, d.path ?? []), `${d.message}: ${(d.path ?? []).join('.')} is not in ${resourceKey(l!.resource)}`).toBeDefined();
  }
}

function expectPayload(id: ProviderId, e: DesiredEntry): void {
  const { payload, normalized } = e.lowered;
  const what = `${id} ${resourceKey(e.located.resource)}`;
  expect(notJson(payload), `${what}: payload`).toBeUndefined();
  expect(notJson(normalized.fields), `${what}: normalized fields`).toBeUndefined();
  expect(normalized.kind).toBe(e.located.resource.kind);
  expect(normalized.name).toBe(e.located.resource.metadata.name);
  expect(normalized.key.length, `${what}: natural key`).toBeGreaterThan(0);
  const stamped = providerFor(id, { ids: LOCAL_REFS }).stamp(payload, OWNER);
  expect(notJson(stamped), `${what}: stamped payload`).toBeUndefined();
  expectExactConversions(id, e.located, payload as Obj);
  if (id === 'lago') expect(lagoSchema('CouponCreateInput', { coupon: stamped }), `${what}: Lago CouponCreateInput`).toEqual([]);
}

// ---------------------------------------------------------------------------------------------------------
// `promoc compile` without a network: every binding of the local target planned against empty live state.

const BINDINGS: Binding[] = PROVIDER_IDS.map((provider) => ({
  provider,
  connection: { baseUrl: `https://${provider}.example/api`, credentials: {} },
  selector: { target: provider },
  ...(provider === 'mobility' ? { ids: LOCAL_REFS } : {}),
}));

function compileAll(loaded: Loaded): void {
  const selection = selectResources(loaded.model, BINDINGS, (b) => providerFor(b.provider).capabilities, 'fuzz');
  const desired: DesiredEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  BINDINGS.forEach((b, i) => {
    const compiled = compileDesired(providerFor(b.provider, b), selection.perBinding[i] ?? [], { model: loaded.model, currency: 'EUR', target: 'fuzz' });
    desired.push(...compiled.entries);
    diagnostics.push(...compiled.diagnostics);
  });
  expectDiagnosticsAtFields(diagnostics, loaded.model.resources, (f) => loaded.files.get(f));
  const live: LiveSet[] = BINDINGS.map((b) => ({
    provider: b.provider,
    baseUrl: b.connection.baseUrl,
    objects: [],
    pages: 1,
    requests: 1,
    kinds: new Set(Object.keys(providerFor(b.provider).capabilities.kinds)),
    capabilities: providerFor(b.provider).capabilities.kinds,
  }));
  const plan = buildPlan({
    target: 'fuzz',
    createdAt: '2027-01-15T10:00:00.000Z',
    promocVersion: '0.0.0-fuzz',
    options: { prune: false, force: false },
    providers: Object.fromEntries(BINDINGS.map((b) => [b.provider, providerFor(b.provider, b)])),
    desired,
    live,
    notes: [...selection.notes],
  });
  const { graph, unsupported } = compileCalls(plan);
  expect(unsupported).toEqual([]);
  expect(graph.resources.length).toBe(desired.length);
  for (const s of graph.steps) {
    expect(notJson(s.body ?? null), `${s.id} ${s.method} ${s.path}`).toBeUndefined();
    const r = graph.resources[s.resource]!;
    if (r.provider === 'lago' && s.body !== undefined)
      expect(lagoSchema(s.op === 'create' ? 'CouponCreateInput' : 'CouponUpdateInput', s.body), `${resourceKey(r)} ${s.method} ${s.path}`).toEqual([]);
  }
  for (const format of CALL_FORMATS) expect(typeof renderCalls(graph, format, {})).toBe('string');
}

/** The resources of the files that changed (their documents may have moved). */
const resourcesIn = (loaded: Loaded, files: readonly string[]): Located[] => loaded.model.resources.filter((l) => files.includes(l.source.file));

// ---------------------------------------------------------------------------------------------------------
// Promotions built around money, percentage and date edge cases, each with only the fields its target
// expresses, so that most lower and the edges reach the payloads and the emulators.

/** An amount of `cur` from its minor units: zero, one minor unit, everyday, 2^31, 2^53 − 1 and past it. */
const amountOf = (cur: string): fc.Arbitrary<Money> =>
  fc
    .oneof(
      fc.constantFrom(0, 1, 5, 99, 100, 1250, 99999, 2 ** 31, 2 ** 31 + 1, 900719925474099, Number.MAX_SAFE_INTEGER, 2 ** 53, 10 ** 17),
      fc.integer({ min: 1, max: 10_000_000 }),
    )
    .map((minor) => {
      const exp = currencyExponent(cur);
      const digits = BigInt(minor)
        .toString()
        .padStart(exp + 1, '0');
      return { amount: exp === 0 ? digits : `${digits.slice(0, -exp)}.${digits.slice(-exp)}`, currency: cur };
    });

/** A window with either end open, ends in order (equal ends keep only `until`). */
const window = (ends: 'both' | 'until'): fc.Arbitrary<{ from?: string; until?: string } | undefined> =>
  fc.tuple(fc.option(instant, { nil: undefined }), fc.option(instant, { nil: undefined })).map(([a, b]) => {
    const [from, until] = a !== undefined && b !== undefined && Date.parse(a) > Date.parse(b) ? [b, a] : [a, b];
    const w = {
      ...(ends === 'both' && from !== undefined && from !== until && Date.parse(from) !== Date.parse(until ?? '') ? { from } : {}),
      ...(until !== undefined ? { until } : {}),
    };
    return Object.keys(w).length > 0 ? w : undefined;
  });

const EDGE_CURRENCIES = ['EUR', 'JPY', 'KWD', 'BHD', 'USD'] as const;

interface Edge {
  readonly target: ProviderId;
  readonly orgCurrency: string;
  readonly spec: Obj;
}

const edgeSpec: Record<ProviderId, (cur: string) => fc.Arbitrary<Obj>> = {
  'ev-billing': (cur) =>
    fc.record(
      {
        code: fc.constantFrom('EDGE', 'EDGE2027', 'A1B2C3D4E5F6G7H8I9J0'),
        benefits: fc.oneof(
          percent.map((p) => [{ percentOff: p }]),
          amountOf(cur).map((m) => [{ amountOff: m }]),
        ),
        window: window('until'),
        limits: fc.record({ redemptions: fc.constantFrom(1, 1000, 2 ** 31 - 1, 2 ** 31), perCustomer: fc.constantFrom(1, 2 ** 31) }, { requiredKeys: [] }),
      },
      { requiredKeys: ['code', 'benefits'] },
    ),
  lago: (cur) =>
    fc.record(
      {
        code: fc.constantFrom('EDGE', 'EDGE-2027', 'EDGE_2027_WITH_A_LONG_CODE_0123456789AB'),
        benefits: fc
          .tuple(
            fc.oneof(
              percent.map((p) => ({ percentOff: p })),
              amountOf(cur).map((m) => ({ amountOff: m })),
            ),
            fc.constantFrom(undefined, { plans: ['fleet-pro-monthly'] }, { metrics: ['api-calls'] }),
          )
          .map(([b, appliesTo]) => [{ ...b, ...(appliesTo ? { appliesTo } : {}) }]),
        window: window('until'),
        duration: fc.constantFrom(
          { frequency: 'once' },
          { frequency: 'forever' },
          { frequency: 'recurring', periods: 1 },
          { frequency: 'recurring', periods: 1200 },
        ),
        providers: fc.constantFrom({ lago: { reusable: false } }, { lago: { reusable: true } }),
      },
      { requiredKeys: ['code', 'benefits'] },
    ),
  promotions: (cur) =>
    fc.record(
      {
        code: fc.constantFrom('EDGE', 'EDGE-2027', 'EDGE_2027'),
        benefits: fc.array(
          fc.oneof(
            percent.map((p) => ({ percentOff: p })),
            amountOf(cur).map((m) => ({ amountOff: m })),
            amountOf(cur).map((m) => ({ credit: m })),
            fc.constantFrom(1, 30, 3660).map((d) => ({ trialExtensionDays: d })),
          ),
          { minLength: 1, maxLength: 3 },
        ),
        window: window('both'),
        limits: fc.record({ redemptions: fc.constantFrom(1, 2 ** 31), perCustomer: fc.constantFrom(1, 5), budget: amountOf(cur) }, { requiredKeys: [] }),
        conditions: fc.record({ minimumSpend: amountOf(cur) }),
        stacking: fc.record({ stackable: fc.boolean(), priority: fc.constantFrom(0, 1, 1000) }),
      },
      { requiredKeys: ['benefits'] },
    ),
  mobility: (cur) =>
    fc.record(
      {
        code: fc.constantFrom('EDGE', 'EDGE-2027', 'EDGE_2027'),
        benefits: fc.array(
          fc.oneof(
            percent.map((p) => ({ percentOff: p })),
            amountOf(cur).map((m) => ({ amountOff: m })),
            amountOf(cur).map((m) => ({ credit: m })),
          ),
          { minLength: 1, maxLength: 2 },
        ),
        window: window('both'),
        limits: fc.record({ redemptions: fc.constantFrom(1, 2 ** 31), perCustomer: fc.constantFrom(1, 5) }, { requiredKeys: [] }),
        stacking: fc.constant({ stackable: true }),
        targeting: fc.constant({ branches: ['berlin'] }),
      },
      { requiredKeys: ['benefits', 'stacking', 'targeting'] },
    ),
};

/** Mostly in the organisation's currency; sometimes in another (a located refusal on the targets that need it). */
const edgePromotion = (orgs: readonly string[]): fc.Arbitrary<Edge> => {
  const picks = fc.tuple(fc.constantFrom(...PROVIDERS), fc.constantFrom(...orgs), fc.constantFrom(...EDGE_CURRENCIES), fc.nat(3));
  return picks.chain(([target, org, other, n]) =>
    edgeSpec[target](n === 0 ? other : org).map((spec) => ({
      target,
      orgCurrency: org,
      spec: Object.fromEntries(Object.entries(spec).filter(([, v]) => v !== undefined)),
    })),
  );
};

const edgeText = (e: Edge): string =>
  stringify({ apiVersion: 'promoc/v1', kind: 'Promotion', metadata: { name: 'edge-promotion', labels: { target: e.target } }, spec: e.spec });

const EDGE_FILE = 'campaigns/fuzz/edge-promotion.yaml';

// ---------------------------------------------------------------------------------------------------------
// The emulators: the example campaigns applied once, that state restored before every case.

const CLOCK = new Date('1990-01-01T00:00:00Z');
let emulators: RunningEmulators;
let bindings: Binding[];
let seeded: Map<ProviderId, unknown>;
let journals: string;

/** Real HTTP to the emulators, but retries do not wait: a refused call fails the case at once. */
const deps = () => ({ ...realDeps(), sleep: async () => undefined });

async function plan(model: Model, only: readonly Binding[] = bindings) {
  return planBindings({
    targetName: 'local',
    model,
    bindings: only,
    deps: deps(),
    now: () => CLOCK,
    promocVersion: '0.0.0-fuzz',
    options: { prune: false, force: false },
  });
}

async function apply(p: Plan) {
  const { graph, unsupported } = compileCalls(p);
  return applyGraph({
    graph,
    unsupported,
    bindings,
    journalDir: journals,
    deps: deps(),
    process: { pid: process.pid, host: 'fuzz' },
    promocVersion: '0.0.0-fuzz',
  });
}

/**
 * Ids of the local mobility tenant, per table (a business unit's id is no branch's: seed 707 found that a
 * union of all tables let a branch "1" through); other numeric ids pass through lowering unchecked, and the
 * API refusing them is expected.
 */
const LOCAL_IDS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  (
    [
      ['branches', 'branches'],
      ['vehicleCategories', 'vehicleCategories'],
      ['addition', 'additions'],
      ['businessUnit', 'businessUnits'],
    ] as const
  ).map(([key, table]) => [key, new Set(Object.values(LOCAL_REFS[table]).map(String))]),
);

function unknownNumericId(l: Located): boolean {
  let found = false;
  const walk = (v: unknown, key: string): void => {
    if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
    else if (typeof v === 'string' && /^\d+$/.test(v) && LOCAL_IDS.get(key)?.has(String(Number(v))) === false) found = true;
  };
  walk(l.resource.spec, '');
  return found;
}

/** The model without resources that have load errors or do not lower (those are the other properties' business). */
function plannable(loaded: Loaded, only: readonly Binding[]): Model {
  // Both sides of a clash (a duplicate code names the other resource in `related`): the other one is live.
  const bad = new Set(
    loaded.diagnostics
      .filter((d) => d.severity === 'error')
      .flatMap((d) => [d, ...(d.related ?? [])])
      .map((d) => `${d.file}#${d.docIndex ?? 0}`),
  );
  for (const l of loaded.model.resources) if (unknownNumericId(l)) bad.add(`${l.source.file}#${l.source.docIndex}`);
  const model: Model = { ...loaded.model, resources: loaded.model.resources.filter((l) => !bad.has(`${l.source.file}#${l.source.docIndex}`)) };
  const selection = selectResources(model, only, (b) => providerFor(b.provider).capabilities, 'local');
  only.forEach((b, i) => {
    const provider = providerFor(b.provider, b);
    const compiled = compileDesired(provider, selection.perBinding[i] ?? [], { model, currency: b.currency ?? provider.defaultCurrency, target: 'local' });
    for (const d of compiled.diagnostics) if (d.severity === 'error') bad.add(`${d.file}#${d.docIndex ?? 0}`);
  });
  return { ...model, resources: model.resources.filter((l) => !bad.has(`${l.source.file}#${l.source.docIndex}`)) };
}

/** The providers the changed files were and are labelled for. */
function touched(files: Files, changed: readonly string[]): Binding[] {
  const labels = changed.flatMap((f) => [files.get(f) ?? '', EXAMPLES.get(f) ?? '']).join('\n');
  return bindings.filter((b) => new RegExp(`target: ${b.provider}\\b`).test(labels));
}

/**
 * Plan and apply against the seeded emulators: every call is accepted and every touched resource reads back
 * as lowered (apply re-reads and verifies each one: a failed step or a divergence is a finding).
 */
async function contract(files: Files, changed: readonly string[]): Promise<void> {
  const only = touched(files, changed);
  if (only.length === 0) return;
  for (const b of only) await emulators.control(b.provider).restore(structuredClone(seeded.get(b.provider)));
  const first = await plan(plannable(loadFiles(files), only), only);
  expect(first.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const report = await apply(first.plan!);
  expect([...report.failed, ...report.diverged].map((f) => `${f.resource} ${f.action}: ${f.error}`)).toEqual([]);
}

beforeAll(async () => {
  loadLagoSchemas();
  emulators = await startEmulators({ now: () => CLOCK, seed: 1 });
  bindings = localBindings(emulators.endpoints);
  journals = await mkdtemp(join(tmpdir(), 'promoc-fuzz-'));
  const first = await plan(loadFiles(EXAMPLES).model);
  expect(first.diagnostics).toEqual([]);
  const report = await apply(first.plan!);
  expect(report.ok).toBe(true);
  seeded = new Map(PROVIDER_IDS.map((p) => [p, structuredClone(emulators.control(p).snapshot())]));
}, 60_000);

afterAll(async () => {
  await emulators?.close();
  if (journals) await rm(journals, { recursive: true, force: true });
});

/** A mutated instant before the emulators' clock is refused by the APIs, on purpose (providers.md: left to the API). */
const beforeClock = (files: Files, changed: readonly string[]): boolean => changed.some((f) => /\b19[0-8]\d-/.test(files.get(f) ?? ''));

describe('lowering fuzzing', () => {
  it('replays the corpus of past failures', async () => {
    for (const [file, text] of corpus('lowerers')) {
      const target = corpusTarget(file, text);
      const loaded = loadFiles(new Map([...EXAMPLES, [target, text]]));
      lowerEverywhere(loaded, resourcesIn(loaded, [target]), 'EUR');
      compileAll(loaded);
      await contract(loaded.files, [target]);
    }
  });

  it('lowers and compiles the example campaigns', () => {
    const loaded = loadFiles(EXAMPLES);
    lowerEverywhere(loaded, loaded.model.resources, 'EUR');
    compileAll(loaded);
  });

  it('never throws lowering mutated resources on any provider, in any organisation currency', () => {
    fc.assert(
      fc.property(mutations(4), fc.constantFrom('EUR', 'JPY', 'KWD', 'USD'), (ms, orgCurrency) => {
        const { files, changed } = mutateFiles(EXAMPLES, ms);
        const loaded = loadFiles(files);
        lowerEverywhere(loaded, resourcesIn(loaded, changed), orgCurrency);
      }),
      params(150),
    );
  });

  it('lowers money, percentage and date edge cases exactly, or says why not', () => {
    fc.assert(
      fc.property(edgePromotion(EDGE_CURRENCIES), (e) => {
        const loaded = loadFiles(new Map([...EXAMPLES, [EDGE_FILE, edgeText(e)]]));
        lowerEverywhere(loaded, resourcesIn(loaded, [EDGE_FILE]), e.orgCurrency);
      }),
      params(300),
    );
  });

  it('compiles the API calls of every target for mutated campaigns (promoc compile)', () => {
    fc.assert(
      fc.property(mutations(4), (ms) => compileAll(loadFiles(mutateFiles(EXAMPLES, ms).files))),
      params(60),
    );
  });

  it(
    'what the plan writes to the emulators is accepted and reads back as lowered',
    async () => {
      await fc.assert(
        fc.asyncProperty(mutations(3), async (ms) => {
          const { files, changed } = mutateFiles(EXAMPLES, ms);
          fc.pre(!beforeClock(files, changed));
          await contract(files, changed);
        }),
        params(25),
      );
    },
    120_000 * RUNS,
  );

  it(
    'edge-case promotions are accepted by the emulators and read back as lowered',
    async () => {
      await fc.assert(
        fc.asyncProperty(edgePromotion(['EUR']), async (e) => {
          const text = edgeText(e);
          fc.pre(!/\b19[0-8]\d-/.test(text));
          await contract(new Map([...EXAMPLES, [EDGE_FILE, text]]), [EDGE_FILE]);
        }),
        params(40),
      );
    },
    120_000 * RUNS,
  );
});
