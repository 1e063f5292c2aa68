// Test control: a customer redeems a code (the user app does this; the operator API has no endpoint).
// POST /__emulator/redeem `{ code, userId }`. Enforces template state, expiry, single use and the
// template's per-user limit, so the states and the summary can be exercised. A plain redeemable code writes
// claim-time balance credit, or creates rental-time constraint vouchers, as the tenant's setting says.
import { FieldReader } from '../shared/input.js';
import { isoSeconds } from '../shared/iso-time.js';
import { fail, ok, type Outcome } from '../shared/outcome.js';
import type { MobilityCall } from './context.js';
import { invalid, mobilityError, notFound, type MobilityError } from './errors.js';
import type { Voucher } from './model.js';
import { issueFromTemplate, voucherState } from './vouchers.js';

export function redeemCode(call: MobilityCall, body: unknown): Outcome<Voucher, MobilityError> {
  const r = new FieldReader(body);
  const code = r.string('code', { required: true });
  const userId = r.number('userId', { required: true, integer: true });
  if (r.issues.length > 0 || !code || userId == null) return fail(invalid(r.issues));
  const v = Object.values(call.tenant.vouchers).find((x) => x.code?.toUpperCase() === code.toUpperCase());
  if (!v) return fail(notFound('W100', 'Voucher with code', code));
  const template = call.tenant.voucherables[String(v.voucherableId)];
  if (!template || template.state !== 'ACTIVE') return fail(mobilityError(409, 'W101', `The template of code ${code} is not active`));
  const state = voucherState(v, call.now);
  if (state === 'EXPIRED' || state === 'CANCELED' || state === 'USED_UP' || (v.constraint && state !== 'NOT_REDEEMED')) {
    return fail(mobilityError(409, 'W102', `Code ${code} cannot be redeemed: it is ${state === 'ACTIVE' ? 'already redeemed' : state}`));
  }
  const byUser = Object.values(call.tenant.vouchers).filter((x) => x.voucherableId === template.id && x.userId === userId).length;
  if (template.redeemLimitPerUser != null && byUser >= template.redeemLimitPerUser) {
    return fail(mobilityError(409, 'W103', `User ${userId} has reached the redeem limit of template ${template.id}`));
  }
  const benefit = template.benefits[0];
  v.userId = userId;
  v.redemptionCount += 1;
  v.updatedAt = isoSeconds(call.now);
  v.benefitType = benefit?.type ?? null;
  v.value = benefit ? (benefit.value ?? benefit.rentalRebate ?? null) : (template.value ?? null);
  v.remainingValue = v.value;
  v.discount = benefit?.discount ?? template.discount ?? null;
  v.freeMinutes = benefit?.freeMinutes ?? null;
  v.remainingRentals = benefit?.numberOfRentals ?? null;
  if (v.constraint) v.state = 'ACTIVE';
  else {
    // A plain redeemable code: the tenant's setting decides between balance credit now and vouchers for rentals.
    if (call.config.promotionRedemption === 'RENTAL_TIME_VOUCHER') {
      v.issuedVoucherIds = issueFromTemplate(call, template, { userId }).map((x) => x.id);
      v.balanceCredited = null;
    } else {
      const credit = template.benefits.reduce((sum, b) => sum + (b.type === 'Value' ? (b.value ?? 0) : 0), 0);
      v.balanceCredited = template.benefits.length > 0 ? credit : (template.value ?? 0);
      v.issuedVoucherIds = null;
    }
    if (v.redemptionCount >= (v.redeemLimit ?? 1)) v.state = 'USED_UP';
  }
  return ok(v);
}
