// Customers' running subscriptions: list, cancel (optionally cancelling every live voucher the
// subscription granted, `cancelBenefits=true`), and a test control that starts one.
import { FieldReader } from '../shared/input.js';
import { DAY_MS, isoSeconds } from '../shared/iso-time.js';
import { fail, ok, type Outcome } from '../shared/outcome.js';
import { denied, type MobilityCall } from './context.js';
import { invalid, mobilityError, notFound, type MobilityError } from './errors.js';
import { nextId, type UserSubscription } from './model.js';
import { issueFromTemplate, voucherState } from './vouchers.js';

const STATES = ['RENEWING', 'EXPIRED', 'SWITCHING', 'SWITCHED', 'CANCELLED'] as const;
const PERIOD_DAYS: Readonly<Record<string, number>> = { DAILY: 1, WEEKLY: 7, MONTHLY: 30, FIRST_OF_MONTH: 30, YEARLY: 365, FIRST_OF_YEAR: 365 };

export function listUserSubscriptions(call: MobilityCall, query: URLSearchParams): Outcome<UserSubscription[], MobilityError> {
  const state = query.get('state');
  if (state !== null && !(STATES as readonly string[]).includes(state)) return fail(mobilityError(400, 'R102.1', `state must be one of ${STATES.join(', ')}`));
  const eq = (name: string, value: unknown) => query.get(name) === null || String(value) === query.get(name);
  return ok(
    Object.values(call.tenant.userSubscriptions).filter(
      (s) =>
        denied(call, s.businessUnitId, 'SUBSCRIPTION_VIEW') === undefined &&
        eq('userId', s.userId) &&
        eq('voucherableId', s.voucherableId) &&
        (state === null || s.state === state),
    ),
  );
}

export function cancelUserSubscription(call: MobilityCall, id: string, cancelBenefits: boolean): Outcome<Record<string, unknown>, MobilityError> {
  const s = call.tenant.userSubscriptions[id];
  if (!s) return fail(notFound('SU100', 'User subscription', id));
  const no = denied(call, s.businessUnitId, 'SUBSCRIPTION_CANCEL');
  if (no) return fail(no);
  if (s.state === 'CANCELLED') return fail(mobilityError(409, 'SU101', `User subscription ${id} is already cancelled`));
  s.state = 'CANCELLED';
  s.autoRenewal = 'INACTIVE';
  s.cancelledAt = isoSeconds(call.now);
  const canceled: number[] = [];
  if (cancelBenefits) {
    for (const v of Object.values(call.tenant.vouchers)) {
      if (v.userSubscriptionId === s.id && ['ACTIVE', 'PENDING', 'NOT_REDEEMED'].includes(voucherState(v, call.now))) {
        v.state = 'CANCELED';
        v.updatedAt = isoSeconds(call.now);
        canceled.push(v.id);
      }
    }
  }
  return ok({ ...s, canceledVoucherIds: canceled });
}

/** Test control: POST /__emulator/user-subscriptions `{ userId, voucherableId }` starts a subscription and grants its benefits. */
export function startUserSubscription(call: MobilityCall, body: unknown): Outcome<UserSubscription, MobilityError> {
  const r = new FieldReader(body);
  const userId = r.number('userId', { required: true, integer: true });
  const voucherableId = r.number('voucherableId', { required: true, integer: true });
  if (r.issues.length > 0 || userId == null || voucherableId == null) return fail(invalid(r.issues));
  const template = call.tenant.voucherables[String(voucherableId)];
  if (!template || template.type !== 'Subscription') return fail(mobilityError(400, 'VA104', `Voucherable ${voucherableId} is not a Subscription`));
  const at = isoSeconds(call.now);
  const s: UserSubscription = {
    id: nextId(call.tenant, 'userSubscriptions'),
    userId,
    voucherableId,
    businessUnitId: template.businessUnitId,
    state: 'RENEWING',
    autoRenewal: 'ACTIVE',
    interval: template.interval ?? null,
    startedAt: at,
    currentPeriodEnd: isoSeconds(new Date(call.now.getTime() + (PERIOD_DAYS[template.interval ?? 'MONTHLY'] ?? 30) * DAY_MS)),
    trialEndsAt: template.trialPeriodDays ? isoSeconds(new Date(call.now.getTime() + template.trialPeriodDays * DAY_MS)) : null,
    cancelledAt: null,
    createdAt: at,
  };
  call.tenant.userSubscriptions[String(s.id)] = s;
  issueFromTemplate(call, template, { userId, userSubscriptionId: s.id });
  return ok(s);
}

export const SUBSCRIPTION_SORT = ['id', 'userId', 'voucherableId', 'state', 'startedAt', 'createdAt'];
