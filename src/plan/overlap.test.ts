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

function model(): Model {
  const resources: Located[] = [];
  for (let i = 0; i < N; i++) {
    const code = `OVL${String(i).padStart(4, '0')}`;
    const resource = {
      apiVersion: 'promoc/v1',
      kind: 'Promotion',
      metadata: { name: code.toLowerCase(), labels: { target: 'ev-billing' } },
      spec: { code, window: { until: '2030-01-01T00:00:00Z' }, benefits: [{ percentOff: 5 + (i % 40) }], limits: { redemptions: 100 + i } },
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

describe('a plan made while the pages are in flight', () => {
  const m = model();
  const bindings = localBindings({
    'ev-billing': { apiBaseUrl: 'http://ev.test', tenant: 't', credentials: { kind: 'api-key', apiKey: 'k' } },
  }).map((b) => ({ ...b, connection: { ...b.connection, pageSize: 10, concurrency: 4 } }));

  it('equals the plan made step by step, for pages answered in any order', async () => {
    const compiled = await compileTarget(m, bindings, 'local');
    const digests = new Map(compiled.desired.map((d) => [d.located.resource.metadata.name, ownerDigest(d.lowered.normalized.fields)]));
    const codes = liveCodes(digests);
    const live = await readBinding(bindings[0]!, realDeps(fakeEv(codes, [0])));
    const expected = buildPlan({
      target: 'local',
      createdAt: NOW,
      promocVersion: 'test',
      options: { prune: true, force: false },
      providers: { 'ev-billing': providerFor('ev-billing', bindings[0]!) },
      desired: compiled.desired,
      live: [live],
      notes: [...compiled.notes],
    });
    // Creates, noops, changes the API refuses, drift and a conflict are all in it.
    for (const kind of ['create', 'noop', 'blocked', 'drift'] as const) expect(expected.summary[kind]).toBeGreaterThan(0);
    expect(expected.conflicts).toHaveLength(2);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 30 }), async (delays) => {
        const result = await planBindings({
          targetName: 'local',
          model: m,
          bindings,
          options: { prune: true, force: false },
          deps: realDeps(fakeEv(codes, delays)),
          now: () => new Date(NOW),
          promocVersion: 'test',
        });
        expect(result.diagnostics).toEqual([]);
        expect(JSON.stringify(result.plan)).toBe(JSON.stringify(expected));
      }),
      { numRuns: 15 },
    );
  });
});
