// Golden files for every plan renderer. The plan itself is produced end to end against the emulators (so a
// change in what the planner decides shows up as a diff of plan.json), then each renderer is a pure view of
// that saved plan. UPDATE_GOLDEN=1 rewrites them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/generated/plan.js';
import { defaultValidator } from '../../src/load/project.js';
import { parsePlanFile, planJson } from '../../src/plan/plan-file.js';
import { renderPlanMarkdown } from '../../src/render/plan-markdown.js';
import { renderPlanText } from '../../src/render/plan-text.js';
import { expectGolden } from '../helpers/golden.js';
import { fixtureModel, startHarness, without } from './harness.js';
import { clientFor, seedCreates } from './seed.js';

const dir = join(import.meta.dirname, '../fixtures/plan/golden');
const golden = (name: string): string => join(dir, name);

/** Ports of the emulators change from run to run. */
const stable = (text: string): string => text.replace(/http:\/\/127\.0\.0\.1:\d+/g, 'http://emulator');

async function richPlan(): Promise<string> {
  const model = await fixtureModel();
  const h = await startHarness(model);
  try {
    await seedCreates((await h.plan()).plan!, h.bindings);
    const lago = clientFor(h.bindings, 'lago');
    await lago.request({ method: 'POST', path: '/customers', body: { customer: { external_id: 'cust-1' } } });
    await lago.request({ method: 'POST', path: '/applied_coupons', body: { applied_coupon: { external_customer_id: 'cust-1', coupon_code: 'FLEETSTART30' } } });
    const state = h.emulators.control('mobility').snapshot() as { tenants: Record<string, { voucherables: Record<string, { code?: string }> }> };
    const [tenant, t] = Object.entries(state.tenants)[0]!;
    const summer = Object.entries(t.voucherables).find(([, v]) => v.code === 'SUMMER25')![0];
    await h.emulators.control('mobility').edit(tenant, 'voucherables', summer, { redeemLimit: 5000 });
    const changed = without(structuredClone(model), 'Promotion/switch-credit');
    for (const l of changed.resources) {
      const spec = l.resource.spec as unknown as Record<string, unknown>;
      const name = l.resource.metadata.name;
      if (name === 'fair-trial') spec.stacking = { stackable: true, priority: 40 };
      if (name === 'ev-charge25') spec.benefits = [{ percentOff: 30 }];
      if (name === 'fleet-onboarding') spec.benefits = [{ percentOff: 35, appliesTo: { plans: ['fleet-starter-monthly', 'fleet-pro-monthly'] } }];
      if (name === 'kiez-hopper') spec.zone = { geofences: ['kreuzberg'], phase: 'START_AND_END_RENTAL' };
      if (name === 'upgrade-credit') spec.status = 'active';
    }
    const r = await h.plan({ model: changed, prune: true, force: true });
    expect(r.diagnostics).toEqual([]);
    return stable(planJson(r.plan!));
  } finally {
    await h.close();
  }
}

const validator = await defaultValidator();

describe('plan golden files', () => {
  it('the planner decides the same plan (plan.json)', async () => {
    expectGolden(golden('plan.json'), await richPlan());
  });

  const plan = (): Plan => parsePlanFile(readFileSync(golden('plan.json'), 'utf8'), 'plan.json', validator);

  it('renders the terminal view', () => {
    expectGolden(golden('expected.txt'), renderPlanText(plan(), { color: false }));
    expectGolden(golden('expected.color.txt'), renderPlanText(plan(), { color: true }));
  });

  it('renders the markdown view', () => {
    expectGolden(golden('expected.md'), renderPlanMarkdown(plan()));
  });

  it('renders the json view as the saved file, byte for byte', () => {
    expect(planJson(plan())).toBe(readFileSync(golden('plan.json'), 'utf8'));
  });
});
