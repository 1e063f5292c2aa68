// Apply re-reads what it touched: Lago's silent ignore (200 to an update of an applied coupon that keeps
// the old terms) is reported loudly, and a saved plan whose live state moved is refused with what changed.
import { afterEach, describe, expect, it } from 'vitest';
import { assertPlanIsCurrent } from '../../src/apply/stale.js';
import type { AnyResource, Model } from '../../src/model/resource.js';
import { StalePlanError } from '../../src/model/errors.js';
import { realDeps } from '../../src/plan/run.js';
import { clientFor } from '../plan/seed.js';
import { changesOf, startApplyHarness, type ApplyHarness } from './harness.js';

let h: ApplyHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const coupon = (percentOff: number, name = 'Switch 20'): Model => ({
  resources: [
    {
      resource: {
        apiVersion: 'promoc/v1',
        kind: 'Promotion',
        metadata: { name: 'switch', labels: { target: 'lago' } },
        spec: { code: 'SWITCH20', displayName: name, window: { until: '2028-01-01T00:00:00Z' }, benefits: [{ percentOff }] },
      } as unknown as AnyResource,
      source: { file: 'lago.yaml', docIndex: 0 },
    },
  ],
  geometries: new Map(),
});

describe('verification after apply', () => {
  it('catches Lago ignoring an update to a coupon applied since the plan, and fails loudly', async () => {
    h = await startApplyHarness({ providers: ['lago'] });
    expect((await h.apply((await h.plan(coupon(20))).plan!)).ok).toBe(true);
    const update = (await h.plan(coupon(30, 'Switch 30'))).plan!;
    expect(update.actions.map((a) => a.action)).toEqual(['update']);
    // A customer gets the coupon between plan and apply: Lago now locks its terms.
    const lago = clientFor(h.bindings, 'lago');
    await lago.request({ method: 'POST', path: '/customers', body: { customer: { external_id: 'cust-1', currency: 'EUR' } } });
    await lago.request({ method: 'POST', path: '/applied_coupons', body: { applied_coupon: { external_customer_id: 'cust-1', coupon_code: 'SWITCH20' } } });
    // NOTE: the saved-plan check does not see this: Lago's live fingerprint covers the coupon, not its
    // applications (reported to the providers' owner). Verification after the calls is what catches it.
    const report = await h.apply(update);
    expect(report.ok).toBe(false);
    expect(report.changed).toEqual([]);
    expect(report.diverged).toHaveLength(1);
    expect(report.diverged[0]!.error).toMatch(
      /Lago answered 200 to the update of lago Promotion\/switch but kept the old spec\.benefits\[0\]\.percentOff: Lago silently ignores/,
    );
    // The editable field went through; the plan now proposes a replace (blocked while the application is live).
    expect(changesOf((await h.plan(coupon(30, 'Switch 30'))).plan!)).toEqual([
      expect.stringMatching(/^blocked lago Promotion\/switch: spec\.benefits\[0\]\.percentOff/),
    ]);
  });

  it('refuses a saved plan when live state changed since, naming what changed', async () => {
    h = await startApplyHarness({ providers: ['lago'] });
    await h.apply((await h.plan(coupon(20))).plan!);
    const saved = (await h.plan(coupon(25))).plan!;
    await expect(assertPlanIsCurrent(saved, h.bindings, realDeps())).resolves.toBeUndefined();
    const tenant = h.emulators.endpoint('lago').tenant;
    const id = Object.keys((h.emulators.control('lago').snapshot() as { tenants: Record<string, { coupons: object }> }).tenants[tenant]!.coupons)[0]!;
    await h.emulators.control('lago').edit(tenant, 'coupons', id, { name: 'edited in the dashboard' });
    const error = await assertPlanIsCurrent(saved, h.bindings, realDeps()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StalePlanError);
    expect((error as StalePlanError).changes).toEqual(['lago: SWITCH20 changed since the plan']);
  });
});
