// planBindings overlaps the desired side's lowering with the reads, raises each page as it arrives and
// builds the plan from both. Whatever order the pages come back in, the plan must be the one made step by
// step: compile the desired side, read every page, then build.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnyResource, Located, Model } from '../model/resource.js';
import { realDeps, type Fetch } from '../providers/http/client.js';
import { providerFor } from '../providers/index.js';
import { buildPlan } from './build.js';
import { compileTarget, planBindings, readBinding } from './run.js';
import { localBindings } from './targets.js';
import { ownerDigest } from './actions.js';

const NOW = '2026-12-07T10:00:00.000Z';
const N = 240;

/** N promotions for `target`, codes `${prefix}0000`…; `extra(i)` adds the target's own fields to the spec. */
function model(target: 'ev-billing' | 'lago', prefix: string, extra: (i: number) => Record<string, unknown>): Model {
  const resources: Located[] = [];
  for (let i = 0; i < N; i++) {
    const code = `${prefix}${String(i).padStart(4, '0')}`;
    const resource = {
      apiVersion: 'promoc/v1',
      kind: 'Promotion',
      metadata: { name: code.toLowerCase(), labels: { target } },
      spec: { code, window: { until: '2030-01-01T00:00:00Z' }, benefits: [{ percentOff: 5 + (i % 40) }], ...extra(i) },
    } as unknown as AnyResource;
    resources.push({ resource, source: { file: `campaigns/${code}.yaml`, docIndex: 0 } });
  }
  return { resources, geometries: new Map() };
}

/** Live codes: most as promoc wrote them, some changed, some unmanaged, two claiming one resource, one orphan. */
function liveCodes(desiredDigests: ReadonlyMap<string, string>): Record<string, unknown>[] {
  const codes: Record<string, unknown>[] = [];
  for (let i = 0; i < N + 20; i++) {
    if (i % 11 === 3) continue; // not created yet: a create
    const code = i < N ? `OVL${String(i).padStart(4, '0')}` : `OTHER${i}`;
    const name = code.toLowerCase();
    const managed = i < N && i % 13 !== 5;
    const marker = managed ? `[promoc:managed Promotion/${name} ${desiredDigests.get(name) ?? '000000000000'}]` : 'made by hand';
    codes.push({
      code_id: `promo_${String(i).padStart(5, '0')}`,
      code: i % 17 === 4 ? code.toLowerCase() : code,
      discount_type: 'percent',
      discount_value: i % 7 === 2 ? 99 : 5 + (i % 40),
      currency: null,
      max_uses: 100 + i,
      max_uses_per_user: null,
      expires_at: '2030-01-01T00:00:00Z',
      description: marker,
      uses_count: i % 5,
      active: i % 19 !== 7,
      created_at: '2026-01-01T00:00:00Z',
    });
  }
  // A second object claiming ovl0010 by its marker and one claiming OVL0020 by its code (conflicts: which
  // object the action names depends on the read order), and one promoc wrote for a resource no longer declared.
  codes.push({ ...codes[9]!, code_id: 'promo_dup', code: 'OVL0010-B', description: `x\n\n[promoc:managed Promotion/ovl0010 000000000000]` });
  codes.splice(31, 0, { ...codes.find((c) => c.code === 'OVL0020')!, code_id: 'promo_again', code: 'ovl0020' });
  codes.push({ ...codes[0]!, code_id: 'promo_gone', code: 'GONE', description: '[promoc:managed Promotion/gone 000000000000]' });
  return codes;
}

/** An EV billing API over `codes` whose answers are delayed by `delays` (in turns), so pages finish out of order. */
function fakeEv(codes: readonly Record<string, unknown>[], delays: readonly number[]): Fetch {
  let call = 0;
  return async (input) => {
    const url = new URL(input);
    const limit = Number(url.searchParams.get('limit'));
    const offset = Number(url.searchParams.get('offset'));
    const plural = url.pathname.endsWith('/user-types') ? 'user_types' : 'promotional_codes';
    const items = plural === 'user_types' ? [] : codes;
    const body = { [plural]: items.slice(offset, offset + limit), total: items.length, limit, offset };
    const turns = delays[call++ % delays.length]!;
    for (let t = 0; t < turns; t++) await new Promise<void>((resolve) => setImmediate(resolve));
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  };
}

/** A Lago API over `coupons` and `applied`, answers delayed by `delays` (in turns), so pages finish out of order. */
function fakeLago(coupons: readonly Record<string, unknown>[], applied: readonly Record<string, unknown>[], delays: readonly number[]): Fetch {
  let call = 0;
  return async (input) => {
    const url = new URL(input);
    const page = Number(url.searchParams.get('page'));
    const perPage = Number(url.searchParams.get('per_page'));
    const root = url.pathname.endsWith('/applied_coupons') ? 'applied_coupons' : 'coupons';
    const items = root === 'coupons' ? coupons : applied;
    const totalPages = Math.max(1, Math.ceil(items.length / perPage));
    const body = {
      [root]: items.slice((page - 1) * perPage, page * perPage),
      meta: { current_page: page, total_pages: totalPages, total_count: items.length },
    };
    const turns = delays[call++ % delays.length]!;
    for (let t = 0; t < turns; t++) await new Promise<void>((resolve) => setImmediate(resolve));
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  };
}

/** Live coupons: most as promoc wrote them, some changed (some of those applied to customers), some unmanaged, terminated or orphaned. */
function liveCoupons(desiredDigests: ReadonlyMap<string, string>): { coupons: Record<string, unknown>[]; applied: Record<string, unknown>[] } {
  const coupons: Record<string, unknown>[] = [];
  const applied: Record<string, unknown>[] = [];
  for (let i = 0; i < N + 15; i++) {
    if (i % 11 === 3) continue; // not created yet: a create
    const code = i < N ? `LGO${String(i).padStart(4, '0')}` : `HAND${i}`;
    const name = code.toLowerCase();
    const managed = i < N && i % 13 !== 5;
    const lagoId = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    coupons.push({
      lago_id: lagoId,
      name,
      code,
      description: managed ? `[promoc:managed Promotion/${name} ${desiredDigests.get(name) ?? '000000000000'}]` : 'made by hand',
      coupon_type: 'percentage',
      amount_cents: null,
      amount_currency: null,
      percentage_rate: String(i % 7 === 2 ? 99 : 5 + (i % 40)),
      reusable: true,
      frequency: 'once',
      frequency_duration: null,
      expiration: 'time_limit',
      expiration_at: '2030-01-01T00:00:00Z',
      plan_codes: [],
      billable_metric_codes: [],
      created_at: '2026-01-01T00:00:00Z',
      terminated_at: i % 19 === 7 ? '2026-06-01T00:00:00Z' : null,
      deleted_at: null,
    });
    for (let k = 0; k < i % 3; k++) applied.push({ lago_id: `applied-${i}-${k}`, lago_coupon_id: lagoId, status: k === 0 ? 'active' : 'terminated' });
  }
  coupons.push({ ...coupons[0]!, lago_id: 'gone-id', code: 'GONE', name: 'gone', description: '[promoc:managed Promotion/gone 000000000000]' });
  return { coupons, applied };
}

/** planBindings, for pages answered in random orders, makes `expected` (the plan made step by step). */
async function inAnyOrder(
  m: Model,
  bindings: ReturnType<typeof localBindings>,
  prune: boolean,
  fetchFor: (delays: readonly number[]) => Fetch,
  expected: unknown,
) {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 30 }), async (delays) => {
      const result = await planBindings({
        targetName: 'local',
        model: m,
        bindings,
        options: { prune, force: false },
        deps: realDeps(fetchFor(delays)),
        now: () => new Date(NOW),
        promocVersion: 'test',
      });
      expect(result.diagnostics).toEqual([]);
      expect(JSON.stringify(result.plan)).toBe(JSON.stringify(expected));
    }),
    { numRuns: 15 },
  );
}

/** The plan made one step after the other: compile the desired side, read every page, then build. */
async function stepByStep(m: Model, bindings: ReturnType<typeof localBindings>, prune: boolean, fetchImpl: Fetch) {
  const compiled = await compileTarget(m, bindings, 'local');
  const live = await readBinding(bindings[0]!, realDeps(fetchImpl));
  return buildPlan({
    target: 'local',
    createdAt: NOW,
    promocVersion: 'test',
    options: { prune, force: false },
    providers: { [bindings[0]!.provider]: providerFor(bindings[0]!.provider, bindings[0]!) },
    desired: compiled.desired,
    live: [live],
    notes: [...compiled.notes],
  });
}

async function digestsOf(m: Model, bindings: ReturnType<typeof localBindings>): Promise<Map<string, string>> {
  const compiled = await compileTarget(m, bindings, 'local');
  return new Map(compiled.desired.map((d) => [d.located.resource.metadata.name, ownerDigest(d.lowered.normalized.fields)]));
}

describe('a plan made while the pages are in flight', () => {
  const m = model('ev-billing', 'OVL', (i) => ({ limits: { redemptions: 100 + i } }));
  const bindings = localBindings({
    'ev-billing': { apiBaseUrl: 'http://ev.test', tenant: 't', credentials: { kind: 'api-key', apiKey: 'k' } },
  }).map((b) => ({ ...b, connection: { ...b.connection, pageSize: 10, concurrency: 4 } }));

  it('equals the plan made step by step, for pages answered in any order', async () => {
    const codes = liveCodes(await digestsOf(m, bindings));
    const expected = await stepByStep(m, bindings, true, fakeEv(codes, [0]));
    // Creates, noops, changes the API refuses, drift and a conflict are all in it.
    for (const kind of ['create', 'noop', 'blocked', 'drift'] as const) expect(expected.summary[kind]).toBeGreaterThan(0);
    expect(expected.conflicts).toHaveLength(2);
    await inAnyOrder(m, bindings, true, (delays) => fakeEv(codes, delays), expected);
  });

  // Without objects that claim one resource the plan uses what it worked out while reading (read-ahead.ts).
  for (const prune of [true, false])
    it(`equals it with nothing claimed twice too (${prune ? 'pruning' : 'not pruning'} the orphan)`, async () => {
      const codes = liveCodes(await digestsOf(m, bindings)).filter((c) => c.code_id !== 'promo_dup' && c.code_id !== 'promo_again');
      const expected = await stepByStep(m, bindings, prune, fakeEv(codes, [0]));
      for (const kind of ['create', 'noop', 'blocked', 'drift'] as const) expect(expected.summary[kind]).toBeGreaterThan(0);
      expect(expected.conflicts).toBeUndefined();
      // The orphan is acted on when pruning, named in a note otherwise.
      expect(expected.actions.some((a) => a.name === 'gone')).toBe(prune);
      expect(expected.notes.some((n) => n.resources?.some((r) => r.startsWith('Promotion/gone')))).toBe(!prune);
      await inAnyOrder(m, bindings, prune, (delays) => fakeEv(codes, delays), expected);
    });

  it('equals it when only a code is shared (one of the two made by hand)', async () => {
    const codes = liveCodes(await digestsOf(m, bindings))
      .filter((c) => c.code_id !== 'promo_dup')
      .map((c) => (c.code_id === 'promo_again' ? { ...c, description: 'made by hand' } : c));
    const expected = await stepByStep(m, bindings, true, fakeEv(codes, [0]));
    expect(expected.conflicts).toHaveLength(1);
    await inAnyOrder(m, bindings, true, (delays) => fakeEv(codes, delays), expected);
  });

  it('equals it on Lago, whose coupons wait for their applications', async () => {
    const lm = model('lago', 'LGO', () => ({ duration: { frequency: 'once' } }));
    const lago = localBindings({ lago: { apiBaseUrl: 'http://lago.test', tenant: 't', credentials: { kind: 'api-key', apiKey: 'k' } } }).map((b) => ({
      ...b,
      connection: { ...b.connection, pageSize: 10, concurrency: 4 },
    }));
    const { coupons, applied } = liveCoupons(await digestsOf(lm, lago));
    const expected = await stepByStep(lm, lago, true, fakeLago(coupons, applied, [0]));
    for (const kind of ['create', 'noop', 'update', 'blocked', 'delete'] as const) expect(expected.summary[kind]).toBeGreaterThan(0);
    expect(expected.actions.some((a) => a.counters?.some((c) => c.name === 'appliedCoupons'))).toBe(true);
    await inAnyOrder(lm, lago, true, (delays) => fakeLago(coupons, applied, delays), expected);
  });
});
