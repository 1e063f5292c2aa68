// Desired resources → promotions API bodies. Benefits become the Default phase's effects; conditions, the
// first-purchase audience and plan scopes become its conditions. condition_mode applies to all of them, so an
// `ANY` group can only sit beside other conditions when it folds into one `in` condition (ANY of
// country = DE, country = AT is country in [DE, AT]).
import type { AnyResource, ResourceOf } from '../../model/resource.js';
import { canonicalJson, type Json } from '../../model/canonical.js';
import { apiInstant, blankDisplayName, issueAt, unsupportedFields, type FieldRules } from '../lowering.js';
import { appendMarker, MARKER_MAX_LENGTH } from '../ownership.js';
import type { LowerIssue, LowerResult, Lowered, Ownership } from '../provider.js';
import { raisePromotion } from './read.js';

const RULES: FieldRules = {
  apiName: 'a promotion',
  allowed: [
    'spec.code', 'spec.status', 'spec.displayName', 'spec.publicDescription', 'spec.window', 'spec.limits', 'spec.visibility', 'spec.stacking',
    'spec.audience.firstPurchaseOnly', 'spec.conditions.mode', 'spec.conditions.minimumSpend', 'spec.conditions.customerAttributes', 'spec.conditions.quantityAtLeast',
    'spec.benefits[].percentOff', 'spec.benefits[].amountOff', 'spec.benefits[].credit', 'spec.benefits[].trialExtensionDays', 'spec.benefits[].appliesTo.plans',
    'spec.providers.promotions.applicationTiming', 'spec.providers.promotions.budgetBehavior', 'spec.providers.promotions.effectiveAt',
  ],
  // requires_continuous_coverage is read-only: the API derives it (true when an effect is a free_period). promoc
  // lowers no free_period, so the API always derives false; saying false is saying what the API does.
  native: { 'spec.providers.promotions.requiresContinuousCoverage': (v) => v === false },
  reasons: {
    'spec.phases': 'the promotions API has no dated phases: is_phased phases are ladder steps a customer climbs one redemption ' + 'at a time, and a scheduled version (effective_at) cannot change them either (phases change only on a draft)',
    'spec.providers.promotions.requiresContinuousCoverage': 'requires_continuous_coverage is read-only: the API derives it from free-period effects, and promoc\'s benefits lower to none, so it is always false',
    'spec.audience': 'promotions have no user-type or tag audiences',
    'spec.conditions.usageAtLeast': 'a usage_threshold condition names a billable metric, which promoc\'s usageAtLeast does not carry',
    'spec.benefits[].appliesTo': 'promotions scope effects by subscription plan only',
    'spec.benefits[]': 'promotion effects are percent or fixed discounts, credit grants and trial extensions',
    'spec.targeting': 'promotions cannot target branches or vehicles',
    'spec.duration': 'promotions have no coupon duration',
    'spec.providers': 'knobs of other providers',
  },
  hints: {
    'spec.phases': 'Split the phases into campaigns with their own windows and codes, drop ' + 'spec.phases (spec.benefits then applies for the whole window), or plan it in ' + 'the promoc engine bundle (labels.target: engine), which evaluates dated phases.',
    'spec.providers.promotions.requiresContinuousCoverage': 'Remove requiresContinuousCoverage (or write false, what the API derives): promotions offers applicationTiming and budgetBehavior.',
    'spec.audience': 'Promotions offer spec.audience.firstPurchaseOnly and spec.conditions.customerAttributes.',
    'spec.conditions.usageAtLeast': 'Promotions offer spec.conditions.quantityAtLeast and minimumSpend.',
    'spec.benefits[].appliesTo': 'Promotions offer appliesTo.plans (a subscription_plan condition).',
    'spec.benefits[]': 'Promotions offer percentOff, amountOff, credit and trialExtensionDays.',
    'spec.providers': 'Promotions read only spec.providers.promotions.',
  },
};

const TIMING: Readonly<Record<string, string>> = { immediate: 'immediate', next_billing_period: 'next_invoice' };
const BUDGET: Readonly<Record<string, string>> = { deactivate: 'hard_cap', notify: 'soft_cap' };

export function lowerPromotions(resource: AnyResource, currency: string): LowerResult {
  if (resource.kind !== 'Promotion') return { ok: false, issues: [issueAt(['kind'], 'kind', RULES, `the promotions API has no ${resource.kind}`)] };
  return lowerPromotion(resource, currency);
}

function lowerPromotion(r: ResourceOf<'Promotion'>, currency: string): LowerResult {
  const issues: LowerIssue[] = [...unsupportedFields(r, RULES)];
  const at = (path: (string | number)[], generic: string, message: string, hint: string): void => { issues.push(issueAt(path, generic, { ...RULES, hints: { [generic]: hint } }, message)); };
  const s = r.spec;
  const effects: Json[] = s.benefits.map((b): Json => {
    if (b.percentOff !== undefined) return { type: 'percent_discount', percent: b.percentOff };
    if (b.amountOff !== undefined) return { type: 'fixed_discount', amount: b.amountOff.amount, currency: b.amountOff.currency };
    if (b.credit !== undefined) return { type: 'credit_grant', amount: b.credit.amount, currency: b.credit.currency };
    return { type: 'trial_extension', days: b.trialExtensionDays ?? 0 };
  });
  blankDisplayName(s.displayName, 'the promotions API', issues);
  const plans = [...new Set(s.benefits.map((b) => canonicalJson([...(b.appliesTo?.plans ?? [])].sort())))];
  if (plans.length > 1) at(['spec', 'benefits'], 'spec.benefits[].appliesTo', 'every effect of a promotion has the same plan condition; these benefits name different plans', 'Give all benefits the same appliesTo.plans, or split the campaign.');
  const planCodes = JSON.parse(plans[0] ?? '[]') as string[];
  const c = s.conditions ?? {};
  const grouped: Json[] = [];
  if (c.minimumSpend) grouped.push({ type: 'minimum_spend', amount: c.minimumSpend.amount, currency: c.minimumSpend.currency });
  if (c.quantityAtLeast !== undefined) grouped.push({ type: 'quantity_threshold', min_quantity: c.quantityAtLeast });
  for (const a of c.customerAttributes ?? []) grouped.push({ type: 'customer_attribute', attribute: a.attribute, operator: 'eq', value: a.equals });
  const extra: Json[] = [];
  if (s.audience?.firstPurchaseOnly) extra.push({ type: 'first_purchase' });
  if (planCodes.length > 0) extra.push({ type: 'subscription_plan', plan_codes: planCodes });
  let mode = c.mode ?? 'ALL';
  let conditions = [...grouped, ...extra];
  if (mode === 'ANY' && extra.length > 0 && grouped.length > 0) {
    const attrs = c.customerAttributes ?? [];
    const one = attrs.length === grouped.length && new Set(attrs.map((a) => a.attribute)).size === 1;
    if (one) { mode = 'ALL'; conditions = [{ type: 'customer_attribute', attribute: attrs[0]!.attribute, operator: 'in', value: attrs.map((a) => a.equals) }, ...extra]; }
    else at(['spec', 'conditions', 'mode'], 'spec.conditions.mode', 'condition_mode ANY would also apply to firstPurchaseOnly and plan scopes, which must always hold', 'Use mode ALL, or make the ANY group customer attributes of one attribute (it becomes an `in` condition).');
  }
  const budget = s.limits?.budget;
  if (budget && budget.currency !== currency) at(['spec', 'limits', 'budget', 'currency'], 'spec.limits.budget', `the budget is in the organisation's currency ${currency}, not ${budget.currency}`, `Write the budget in ${currency}.`);
  // The API takes positive amounts only (effects, minimum spend, budget): a zero is a compile error here.
  const zero = (m: { amount: string } | undefined, path: (string | number)[], generic: string): void => {
    if (m && !/[1-9]/.test(m.amount)) at([...path, 'amount'], generic, 'an amount of zero: the promotions API takes positive amounts only', 'Give an amount above zero, or remove it.');
  };
  s.benefits.forEach((b, i) => zero(b.amountOff ?? b.credit, ['spec', 'benefits', i, b.amountOff ? 'amountOff' : 'credit'], 'spec.benefits[]'));
  zero(c.minimumSpend, ['spec', 'conditions', 'minimumSpend'], 'spec.conditions.minimumSpend');
  zero(s.limits?.budget, ['spec', 'limits', 'budget'], 'spec.limits.budget');
  const { redemptions, perCustomer } = s.limits ?? {};
  if (redemptions !== undefined && perCustomer !== undefined && perCustomer > redemptions) at(['spec', 'limits', 'perCustomer'], 'spec.limits.perCustomer', `max_redemptions_per_customer ${perCustomer} would exceed max_redemptions ${redemptions}, which the API refuses`, 'Keep limits.perCustomer at most limits.redemptions.');
  if ((s.stacking?.priority ?? 0) > 1000) at(['spec', 'stacking', 'priority'], 'spec.stacking.priority', `priority ${s.stacking?.priority} is above the API's maximum of 1000`, 'Use a priority from 0 to 1000.');
  if ((s.publicDescription?.length ?? 0) > 500) at(['spec', 'publicDescription'], 'spec.publicDescription', 'public_description holds at most 500 characters', 'Shorten spec.publicDescription to 500 characters.');
  if ((r.metadata.description?.length ?? 0) + MARKER_MAX_LENGTH > 2000) at(['metadata', 'description'], 'metadata.description', 'description holds 2000 characters including promoc\'s ownership marker', `Shorten metadata.description to ${2000 - MARKER_MAX_LENGTH} characters.`);
  const body: Record<string, Json> = {
    name: s.displayName ?? r.metadata.name,
    code: s.code ?? null,
    description: r.metadata.description ?? null,
    public_description: s.publicDescription ?? null,
    archetype: 'standard',
    application_timing: TIMING[s.providers?.promotions?.applicationTiming ?? 'next_billing_period'] ?? 'next_invoice',
    budget_behavior: BUDGET[s.providers?.promotions?.budgetBehavior ?? 'deactivate'] ?? 'hard_cap',
    condition_mode: mode,
    is_phased: false,
    phases: [{ name: 'Default', conditions, effects }],
    max_budget: budget ? budget.amount : null,
    max_redemptions: s.limits?.redemptions ?? null,
    max_redemptions_per_customer: s.limits?.perCustomer ?? null,
    priority: s.stacking?.priority ?? 0,
    stackable: s.stacking?.stackable ?? false,
    valid_from: s.window?.from !== undefined ? apiInstant(s.window.from, ['spec', 'window', 'from'], 'the promotions API', issues) : null,
    valid_to: s.window?.until !== undefined ? apiInstant(s.window.until, ['spec', 'window', 'until'], 'the promotions API', issues) : null,
    visibility: s.visibility === 'hidden' ? 'private' : 'public',
  };
  if (issues.length > 0) return { ok: false, issues };
  const raised = raisePromotion({ ...body, status: s.status === 'inactive' ? 'draft' : 'active' }, currency).normalized;
  return { ok: true, value: { payload: body, normalized: { ...raised, name: r.metadata.name, key: s.code ?? r.metadata.name } } };
}

export function stampPromotion(payload: Lowered['payload'], owner: Required<Ownership>): Record<string, Json> {
  return { ...payload, description: appendMarker(payload.description as string | null | undefined, owner) };
}
