// Contract suite for what mobility templates issue: redeemable batches and summary, voucher states and
// cancel, customer-care grants, user subscriptions and cancelBenefits.
import { describe, expect, it } from 'vitest';
import { arr, call, fakeClock, obj } from '../shared/testing.js';
import { promotion, SECRET, useMobilityKit, type MobilityKit } from './mobility-test-kit.js';

const clock = fakeClock('2027-01-15T10:00:00Z');
let kit: MobilityKit;

async function activeTemplate(fields: Record<string, unknown> = {}): Promise<number> {
  const created = await kit.api('/voucherables', { body: promotion(fields) });
  expect(created.status, created.text).toBe(201);
  const id = Number(obj(created.body).id);
  expect((await kit.api(`/voucherables/${id}/activate`, { method: 'POST' })).status).toBe(200);
  return id;
}
const redeem = (code: string, userId: number) => call(`${kit.origin}/__emulator/redeem`, { body: { code, userId } });

useMobilityKit(clock, '2027-01-15T10:00:00Z', (k) => {
  kit = k;
});

describe('redeemable batches', () => {
  it('creates single-use constraint codes that move NOT_REDEEMED → ACTIVE, counted by the summary', async () => {
    const template = await activeTemplate();
    const r = await kit.api('/vouchers/redeemable/constraint', { body: { voucherableId: template, quantity: 3, prefix: 'SPR', codeLength: 6 } });
    expect(r.status).toBe(201);
    const batch = obj(r.body);
    const codes = arr(batch.codes).map(String);
    expect(codes).toHaveLength(3);
    for (const code of codes) expect(code).toMatch(/^SPR[A-Z2-9]{6}$/);
    expect(obj((await kit.api(`/vouchers/by-code/${codes[0] ?? ''}`)).body)).toMatchObject({
      state: 'NOT_REDEEMED',
      type: 'CONSTRAINT',
      batchId: batch.batchId,
    });
    expect((await redeem(codes[0] ?? '', 501)).status).toBe(201);
    expect(obj((await redeem(codes[0] ?? '', 502)).body).errorCode).toBe('W102');
    const summary = obj((await kit.api(`/vouchers/redeemable/summary?voucherableId=${template}`)).body);
    expect(summary).toMatchObject({ total: 3, redeemed: 1, notRedeemed: 2, canceled: 0, expired: 0 });
    expect(arr(summary.batches)).toHaveLength(1);
    const active = arr((await kit.api('/vouchers/constraint-vouchers?state=ACTIVE')).body);
    expect(active.map((v) => obj(v).userId)).toEqual([501]);
    expect(obj(active[0])).toMatchObject({ benefitType: 'Discount', discount: 0.2, remainingRentals: 3 });
  });

  it('creates multi-use redeemable codes, enforces quantity and template type', async () => {
    const template = await activeTemplate({ benefits: [{ type: 'Value', value: 5 }] });
    const batch = obj((await kit.api('/vouchers/redeemable', { body: { voucherableId: template, quantity: 1, redeemLimitPerCode: 2 } })).body);
    const code = String(arr(batch.codes)[0]);
    await redeem(code, 1);
    expect(obj((await kit.api(`/vouchers/by-code/${code}`)).body)).toMatchObject({ type: 'REDEEMABLE', state: 'NOT_REDEEMED', redemptionCount: 1, value: 5 });
    await redeem(code, 2);
    expect(obj((await kit.api(`/vouchers/by-code/${code}`)).body).state).toBe('USED_UP');
    expect(obj((await kit.api('/vouchers/redeemable/constraint', { body: { voucherableId: template, quantity: 5001 } })).body).errorCode).toBe('T101');
    const zone = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
      ],
    };
    const geo = Number(
      obj(
        (await kit.api('/voucherables', { body: promotion({ type: 'GeoFencePromotion', code: null, geofence: zone, applicableRentalType: 'START_RENTAL' }) }))
          .body,
      ).id,
    );
    expect(obj((await kit.api('/vouchers/redeemable/constraint', { body: { voucherableId: geo, quantity: 1 } })).body).errorCode).toBe('T102');
    expect(obj((await kit.api('/vouchers/redeemable/constraint', { body: { voucherableId: 999, quantity: 1 } })).body).errorCode).toBe('VA100');
  });

  it('needs voucher creation permission on the template business unit', async () => {
    const south = await activeTemplate({ code: 'SOUTH', businessUnitId: 2, applicableBranchIds: [21] });
    const north = await kit.signIn('promoc-north', `${SECRET}-north`);
    const r = await kit.api('/vouchers/redeemable/constraint', { body: { voucherableId: south, quantity: 1 } }, north);
    expect([r.status, obj(r.body).errorCode]).toEqual([403, 'P100']);
    const viewer = await kit.signIn('promoc-viewer', `${SECRET}-viewer`);
    expect((await kit.api('/vouchers/redeemable/constraint', { body: { voucherableId: south, quantity: 1 } }, viewer)).status).toBe(403);
  });

  it('expires codes after validUntil and cancels live constraint vouchers only', async () => {
    const template = await activeTemplate();
    const codes = arr(
      obj((await kit.api('/vouchers/redeemable/constraint', { body: { voucherableId: template, quantity: 2, validUntil: '2027-02-01T00:00:00Z' } })).body)
        .codes,
    ).map(String);
    const first = obj((await kit.api(`/vouchers/by-code/${codes[0] ?? ''}`)).body);
    const cancel = await kit.api(`/vouchers/constraint-vouchers/${String(first.id)}/cancel`, { method: 'POST' });
    expect(obj(cancel.body).state).toBe('CANCELED');
    expect(obj((await kit.api(`/vouchers/constraint-vouchers/${String(first.id)}/cancel`, { method: 'POST' })).body).errorCode).toBe('CV101');
    expect(obj((await kit.api('/vouchers/constraint-vouchers/999/cancel', { method: 'POST' })).body).errorCode).toBe('CV100');
    clock.set('2027-02-02T00:00:00Z');
    await kit.refreshPrimary();
    expect(obj((await kit.api(`/vouchers/by-code/${codes[1] ?? ''}`)).body).state).toBe('EXPIRED');
    expect(obj((await kit.api(`/vouchers/redeemable/summary?voucherableId=${template}`)).body)).toMatchObject({ canceled: 1, expired: 1 });
    expect(obj((await kit.api('/vouchers?state=SOMETHING')).body).errorCode).toBe('R102.1');
  });
});

describe('customer care and subscriptions', () => {
  it('applies an ACTIVE CustomerCare template to a customer and to a business account', async () => {
    const care = await activeTemplate({
      type: 'CustomerCare',
      code: null,
      benefits: [
        { type: 'Value', value: 10, validityDays: 30 },
        { type: 'FreeUnlocks', freeUnlocks: 2 },
      ],
    });
    const r = await kit.api('/customers/42/apply-vouchers', { body: { voucherableId: care } });
    expect(r.status).toBe(201);
    expect(arr(r.body).map((v) => [obj(v).benefitType, obj(v).userId, obj(v).state])).toEqual([
      ['Value', 42, 'ACTIVE'],
      ['FreeUnlocks', 42, 'ACTIVE'],
    ]);
    expect(obj(arr(r.body)[0]).validUntil).toBe('2027-02-14T10:00:00Z');
    expect(arr((await kit.api('/groups/7/apply-vouchers', { body: { voucherableId: care } })).body).map((v) => obj(v).groupId)).toEqual([7, 7]);
    expect(arr((await kit.api('/vouchers?userId=42')).body)).toHaveLength(2);
    const legacy = await kit.api('/vouchers', { body: { voucherableId: care, userId: 43 } });
    expect([legacy.status, legacy.headers.get('deprecation')]).toEqual([201, 'true']);
    expect(arr(legacy.body).map((v) => obj(v).userId)).toEqual([43, 43]);
    const promo = await activeTemplate({ code: 'NOTCARE' });
    expect(obj((await kit.api('/customers/42/apply-vouchers', { body: { voucherableId: promo } })).body).errorCode).toBe('VA104');
    const inactive = Number(obj((await kit.api('/voucherables', { body: promotion({ type: 'CustomerCare', code: null }) })).body).id);
    expect(obj((await kit.api('/customers/42/apply-vouchers', { body: { voucherableId: inactive } })).body).errorCode).toBe('VA105');
  });

  it('lists user subscriptions and cancels them, optionally cancelling their benefits', async () => {
    const plan = await activeTemplate({
      type: 'Subscription',
      code: null,
      price: 19.9,
      interval: 'MONTHLY',
      benefits: [{ type: 'FreeMinutes', freeMinutes: 60 }],
    });
    const start = async (userId: number) => obj((await call(`${kit.origin}/__emulator/user-subscriptions`, { body: { userId, voucherableId: plan } })).body);
    const a = await start(1);
    const b = await start(2);
    const list = arr((await kit.api('/user-subscriptions?state=RENEWING')).body);
    expect(list.map((s) => obj(s).userId)).toEqual([1, 2]);
    expect(obj(list[0])).toMatchObject({ autoRenewal: 'ACTIVE', interval: 'MONTHLY' });
    const keep = obj((await kit.api(`/user-subscriptions/${String(a.id)}/cancel`, { method: 'POST' })).body);
    expect(keep).toMatchObject({ state: 'CANCELLED', autoRenewal: 'INACTIVE', canceledVoucherIds: [] });
    expect(arr((await kit.api('/vouchers/constraint-vouchers?userId=1&state=ACTIVE')).body)).toHaveLength(1);
    const drop = obj((await kit.api(`/user-subscriptions/${String(b.id)}/cancel?cancelBenefits=true`, { method: 'POST' })).body);
    expect(arr(drop.canceledVoucherIds)).toHaveLength(1);
    expect(arr((await kit.api('/vouchers/constraint-vouchers?userId=2&state=CANCELED')).body)).toHaveLength(1);
    expect(obj((await kit.api(`/user-subscriptions/${String(b.id)}/cancel`, { method: 'POST' })).body).errorCode).toBe('SU101');
    expect(obj((await kit.api('/user-subscriptions/99/cancel', { method: 'POST' })).body).errorCode).toBe('SU100');
    const viewer = await kit.signIn('promoc-viewer', `${SECRET}-viewer`);
    expect(arr((await kit.api('/user-subscriptions', {}, viewer)).body)).toHaveLength(2);
  });
});
