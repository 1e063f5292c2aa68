// Contract suite for what one benefit says on its own: dated validity, branches, vehicle categories, and the
// annotation gates of the addition an AdditionEntitlement grants. Stored, returned, checked against the tenant.
import { describe, expect, it } from 'vitest';
import { fakeClock, obj } from '../shared/testing.js';
import { promotion, useMobilityKit, type MobilityKit } from './mobility-test-kit.js';

const clock = fakeClock('2027-01-15T10:00:00Z');
let kit: MobilityKit;
const message = (r: { body: unknown }) => String(obj(r.body).userMessage);

useMobilityKit(clock, '2027-01-15T10:00:00Z', (k) => {
  kit = k;
});

async function annotation(name: string): Promise<number> {
  const r = await kit.api('/annotations', { body: { name, type: 'TAG' } });
  expect(r.status, r.text).toBe(201);
  return Number(obj(r.body).id);
}

describe('per-benefit scope', () => {
  it("stores and returns each benefit's validity, branches, categories and annotation gates", async () => {
    const insured = await annotation('insured-driver');
    const flagged = await annotation('flagged');
    const benefits = [
      {
        type: 'Discount',
        discount: 0.2,
        validFrom: '2027-06-01T00:00:00Z',
        validUntil: '2027-07-01T00:00:00Z',
        applicableBranchIds: [11],
        applicableVehicleCategoryIds: [1],
      },
      { type: 'AdditionEntitlement', additionId: 1, requiredAnnotationIds: [insured], prohibitedAnnotationIds: [flagged] },
    ];
    const r = await kit.api('/voucherables', { body: promotion({ benefits }) });
    expect(r.status, r.text).toBe(201);
    const read = obj((await kit.api(`/voucherables/${String(obj(r.body).id)}`)).body);
    expect(read.benefits).toEqual(benefits);
  });

  it('refuses unknown branches and annotations, and gates on a benefit other than an addition entitlement', async () => {
    const r = await kit.api('/voucherables', {
      body: promotion({
        benefits: [
          { type: 'Discount', discount: 0.1, applicableBranchIds: [99], requiredAnnotationIds: [1] },
          { type: 'AdditionEntitlement', additionId: 1, prohibitedAnnotationIds: [777] },
        ],
      }),
    });
    expect([r.status, obj(r.body).errorCode]).toEqual([400, 'R102.1']);
    expect(message(r)).toContain('benefits[0].requiredAnnotationIds is only for AdditionEntitlement benefits');
    expect(message(r)).toContain('benefits[0].applicableBranchIds refers to unknown branches 99');
    expect(message(r)).toContain('benefits[1].prohibitedAnnotationIds refers to unknown annotations 777');
  });

  it('refuses a benefit window that ends before it starts', async () => {
    const r = await kit.api('/voucherables', {
      body: promotion({ benefits: [{ type: 'Discount', discount: 0.1, validFrom: '2027-07-01T00:00:00Z', validUntil: '2027-06-01T00:00:00Z' }] }),
    });
    expect(message(r)).toContain('benefits[0].validUntil must be after validFrom');
  });
});

describe('claim-time credit versus rental-time vouchers (tenant setting)', () => {
  async function redeemOnce(tenant: string, token: string): Promise<Record<string, unknown>> {
    const t = await kit.api('/voucherables', { body: promotion({ code: 'CREDIT10', benefits: [{ type: 'Value', value: 10 }] }) }, token, tenant);
    expect(t.status, t.text).toBe(201);
    const id = obj(t.body).id;
    expect((await kit.api(`/voucherables/${String(id)}/activate`, { method: 'POST' }, token, tenant)).status).toBe(200);
    const batch = obj((await kit.api('/vouchers/redeemable', { body: { voucherableId: id, quantity: 1, redeemLimitPerCode: 2 } }, token, tenant)).body);
    const code = (batch.codes as string[])[0]!;
    const r = await fetch(`${kit.origin}/__emulator/redeem?tenant=${tenant}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, userId: 7 }),
    });
    expect(r.status, await r.clone().text()).toBe(201);
    return (await r.json()) as Record<string, unknown>;
  }

  it('CLAIM_TIME_CREDIT (tenant demo): a redemption writes the Value to the balance and issues no voucher', async () => {
    const v = await redeemOnce('demo', await kit.signIn());
    expect(v).toMatchObject({ balanceCredited: 10, type: 'REDEEMABLE' });
    expect(v.issuedVoucherIds).toBeUndefined();
    expect((await kit.api('/vouchers/constraint-vouchers?userId=7')).body).toEqual([]);
  });

  it('RENTAL_TIME_VOUCHER (tenant other): a redemption creates an ACTIVE constraint voucher holding the value', async () => {
    const token = await kit.signIn('promoc', `${'promoc-secret'}-other`, 'other');
    const v = await redeemOnce('other', token);
    expect(v.balanceCredited).toBeUndefined();
    expect((v.issuedVoucherIds as number[]).length).toBe(1);
    const held = (await kit.api('/vouchers/constraint-vouchers?userId=7', {}, token, 'other')).body as Record<string, unknown>[];
    expect(held).toMatchObject([{ state: 'ACTIVE', benefitType: 'Value', value: 10, remainingValue: 10 }]);
  });
});
