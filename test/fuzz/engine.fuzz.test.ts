// Property-based fuzzing of the engine (`promoc eval`, `promoc test`, the simulator): random and mutated
// evaluation contexts, written as data like a context file, against the example bundle and against bundles
// built from mutated example campaigns. Reading the context either fails with a ContextError (the engine's
// data error, with a path and a message) or gives an Evaluation; never a TypeError, RangeError or the like.
// Every Evaluation keeps what docs/engine.md documents:
// - amounts are integers in minor units (safe integers), no line below zero, discount ≤ what it was charged;
// - total = subtotal + surcharges − discounts = Σ lines[].amount, subtotal = Σ context lines, surcharges =
//   Σ fees, discounts = Σ applied[].amount, and each line's discount is what the applied campaigns took from it;
// - context lines first, in order, then one `fee:<name>` line per fee; a package line is reduced only by a
//   package discount, any other fee line only by a benefit naming its cost source;
// - a non-stackable campaign that applied is the only one; campaigns apply in the bundle's order, each active,
//   inside its window, in the context's currency for fixed amounts, within its limits and budget;
// - credit grants are in the context's currency; unknown codes are presented codes no campaign has;
// - evaluation is deterministic, the same in any host time zone, the same with the linear strategy and with
//   `explain: false` (but for the reasons), does not write to the context, and `formatEvaluation` prints it.
// Inputs that once failed are kept in test/fixtures/fuzz-corpus/engine/ and replayed first.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildBundle } from '../../src/bundle/build.js';
import { canonicalJson } from '../../src/engine/canonical.js';
import { contextFromData } from '../../src/engine/context-data.js';
import type { EvaluationContext } from '../../src/engine/context.js';
import { ContextError } from '../../src/engine/errors.js';
import type { Evaluation } from '../../src/engine/evaluation.js';
import { formatEvaluation } from '../../src/engine/explain.js';
import { loadBundle, type Engine } from '../../src/engine/load.js';
import type { Bundle, BundleBenefit, BundleCampaign } from '../../src/generated/bundle.js';
import { locateDiagnostics } from '../../src/load/locate.js';
import { EXAMPLES, loadFiles, mutateFiles, mutations, type Files } from './campaigns.js';
import { baseContexts, contextMutations, mutateContext, poolsOf, type Pools } from './contexts.js';
import { corpus, corpusTarget, expectLocated, params, ROOT } from './fuzz-kit.js';

interface Target {
  readonly bundle: Bundle;
  readonly engine: Engine;
  readonly linear: Engine;
  readonly pools: Pools;
}

/** The bundle of the files, built in memory as `promoc eval` does; undefined when they do not build (errors located). */
function targetOf(files: Files): Target | undefined {
  const loaded = loadFiles(files);
  if (loaded.diagnostics.some((d) => d.severity === 'error')) return undefined;
  const built = buildBundle(loaded.model, { revision: null, createdAt: null });
  if (!built.ok) {
    for (const d of locateDiagnostics(built.diagnostics, (f) => files.get(f) ?? '')) expectLocated(d, (f) => files.get(f));
    return undefined;
  }
  return { bundle: built.bundle, engine: loadBundle(built.bytes), linear: loadBundle(built.bytes, { strategy: 'linear' }), pools: poolsOf(built.bundle) };
}

const EXAMPLE = targetOf(EXAMPLES)!;
const BASE = baseContexts(loadFiles(EXAMPLES).model);

function deepFreeze<T>(v: T): T {
  if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

/** The context without its usage ledger (an object with methods), as JSON text; non-finite numbers spelled out. */
const snapshot = (ctx: EvaluationContext): string =>
  JSON.stringify({ ...ctx, usage: undefined }, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));

/** Read the data as `promoc eval` does and evaluate it; every outcome is checked. */
function evaluateData(t: Target, data: unknown, options: { timeZones?: boolean } = {}): void {
  let ctx: EvaluationContext;
  try {
    ctx = contextFromData(data);
  } catch (e) {
    expectContextError(e);
    return;
  }
  const { usage, ...rest } = ctx;
  const frozen = { ...deepFreeze(structuredClone(rest)), ...(usage ? { usage } : {}) } as EvaluationContext;
  const before = snapshot(frozen);
  let ev: Evaluation;
  try {
    ev = t.engine.evaluate(frozen);
  } catch (e) {
    expectContextError(e);
    expect(() => t.linear.evaluate(frozen), 'the linear strategy refuses the context too').toThrow(ContextError);
    return;
  }
  expect(snapshot(frozen), 'evaluate changed the context').toBe(before);
  expectInvariants(t, frozen, ev);
  const text = canonicalJson(ev);
  expect(canonicalJson(t.engine.evaluate(frozen)), 'the same context twice').toBe(text);
  expect(canonicalJson(t.linear.evaluate(frozen)), 'the linear strategy').toBe(text);
  const quiet = t.engine.evaluate(frozen, { explain: false });
  expect(canonicalJson({ ...quiet, rejected: [] }), 'explain: false').toBe(canonicalJson({ ...ev, rejected: [] }));
  expect(quiet.rejected.map((r) => r.campaign)).toEqual(ev.rejected.map((r) => r.campaign));
  expect(typeof formatEvaluation(ev)).toBe('string');
  if (options.timeZones) {
    const tz = process.env.TZ;
    try {
      for (const zone of ['Pacific/Kiritimati', 'America/Adak']) {
        process.env.TZ = zone;
        expect(canonicalJson(t.engine.evaluate(frozen)), `evaluated in ${zone}`).toBe(text);
      }
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  }
}

function expectContextError(e: unknown): void {
  if (!(e instanceof ContextError))
    throw new Error(`not a ContextError: ${e instanceof Error ? `${e.name}: ${e.message}\n${e.stack}` : String(e)}`, { cause: e });
  expect(e.path.length, e.message).toBeGreaterThan(0);
  expect(e.message.length).toBeGreaterThan(e.path.length);
}

const isSafe = (n: unknown): boolean => Number.isSafeInteger(n);
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

function benefitsOf(c: BundleCampaign): BundleBenefit[] {
  return [...c.benefits, ...(c.phases ?? []).flatMap((p) => p.benefits)];
}

function expectInvariants(t: Target, ctx: EvaluationContext, ev: Evaluation): void {
  const at = typeof ctx.at === 'number' ? ctx.at : Date.parse(ctx.at);
  const given = ctx.lines;
  // Money: safe integers, lines never below zero, never discounted past what they cost.
  for (const n of [ev.subtotal, ev.surcharges, ev.discounts, ev.total])
    expect(isSafe(n), `totals ${JSON.stringify([ev.subtotal, ev.surcharges, ev.discounts, ev.total])}`).toBe(true);
  for (const l of ev.lines) {
    expect(isSafe(l.original) && isSafe(l.discount) && isSafe(l.amount), `line ${JSON.stringify(l)}`).toBe(true);
    expect(l.amount).toBeGreaterThanOrEqual(0);
    expect(l.discount).toBeGreaterThanOrEqual(0);
    expect(l.amount, `line ${l.id}`).toBe(l.original - l.discount);
  }
  expect(ev.total).toBeGreaterThanOrEqual(0);
  expect(ev.discounts).toBeLessThanOrEqual(ev.subtotal + ev.surcharges);
  // Lines: the context's, in order, then one per fee.
  expect(ev.lines.length).toBe(given.length + ev.fees.length);
  given.forEach((l, i) => {
    expect(ev.lines[i]!.id).toBe(l.id);
    expect(ev.lines[i]!.original).toBe(l.amount);
    expect(ev.lines[i]!.fee).toBe(l.costSource?.group === 'SURCHARGE');
  });
  ev.fees.forEach((f, i) => {
    const line = ev.lines[given.length + i]!;
    expect(line).toMatchObject({ id: `fee:${f.name}`, original: f.amount, fee: true });
    expect(f.line).toBe(line.id);
    expect(isSafe(f.amount) && f.amount > 0, `fee ${JSON.stringify(f)}`).toBe(true);
  });
  // Totals.
  expect(ev.subtotal).toBe(sum(given.map((l) => l.amount)));
  expect(ev.surcharges).toBe(sum(ev.fees.map((f) => f.amount)));
  expect(ev.discounts).toBe(sum(ev.applied.map((a) => a.amount)));
  expect(ev.total).toBe(ev.subtotal + ev.surcharges - ev.discounts);
  expect(ev.total).toBe(sum(ev.lines.map((l) => l.amount)));
  // What each applied campaign took, line by line.
  const taken = new Map<string, number>();
  const index = new Map(t.engine.campaigns.map((c, i) => [c.id, i]));
  let last = -1;
  for (const a of ev.applied) {
    const c = t.engine.campaign(a.campaign);
    expect(c, a.campaign).toBeDefined();
    expect(c!.fee, `${a.campaign} is a fee`).not.toBe(true);
    expect(isSafe(a.amount) && a.amount >= 0, `${a.campaign} amount ${a.amount}`).toBe(true);
    expect(a.amount).toBe(sum(a.lines.map((l) => l.amount)));
    expect([1, 2]).toContain(a.times);
    if (a.times === 2) expect(c!.zone?.phase).toBe('START_PLUS_END_RENTAL');
    for (const l of a.lines) {
      taken.set(l.line, (taken.get(l.line) ?? 0) + l.amount);
      const line = ev.lines.find((x) => x.id === l.line);
      expect(line, `${a.campaign} took from ${l.line}`).toBeDefined();
      if (l.amount === 0) continue;
      const source = given.find((x) => x.id === l.line);
      if (source?.package !== undefined)
        expect(
          benefitsOf(c!).some((b) => b.type === 'packageDiscount'),
          `${a.campaign} reduced the package line ${l.line}`,
        ).toBe(true);
      else if (line!.fee) {
        const code = source ? source.costSource?.code : line!.id.slice('fee:'.length);
        expect(
          benefitsOf(c!).some((b) => 'scope' in b && b.scope !== undefined && b.scope.costSources.some((s) => s.group === 'SURCHARGE' && s.code === code)),
          `${a.campaign} reduced the fee line ${l.line}`,
        ).toBe(true);
      }
    }
    // Order, stacking, eligibility.
    const pos = index.get(a.campaign)!;
    expect(pos, `${a.campaign} applied out of the bundle's order`).toBeGreaterThan(last);
    last = pos;
    if (!c!.stackable)
      expect(
        ev.applied.map((x) => x.campaign),
        `${a.campaign} is not stackable`,
      ).toEqual([a.campaign]);
    expectEligible(c!, ctx, at, a.amount);
  }
  for (const l of ev.lines) expect(l.discount, `line ${l.id}`).toBe(taken.get(l.id) ?? 0);
  for (const f of ev.fees) expectEligible(t.engine.campaign(f.campaign)!, ctx, at, 0);
  // Grants, rejections, unknown codes.
  for (const g of ev.grants) {
    expect(
      ev.applied.some((a) => a.campaign === g.campaign),
      `${g.campaign} granted without applying`,
    ).toBe(true);
    if (g.type === 'credit') {
      expect(g.currency).toBe(ctx.currency);
      expect(isSafe(g.amount) && g.amount > 0, `credit ${g.amount}`).toBe(true);
    } else {
      expect(isSafe(g.days) && g.days > 0, `trial days ${g.days}`).toBe(true);
    }
  }
  const seen = [...ev.applied.map((a) => a.campaign), ...ev.fees.map((f) => f.campaign), ...ev.rejected.map((r) => r.campaign)];
  expect(new Set(seen).size, `a campaign listed twice: ${seen.join(', ')}`).toBe(seen.length);
  for (const r of ev.rejected) expect(r.reason.length, r.campaign).toBeGreaterThan(0);
  const codes = new Set(t.engine.campaigns.flatMap((c) => (c.code ? [c.code.toUpperCase()] : [])));
  for (const u of ev.unknownCodes) {
    expect(ctx.codes ?? []).toContain(u);
    expect(codes.has(u.toUpperCase()), `${u} is a campaign's code`).toBe(false);
  }
}

function expectEligible(c: BundleCampaign, ctx: EvaluationContext, at: number, amount: number): void {
  expect(c.status, c.id).toBe('active');
  if (c.window.from !== undefined) expect(at, `${c.id} before its window`).toBeGreaterThanOrEqual(c.window.from);
  if (c.window.until !== undefined) expect(at, `${c.id} after its window`).toBeLessThan(c.window.until);
  const fixed = [
    ...benefitsOf(c).flatMap((b) => (b.type === 'amountOff' || b.type === 'credit' ? [b.amount] : [])),
    c.surcharge?.amount,
    c.limits.budget,
    c.conditions?.minimumSpend,
  ];
  for (const m of fixed) if (m) expect(m.currency, `${c.id} has a fixed amount in ${m.currency}`).toBe(ctx.currency);
  const { redemptions, perCustomer, budget } = c.limits;
  if (perCustomer !== undefined) expect(ctx.customer?.id, `${c.id} has a per-customer limit`).toBeDefined();
  const usage = ctx.usage;
  if (!usage) return;
  if (redemptions !== undefined) expect(usage.redemptions(c.id), `${c.id} redemptions`).toBeLessThan(redemptions);
  if (perCustomer !== undefined) expect(usage.customerRedemptions(c.id, ctx.customer!.id!), `${c.id} per customer`).toBeLessThan(perCustomer);
  if (budget) expect(amount, `${c.id} over its budget`).toBeLessThanOrEqual(Math.max(0, budget.minor - usage.budgetSpent(c.id)));
}

// ---------------------------------------------------------------------------------------------------------

/** Corpus entries: `<name>.yaml`, a context; an optional `<name>.campaigns.yaml` (with `# replaces:`) changes the examples first. */
function replay(dir: string): void {
  for (const [file, text] of corpus(dir)) {
    if (file.endsWith('.campaigns.yaml')) continue;
    const campaigns = join(ROOT, 'test/fixtures/fuzz-corpus', dir, file.replace(/\.yaml$/, '.campaigns.yaml'));
    let t = EXAMPLE;
    if (existsSync(campaigns)) {
      const c = readFileSync(campaigns, 'utf8');
      t = targetOf(new Map([...EXAMPLES, [corpusTarget(file, c), c]]))!;
      expect(t, `${file}: its campaigns do not build`).toBeDefined();
    }
    evaluateData(t, parse(text) as unknown, { timeZones: true });
  }
}

describe('engine fuzzing', () => {
  it('replays the corpus of past failures', () => {
    replay('engine');
  });

  it('evaluates the example contexts and generated sessions', () => {
    for (const ctx of BASE) evaluateData(EXAMPLE, ctx);
  });

  it('never fails but with a ContextError on mutated contexts, against the example bundle', () => {
    fc.assert(
      fc.property(fc.nat(), contextMutations(4), (n, ms) => evaluateData(EXAMPLE, mutateContext(BASE[n % BASE.length]!, ms, EXAMPLE.pools))),
      params(1500),
    );
  });

  it('evaluates mutated contexts the same in any host time zone', () => {
    fc.assert(
      fc.property(fc.nat(), contextMutations(3), (n, ms) =>
        evaluateData(EXAMPLE, mutateContext(BASE[n % BASE.length]!, ms, EXAMPLE.pools), { timeZones: true }),
      ),
      params(300),
    );
  });

  const arbitraryData = fc.record(
    {
      at: fc.oneof(fc.constant('2027-07-10T09:30:00Z'), fc.anything()),
      currency: fc.oneof(fc.constant('EUR'), fc.anything()),
      lines: fc.oneof(
        fc.array(
          fc.oneof(fc.record({ id: fc.oneof(fc.string(), fc.anything()), amount: fc.oneof(fc.nat(), fc.anything()) }, { requiredKeys: [] }), fc.anything()),
          { maxLength: 4 },
        ),
        fc.anything(),
      ),
      codes: fc.oneof(fc.array(fc.string(), { maxLength: 3 }), fc.anything()),
      customer: fc.anything(),
      vehicle: fc.anything(),
      rental: fc.oneof(fc.record({ start: fc.anything(), end: fc.anything(), branch: fc.anything() }, { requiredKeys: [] }), fc.anything()),
      billing: fc.anything(),
      usage: fc.anything(),
    },
    { requiredKeys: [] },
  );

  it('never fails but with a ContextError on arbitrary data', () => {
    fc.assert(
      fc.property(arbitraryData, (d) => evaluateData(EXAMPLE, d)),
      params(500),
    );
  });

  // The simulator and services hand parsed JSON to evaluate() without contextFromData in front of it.
  it('never fails but with a ContextError on arbitrary data handed straight to evaluate()', () => {
    fc.assert(
      fc.property(arbitraryData, (d) => {
        for (const engine of [EXAMPLE.engine, EXAMPLE.linear]) {
          try {
            engine.evaluate(d as EvaluationContext, { explain: false });
          } catch (e) {
            expectContextError(e);
          }
        }
      }),
      params(500),
    );
  });

  it('never fails but with a ContextError against bundles built from mutated campaigns', () => {
    fc.assert(
      fc.property(mutations(3), fc.array(fc.tuple(fc.nat(), contextMutations(3)), { minLength: 4, maxLength: 8 }), (ms, cases) => {
        const t = targetOf(mutateFiles(EXAMPLES, ms).files);
        if (!t) return;
        for (const [n, cms] of cases) evaluateData(t, mutateContext(BASE[n % BASE.length]!, cms, t.pools));
      }),
      params(150),
    );
  });
});
