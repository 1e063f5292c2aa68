// Customers and their subscriptions exist only for simulate and eligibility preview; the API documents no
// endpoint for them, so tests seed them (POST /__emulator/customers) along with past redemptions
// (POST /__emulator/redemptions), which move the counters and budget the way live invoicing would.
import { FieldReader, isRecord, type Issue } from '../shared/input.js';
import { isoSeconds } from '../shared/iso-time.js';
import { decimalStringToMinor, ISO_4217, toDecimalString } from '../shared/money.js';
import { fail, ok, type Outcome } from '../shared/outcome.js';
import { randomString, randomUuid, type Random } from '../shared/random.js';
import type { EvalContext } from './conditions.js';
import type { Customer, Promotion, PromotionsTenant, Redemption, Subscription } from './model.js';
import { archivePromotion } from './versions.js';

const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

function readSubscription(r: FieldReader, random: Random): Subscription | undefined {
  const currency = r.string('currency', { required: true }) ?? '';
  if (currency && !ISO_4217.has(currency)) r.add(r.path('currency'), 'invalid', `currency "${currency}" is not ISO 4217`);
  const amount = r.string('amount', { required: true }) ?? '';
  if (amount && decimalStringToMinor(amount, currency) === undefined) r.add(r.path('amount'), 'invalid', `amount "${amount}" is not a decimal in ${currency}`);
  const plan = r.string('plan_code', { required: true });
  const usage = r.object('usage');
  const usageMap: Record<string, number> = {};
  for (const [k, v] of Object.entries(usage?.source ?? {})) if (typeof v === 'number') usageMap[k] = v;
  if (!plan || !amount || !currency) return undefined;
  return {
    id: r.string('id') ?? `sub_${randomString(random, ALNUM, 10)}`,
    plan_code: plan,
    amount,
    currency,
    quantity: r.number('quantity', { integer: true, min: 1 }) ?? 1,
    product_ids: r.stringArray('product_ids') ?? [],
    usage: usageMap,
  };
}

export function seedCustomer(tenant: PromotionsTenant, body: unknown, random: Random): Outcome<Customer, readonly Issue[]> {
  const r = new FieldReader(body);
  const id = r.string('id') ?? `cus_${randomString(random, ALNUM, 10)}`;
  const attributes: Record<string, string | number | boolean> = {};
  const attrs = r.object('attributes');
  for (const [k, v] of Object.entries(attrs?.source ?? {})) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') attributes[k] = v;
    else r.add(`attributes.${k}`, 'invalid', 'attribute values must be strings, numbers or booleans');
  }
  const subscriptions = (r.array('subscriptions') ?? []).flatMap((item, i) => {
    const s = readSubscription(new FieldReader(item, `subscriptions[${i}]`, r.issues), random);
    return s ? [s] : [];
  });
  const customer: Customer = { id, attributes, first_purchase: r.boolean('first_purchase') ?? true, subscriptions };
  if (r.issues.length > 0) return fail(r.issues);
  tenant.customers[id] = customer;
  return ok(customer);
}

/** Records a redemption as live invoicing would: counters and budget move; simulate never does this. */
export function seedRedemption(tenant: PromotionsTenant, body: unknown, currency: string, now: Date, random: Random): Outcome<Redemption, readonly Issue[]> {
  const r = new FieldReader(body);
  const promotionId = r.string('promotion_id', { required: true }) ?? '';
  const customerId = r.string('customer_id', { required: true }) ?? '';
  const amount = r.string('amount') ?? '0';
  const promotion: Promotion | undefined = tenant.promotions[promotionId];
  if (promotionId && !promotion) r.add('promotion_id', 'invalid', `no promotion "${promotionId}"`);
  const minor = decimalStringToMinor(amount, currency);
  if (minor === undefined || minor < 0) r.add('amount', 'invalid', `amount "${amount}" is not a decimal in ${currency}`);
  if (r.issues.length > 0 || !promotion || minor === undefined) return fail(r.issues);
  const redemption: Redemption = {
    id: randomUuid(random),
    promotion_id: promotionId,
    customer_id: customerId,
    amount: toDecimalString(minor, currency),
    redeemed_at: isoSeconds(now),
  };
  tenant.redemptions[redemption.id] = redemption;
  promotion.current_redemptions += 1;
  const used = (decimalStringToMinor(promotion.current_budget_used, currency) ?? 0) + minor;
  promotion.current_budget_used = toDecimalString(used, currency);
  // "the promotion deactivates when the budget is exhausted"; a soft cap only reports it (derived_status).
  const cap = promotion.max_budget == null ? undefined : decimalStringToMinor(promotion.max_budget, currency);
  if (promotion.status === 'active' && promotion.budget_behavior === 'hard_cap' && cap !== undefined && used >= cap)
    archivePromotion(tenant, promotion, now, 'budget exhausted');
  return ok(redemption);
}

export function redemptionsBy(tenant: PromotionsTenant, promotionId: string, customerId: string): number {
  return Object.values(tenant.redemptions).filter((x) => x.promotion_id === promotionId && x.customer_id === customerId).length;
}

/** The evaluation context of a customer's subscription, with optional overrides from the request. */
export function contextFor(customer: Customer, subscription: Subscription | undefined, overrides: unknown, fallbackCurrency: string): EvalContext {
  const o = isRecord(overrides) ? overrides : {};
  const currency = subscription?.currency ?? fallbackCurrency;
  const subtotalText = typeof o.subtotal === 'string' ? o.subtotal : undefined;
  const subtotal = subtotalText !== undefined ? decimalStringToMinor(subtotalText, currency) : undefined;
  const quantity = subscription?.quantity ?? 1;
  return {
    subtotalMinor: subtotal ?? (subscription ? (decimalStringToMinor(subscription.amount, currency) ?? 0) * quantity : 0),
    currency,
    planCode: subscription?.plan_code ?? null,
    quantity: typeof o.quantity === 'number' ? o.quantity : quantity,
    productIds: Array.isArray(o.product_ids) ? o.product_ids.filter((x): x is string => typeof x === 'string') : (subscription?.product_ids ?? []),
    usage: subscription?.usage ?? {},
    attributes: customer.attributes,
    firstPurchase: customer.first_purchase,
  };
}
