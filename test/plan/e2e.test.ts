// End-to-end: the planner against all four emulators over real HTTP (loopback). One suite per scenario the
// planner promises: fresh → creates; seeded → no changes (also with reordered lists and other number
// formats); changed field → update; immutable change → replace or blocked; dashboard edit → drift;
// unmanaged objects never planned, managed orphans only with --prune.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Model, resourceKey } from '../../src/model/resource.js';
import type { Action, Plan } from '../../src/generated/plan.js';
import { planExitCode } from '../../src/plan/build.js';
import { fixtureModel, startHarness, without, type Harness } from './harness.js';
import { clientFor, seedCreates } from './seed.js';

let model: Model;
let h: Harness;
beforeAll(async () => {
  model = await fixtureModel();
});
beforeEach(async () => {
  h = await startHarness(model);
});
afterEach(async () => {
  await h.close();
});

async function plan(o: Parameters<Harness['plan']>[0] = {}): Promise<Plan> {
  const r = await h.plan(o);
  expect(r.diagnostics).toEqual([]);
  return r.plan!;
}
async function seeded(): Promise<Plan> {
  await seedCreates(await plan(), h.bindings);
  return plan();
}
const find = (p: Plan, name: string): Action => {
  const a = p.actions.find((x) => x.name === name);
  if (!a) throw new Error(`no action for ${name}: ${p.actions.map((x) => x.name).join(', ')}`);
  return a;
};
const stored = (provider: Parameters<Harness['emulators']['control']>[0], collection: string): Record<string, Record<string, unknown>> => {
  const state = h.emulators.control(provider).snapshot() as { tenants: Record<string, Record<string, Record<string, Record<string, unknown>>>> };
  return Object.values(state.tenants)[0]![collection]!;
};
const tenantOf = (provider: Parameters<Harness['emulators']['control']>[0]): string =>
  Object.keys((h.emulators.control(provider).snapshot() as { tenants: object }).tenants)[0]!;
const idOf = (provider: Parameters<Harness['emulators']['control']>[0], collection: string, match: (o: Record<string, unknown>) => boolean): string =>
  Object.entries(stored(provider, collection)).find(([, o]) => match(o))![0];

describe('plan against the emulators', () => {
  it('a fresh target plans one create per resource on every provider', async () => {
    const p = await plan();
    expect(p.actions.map((a) => `${a.action} ${a.provider} ${resourceKey(a)}`)).toEqual([
      'create ev-billing UserType/staff',
      'create ev-billing Promotion/ev-charge25',
      'create ev-billing Promotion/ev-night-owl',
      'create mobility Tag/b2b-account',
      'create mobility Tag/flagged',
      'create mobility Promotion/summer-25',
      'create mobility GeofencePromotion/kiez-hopper',
      'create promotions Promotion/fair-trial',
      'create promotions Promotion/upgrade-credit',
      'create lago Promotion/fleet-onboarding',
      'create lago Promotion/switch-credit',
    ]);
    expect(planExitCode(p)).toBe(2);
    expect(p.sources.map((s) => s.provider)).toEqual(['ev-billing', 'mobility', 'promotions', 'lago']);
  });

  it('seeded matching state plans no changes (zero phantom diffs)', async () => {
    const p = await seeded();
    expect(p.actions.filter((a) => a.action !== 'noop')).toEqual([]);
    expect(p.summary.noop).toBe(11);
    expect(planExitCode(p)).toBe(0);
  });

  it('reordered lists and equivalent number and time formats plan no changes', async () => {
    await seeded();
    const c = h.emulators;
    const lago = idOf('lago', 'coupons', (o) => o.code === 'FLEETSTART30');
    await c.control('lago').edit(tenantOf('lago'), 'coupons', lago, { plan_codes: ['fleet-pro-monthly', 'fleet-starter-monthly'], percentage_rate: 30.0 });
    const ev = idOf('ev-billing', 'codes', (o) => o.code === 'CHARGE25');
    await c.control('ev-billing').edit(tenantOf('ev-billing'), 'codes', ev, { expires_at: '2027-09-01T02:00:00+02:00', discount_value: 25.0 });
    const promo = idOf('promotions', 'promotions', (o) => o.code === 'FAIRTRIAL14');
    await c.control('promotions').edit(tenantOf('promotions'), 'promotions', promo, { max_budget: '5000', valid_to: '2027-12-01T00:00:00.000Z' });
    const summer = idOf('mobility', 'voucherables', (o) => o.code === 'SUMMER25');
    const v = stored('mobility', 'voucherables')[summer]!;
    await c.control('mobility').edit(tenantOf('mobility'), 'voucherables', summer, {
      guserProhibitedAnnotationIds: [...(v.guserProhibitedAnnotationIds as number[])].reverse(),
      benefits: (v.benefits as Record<string, unknown>[]).map((b) => ({
        ...b,
        applicableVehicleCategoryIds: [...(b.applicableVehicleCategoryIds as number[])].reverse(),
      })),
    });
    const p = await plan();
    expect(p.actions.filter((a) => a.action !== 'noop').map((a) => `${a.name}: ${JSON.stringify(a.changes)}`)).toEqual([]);
  });

  it('a changed field plans a field-level update on providers that can update', async () => {
    await seeded();
    const changed = structuredClone(model) as { resources: { resource: { metadata: { name: string }; spec: Record<string, unknown> } }[] } & Model;
    for (const l of changed.resources) {
      const spec = l.resource.spec as Record<string, Record<string, unknown>>;
      if (l.resource.metadata.name === 'fleet-onboarding') spec.window = { until: '2028-06-01T00:00:00Z' };
      if (l.resource.metadata.name === 'fair-trial') spec.stacking = { stackable: true, priority: 40 };
      if (l.resource.metadata.name === 'summer-25') spec.limits = { redemptions: 2000, perCustomer: 1 };
    }
    const p = await plan({ model: changed });
    expect(find(p, 'fleet-onboarding')).toMatchObject({
      action: 'update',
      changes: [{ path: 'spec.window.until', before: '2028-01-01T00:00:00Z', after: '2028-06-01T00:00:00Z' }],
    });
    expect(find(p, 'fair-trial')).toMatchObject({ action: 'update', changes: [{ path: 'spec.stacking.priority', before: 20, after: 40 }] });
    expect(find(p, 'summer-25')).toMatchObject({ action: 'update', changes: [{ path: 'spec.limits.redemptions', before: 1000, after: 2000 }] });
    expect(find(p, 'fair-trial').liveVersion).toBeGreaterThan(0);
  });

  it('an immutable change plans a replace, or blocked with the reason', async () => {
    await seeded();
    const changed = structuredClone(model);
    for (const l of changed.resources) {
      const spec = l.resource.spec as unknown as Record<string, unknown>;
      if (['ev-charge25', 'fleet-onboarding', 'fair-trial'].includes(l.resource.metadata.name))
        spec.benefits =
          l.resource.metadata.name === 'fair-trial'
            ? [{ trialExtensionDays: 21 }]
            : [
                {
                  percentOff: 35,
                  ...(l.resource.metadata.name === 'fleet-onboarding' ? { appliesTo: { plans: ['fleet-starter-monthly', 'fleet-pro-monthly'] } } : {}),
                },
              ];
    }
    // Lago locks a coupon's terms once it has been applied to a customer.
    const lago = clientFor(h.bindings, 'lago');
    await lago.request({ method: 'POST', path: '/customers', body: { customer: { external_id: 'cust-1', name: 'Fleet One' } } });
    await lago.request({ method: 'POST', path: '/applied_coupons', body: { applied_coupon: { external_customer_id: 'cust-1', coupon_code: 'FLEETSTART30' } } });
    const p = await plan({ model: changed });
    const ev = find(p, 'ev-charge25');
    expect(ev.action).toBe('blocked');
    expect(ev.reason).toContain('no update endpoint');
    const coupon = find(p, 'fleet-onboarding');
    expect(coupon.action).toBe('blocked');
    expect(coupon.reason).toContain('--force');
    expect(coupon.changes[0]).toMatchObject({ path: 'spec.benefits[0].percentOff', before: 30, after: 35 });
    expect(coupon.changes[0]!.immutable).toContain('applied');
    expect(find(await plan({ model: changed, force: true }), 'fleet-onboarding')).toMatchObject({
      action: 'replace',
      consequences: [expect.stringContaining('terminates 1 active applied coupon')],
    });
    const promo = find(p, 'fair-trial');
    expect(promo.action).toBe('replace');
    expect(promo.consequences?.[0]).toContain('0 redemptions so far stay with the archived promotion');
  });

  it('a dashboard edit shows as drift that applying reverts', async () => {
    await seeded();
    const id = idOf('lago', 'coupons', (o) => o.code === 'SWITCH250');
    await h.emulators.control('lago').edit(tenantOf('lago'), 'coupons', id, { name: 'Switch credit (edited)' });
    const mob = idOf('mobility', 'voucherables', (o) => o.code === 'SUMMER25');
    await h.emulators.control('mobility').edit(tenantOf('mobility'), 'voucherables', mob, { redeemLimit: 5000 });
    const p = await plan();
    expect(find(p, 'switch-credit')).toMatchObject({
      action: 'update',
      drift: { onlyDrift: true },
      changes: [{ path: 'spec.displayName', before: 'Switch credit (edited)', after: 'switch-credit' }],
    });
    expect(find(p, 'switch-credit').drift!.message).toContain('applying reverts spec.displayName');
    expect(find(p, 'summer-25')).toMatchObject({ action: 'update', drift: { onlyDrift: true } });
    expect(p.summary.drift).toBe(2);
  });

  it('never plans unmanaged live objects, even with --prune', async () => {
    await seeded();
    await clientFor(h.bindings, 'ev-billing').request({
      method: 'POST',
      path: '/api/v1/billing/promotional-codes',
      body: { code: 'DASHBOARD1', discount_type: 'percent', discount_value: 5 },
    });
    await clientFor(h.bindings, 'lago').request({
      method: 'POST',
      path: '/coupons',
      body: { coupon: { name: 'Manual', code: 'MANUAL', coupon_type: 'percentage', percentage_rate: 5, frequency: 'once', expiration: 'no_expiration' } },
    });
    for (const prune of [false, true]) {
      const p = await plan({ prune, force: true });
      expect(p.actions.map((a) => a.key)).not.toContain('DASHBOARD1');
      expect(p.actions.map((a) => a.key)).not.toContain('MANUAL');
      expect(p.notes.map((n) => n.message)).toContain('1 live object is not managed by promoc and was left alone');
      expect(planExitCode(p)).toBe(0);
    }
  });

  it('managed objects gone from the repository are removed when pruning, as each provider allows', async () => {
    await seeded();
    const smaller = without(
      model,
      'Promotion/ev-night-owl',
      'Promotion/switch-credit',
      'Promotion/upgrade-credit',
      'Promotion/fair-trial',
      'GeofencePromotion/kiez-hopper',
      'Tag/b2b-account',
    );
    const quiet = await plan({ model: smaller });
    expect(quiet.actions.filter((a) => a.action !== 'noop')).toEqual([]);
    expect(quiet.notes.filter((n) => n.level === 'warn').map((n) => n.provider)).toEqual(['ev-billing', 'mobility', 'promotions', 'lago']);
    const pruned = await plan({ model: smaller, prune: true });
    const by = (name: string) => find(pruned, name).action;
    expect(by('switch-credit')).toBe('delete');
    expect(by('ev-night-owl')).toBe('blocked');
    expect(by('fair-trial')).toBe('deactivate');
    // A draft can be neither deleted nor archived: it is released (its marker removed), visibly.
    expect(find(pruned, 'upgrade-credit')).toMatchObject({ action: 'deactivate', release: true });
    expect(by('kiez-hopper')).toBe('delete');
    expect(by('b2b-account')).toBe('blocked');
  });
});
