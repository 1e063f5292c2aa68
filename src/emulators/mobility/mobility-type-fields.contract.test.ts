// Contract suite for the business parameters of voucherable types (Reward, Triggered, SignupReferral,
// CustomerCare, Subscription) and for how code batches record their settings: validated on write, stored,
// returned, checked on activation, refused on the wrong type, and used where the emulator acts on them.
import { describe, expect, it } from 'vitest';
import { arr, call, fakeClock, obj } from '../shared/testing.js';
import { promotion, useMobilityKit, type MobilityKit } from './mobility-test-kit.js';

const clock = fakeClock('2027-01-15T10:00:00Z');
let kit: MobilityKit;

const template = (type: string, fields: Record<string, unknown> = {}) => promotion({ type, code: null, ...fields });
async function create(body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const r = await kit.api('/voucherables', { body });
  expect(r.status, r.text).toBe(201);
  return obj(r.body);
}
const activate = (id: unknown) => kit.api(`/voucherables/${String(id)}/activate`, { method: 'POST' });
const message = (r: { body: unknown }) => String(obj(r.body).userMessage);

useMobilityKit(clock, '2027-01-15T10:00:00Z', (k) => {
  kit = k;
});

describe('Reward: rewardCondition', () => {
  it('stores and returns the condition; activation requires it', async () => {
    const bare = await create(template('Reward'));
    const r = await activate(bare.id);
    expect([r.status, obj(r.body).errorCode]).toEqual([400, 'VA102']);
    expect(message(r)).toContain('a Reward needs a rewardCondition');
    const reward = await create(template('Reward', { rewardCondition: { minutes: 600, spendAmount: 150 } }));
    expect(reward.rewardCondition).toEqual({ minutes: 600, spendAmount: 150 });
    expect(obj((await activate(reward.id)).body).state).toBe('ACTIVE');
    expect(obj((await kit.api(`/voucherables/${String(reward.id)}`)).body).rewardCondition).toEqual({ minutes: 600, spendAmount: 150 });
    const dropped = await kit.api(`/voucherables/${String(reward.id)}`, { method: 'PUT', body: template('Reward') });
    expect(obj(dropped.body).errorCode).toBe('VA102');
  });

  it('validates the thresholds', async () => {
    const r = await kit.api('/voucherables', { body: template('Reward', { rewardCondition: { numberOfRentals: 0, spendAmount: 1.005 } }) });
    expect(obj(r.body).errorCode).toBe('R102.1');
    expect(message(r)).toContain('rewardCondition.numberOfRentals must be >= 1');
    expect(message(r)).toContain('rewardCondition.spendAmount 1.005 has more decimals than EUR allows');
    expect(message(await kit.api('/voucherables', { body: template('Reward', { rewardCondition: {} }) }))).toContain(
      'needs at least one of numberOfRentals, minutes, spendAmount',
    );
  });
});

describe('Triggered: triggerEvent and triggerConditions', () => {
  it('stores the event and conditions; activation requires the event', async () => {
    const bare = await create(template('Triggered'));
    expect(message(await activate(bare.id))).toContain('a Triggered template needs a triggerEvent');
    const topUp = await create(template('Triggered', { triggerEvent: 'TOP_UP', triggerConditions: { minimumSpend: 50 } }));
    expect(topUp).toMatchObject({ triggerEvent: 'TOP_UP', triggerConditions: { minimumSpend: 50 } });
    expect(obj((await activate(topUp.id)).body).state).toBe('ACTIVE');
  });

  it('refuses unknown events and empty or negative conditions', async () => {
    const r = await kit.api('/voucherables', { body: template('Triggered', { triggerEvent: 'BIRTHDAY', triggerConditions: { minimumSpend: -5 } }) });
    expect(message(r)).toContain('triggerEvent must be one of RENTAL_COMPLETED, FIRST_RENTAL, SIGNUP_COMPLETED, TOP_UP, SUBSCRIPTION_RENEWED');
    expect(message(r)).toContain('triggerConditions.minimumSpend must be > 0');
    expect(message(await kit.api('/voucherables', { body: template('Triggered', { triggerEvent: 'TOP_UP', triggerConditions: {} }) }))).toContain(
      'triggerConditions needs at least one condition',
    );
  });
});

describe('SignupReferral: referrerBenefits and qualifyingRentals', () => {
  it('keeps the referee benefits in benefits and the referrer ones apart; qualifyingRentals defaults to 1', async () => {
    const referral = await create(
      template('SignupReferral', {
        benefits: [{ type: 'Value', value: 5, validityDays: 30 }],
        referrerBenefits: [{ type: 'Value', value: 10, validityDays: 90 }],
      }),
    );
    expect(referral).toMatchObject({
      qualifyingRentals: 1,
      benefits: [{ type: 'Value', value: 5, validityDays: 30 }],
      referrerBenefits: [{ type: 'Value', value: 10, validityDays: 90 }],
    });
    expect(obj((await activate(referral.id)).body).state).toBe('ACTIVE');
    const three = await create(template('SignupReferral', { benefits: [{ type: 'Value', value: 5 }], qualifyingRentals: 3 }));
    expect(three.qualifyingRentals).toBe(3);
  });

  it('validates referrer benefits like benefits and checks their validity on activation', async () => {
    const bad = await kit.api('/voucherables', {
      body: template('SignupReferral', { referrerBenefits: [{ type: 'Value', value: -1 }], qualifyingRentals: 101 }),
    });
    expect(message(bad)).toContain('referrerBenefits[0].value must be > 0');
    expect(message(bad)).toContain('qualifyingRentals must be >= 1 and <= 100');
    const stale = await create(
      template('SignupReferral', {
        benefits: [{ type: 'Value', value: 5 }],
        referrerBenefits: [{ type: 'Value', value: 10, validUntil: '2027-01-01T00:00:00Z' }],
      }),
    );
    expect(message(await activate(stale.id))).toContain('referrerBenefits[0].validUntil is in the past');
  });
});

describe('CustomerCare: reasonCodes', () => {
  it('stores reason codes and requires one of them when the template is applied', async () => {
    const care = await create(template('CustomerCare', { reasonCodes: ['VEHICLE_DEFECT', 'APP_OUTAGE'], benefits: [{ type: 'Value', value: 5 }] }));
    expect(care.reasonCodes).toEqual(['VEHICLE_DEFECT', 'APP_OUTAGE']);
    await activate(care.id);
    const none = await kit.api('/customers/42/apply-vouchers', { body: { voucherableId: care.id } });
    expect([none.status, message(none)]).toEqual([
      400,
      `reasonCode must be one of VEHICLE_DEFECT, APP_OUTAGE for CustomerCare template ${String(care.id)} (none was given)`,
    ]);
    expect(message(await kit.api('/customers/42/apply-vouchers', { body: { voucherableId: care.id, reasonCode: 'BORED' } }))).toContain('got "BORED"');
    const granted = await kit.api('/customers/42/apply-vouchers', { body: { voucherableId: care.id, reasonCode: 'APP_OUTAGE' } });
    expect(granted.status).toBe(201);
    expect(arr(granted.body).map((v) => obj(v).reasonCode)).toEqual(['APP_OUTAGE']);
  });

  it('refuses duplicate or empty reason codes', async () => {
    const r = await kit.api('/voucherables', { body: template('CustomerCare', { reasonCodes: ['A', 'A', ''] }) });
    expect(message(r)).toContain('reasonCodes lists "A" twice');
    expect(message(r)).toContain('reasonCodes[2] must be 1–64 characters');
  });
});

describe('Subscription: trialPeriodDays', () => {
  it('stores the trial and dates its end on the customer subscription', async () => {
    const plan = await create(
      template('Subscription', { price: 9.99, interval: 'MONTHLY', trialPeriodDays: 14, benefits: [{ type: 'FreeUnlocks', freeUnlocks: 30 }] }),
    );
    expect(plan.trialPeriodDays).toBe(14);
    await activate(plan.id);
    const sub = obj((await call(`${kit.origin}/__emulator/user-subscriptions`, { body: { userId: 7, voucherableId: plan.id } })).body);
    expect(sub.trialEndsAt).toBe('2027-01-29T10:00:00Z');
    expect(message(await kit.api('/voucherables', { body: template('Subscription', { trialPeriodDays: 0 }) }))).toContain(
      'trialPeriodDays must be >= 1 and <= 365',
    );
  });
});

describe('type-specific fields on other types', () => {
  it('are refused, null is accepted as absent', async () => {
    const r = await kit.api('/voucherables', {
      body: promotion({ rewardCondition: { numberOfRentals: 3 }, triggerEvent: 'TOP_UP', reasonCodes: ['X'], trialPeriodDays: 7, referrerBenefits: [] }),
    });
    expect(obj(r.body).errorCode).toBe('R102.1');
    for (const part of [
      'rewardCondition is only for Reward templates (this one is a Promotion)',
      'triggerEvent is only for Triggered',
      'reasonCodes is only for CustomerCare',
      'trialPeriodDays is only for Subscription',
      'referrerBenefits is only for SignupReferral',
    ]) {
      expect(message(r)).toContain(part);
    }
    const ok = await create(promotion({ rewardCondition: null, triggerEvent: null }));
    expect('rewardCondition' in ok).toBe(false);
    expect('qualifyingRentals' in ok).toBe(false);
  });
});

describe('code batches record how they were issued', () => {
  it('returns prefix, code length, validity and description in the answer and the summary', async () => {
    const id = Number((await create(promotion({ code: 'WELCOME5' }))).id);
    await activate(id);
    const r = await kit.api('/vouchers/redeemable/constraint', {
      body: { voucherableId: id, quantity: 3, prefix: 'UNI27', codeLength: 7, validityDays: 60, description: 'freshers fairs' },
    });
    expect(r.status, r.text).toBe(201);
    const batch = obj(r.body);
    expect(batch).toMatchObject({
      voucherableId: id,
      type: 'CONSTRAINT',
      quantity: 3,
      prefix: 'UNI27',
      codeLength: 7,
      validityDays: 60,
      redeemLimitPerCode: 1,
      description: 'freshers fairs',
    });
    const code = String(arr(batch.codes)[0]);
    expect(code).toMatch(/^UNI27[A-Z2-9]{7}$/);
    expect(obj((await kit.api(`/vouchers/by-code/${code}`)).body).validUntil).toBe('2027-03-16T10:00:00Z');
    const summary = obj((await kit.api(`/vouchers/redeemable/summary?voucherableId=${id}`)).body);
    expect(arr(summary.batches).map(obj)).toEqual([
      { ...Object.fromEntries(Object.entries(batch).filter(([k]) => k !== 'codes')), total: 3, redeemed: 0, notRedeemed: 3, canceled: 0, expired: 0 },
    ]);
  });

  it('refuses validUntil together with validityDays, and long descriptions', async () => {
    const id = Number((await create(promotion({ code: 'TWICE' }))).id);
    const r = await kit.api('/vouchers/redeemable/constraint', {
      body: { voucherableId: id, quantity: 1, validUntil: '2027-06-01T00:00:00Z', validityDays: 5, description: 'x'.repeat(501) },
    });
    expect(message(r)).toContain('give validUntil or validityDays, not both');
    expect(message(r)).toContain('description must be 0–500 characters');
  });
});
