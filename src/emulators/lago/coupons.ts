// Coupons by code: create, update (with Lago's silent immutability once applied), soft delete, and the
// coupon as the API shows it.
import { isoSeconds } from '../shared/iso-time.js';
import { fail, ok, type Outcome } from '../shared/outcome.js';
import { randomUuid, type Random } from '../shared/random.js';
import { couponIssues } from './coupon-rules.js';
import { readCouponParams, readRoot, type CouponParams } from './coupon-params.js';
import { fromIssues, notAllowed, notFound, type LagoError } from './errors.js';
import type { Coupon, LagoTenant } from './model.js';

/** Lago serialises the decimal rate as a string: 10 → "10.0", 12.5 → "12.5". */
export function formatRate(rate: number | null): string | null {
  if (rate == null) return null;
  if (Number.isInteger(rate)) return `${rate}.0`;
  // Lago answers with a decimal string: 1e-7 is "0.0000001", never exponent notation.
  const m = /^(\d)(?:\.(\d+))?e-(\d+)$/.exec(String(rate));
  return m ? `0.${'0'.repeat(Number(m[3]) - 1)}${m[1]}${m[2] ?? ''}` : String(rate);
}

export function isTerminated(coupon: Coupon, now: Date): boolean {
  return (
    coupon.terminated_at != null || (coupon.expiration === 'time_limit' && coupon.expiration_at != null && Date.parse(coupon.expiration_at) <= now.getTime())
  );
}

export function findCoupon(tenant: LagoTenant, code: string): Coupon | undefined {
  return Object.values(tenant.coupons).find((c) => c.deleted_at == null && c.code === code);
}

export function presentCoupon(c: Coupon, now: Date): Record<string, unknown> {
  // Expiry is applied by a daily job at Lago; here the coupon reads as terminated from expiration_at on.
  const expired = !c.terminated_at && isTerminated(c, now);
  return {
    lago_id: c.lago_id,
    name: c.name,
    code: c.code,
    description: c.description ?? null,
    coupon_type: c.coupon_type,
    amount_cents: c.amount_cents ?? null,
    amount_currency: c.amount_currency ?? null,
    reusable: c.reusable,
    limited_plans: (c.plan_codes ?? []).length > 0,
    plan_codes: c.plan_codes ?? [],
    limited_billable_metrics: (c.billable_metric_codes ?? []).length > 0,
    billable_metric_codes: c.billable_metric_codes ?? [],
    percentage_rate: formatRate(c.percentage_rate ?? null),
    frequency: c.frequency,
    frequency_duration: c.frequency_duration ?? null,
    expiration: c.expiration,
    expiration_at: c.expiration_at ?? null,
    created_at: c.created_at,
    terminated_at: c.terminated_at ?? (expired ? c.expiration_at : null),
  };
}

/** Fields that stop changing once the coupon has been applied to any customer. */
const LOCKED_WHEN_APPLIED: readonly (keyof CouponParams)[] = [
  'code',
  'coupon_type',
  'amount_cents',
  'amount_currency',
  'percentage_rate',
  'frequency',
  'frequency_duration',
  'reusable',
  'plan_codes',
  'billable_metric_codes',
];

function assign(coupon: Coupon, params: CouponParams, locked: boolean): void {
  const target = coupon as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(params)) {
    if (locked && (LOCKED_WHEN_APPLIED as readonly string[]).includes(key)) continue;
    target[key] = key === 'plan_codes' || key === 'billable_metric_codes' ? (value ?? []) : value;
  }
  if (coupon.reusable == null) coupon.reusable = true;
}

/** Clears fields that do not apply to the coupon's type, frequency and expiration. */
function normalise(coupon: Coupon): void {
  if (coupon.coupon_type === 'percentage') {
    coupon.amount_cents = null;
    coupon.amount_currency = null;
  }
  if (coupon.coupon_type === 'fixed_amount') coupon.percentage_rate = null;
  if (coupon.frequency !== 'recurring') coupon.frequency_duration = null;
  if (coupon.expiration === 'no_expiration') coupon.expiration_at = null;
}

function checkLimitations(params: CouponParams): LagoError | undefined {
  const both = (params.plan_codes ?? []).length > 0 && (params.billable_metric_codes ?? []).length > 0;
  return both ? notAllowed('only_one_limitation_type_per_coupon_allowed') : undefined;
}

export function createCoupon(tenant: LagoTenant, body: unknown, now: Date, random: Random): Outcome<Coupon, LagoError> {
  const root = readRoot(body, 'coupon');
  if (!root.ok) return root;
  const { params, issues } = readCouponParams(root.value);
  const limitation = checkLimitations(params);
  if (limitation && issues.length === 0) return fail(limitation);
  const coupon = {
    lago_id: randomUuid(random),
    description: null,
    amount_cents: null,
    amount_currency: null,
    percentage_rate: null,
    reusable: true,
    frequency_duration: null,
    expiration_at: null,
    plan_codes: [],
    billable_metric_codes: [],
    created_at: isoSeconds(now),
    terminated_at: null,
    deleted_at: null,
  } as unknown as Coupon;
  assign(coupon, params, false);
  const all = [...issues, ...couponIssues(coupon, tenant, now, new Set(issues.map((i) => i.field)))];
  if (all.length > 0) return fail(fromIssues(all));
  normalise(coupon);
  tenant.coupons[coupon.lago_id] = coupon;
  return ok(coupon);
}

export function hasBeenApplied(tenant: LagoTenant, coupon: Coupon): boolean {
  return Object.values(tenant.appliedCoupons).some((a) => a.coupon_id === coupon.lago_id);
}

/**
 * PUT /coupons/{code}. Once the coupon has been applied to any customer, changes to its code, type, amounts,
 * rate, frequency, reusability and limitations are silently ignored and the answer is still 200: only name,
 * description, expiration and expiration_at stay editable (Lago answers 200 and silently keeps the old values).
 */
export function updateCoupon(tenant: LagoTenant, code: string, body: unknown, now: Date): Outcome<Coupon, LagoError> {
  const existing = findCoupon(tenant, code);
  if (!existing) return fail(notFound('coupon'));
  const root = readRoot(body, 'coupon');
  if (!root.ok) return root;
  const { params, issues } = readCouponParams(root.value);
  const locked = hasBeenApplied(tenant, existing);
  const limitation = locked
    ? undefined
    : checkLimitations({
        plan_codes: params.plan_codes ?? existing.plan_codes,
        billable_metric_codes: params.billable_metric_codes ?? existing.billable_metric_codes,
      });
  if (limitation && issues.length === 0) return fail(limitation);
  const candidate = structuredClone(existing);
  assign(candidate, params, locked);
  const all = [...issues, ...couponIssues(candidate, tenant, now, new Set(issues.map((i) => i.field)))];
  if (all.length > 0) return fail(fromIssues(all));
  normalise(candidate);
  tenant.coupons[existing.lago_id] = candidate;
  return ok(candidate);
}

/** DELETE /coupons/{code}: a soft delete that frees the code and terminates the coupon's active applications. */
export function deleteCoupon(tenant: LagoTenant, code: string, now: Date): Outcome<Coupon, LagoError> {
  const coupon = findCoupon(tenant, code);
  if (!coupon) return fail(notFound('coupon'));
  coupon.deleted_at = isoSeconds(now);
  for (const applied of Object.values(tenant.appliedCoupons)) {
    if (applied.coupon_id === coupon.lago_id && applied.status === 'active') {
      applied.status = 'terminated';
      applied.terminated_at = isoSeconds(now);
    }
  }
  return ok(coupon);
}
