// Issued vouchers: what customers hold. Constraint vouchers carry states (NOT_REDEEMED, PENDING, ACTIVE,
// USED_UP, EXPIRED, CANCELED) and apply at rental time; plain redeemable codes grant claim-time credit.
import { DAY_MS, isoSeconds } from '../shared/iso-time.js';
import { fail, ok, type Outcome } from '../shared/outcome.js';
import { denied, type MobilityCall } from './context.js';
import { mobilityError, notFound, type MobilityError } from './errors.js';
import { nextId, VOUCHER_STATES, type Benefit, type Voucher, type Voucherable } from './model.js';

const LIVE = new Set(['NOT_REDEEMED', 'PENDING', 'ACTIVE']);

/** EXPIRED is derived: a live voucher past its validUntil reads as expired without any job running. */
export function voucherState(v: Voucher, now: Date): Voucher['state'] {
  if (LIVE.has(v.state) && v.validUntil != null && Date.parse(v.validUntil) <= now.getTime()) return 'EXPIRED';
  return v.state;
}

export function presentVoucher(v: Voucher, now: Date): Record<string, unknown> {
  const { constraint, ...rest } = v;
  return { ...rest, type: constraint ? 'CONSTRAINT' : 'REDEEMABLE', state: voucherState(v, now) };
}

function validUntil(b: Benefit | undefined, template: Voucherable, now: Date): string | null {
  if (b?.validityDays) return isoSeconds(new Date(now.getTime() + b.validityDays * DAY_MS));
  return b?.validUntil ?? template.validUntil ?? null;
}

/** One ACTIVE constraint voucher per benefit of the template (or one for its legacy value). */
export function issueFromTemplate(
  call: MobilityCall,
  template: Voucherable,
  target: { userId?: number; groupId?: number; userSubscriptionId?: number; reasonCode?: string },
): Voucher[] {
  const benefits: (Benefit | undefined)[] = template.benefits.length > 0 ? template.benefits : [undefined];
  return benefits.map((b) => {
    const at = isoSeconds(call.now);
    const amount = b ? (b.value ?? b.rentalRebate ?? null) : (template.value ?? template.rentalRebate ?? null);
    const v: Voucher = {
      id: nextId(call.tenant, 'vouchers'),
      constraint: true,
      voucherableId: template.id,
      businessUnitId: template.businessUnitId,
      userId: target.userId ?? null,
      groupId: target.groupId ?? null,
      userSubscriptionId: target.userSubscriptionId ?? null,
      reasonCode: target.reasonCode ?? null,
      state: 'ACTIVE',
      benefitType: b?.type ?? null,
      value: amount,
      remainingValue: amount,
      discount: b ? (b.discount ?? null) : (template.discount ?? null),
      freeMinutes: b?.freeMinutes ?? null,
      remainingRentals: b?.numberOfRentals ?? null,
      redemptionCount: 0,
      validFrom: b?.validFrom ?? template.validFrom ?? at,
      validUntil: validUntil(b, template, call.now),
      createdAt: at,
      updatedAt: at,
    };
    call.tenant.vouchers[String(v.id)] = v;
    return v;
  });
}

/** GET /vouchers and /vouchers/constraint-vouchers: filters userId, groupId, voucherableId, batchId, state. */
export function listVouchers(call: MobilityCall, query: URLSearchParams, constraintOnly: boolean): Outcome<Voucher[], MobilityError> {
  const state = query.get('state');
  if (state !== null && !(VOUCHER_STATES as readonly string[]).includes(state)) {
    return fail(mobilityError(400, 'R102.1', `state must be one of ${VOUCHER_STATES.join(', ')}`));
  }
  const eq = (name: string, value: unknown) => query.get(name) === null || String(value) === query.get(name);
  return ok(
    Object.values(call.tenant.vouchers).filter(
      (v) =>
        (!constraintOnly || v.constraint) &&
        denied(call, v.businessUnitId, 'VOUCHER_VIEW') === undefined &&
        eq('userId', v.userId) &&
        eq('groupId', v.groupId) &&
        eq('voucherableId', v.voucherableId) &&
        eq('batchId', v.batchId) &&
        (state === null || voucherState(v, call.now) === state),
    ),
  );
}

export function voucherByCode(call: MobilityCall, code: string): Outcome<Voucher, MobilityError> {
  const v = Object.values(call.tenant.vouchers).find((x) => x.code != null && x.code.toLowerCase() === code.toLowerCase());
  if (!v) return fail(notFound('W100', 'Voucher with code', code));
  const no = denied(call, v.businessUnitId, 'VOUCHER_VIEW');
  return no ? fail(no) : ok(v);
}

export function cancelConstraintVoucher(call: MobilityCall, id: string): Outcome<Voucher, MobilityError> {
  const v = call.tenant.vouchers[id];
  if (!v || !v.constraint) return fail(notFound('CV100', 'Constraint voucher', id));
  const no = denied(call, v.businessUnitId, 'VOUCHER_CREATE');
  if (no) return fail(no);
  const state = voucherState(v, call.now);
  if (!LIVE.has(state)) return fail(mobilityError(409, 'CV101', `Constraint voucher ${id} is ${state} and cannot be canceled`));
  v.state = 'CANCELED';
  v.updatedAt = isoSeconds(call.now);
  return ok(v);
}

export const VOUCHER_SORT = ['id', 'code', 'state', 'userId', 'voucherableId', 'createdAt', 'validUntil'];
