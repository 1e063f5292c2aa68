// Mobility voucherables: per-benefit dated validity, branches and vehicle categories, annotation gates on an
// addition entitlement, multi-use redeemable code batches, and the tenant's claim-time credit versus rental-time
// voucher behaviour. Each round-trips against the emulator (validate → plan → apply → plan → import → plan), or is
// refused, located, with the reason.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { explain, roundTrip, workspace, type Workspace } from './round-trip.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/fidelity/mobility');
const fixture = (name: string): Promise<string> => readFile(join(FIXTURES, name), 'utf8');

let w: Workspace | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

const promotion = (name: string, body: string) => `apiVersion: promoc/v1
kind: Promotion
metadata: { name: ${name}, labels: { target: mobility } }
spec:
  stacking: { stackable: true }
${body}`;

describe('mobility voucherables', () => {
  it("round-trips per-benefit windows, branches, vehicle categories and an addition's annotation gates", async () => {
    w = await workspace('mobility', {
      'campaigns/tags.yaml': await fixture('tags.yaml'),
      'campaigns/per-benefit-scope.yaml': await fixture('per-benefit-scope.yaml'),
    });
    const r = await roundTrip(w);
    expect(r.importedPlan?.code, explain(r)).toBe(0);
    expect(r.replan!.stdout).toMatch(/No changes/);
    expect(r.importedPlan!.stdout).toMatch(/No changes/);
    // What the API holds: each benefit's own validity, branches, categories and gates.
    const res = await fetch(`${w.emulators.endpoint('mobility').apiBaseUrl}/voucherables/by-code/SUMMERMIX`, {
      headers: { authorization: `Bearer ${await token(w)}` },
    });
    const body = (await res.json()) as { benefits: Record<string, unknown>[] };
    expect(body.benefits[0]).toMatchObject({
      type: 'Discount',
      discount: 0.2,
      validFrom: '2027-06-01T00:00:00Z',
      validUntil: '2027-07-01T00:00:00Z',
      applicableBranchIds: [11],
      applicableVehicleCategoryIds: [1],
    });
    expect(body.benefits[1]).toMatchObject({ type: 'RentalRebate', rentalRebate: 2, applicableBranchIds: [22], applicableVehicleCategoryIds: [4, 2] });
    expect(body.benefits[2]).toMatchObject({ type: 'AdditionEntitlement', additionId: 1, validUntil: '2027-09-01T00:00:00Z' });
    expect((body.benefits[2]!.requiredAnnotationIds as number[]).length).toBe(1);
    expect((body.benefits[2]!.prohibitedAnnotationIds as number[]).length).toBe(1);
  });

  it("refuses, located, a benefit branch outside the campaign's branches", async () => {
    w = await workspace('mobility', {
      'campaigns/bad.yaml': promotion(
        'bad-branch',
        `  code: BADBRANCH
  targeting: { branches: ['11'] }
  benefits:
    - percentOff: 10
      branches: ['22']
`,
      ),
    });
    const plan = await w.cli(['plan']);
    expect(plan.code, plan.stdout + plan.stderr).toBe(1);
    expect(plan.stdout + plan.stderr).toMatch(/campaigns\/bad\.yaml:10:18 .*branch "22" is not one of the campaign's branches \(11\)/);
  });
});

describe('multi-use redeemable vouchers', () => {
  it('round-trips a CodeBatch with usesPerCode as POST /vouchers/redeemable; its codes redeem that many times', async () => {
    w = await workspace('mobility', {
      'campaigns/multi-use-codes.yaml': await fixture('multi-use-codes.yaml'),
    });
    const r = await roundTrip(w);
    expect(r.importedPlan?.code, explain(r)).toBe(0);
    expect(r.replan!.stdout).toMatch(/No changes/);
    expect(r.importedPlan!.stdout).toMatch(/No changes/);
    const api = w.emulators.endpoint('mobility').apiBaseUrl;
    const auth = { authorization: `Bearer ${await token(w)}` };
    const summary = (await (await fetch(`${api}/vouchers/redeemable/summary`, { headers: auth })).json()) as { batches: Record<string, unknown>[] };
    expect(summary.batches.map((b) => [b.type, b.quantity, b.prefix, b.redeemLimitPerCode]).sort()).toEqual([
      ['CONSTRAINT', 2, 'ONE', 1],
      ['REDEEMABLE', 4, 'FLY', 2],
    ]);
    // One code, two customers: the second redemption uses it up, a third is refused.
    const vouchers = (await (await fetch(`${api}/vouchers?size=100`, { headers: auth })).json()) as { code: string; type: string }[];
    const code = vouchers.find((v) => v.code.startsWith('FLY'))!.code;
    const redeem = (userId: number) =>
      fetch(`${w!.emulators.endpoint('mobility').baseUrl}/__emulator/redeem`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, userId }),
      });
    expect((await redeem(1)).status).toBe(201);
    expect(((await (await redeem(2)).json()) as { state: string }).state).toBe('USED_UP');
    expect((await redeem(3)).status).toBe(409);
    const after = await w.cli(['plan']);
    expect(after.code, after.stdout + after.stderr).toBe(0);
    expect(after.stdout).toMatch(/No changes/);
    // The imported batch says how its codes were issued.
    expect(r.import!.code).toBe(0);
  });

  it('blocks turning a single-use batch into a multi-use one: issued codes keep how they were issued', async () => {
    w = await workspace('mobility', {
      'campaigns/promo.yaml': promotion(
        'flyer',
        `  code: FLYER
  targeting: { branches: ['11'] }
  benefits: [{ percentOff: 10 }]
`,
      ),
      'campaigns/batch.yaml': `apiVersion: promoc/v1
kind: CodeBatch
metadata: { name: flyer-codes, labels: { target: mobility } }
spec: { campaign: flyer, count: 3 }
`,
    });
    expect((await w.cli(['apply', '--auto-approve'])).code).toBe(0);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(
      `${w.repo}/campaigns/batch.yaml`,
      `apiVersion: promoc/v1
kind: CodeBatch
metadata: { name: flyer-codes, labels: { target: mobility } }
spec: { campaign: flyer, count: 3, usesPerCode: 5 }
`,
    );
    const plan = await w.cli(['plan']);
    expect(plan.stdout + plan.stderr).toMatch(/spec\.usesPerCode/);
    expect(plan.stdout + plan.stderr).toMatch(/validity and uses per code they were issued with/);
  });
});

describe('claim-time credit versus rental-time voucher', () => {
  it("round-trips creditAt: the tenant's setting, which the engine prices and lint reads, is not a template field", async () => {
    w = await workspace('mobility', {
      'campaigns/credit-timing.yaml': await fixture('credit-timing.yaml'),
    });
    const r = await roundTrip(w);
    expect(r.importedPlan?.code, explain(r)).toBe(0);
    expect(r.replan!.stdout).toMatch(/No changes/);
    expect(r.importedPlan!.stdout).toMatch(/No changes/);
    const res = await fetch(`${w.emulators.endpoint('mobility').apiBaseUrl}/voucherables/by-code/RIDEVOUCHER`, {
      headers: { authorization: `Bearer ${await token(w)}` },
    });
    expect(((await res.json()) as { benefits: unknown[] }).benefits).toEqual([
      { type: 'Discount', discount: 0.5 },
      { type: 'Value', value: 10 },
    ]);
  });

  it('refuses creditAt on a benefit without a credit, located', async () => {
    w = await workspace('ev-billing', {
      'campaigns/ev.yaml': `apiVersion: promoc/v1
kind: Promotion
metadata: { name: ev-credit, labels: { target: ev-billing } }
spec:
  code: EVCREDIT
  benefits: [{ percentOff: 10, creditAt: rental }]
`,
    });
    const v = await w.cli(['validate']);
    expect(v.code).toBe(1);
    expect(v.stdout + v.stderr).toMatch(/campaigns\/ev\.yaml:6:\d+ .*missing required property "credit"/);
  });
});

async function token(ws: Workspace): Promise<string> {
  const res = await fetch(`${ws.emulators.endpoint('mobility').apiBaseUrl}/auth/sign-in-api-client`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ clientId: 'promoc', clientKey: 'promoc-secret' }),
  });
  return ((await res.json()) as { accessToken: string }).accessToken;
}
