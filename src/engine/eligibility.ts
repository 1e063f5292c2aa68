// Why a reached campaign cannot apply, as a sentence, or undefined when it can. The checks run in
// a fixed order (status, window, audience, targeting, zone, conditions, limits), so the first failing rule
// is the reason a human sees. Without `explain` the checks are the same but no sentence is built (the
// simulator's hot path): every rejection reads NOT_EXPLAINED.
import type { BundleConditions } from '../generated/bundle.js';
import type { Audience, CompiledCampaign, Targeting } from './runtime-campaigns.js';
import type { Prepared } from './context.js';
import type { GeoIndex } from './geo.js';
import { formatInstant } from './instant.js';
import { currencyExponent, formatMinor } from './money.js';
import { zoneReason, zoneTimes } from './zone.js';

/** The reason of every rejection when evaluating with `explain: false`. */
export const NOT_EXPLAINED = '';

/** The bundle's currency exponents by code; one is looked up only to print an amount in a reason. */
export type Exponents = Readonly<Record<string, number | undefined>>;

/**
 * The reasons no usage counter can change. A campaign's whole ineligibility is this, else limitReason(),
 * else freePeriodReason() (evaluate.ts runs them in that order, keeping which campaigns pass this one).
 */
export function standingReason(c: CompiledCampaign, p: Prepared, geo: GeoIndex, exponents: Exponents, explain: boolean): string | undefined {
  if (!c.active) return 'campaign is inactive';
  // Formatted on the first rejection and kept: a date per campaign at load time was a visible share
  // of loading, and a date per rejection a tenth of evaluating.
  const at = p.at;
  const w = c.windows;
  if (at < w[c.pos * 2]!) return (c.startsReason ??= `window starts ${formatInstant(c.from)}`);
  if (at >= w[c.pos * 2 + 1]!) return (c.endsReason ??= `window ends ${formatInstant(c.until)}`);
  if (c.audience) {
    const r = audienceReason(c.audience, p, explain);
    if (r !== undefined) return r;
  }
  if (c.targeting) {
    const r = targetingReason(c.targeting, p, explain);
    if (r !== undefined) return r;
  }
  if (c.zone && zoneTimes(c.zone, geo) === 0) return explain ? zoneReason(c.zone, geo) : NOT_EXPLAINED;
  // fixedCurrency is the one currency of every fixed amount, so one comparison settles it; the loop finds the amount to name.
  if (c.fixedCurrency !== undefined && c.fixedCurrency !== p.currency)
    for (const f of c.fixed)
      if (f.currency !== p.currency) return explain ? `${f.what} is in ${f.currency}, the evaluation is in ${p.currency}` : NOT_EXPLAINED;
  if (c.conditions) {
    const r = conditionsReason(c.conditions, c, p, exponents, explain);
    if (r !== undefined) return r;
  }
  return undefined;
}

function audienceReason(a: Audience, p: Prepared, explain: boolean): string | undefined {
  if (a.userTypes.length > 0 && (p.userType === undefined || !a.userTypes.includes(p.userType))) {
    return explain ? `requires user type ${a.userTypes.join(' or ')}${p.userType === undefined ? '' : ` (customer is ${p.userType})`}` : NOT_EXPLAINED;
  }
  for (const t of a.requireTags) if (!p.customerTags.includes(t)) return explain ? `requires tag ${t}` : NOT_EXPLAINED;
  for (const t of a.excludeTags) if (p.customerTags.includes(t)) return explain ? `excluded by tag ${t}` : NOT_EXPLAINED;
  if (a.firstPurchaseOnly && p.ctx.customer?.firstPurchase !== true) return 'only for a first purchase';
  return undefined;
}

function targetingReason(t: Targeting, p: Prepared, explain: boolean): string | undefined {
  const { branch, vehicleId, category } = p;
  if (t.branches.length > 0 && (branch === undefined || !t.branches.includes(branch)))
    return explain ? `only in branch ${t.branches.join(' or ')}${branch === undefined ? '' : ` (rental is in ${branch})`}` : NOT_EXPLAINED;
  if (t.vehicleIds.length > 0 && (vehicleId === undefined || !t.vehicleIds.includes(vehicleId)))
    return explain ? `only on vehicle ${t.vehicleIds.join(' or ')}` : NOT_EXPLAINED;
  if (t.vehicleCategories.length > 0 && (category === undefined || !t.vehicleCategories.includes(category)))
    return explain ? `requires vehicle category ${t.vehicleCategories.join(' or ')}` : NOT_EXPLAINED;
  for (const tag of t.vehicleTags) if (!p.vehicleTags.includes(tag)) return explain ? `requires vehicle tag ${tag}` : NOT_EXPLAINED;
  return undefined;
}

function conditionsReason(k: BundleConditions, c: CompiledCampaign, p: Prepared, exponents: Exponents, explain: boolean): string | undefined {
  const customer = p.ctx.customer;
  const attributes = customer?.attributes;
  const billing = p.ctx.billing;
  const spendOk = k.minimumSpend === undefined || p.subtotal >= k.minimumSpend.minor;
  const usageOk = k.usageAtLeast === undefined || (billing?.usage ?? 0) >= k.usageAtLeast;
  const quantityOk = k.quantityAtLeast === undefined || (billing?.quantity ?? 0) >= k.quantityAtLeast;
  const productsOk = k.products === undefined || k.products.every((id) => billing?.products?.includes(id) === true);
  const verifiedOk = k.verification === undefined || customer?.verifications?.includes(k.verification) === true;
  const firstOk = k.firstPurchase !== true || customer?.firstPurchase === true;
  const planOk = k.plans === undefined || (billing?.plan !== undefined && k.plans.includes(billing.plan));
  let listFailed = 0;
  for (const a of k.customerAttributes) if (attributes?.[a.attribute] !== a.equals) listFailed++;
  const thresholds = k.usageThresholds;
  if (thresholds) for (const u of thresholds) if ((billing?.metrics?.[u.metric] ?? 0) < u.atLeast) listFailed++;
  const failed =
    (spendOk ? 0 : 1) +
    listFailed +
    (usageOk ? 0 : 1) +
    (quantityOk ? 0 : 1) +
    (productsOk ? 0 : 1) +
    (verifiedOk ? 0 : 1) +
    (firstOk ? 0 : 1) +
    (planOk ? 0 : 1);
  if (failed === 0) return undefined;
  const total =
    (k.minimumSpend === undefined ? 0 : 1) +
    k.customerAttributes.length +
    (thresholds?.length ?? 0) +
    (k.usageAtLeast === undefined ? 0 : 1) +
    (k.quantityAtLeast === undefined ? 0 : 1) +
    (k.products === undefined ? 0 : 1) +
    (k.verification === undefined ? 0 : 1) +
    (k.firstPurchase === true ? 1 : 0) +
    (k.plans === undefined ? 0 : 1);
  if (k.mode !== 'ALL' && failed < total) return undefined;
  if (!explain) return NOT_EXPLAINED;
  // The sentences only now: this runs for every reached campaign with conditions, mostly unexplained.
  const reasons: string[] = [];
  if (!spendOk) {
    const exponent = exponents[p.currency] ?? currencyExponent(p.currency);
    reasons.push(`minimum spend ${c.money.minimumSpend} not reached (subtotal ${formatMinor(p.subtotal, exponent)} ${p.currency})`);
  }
  for (const a of k.customerAttributes) if (attributes?.[a.attribute] !== a.equals) reasons.push(`requires ${a.attribute} = ${a.equals}`);
  if (!usageOk) reasons.push(`usage ${billing?.usage ?? 0} is below ${k.usageAtLeast}`);
  if (thresholds)
    for (const u of thresholds)
      if ((billing?.metrics?.[u.metric] ?? 0) < u.atLeast) reasons.push(`${u.metric} usage ${billing?.metrics?.[u.metric] ?? 0} is below ${u.atLeast}`);
  if (!quantityOk) reasons.push(`quantity ${billing?.quantity ?? 0} is below ${k.quantityAtLeast}`);
  if (!productsOk) reasons.push(`requires products ${k.products!.join(' and ')} together`);
  if (!verifiedOk) reasons.push(`requires verification by ${k.verification}`);
  if (!firstOk) reasons.push('only for a first purchase');
  if (!planOk) reasons.push(`requires plan ${k.plans!.join(' or ')}${billing?.plan === undefined ? '' : ` (subscription is on ${billing.plan})`}`);
  return k.mode === 'ALL' ? reasons[0] : `none of its conditions hold: ${reasons.join('; ')}`;
}

export function limitReason(c: CompiledCampaign, p: Prepared, explain: boolean): string | undefined {
  const l = c.limits;
  if (!l) return undefined;
  const usage = p.ctx.usage;
  if (l.perCustomer !== undefined && p.ctx.customer?.id === undefined)
    return explain ? `has a per-customer limit (${l.perCustomer}) and the context names no customer` : NOT_EXPLAINED;
  if (!usage) return undefined;
  if (l.redemptions !== undefined && usage.redemptions(c.id) >= l.redemptions) return explain ? `redemption limit ${l.redemptions} reached` : NOT_EXPLAINED;
  if (l.perCustomer !== undefined) {
    const used = usage.customerRedemptions(c.id, p.ctx.customer!.id!);
    if (used >= l.perCustomer) return explain ? `customer already redeemed it ${used} time${used === 1 ? '' : 's'} (limit ${l.perCustomer})` : NOT_EXPLAINED;
  }
  if (l.budget && usage.budgetSpent(c.id) >= l.budget.minor) return explain ? `budget ${c.money.budget} spent` : NOT_EXPLAINED;
  return undefined;
}

/** A free-period campaign covers a customer's first `periods` invoices with it: each one is a redemption. */
export function freePeriodReason(c: CompiledCampaign, p: Prepared, explain: boolean): string | undefined {
  const periods = c.freePeriods;
  const customer = p.ctx.customer?.id;
  if (periods === undefined || customer === undefined || !p.ctx.usage) return undefined;
  const used = p.ctx.usage.customerRedemptions(c.id, customer);
  return used >= periods
    ? explain
      ? `its ${periods} free period${periods === 1 ? '' : 's'} are used (${used} redemptions by this customer)`
      : NOT_EXPLAINED
    : undefined;
}

/** Discount still allowed by the budget, in minor units (Infinity without a budget). */
export function budgetLeft(c: CompiledCampaign, p: Prepared): number {
  const b = c.limits?.budget;
  if (!b) return Infinity;
  return Math.max(0, b.minor - (p.ctx.usage?.budgetSpent(c.id) ?? 0));
}
