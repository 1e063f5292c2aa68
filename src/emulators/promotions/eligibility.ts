// Whether one promotion applies to one customer, with reasons: used by eligibility preview (per-condition
// results) and by simulate. The gates are status, window (valid_from inclusive, valid_to exclusive), limits
// and budget, then the conditions of the phase the customer is on.
import { FieldReader } from '../shared/input.js';
import { decimalStringToMinor } from '../shared/money.js';
import { fail, ok, type Outcome } from '../shared/outcome.js';
import { evaluateAll, type ConditionResult } from './conditions.js';
import { contextFor, redemptionsBy } from './customers.js';
import { findPromotion, type OpContext } from './lifecycle.js';
import type { Customer, Effect, Phase, Promotion, PromotionsTenant, Subscription } from './model.js';
import { remainingBudgetMinor, shownStatus } from './present.js';
import { fromIssues, notFound, type Problem } from './problems.js';

/** Ladders move a customer one phase up per redemption; other promotions have a single phase. */
export function phaseFor(p: Promotion, redemptions: number): Phase | undefined {
  const phases = p.phases ?? [];
  return phases[Math.min(redemptions, phases.length - 1)];
}

export function gateReason(tenant: PromotionsTenant, p: Promotion, customerId: string, at: Date, currency: string, allowDraft: boolean): string | null {
  const status = shownStatus(p, at);
  if (status === 'archived' || status === 'expired') return `promotion is ${status}`;
  if (status === 'draft' && !allowDraft) return 'promotion is a draft (not active)';
  if (p.valid_from != null && at.getTime() < Date.parse(p.valid_from)) return `promotion starts at ${p.valid_from}`;
  if (p.valid_to != null && at.getTime() >= Date.parse(p.valid_to)) return `promotion ended at ${p.valid_to}`;
  if (p.max_redemptions != null && p.current_redemptions >= p.max_redemptions) return `all ${p.max_redemptions} redemptions are used`;
  if (p.max_redemptions_per_customer != null && redemptionsBy(tenant, p.id, customerId) >= p.max_redemptions_per_customer) {
    return `the customer has used its ${p.max_redemptions_per_customer} redemption(s)`;
  }
  if (p.budget_behavior === 'hard_cap' && remainingBudgetMinor(p, currency) === 0) return 'the budget is exhausted';
  return null;
}

export function effectSummary(effects: readonly Effect[]): string {
  return effects
    .map((e) => {
      switch (e.type) {
        case 'percent_discount':
          return `${e.percent}% off`;
        case 'fixed_discount':
          return `${e.currency} ${e.amount} off`;
        case 'free_period':
          return `${e.periods} free period${e.periods === 1 ? '' : 's'}`;
        case 'trial_extension':
          return `${e.days}-day trial extension`;
        case 'credit_grant':
          return `${e.currency} ${e.amount} credit`;
      }
    })
    .join('; ');
}

export interface Evaluation {
  readonly eligible: boolean;
  readonly reason: string | null;
  readonly phase: Phase | undefined;
  readonly conditions: ConditionResult[];
}

export function evaluate(
  tenant: PromotionsTenant,
  p: Promotion,
  customer: Customer,
  subscription: Subscription | undefined,
  overrides: unknown,
  at: Date,
  currency: string,
  allowDraft: boolean,
): Evaluation {
  const phase = phaseFor(p, redemptionsBy(tenant, p.id, customer.id));
  const evalCtx = contextFor(customer, subscription, overrides, currency);
  const { passed, results } = evaluateAll(phase?.conditions ?? [], p.condition_mode, evalCtx);
  const gate = gateReason(tenant, p, customer.id, at, currency, allowDraft);
  const failing = results.filter((r) => !r.passed).map((r) => r.type);
  const reason = gate ?? (passed ? null : `conditions not met (${p.condition_mode}): ${failing.join(', ')}`);
  return { eligible: reason === null, reason, phase, conditions: results };
}

export function findCustomerAndSubscription(
  tenant: PromotionsTenant,
  customerId: string,
  subscriptionId: string | null | undefined,
): Outcome<{ customer: Customer; subscription: Subscription | undefined }, Problem> {
  const customer = tenant.customers[customerId];
  if (!customer) return fail(notFound('customer', customerId));
  if (subscriptionId == null) return ok({ customer, subscription: customer.subscriptions[0] });
  const subscription = customer.subscriptions.find((s) => s.id === subscriptionId);
  return subscription ? ok({ customer, subscription }) : fail(notFound('subscription', subscriptionId));
}

/** POST /promotions/{id}/eligibility-preview `{ customer_id, subscription_id?, subtotal?, quantity?, product_ids?, at? }`. */
export function previewEligibility(ctx: OpContext, id: string, body: unknown): Outcome<Record<string, unknown>, Problem> {
  const found = findPromotion(ctx, id);
  if (!found.ok) return found;
  const r = new FieldReader(body);
  const customerId = r.string('customer_id', { required: true });
  const subscriptionId = r.string('subscription_id');
  const at = r.dateTime('at') ?? ctx.now;
  const subtotal = r.string('subtotal');
  if (subtotal && decimalStringToMinor(subtotal, ctx.currency) === undefined) r.add('subtotal', 'invalid', `subtotal "${subtotal}" is not a decimal amount`);
  if (r.issues.length > 0 || !customerId) return fail(fromIssues(r.issues));
  const who = findCustomerAndSubscription(ctx.tenant, customerId, subscriptionId);
  if (!who.ok) return who;
  const p = found.value;
  const result = evaluate(ctx.tenant, p, who.value.customer, who.value.subscription, body, at, ctx.currency, false);
  return ok({
    promotion_id: p.id,
    promotion_name: p.name,
    eligible: result.eligible,
    reason: result.reason,
    effect_summary: effectSummary(result.phase?.effects ?? []),
    condition_mode: p.condition_mode,
    phase: result.phase ? { id: result.phase.id, name: result.phase.name, sequence: result.phase.sequence } : null,
    conditions: result.conditions.map((c, index) => ({ index, ...c })),
  });
}
