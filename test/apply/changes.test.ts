// Beyond creates: updates (with expected_version on promotions, full PUTs on mobility), replacements
// (promotions archive + create + activate; Lago delete + create with --force) and --prune (mobility
// deactivate then delete; promotions archive). After every apply the next plan is empty.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AnyResource, type Model, resourceKey } from '../../src/model/resource.js';
import { clientFor } from '../plan/seed.js';
import { changesOf, modelOf, startApplyHarness, type ApplyHarness } from './harness.js';

let h: ApplyHarness;
let base: Model;
beforeEach(async () => {
  h = await startApplyHarness();
  base = await modelOf(join(import.meta.dirname, '../fixtures/apply/repo'));
});
afterEach(async () => {
  await h.close();
});

/** The model with one resource's document changed (a deep copy, edited). */
function edit(model: Model, name: string, change: (spec: Record<string, unknown>, r: Record<string, unknown>) => void): Model {
  return {
    ...model,
    resources: model.resources.map((l) => {
      if (l.resource.metadata.name !== name) return l;
      const r = structuredClone(l.resource) as unknown as Record<string, unknown>;
      change(r.spec as Record<string, unknown>, r);
      return { ...l, resource: r as unknown as AnyResource };
    }),
  };
}
const without = (model: Model, ...names: string[]): Model => ({
  ...model,
  resources: model.resources.filter((l) => !names.includes(l.resource.metadata.name)),
});

async function converge(model: Model, options: { prune?: boolean; force?: boolean } = {}): Promise<string[]> {
  const plan = (await h.plan(model, options)).plan!;
  const report = await h.apply(plan);
  expect({ failed: report.failed, diverged: report.diverged }).toEqual({ failed: [], diverged: [] });
  expect(changesOf((await h.plan(model, options)).plan!)).toEqual([]);
  return plan.actions.filter((a) => a.action !== 'noop').map((a) => `${a.action} ${a.provider} ${resourceKey(a)}`);
}

describe('apply carries out every kind of action and converges', () => {
  it('updates in place on every API that can', async () => {
    await converge(base);
    let next = edit(base, 'spring-switch', (s) => {
      s.displayName = 'Spring switch 2';
      (s.benefits as { percentOff: number }[])[0]!.percentOff = 25;
    });
    next = edit(next, 'annual-upgrade', (s) => {
      s.displayName = 'Annual upgrade';
      (s.limits as { redemptions: number }).redemptions = 2000;
    });
    next = edit(next, 'spring-ride', (s) => {
      (s.limits as { redemptions: number }).redemptions = 3000;
      s.status = 'inactive';
    });
    next = edit(next, 'flagged', (s) => {
      s.description = 'Under review by trust and safety.';
    });
    expect(await converge(next)).toEqual([
      'update mobility Tag/flagged',
      'update mobility Promotion/spring-ride',
      'update promotions Promotion/annual-upgrade',
      'update lago Promotion/spring-switch',
    ]);
  });

  it('replaces what cannot change in place', async () => {
    await converge(base);
    // An active promotion's effects are locked: archive it and create the new one with the same code.
    let next = edit(base, 'annual-upgrade', (s) => {
      s.benefits = [{ credit: { amount: '75.00', currency: 'EUR' } }];
    });
    // A coupon applied to a customer has locked terms: delete (frees the code) and create again, with --force.
    const lago = clientFor(h.bindings, 'lago');
    await lago.request({ method: 'POST', path: '/customers', body: { customer: { external_id: 'c-1', currency: 'EUR' } } });
    await lago.request({ method: 'POST', path: '/applied_coupons', body: { applied_coupon: { external_customer_id: 'c-1', coupon_code: 'SPRING20' } } });
    next = edit(next, 'spring-switch', (s) => {
      (s.benefits as { percentOff: number }[])[0]!.percentOff = 30;
    });
    expect(await converge(next, { force: true })).toEqual(['replace promotions Promotion/annual-upgrade', 'replace lago Promotion/spring-switch']);
  });

  it('prunes: mobility deactivates then deletes, promotions archives', async () => {
    await converge(base);
    expect(await converge(without(base, 'spring-ride', 'annual-upgrade'), { prune: true })).toEqual([
      'delete mobility Promotion/spring-ride',
      'deactivate promotions Promotion/annual-upgrade',
    ]);
  });
});
