// The example campaigns (campaigns/**) against the embedded emulators, as `promoc plan` and the demo run them:
// every campaign labelled for an API is expressible by it (no compile errors, every kind planned), and once
// everything the plan creates exists, the next plan has nothing to do: each field lower writes reads back
// the same, including the type-specific ones (reward conditions, trigger events, referrer benefits, reason
// codes, trial days) and the code batch.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/generated/plan.js';
import { loadProject } from '../../src/load/project.js';
import { type Model, resourceKey } from '../../src/model/resource.js';
import { planExitCode } from '../../src/plan/build.js';
import { startHarness, type Harness } from './harness.js';
import { seedCreates } from './seed.js';

const ROOT = join(import.meta.dirname, '../..');
let model: Model;
let h: Harness;

beforeAll(async () => {
  const loaded = await loadProject({ cwd: ROOT, cache: false, workers: 1 });
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  model = loaded.model;
  h = await startHarness(model);
});
afterAll(() => h.close());

async function plan(): Promise<Plan> {
  const r = await h.plan();
  expect(r.diagnostics.map((d) => `${d.file}: ${d.message}`)).toEqual([]);
  return r.plan!;
}

describe('the example campaigns on the local target', () => {
  it('plan with no errors: one create per resource labelled for an API, every mobility kind included', async () => {
    const p = await plan();
    expect(planExitCode(p)).toBe(2);
    expect(p.actions.every((a) => a.action === 'create')).toBe(true);
    const labelled = model.resources.filter(
      (l) => ['ev-billing', 'mobility', 'promotions', 'lago'].includes(l.resource.metadata.labels?.target ?? '') && l.resource.kind !== 'Geofence',
    );
    expect(p.actions).toHaveLength(labelled.length);
    const mobilityKinds = new Set(p.actions.filter((a) => a.provider === 'mobility').map((a) => a.kind));
    expect([...mobilityKinds].sort()).toEqual([
      'CodeBatch',
      'CustomerCare',
      'GeofencePromotion',
      'GeofenceSurcharge',
      'Package',
      'PricedPromotion',
      'Promotion',
      'Referral',
      'Reward',
      'RidePass',
      'Subscription',
      'Tag',
      'Triggered',
      'VehiclePromotion',
    ]);
    expect(new Set(p.actions.map((a) => a.provider))).toEqual(new Set(['ev-billing', 'mobility', 'promotions', 'lago']));
    expect(p.notes.find((n) => n.message.includes('labels.target: engine'))?.resources).toEqual(expect.arrayContaining(['Promotion/fleet-launch-phased']));
    expect(p.notes.filter((n) => n.level === 'warn')).toEqual([]);
  });

  it('after creating (and activating) everything, the next plan has nothing to do', async () => {
    await seedCreates(await plan(), h.bindings);
    const p = await plan();
    expect(p.actions.filter((a) => a.action !== 'noop').map((a) => `${resourceKey(a)}: ${a.action} ${JSON.stringify(a.changes)}`)).toEqual([]);
    expect(planExitCode(p)).toBe(0);
    const batch = p.actions.find((a) => a.kind === 'CodeBatch');
    expect(batch).toMatchObject({ name: 'welcome-ride-uni-fairs', action: 'noop' });
  });
});
