// Launches on targets that cannot hold a start date, and dated changes to live billing promotions, against
// the emulators with their clocks moved: nothing is created early, `apply --due` creates once due and then
// has nothing left to do, and a scheduled version becomes current at its effective instant.
import { afterEach, describe, expect, it } from 'vitest';
import type { Promotion } from '../../src/generated/index.js';
import type { Located, Model } from '../../src/model/resource.js';
import { aContext, aPromotion, engineFor } from '../fixtures/engine/builders.js';
import { NOW, startApplyHarness, type ApplyHarness } from './harness.js';

const HOUR = 3_600_000;
const FROM = new Date(NOW.getTime() + HOUR).toISOString().replace('.000Z', 'Z');

function resource(name: string, target: string, spec: Promotion['spec']): Located<Promotion> {
  return {
    resource: { apiVersion: 'promoc/v1', kind: 'Promotion', metadata: { name, labels: { target } }, spec },
    source: { file: `campaigns/${name}.yaml`, docIndex: 0 },
  };
}

const launch: Model = {
  geometries: new Map(),
  resources: [
    resource('lago-launch', 'lago', { code: 'LAUNCH10', window: { from: FROM, until: '2030-01-01T00:00:00Z' }, benefits: [{ percentOff: 10 }] }),
    resource('ev-launch', 'ev-billing', { code: 'EVLAUNCH', window: { from: FROM }, benefits: [{ percentOff: 15 }] }),
  ],
};

async function liveCodes(h: ApplyHarness): Promise<string[]> {
  const r = await h.plan({ geometries: new Map(), resources: [] });
  return r.plan!.sources.flatMap((s) => (s.objects > 0 ? [`${s.provider}:${s.objects}`] : [])).sort();
}

let h: ApplyHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('launches on targets without a start date', () => {
  it('plans a scheduled create, creates nothing early, creates once due with apply --due, then does nothing', async () => {
    h = await startApplyHarness({ providers: ['lago', 'ev-billing'] });
    const first = await h.plan(launch);
    expect(first.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const plan = first.plan!;
    expect(plan.actions.map((a) => [a.provider, a.action, a.schedule?.at, a.schedule?.op, a.schedule?.native])).toEqual([
      ['ev-billing', 'scheduled', FROM, 'create', false],
      ['lago', 'scheduled', FROM, 'create', false],
    ]);
    expect(plan.summary).toMatchObject({ scheduled: 2, create: 0, changes: 0 });
    // Neither a plain apply nor apply --due writes anything before `from`.
    expect((await h.apply(plan)).ok).toBe(true);
    expect((await h.apply((await h.plan(launch)).plan!, { dueOnly: true })).ok).toBe(true);
    expect(await liveCodes(h)).toEqual([]);

    // One minute before `from`: still scheduled.
    h.setNow(new Date(Date.parse(FROM) - 60_000));
    expect((await h.plan(launch)).plan!.summary.scheduled).toBe(2);

    h.setNow(new Date(Date.parse(FROM) + 60_000));
    const due = (await h.plan(launch)).plan!;
    expect(due.actions.map((a) => [a.provider, a.action, a.schedule?.at])).toEqual([
      ['ev-billing', 'create', FROM],
      ['lago', 'create', FROM],
    ]);
    const report = await h.apply(due, { dueOnly: true });
    expect(report.ok).toBe(true);
    expect(report.changed.map((e) => e.resource).sort()).toEqual(['ev-billing Promotion/ev-launch', 'lago Promotion/lago-launch']);
    expect(await liveCodes(h)).toEqual(['ev-billing:1', 'lago:1']);
    // The payloads carry no start date: the APIs have none.
    expect(due.actions.map((a) => Object.keys(a.payload ?? {}).filter((k) => /from|start/i.test(k)))).toEqual([[], []]);

    const again = (await h.plan(launch)).plan!;
    expect(again.summary).toMatchObject({ changes: 0, scheduled: 0, noop: 2 });
    const second = await h.apply(again, { dueOnly: true });
    expect(second.ok).toBe(true);
    expect([second.changed, second.calls.total]).toEqual([[], 0]);
  });

  it('apply --due leaves every change the clock did not make due to a reviewed apply', async () => {
    h = await startApplyHarness({ providers: ['lago'] });
    const now = resource('lago-now', 'lago', { code: 'NOWNOW', benefits: [{ percentOff: 5 }] });
    const plan = (await h.plan({ geometries: new Map(), resources: [now] })).plan!;
    expect(plan.actions.map((a) => a.action)).toEqual(['create']);
    const report = await h.apply(plan, { dueOnly: true });
    expect(report.calls.total).toBe(0);
    expect(report.untouched.map((u) => u.reason)).toEqual([expect.stringContaining('not due')]);
    expect(await liveCodes(h)).toEqual([]);
  });
});

describe('the engine and the window', () => {
  it('gives no discount before from and the discount from then on', () => {
    const engine = engineFor([aPromotion('launch', { window: { from: FROM }, benefits: [{ percentOff: 10 }] })]);
    const before = engine.evaluate(aContext({ at: new Date(Date.parse(FROM) - 1000).toISOString() }));
    const after = engine.evaluate(aContext({ at: FROM }));
    expect(before.discounts).toBe(0);
    expect(before.applied).toEqual([]);
    expect(after.discounts).toBe(100);
  });
});

describe('a dated change to an active billing promotion', () => {
  const base: Promotion['spec'] = { code: 'PRICE10', status: 'active', window: { from: '2027-01-01T00:00:00Z' }, benefits: [{ percentOff: 10 }] };
  const EFFECTIVE = '2027-01-15T12:00:00Z';

  it('is written as an effective_at version that becomes current at that instant', async () => {
    h = await startApplyHarness({ providers: ['promotions'] });
    const v1: Model = { geometries: new Map(), resources: [resource('price', 'promotions', base)] };
    expect((await h.apply((await h.plan(v1)).plan!)).ok).toBe(true);

    const v2: Model = {
      geometries: new Map(),
      resources: [
        resource('price', 'promotions', {
          ...base,
          displayName: 'Price promise',
          limits: { redemptions: 500 },
          providers: { promotions: { effectiveAt: EFFECTIVE } },
        }),
      ],
    };
    const plan = (await h.plan(v2)).plan!;
    const [update] = plan.actions;
    expect(update).toMatchObject({ action: 'update', schedule: { at: EFFECTIVE, op: 'update', native: true } });
    expect(plan.summary).toMatchObject({ update: 1, changes: 1 });
    const report = await h.apply(plan);
    expect(report.ok).toBe(true);

    // Written, not yet live: the next plan sees the waiting version and has nothing to write.
    const waiting = (await h.plan(v2)).plan!;
    expect(waiting.actions.map((a) => [a.action, a.schedule?.at, a.schedule?.native])).toEqual([['scheduled', EFFECTIVE, true]]);
    expect(waiting.summary).toMatchObject({ scheduled: 1, changes: 0 });
    const promotions = h.emulators.endpoint('promotions');
    const id = update!.liveId!;
    const get = async (path: string): Promise<{ data: Record<string, unknown> & Record<string, unknown>[] }> => {
      const res = await fetch(`${promotions.apiBaseUrl}${path}`, {
        headers: { authorization: `Bearer ${(promotions.credentials as { apiKey: string }).apiKey}` },
      });
      return (await res.json()) as { data: Record<string, unknown> & Record<string, unknown>[] };
    };
    expect((await get(`/promotions/${id}`)).data.max_redemptions).toBeNull();
    const versions = (await get(`/promotions/${id}/versions`)).data as Record<string, unknown>[];
    expect(versions.find((v) => v.status === 'scheduled')).toMatchObject({ effective_from: EFFECTIVE });

    h.setNow(new Date(Date.parse(EFFECTIVE) - 1000));
    expect((await get(`/promotions/${id}`)).data.max_redemptions).toBeNull();
    h.setNow(new Date(EFFECTIVE));
    const current = (await get(`/promotions/${id}`)).data;
    expect(current).toMatchObject({ max_redemptions: 500, name: 'Price promise' });
    const published = ((await get(`/promotions/${id}/versions`)).data as Record<string, unknown>[]).find((v) => v.status === 'published');
    expect(published).toMatchObject({ effective_from: EFFECTIVE });
    // Once published, the repository and the target agree.
    expect((await h.plan(v2)).plan!.summary).toMatchObject({ changes: 0, scheduled: 0, noop: 1 });
  });
});
