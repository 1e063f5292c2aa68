// The coupon part of Lago's invoice maths, for the finalize-invoice test
// control. Coupons apply before tax, metric-limited first, then plan-limited, then the oldest; a percentage
// gives min(base, round(base × rate / 100)); a fixed recurring/forever coupon min(amount, base); a fixed once
// coupon draws down its remaining balance across invoices; a recurring coupon loses one period per invoice
// that received credit and terminates at zero. This is the emulator's own code, not promoc's engine.
import { FieldReader, type Issue } from '../shared/input.js';
import { isoSeconds } from '../shared/iso-time.js';
import { roundHalfAwayFromZero } from '../shared/money.js';
import { fail, ok, type Outcome } from '../shared/outcome.js';
import { randomUuid, type Random } from '../shared/random.js';
import { LAGO_CURRENCIES } from './currencies.js';
import { findCustomer } from './customers.js';
import type { AppliedCoupon, Coupon, Invoice, InvoiceFee, LagoTenant } from './model.js';

/** Splits `amount` over `bases` in proportion, in whole cents, largest remainders first; sums exactly. */
export function allocate(amount: number, bases: readonly number[]): number[] {
  const total = bases.reduce((s, b) => s + b, 0);
  if (total === 0) return bases.map(() => 0);
  const exact = bases.map((b) => (amount * b) / total);
  const shares = exact.map(Math.floor);
  let left = amount - shares.reduce((s, x) => s + x, 0);
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    shares[i] = (shares[i] ?? 0) + 1;
    left--;
  }
  return shares;
}

function rank(coupon: Coupon | undefined): number {
  if ((coupon?.billable_metric_codes ?? []).length > 0) return 0;
  if ((coupon?.plan_codes ?? []).length > 0) return 1;
  return 2;
}

function eligible(fee: InvoiceFee, coupon: Coupon): boolean {
  if (coupon.billable_metric_codes.length > 0) return fee.billable_metric_code != null && coupon.billable_metric_codes.includes(fee.billable_metric_code);
  if (coupon.plan_codes.length > 0) return fee.plan_code != null && coupon.plan_codes.includes(fee.plan_code);
  return true;
}

function creditFor(applied: AppliedCoupon, base: number): number {
  if (applied.percentage_rate != null) return Math.min(base, roundHalfAwayFromZero((base * applied.percentage_rate) / 100));
  if (applied.frequency === 'once') return Math.min(applied.amount_cents_remaining ?? 0, base);
  return Math.min(applied.amount_cents ?? 0, base);
}

function consume(applied: AppliedCoupon, credit: number, now: Date): void {
  if (applied.frequency === 'once') {
    if (applied.amount_cents_remaining != null) applied.amount_cents_remaining -= credit;
    // A percentage "once" coupon is spent by one invoice; a fixed one when its balance reaches zero.
    if (applied.amount_cents_remaining == null || applied.amount_cents_remaining <= 0) applied.status = 'terminated';
  } else if (applied.frequency === 'recurring') {
    applied.frequency_duration_remaining = (applied.frequency_duration_remaining ?? 1) - 1;
    if (applied.frequency_duration_remaining <= 0) applied.status = 'terminated';
  }
  if (applied.status === 'terminated') applied.terminated_at = isoSeconds(now);
}

export function finalizeInvoice(tenant: LagoTenant, body: unknown, now: Date, random: Random): Outcome<Invoice, readonly Issue[]> {
  const r = new FieldReader(body);
  const externalId = r.string('external_customer_id', { required: true });
  const taxesRate = r.number('taxes_rate', { min: 0, max: 100 }) ?? 0;
  const feeItems = r.array('fees', { required: true }) ?? [];
  const fees: InvoiceFee[] = feeItems.map((item, i) => {
    const f = new FieldReader(item, `fees[${i}]`, r.issues);
    return {
      amount_cents: f.number('amount_cents', { required: true, integer: true, min: 0 }) ?? 0,
      plan_code: f.string('plan_code') ?? null,
      billable_metric_code: f.string('billable_metric_code') ?? null,
      precise_coupons_amount_cents: 0,
    };
  });
  const customer = externalId ? findCustomer(tenant, externalId) : undefined;
  if (externalId && !customer) r.add('external_customer_id', 'invalid', `no customer "${externalId}"`);
  const currency = r.string('currency') ?? customer?.currency ?? undefined;
  if (customer && (!currency || !LAGO_CURRENCIES.has(currency)))
    r.add('currency', 'required', 'currency is required (the customer has none) and must be supported');
  if (r.issues.length > 0 || !customer || !currency) return fail(r.issues);

  const invoiceId = randomUuid(random);
  const remaining = fees.map((f) => f.amount_cents);
  const applied = Object.values(tenant.appliedCoupons)
    .map((a, index) => ({ a, index, coupon: tenant.coupons[a.coupon_id] }))
    .filter(({ a }) => a.customer_id === customer.lago_id && a.status === 'active')
    .sort((x, y) => rank(x.coupon) - rank(y.coupon) || Date.parse(x.a.created_at) - Date.parse(y.a.created_at) || x.index - y.index);
  for (const { a, coupon } of applied) {
    if (!coupon || (a.amount_currency != null && a.amount_currency !== currency)) continue;
    const targets = fees.map((fee, i) => (eligible(fee, coupon) ? i : -1)).filter((i) => i >= 0);
    const base = targets.reduce((s, i) => s + (remaining[i] ?? 0), 0);
    const credit = base > 0 ? creditFor(a, base) : 0;
    if (credit <= 0) continue;
    allocate(
      credit,
      targets.map((i) => remaining[i] ?? 0),
    ).forEach((share, k) => {
      const i = targets[k] ?? 0;
      remaining[i] = (remaining[i] ?? 0) - share;
      const fee = fees[i];
      if (fee) fee.precise_coupons_amount_cents += share;
    });
    a.credits = [
      ...(a.credits ?? []),
      { lago_id: randomUuid(random), amount_cents: credit, amount_currency: currency, invoice_id: invoiceId, created_at: isoSeconds(now) },
    ];
    consume(a, credit, now);
  }
  const feesAmount = fees.reduce((s, f) => s + f.amount_cents, 0);
  const coupons = fees.reduce((s, f) => s + f.precise_coupons_amount_cents, 0);
  const subTotal = feesAmount - coupons;
  const taxes = roundHalfAwayFromZero((subTotal * taxesRate) / 100);
  const invoice: Invoice = {
    lago_id: invoiceId,
    customer_id: customer.lago_id,
    currency,
    fees,
    fees_amount_cents: feesAmount,
    coupons_amount_cents: coupons,
    sub_total_excluding_taxes_amount_cents: subTotal,
    taxes_rate: taxesRate,
    taxes_amount_cents: taxes,
    total_amount_cents: subTotal + taxes,
    issued_at: isoSeconds(now),
  };
  tenant.invoices[invoiceId] = invoice;
  return ok(invoice);
}
