// POST /promotions/simulate: runs the invoice pipeline for one customer's subscription over a billing
// period with the given promotions, without persisting anything (no invoice, no counter, no budget change).
// Order: priority descending, then oldest first. A non-stackable promotion applies only if nothing has yet,
// and nothing applies after it. Each effect applies to what the previous ones left.
import { FieldReader } from '../shared/input.js';
import { isoSeconds } from '../shared/iso-time.js';
import { decimalStringToMinor, percentOf, toDecimalString } from '../shared/money.js';
import { fail, ok, type Outcome } from '../shared/outcome.js';
import { evaluate, findCustomerAndSubscription } from './eligibility.js';
import { findPromotion, type OpContext } from './lifecycle.js';
import type { Effect, Promotion } from './model.js';
import { remainingBudgetMinor } from './present.js';
import { fromIssues, validation, type Problem } from './problems.js';

interface EffectOutcome {
  type: Effect['type'];
  discountMinor: number;
  creditMinor: number;
  note?: string;
}

function applyEffect(e: Effect, remaining: number, currency: string): EffectOutcome {
  switch (e.type) {
    case 'percent_discount':
      return { type: e.type, discountMinor: percentOf(remaining, e.percent), creditMinor: 0 };
    case 'fixed_discount':
      if (e.currency !== currency) return { type: e.type, discountMinor: 0, creditMinor: 0, note: `amount is in ${e.currency}, the invoice in ${currency}` };
      return { type: e.type, discountMinor: Math.min(remaining, decimalStringToMinor(e.amount, currency) ?? 0), creditMinor: 0 };
    case 'free_period':
      return { type: e.type, discountMinor: remaining, creditMinor: 0, note: `${e.periods} period(s) free` };
    case 'trial_extension':
      return { type: e.type, discountMinor: 0, creditMinor: 0, note: `trial extended by ${e.days} days` };
    case 'credit_grant':
      if (e.currency !== currency) return { type: e.type, discountMinor: 0, creditMinor: 0, note: `credit is in ${e.currency}, the invoice in ${currency}` };
      return { type: e.type, discountMinor: 0, creditMinor: decimalStringToMinor(e.amount, currency) ?? 0 };
  }
}

export function simulate(ctx: OpContext, body: unknown): Outcome<Record<string, unknown>, Problem> {
  const r = new FieldReader(body);
  const customerId = r.string('customer_id', { required: true });
  const subscriptionId = r.string('subscription_id');
  const start = r.dateTime('billing_period_start', { required: true });
  const end = r.dateTime('billing_period_end', { required: true });
  const ids = r.stringArray('promotion_ids', { required: true });
  if (ids && ids.length === 0) r.add('promotion_ids', 'required', 'promotion_ids must name at least one promotion');
  if (start && end && end.getTime() <= start.getTime()) r.add('billing_period_end', 'out_of_range', 'billing_period_end must be after billing_period_start');
  if (r.issues.length > 0 || !customerId || !start || !end || !ids) return fail(fromIssues(r.issues));
  const who = findCustomerAndSubscription(ctx.tenant, customerId, subscriptionId);
  if (!who.ok) return who;
  const { customer, subscription } = who.value;
  if (!subscription) return fail(validation([{ field: 'subscription_id', message: `customer "${customerId}" has no subscription to invoice` }]));
  const promotions: Promotion[] = [];
  for (const id of ids) {
    const found = findPromotion(ctx, id);
    if (!found.ok) return found;
    promotions.push(found.value);
  }
  promotions.sort((a, b) => b.priority - a.priority || Date.parse(a.created_at) - Date.parse(b.created_at) || a.id.localeCompare(b.id));

  const currency = subscription.currency;
  const subtotal = (decimalStringToMinor(subscription.amount, currency) ?? 0) * subscription.quantity;
  let remaining = subtotal;
  let credits = 0;
  let closed = false;
  const applied: Record<string, unknown>[] = [];
  const rejected: Record<string, unknown>[] = [];
  for (const p of promotions) {
    // Simulation previews drafts too: "preview the financial impact of a promotion before activating it".
    const result = evaluate(ctx.tenant, p, customer, subscription, {}, start, currency, true);
    const stackReason = closed
      ? 'a non-stackable promotion already applied'
      : !p.stackable && applied.length > 0
        ? 'not stackable and another promotion already applied'
        : null;
    const reason = result.reason ?? stackReason;
    if (reason) {
      rejected.push({ promotion_id: p.id, name: p.name, reason });
      continue;
    }
    let budget = p.budget_behavior === 'hard_cap' ? remainingBudgetMinor(p, currency) : null;
    const effects = (result.phase?.effects ?? []).map((e) => {
      const out = applyEffect(e, remaining, currency);
      const capped =
        budget == null
          ? out
          : {
              ...out,
              discountMinor: Math.min(out.discountMinor, budget),
              creditMinor: Math.min(out.creditMinor, Math.max(0, budget - Math.min(out.discountMinor, budget))),
            };
      if (budget != null) budget -= capped.discountMinor + capped.creditMinor;
      remaining -= capped.discountMinor;
      credits += capped.creditMinor;
      return { type: capped.type, amount: toDecimalString(capped.discountMinor + capped.creditMinor, currency), ...(capped.note ? { note: capped.note } : {}) };
    });
    applied.push({ promotion_id: p.id, name: p.name, version: p.version, phase: result.phase?.name ?? null, effects });
    if (!p.stackable) closed = true;
  }
  return ok({
    customer_id: customer.id,
    subscription_id: subscription.id,
    billing_period_start: isoSeconds(start),
    billing_period_end: isoSeconds(end),
    currency,
    lines: [
      {
        description: `${subscription.plan_code} × ${subscription.quantity}`,
        amount: toDecimalString(subtotal, currency),
        discount: toDecimalString(subtotal - remaining, currency),
      },
    ],
    subtotal: toDecimalString(subtotal, currency),
    discount_total: toDecimalString(subtotal - remaining, currency),
    total: toDecimalString(remaining, currency),
    credits_granted: toDecimalString(credits, currency),
    applied_promotions: applied,
    rejected_promotions: rejected,
    persisted: false,
  });
}
