// Applied coupons: apply a coupon to a customer (with optional per-customer overrides), list with filters,
// and terminate ("delete") an application.
import { FieldReader } from '../shared/input.js';
import { isoSeconds } from '../shared/iso-time.js';
import { fail, ok, type Outcome } from '../shared/outcome.js';
import { randomUuid, type Random } from '../shared/random.js';
import { readRoot } from './coupon-params.js';
import { findCoupon, formatRate, isTerminated } from './coupons.js';
import { findCustomer } from './customers.js';
import { fromIssues, notFound, unprocessable, type LagoError } from './errors.js';
import type { AppliedCoupon, Credit, Frequency, LagoTenant } from './model.js';
import { newestFirst, paginate } from './pagination.js';

/** Lago's CreditObject: a coupon's contribution to one invoice. */
export function presentCredit(tenant: LagoTenant, a: AppliedCoupon, credit: Credit): Record<string, unknown> {
  const coupon = tenant.coupons[a.coupon_id];
  return {
    lago_id: credit.lago_id,
    amount_cents: credit.amount_cents,
    amount_currency: credit.amount_currency,
    before_taxes: true,
    item: { lago_item_id: a.lago_id, type: 'coupon', code: coupon?.code ?? null, name: coupon?.name ?? null },
    invoice: { lago_id: credit.invoice_id, payment_status: 'pending' },
  };
}

export function presentApplied(tenant: LagoTenant, a: AppliedCoupon, withCredits: boolean): Record<string, unknown> {
  const coupon = tenant.coupons[a.coupon_id];
  const customer = tenant.customers[a.customer_id];
  return {
    lago_id: a.lago_id,
    lago_coupon_id: a.coupon_id,
    coupon_code: coupon?.code ?? null,
    coupon_name: coupon?.name ?? null,
    coupon_status: coupon && (coupon.terminated_at != null || coupon.deleted_at != null) ? 'terminated' : 'active',
    coupon_deleted_at: coupon?.deleted_at ?? null,
    lago_customer_id: a.customer_id,
    external_customer_id: customer?.external_id ?? null,
    status: a.status,
    amount_cents: a.amount_cents ?? null,
    amount_cents_remaining: a.amount_cents_remaining ?? null,
    amount_currency: a.amount_currency ?? null,
    percentage_rate: formatRate(a.percentage_rate ?? null),
    frequency: a.frequency,
    frequency_duration: a.frequency_duration ?? null,
    frequency_duration_remaining: a.frequency_duration_remaining ?? null,
    expiration_at: coupon?.expiration_at ?? null,
    created_at: a.created_at,
    terminated_at: a.terminated_at ?? null,
    ...(withCredits ? { credits: (a.credits ?? []).map((credit) => presentCredit(tenant, a, credit)) } : {}),
  };
}

export function applyCoupon(tenant: LagoTenant, body: unknown, now: Date, random: Random): Outcome<AppliedCoupon, LagoError> {
  const root = readRoot(body, 'applied_coupon');
  if (!root.ok) return root;
  const r = new FieldReader(root.value);
  const externalId = r.string('external_customer_id', { required: true });
  const code = r.string('coupon_code', { required: true });
  const frequency = r.oneOf<Frequency>('frequency', ['once', 'recurring', 'forever']);
  const duration = r.number('frequency_duration', { integer: true });
  const amount = r.number('amount_cents', { integer: true });
  const currency = r.string('amount_currency');
  const rateRaw = r.source.percentage_rate;
  const rate = typeof rateRaw === 'string' && /^\d+(\.\d+)?$/.test(rateRaw) ? Number(rateRaw) : r.number('percentage_rate');
  if (r.issues.length > 0 || !externalId || !code) return fail(fromIssues(r.issues));
  const customer = findCustomer(tenant, externalId);
  if (!customer) return fail(notFound('customer'));
  const coupon = findCoupon(tenant, code);
  // Expiry blocks new applications only; an expired or terminated coupon is "not found" for applying.
  if (!coupon || isTerminated(coupon, now)) return fail(notFound('coupon'));
  if (!coupon.reusable && Object.values(tenant.appliedCoupons).some((a) => a.coupon_id === coupon.lago_id && a.customer_id === customer.lago_id)) {
    return fail(unprocessable({ coupon: ['coupon_is_not_reusable'] }));
  }
  const fixed = coupon.coupon_type === 'fixed_amount';
  const appliedFrequency = frequency ?? coupon.frequency;
  const appliedDuration = appliedFrequency === 'recurring' ? (duration ?? coupon.frequency_duration) : null;
  if (appliedFrequency === 'recurring' && (appliedDuration == null || appliedDuration <= 0)) {
    return fail(unprocessable({ frequency_duration: ['value_is_out_of_range'] }));
  }
  const appliedCurrency = fixed ? (currency ?? coupon.amount_currency) : null;
  if (fixed && customer.currency && appliedCurrency !== customer.currency) return fail(unprocessable({ currency: ['currencies_does_not_match'] }));
  if (fixed && !customer.currency) customer.currency = appliedCurrency;
  const appliedAmount = fixed ? (amount ?? coupon.amount_cents) : null;
  const applied: AppliedCoupon = {
    lago_id: randomUuid(random),
    coupon_id: coupon.lago_id,
    customer_id: customer.lago_id,
    status: 'active',
    amount_cents: appliedAmount,
    amount_cents_remaining: fixed && appliedFrequency === 'once' ? appliedAmount : null,
    amount_currency: appliedCurrency,
    percentage_rate: fixed ? null : (rate ?? coupon.percentage_rate),
    frequency: appliedFrequency,
    frequency_duration: appliedDuration,
    frequency_duration_remaining: appliedDuration,
    created_at: isoSeconds(now),
    terminated_at: null,
    credits: [],
  };
  tenant.appliedCoupons[applied.lago_id] = applied;
  return ok(applied);
}

/** GET /applied_coupons and GET /customers/{id}/applied_coupons: status, customer and coupon_code[] filters. */
export function listApplied(
  tenant: LagoTenant,
  query: Record<string, string>,
  codes: readonly string[],
  customerId: string | undefined,
): Outcome<Record<string, unknown>, LagoError> {
  const status = query.status;
  if (status !== undefined && status !== 'active' && status !== 'terminated') return fail(unprocessable({ status: ['value_is_invalid'] }));
  const external = query.external_customer_id;
  const customer = external === undefined ? undefined : findCustomer(tenant, external);
  const matching = Object.values(tenant.appliedCoupons).filter(
    (a) =>
      (status === undefined || a.status === status) &&
      (customerId === undefined || a.customer_id === customerId) &&
      (external === undefined || a.customer_id === customer?.lago_id) &&
      (codes.length === 0 || codes.includes(tenant.coupons[a.coupon_id]?.code ?? '')),
  );
  return ok(paginate(newestFirst(matching), query, 'applied_coupons', (a) => presentApplied(tenant, a, true)));
}

export function terminateApplied(tenant: LagoTenant, externalCustomerId: string, id: string, now: Date): Outcome<AppliedCoupon, LagoError> {
  const customer = findCustomer(tenant, externalCustomerId);
  if (!customer) return fail(notFound('customer'));
  const applied = tenant.appliedCoupons[id];
  if (!applied || applied.customer_id !== customer.lago_id || applied.status !== 'active') return fail(notFound('applied_coupon'));
  applied.status = 'terminated';
  applied.terminated_at = isoSeconds(now);
  return ok(applied);
}
