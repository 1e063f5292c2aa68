// Mobility voucherables: per-benefit dated validity, branches and vehicle categories, annotation gates on an
// addition entitlement, multi-use redeemable code batches, and the tenant's claim-time credit versus rental-time
// voucher behaviour. Each round-trips against the emulator (validate → plan → apply → plan → import → plan), or is
// refused, located, with the reason.
import { afterEach, describe, expect, it } from 'vitest';
import { explain, roundTrip, workspace, type Workspace } from './round-trip.js';

let w: Workspace | undefined;
afterEach(async () => { await w?.close(); w = undefined; });

// The test target maps no names to ids: branches, categories and additions are written as the API's ids.
const TAGS = `apiVersion: promoc/v1
kind: Tag
metadata: { name: insured-driver, labels: { target: mobility } }
spec: { type: TAG, subjects: [user] }
---
apiVersion: promoc/v1
kind: Tag
metadata: { name: flagged, labels: { target: mobility } }
spec: { type: LABEL, subjects: [user] }
`;

const promotion = (name: string, body: string) => `apiVersion: promoc/v1
kind: Promotion
metadata: { name: ${name}, labels: { target: mobility } }
spec:
  stacking: { stackable: true }
${body}`;

describe('mobility voucherables', () => {
  it('round-trips per-benefit windows, branches, vehicle categories and an addition\'s annotation gates', async () => {
    w = await workspace('mobility', {
      'campaigns/tags.yaml': TAGS,
      'campaigns/summer.yaml': promotion('summer-mix', `  code: SUMMERMIX
  window: { from: 2027-05-01T00:00:00Z, until: 2027-10-01T00:00:00Z }
  targeting: { branches: ['11', '22'] }
  benefits:
    - percentOff: 20
      window: { from: 2027-06-01T00:00:00Z, until: 2027-07-01T00:00:00Z }
      branches: ['11']
      vehicleCategories: ['1']
    - amountOff: { amount: "2.00", currency: EUR }
      branches: ['22']
      vehicleCategories: ['4', '2']
    - entitlement: { addition: '1', requireTags: [insured-driver], excludeTags: [flagged] }
      window: { until: 2027-09-01T00:00:00Z }
`),
    });
    const r = await roundTrip(w);
    expect(r.importedPlan?.code, explain(r)).toBe(0);
    expect(r.replan!.stdout).toMatch(/No changes/);
    expect(r.importedPlan!.stdout).toMatch(/No changes/);
    // What the API holds: each benefit's own validity, branches, categories and gates.
    const res = await fetch(`${w.emulators.endpoint('mobility').apiBaseUrl}/voucherables/by-code/SUMMERMIX`, { headers: { authorization: `Bearer ${await token(w)}` } });
    const body = await res.json() as { benefits: Record<string, unknown>[] };
    expect(body.benefits[0]).toMatchObject({ type: 'Discount', discount: 0.2, validFrom: '2027-06-01T00:00:00Z', validUntil: '2027-07-01T00:00:00Z', applicableBranchIds: [11], applicableVehicleCategoryIds: [1] });
    expect(body.benefits[1]).toMatchObject({ type: 'RentalRebate', rentalRebate: 2, applicableBranchIds: [22], applicableVehicleCategoryIds: [4, 2] });
    expect(body.benefits[2]).toMatchObject({ type: 'AdditionEntitlement', additionId: 1, validUntil: '2027-09-01T00:00:00Z' });
    expect((body.benefits[2]!.requiredAnnotationIds as number[]).length).toBe(1);
    expect((body.benefits[2]!.prohibitedAnnotationIds as number[]).length).toBe(1);
  });

  it('refuses, located, a benefit branch outside the campaign\'s branches', async () => {
    w = await workspace('mobility', {
      'campaigns/bad.yaml': promotion('bad-branch', `  code: BADBRANCH
  targeting: { branches: ['11'] }
  benefits:
    - percentOff: 10
      branches: ['22']
`),
    });
    const plan = await w.cli(['plan']);
    expect(plan.code, plan.stdout + plan.stderr).toBe(1);
    expect(plan.stdout + plan.stderr).toMatch(/campaigns\/bad\.yaml:10:18 .*branch "22" is not one of the campaign's branches \(11\)/);
  });
});

async function token(ws: Workspace): Promise<string> {
  const res = await fetch(`${ws.emulators.endpoint('mobility').apiBaseUrl}/auth/sign-in-api-client`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ clientId: 'promoc', clientKey: 'promoc-secret' }) });
  return ((await res.json()) as { accessToken: string }).accessToken;
}
