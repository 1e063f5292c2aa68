// Desired resources → promotions API bodies. Benefits become the Default phase's effects (a ladder's steps
// become further phases); conditions, the first-purchase audience and plan scopes become every phase's
// conditions. condition_mode applies to all of them, so the first-purchase audience and plan scopes (which must
// always hold) can sit beside an `ANY` group only when it folds into one `in` condition (ANY of country = DE,
// country = AT is country in [DE, AT]); written inside `conditions` they are alternatives of the group.
import type { AnyResource, ResourceOf } from '../../model/resource.js';
import { canonicalJson, type Json } from '../../model/canonical.js';
import { apiInstant, blankDisplayName, issueAt, unsupportedFields, type FieldRules } from '../lowering.js';
import { appendMarker, MARKER_MAX_LENGTH } from '../ownership.js';
import type { LowerIssue, LowerResult, Lowered, Ownership } from '../provider.js';
import { raisePromotion } from './read.js';

const RULES: FieldRules = {
  apiName: 'a promotion',
  allowed: [
    'spec.code',
    'spec.status',
    'spec.displayName',
    'spec.publicDescription',
    'spec.window',
    'spec.limits',
    'spec.visibility',
    'spec.stacking',
    'spec.audience.firstPurchaseOnly',
    'spec.conditions.mode',
    'spec.conditions.minimumSpend',
    'spec.conditions.customerAttributes',
    'spec.conditions.quantityAtLeast',
    'spec.conditions.usageThresholds',
    'spec.conditions.productCombination',
    'spec.conditions.externalVerification',
    'spec.conditions.firstPurchase',
    'spec.conditions.plans',
    'spec.benefits[].percentOff',
    'spec.benefits[].amountOff',
    'spec.benefits[].credit',
    'spec.benefits[].trialExtensionDays',
    'spec.benefits[].freePeriods',
    'spec.benefits[].appliesTo.plans',
    'spec.ladder.archetype',
    'spec.ladder.firstStep',
    'spec.ladder.steps[].name',
    'spec.ladder.steps[].benefits[].percentOff',
    'spec.ladder.steps[].benefits[].amountOff',
    'spec.ladder.steps[].benefits[].credit',
    'spec.ladder.steps[].benefits[].trialExtensionDays',
    'spec.ladder.steps[].benefits[].freePeriods',
    'spec.ladder.steps[].benefits[].appliesTo.plans',
    'spec.providers.promotions.applicationTiming',
    'spec.providers.promotions.budgetBehavior',
    'spec.providers.promotions.effectiveAt',
    'spec.providers.promotions.saveAsDraft',
    // Read-only (the API derives it from free_period effects): checked against what the API would derive below.
    'spec.providers.promotions.requiresContinuousCoverage',
  ],
  reasons: {
    'spec.phases':
      'the promotions API has no dated phases: is_phased phases are ladder steps a customer climbs one redemption ' +
      'at a time, and a scheduled version (effective_at) cannot change them either (phases change only on a draft)',
    'spec.audience': 'promotions have no user-type or tag audiences',
    'spec.conditions.usageAtLeast': 'a usage_threshold condition names a billable metric, which usageAtLeast does not carry',
    'spec.benefits[].appliesTo': 'promotions scope effects by subscription plan only',
    'spec.benefits[]': 'promotion effects are percent or fixed discounts, credit grants, trial extensions and free periods',
    'spec.ladder.steps[].benefits[].appliesTo': 'promotions scope effects by subscription plan only',
    'spec.ladder.steps[].benefits[]': 'promotion effects are percent or fixed discounts, credit grants, trial extensions and free periods',
    'spec.targeting': 'promotions cannot target branches or vehicles',
    'spec.duration': 'promotions have no coupon duration',
    'spec.providers': 'knobs of other providers',
  },
  hints: {
    'spec.phases':
      'Split the phases into campaigns with their own windows and codes, drop ' +
      'spec.phases (spec.benefits then applies for the whole window), or plan it in ' +
      'the promoc engine bundle (labels.target: engine), which evaluates dated phases.',
    'spec.audience': 'Promotions offer spec.audience.firstPurchaseOnly and spec.conditions.customerAttributes.',
    'spec.conditions.usageAtLeast': 'Name the metric: spec.conditions.usageThresholds: [{ metric: <billable metric>, atLeast: <n> }].',
    'spec.benefits[].appliesTo': 'Promotions offer appliesTo.plans (a subscription_plan condition).',
    'spec.benefits[]': 'Promotions offer percentOff, amountOff, credit, trialExtensionDays and freePeriods.',
    'spec.ladder.steps[].benefits[].appliesTo': 'Promotions offer appliesTo.plans (a subscription_plan condition).',
    'spec.ladder.steps[].benefits[]': 'Promotions offer percentOff, amountOff, credit, trialExtensionDays and freePeriods.',
    'spec.providers': 'Promotions read only spec.providers.promotions.',
  },
};

const TIMING: Readonly<Record<string, string>> = { immediate: 'immediate', next_billing_period: 'next_invoice', renewal: 'renewal' };
const VISIBILITY: Readonly<Record<string, string>> = { public: 'public', hidden: 'private', internal: 'internal' };

type SourceBenefit = ResourceOf<'Promotion'>['spec']['benefits'][number];

function effectOf(b: SourceBenefit): Json {
  if (b.percentOff !== undefined) return { type: 'percent_discount', percent: b.percentOff };
  if (b.amountOff !== undefined) return { type: 'fixed_discount', amount: b.amountOff.amount, currency: b.amountOff.currency };
  if (b.credit !== undefined) return { type: 'credit_grant', amount: b.credit.amount, currency: b.credit.currency };
  if (b.freePeriods !== undefined) return { type: 'free_period', periods: b.freePeriods };
  return { type: 'trial_extension', days: b.trialExtensionDays ?? 0 };
}
const BUDGET: Readonly<Record<string, string>> = { deactivate: 'hard_cap', notify: 'soft_cap' };

export function lowerPromotions(resource: AnyResource, currency: string): LowerResult {
  if (resource.kind !== 'Promotion') return { ok: false, issues: [issueAt(['kind'], 'kind', RULES, `the promotions API has no ${resource.kind}`)] };
  return lowerPromotion(resource, currency);
}

function lowerPromotion(r: ResourceOf<'Promotion'>, currency: string): LowerResult {
  const issues: LowerIssue[] = [...unsupportedFields(r, RULES)];
  const at = (path: (string | number)[], generic: string, message: string, hint: string): void => {
    issues.push(issueAt(path, generic, { ...RULES, hints: { [generic]: hint } }, message));
  };
  const s = r.spec;
  const steps = s.ladder?.steps ?? [];
  const allBenefits = [...s.benefits, ...steps.flatMap((st) => st.benefits)];
  blankDisplayName(s.displayName, 'the promotions API', issues);
  const plans = [...new Set(allBenefits.map((b) => canonicalJson([...(b.appliesTo?.plans ?? [])].sort())))];
  if (plans.length > 1)
    at(
      ['spec', 'benefits'],
      'spec.benefits[].appliesTo',
      'every effect of a promotion (and of each ladder step) has the same plan condition; these benefits name different plans',
      'Give all benefits the same appliesTo.plans, or split the campaign.',
    );
  const planCodes = JSON.parse(plans[0] ?? '[]') as string[];
  const c = s.conditions ?? {};
  let mode = c.mode ?? 'ALL';
  const grouped: Json[] = [];
  if (c.minimumSpend) grouped.push({ type: 'minimum_spend', amount: c.minimumSpend.amount, currency: c.minimumSpend.currency });
  if (c.quantityAtLeast !== undefined) grouped.push({ type: 'quantity_threshold', min_quantity: c.quantityAtLeast });
  for (const a of c.customerAttributes ?? []) grouped.push({ type: 'customer_attribute', attribute: a.attribute, operator: 'eq', value: a.equals });
  for (const u of c.usageThresholds ?? []) grouped.push({ type: 'usage_threshold', metric: u.metric, threshold: u.atLeast });
  if (c.productCombination) grouped.push({ type: 'product_combination', product_ids: [...c.productCombination] });
  if (c.externalVerification) grouped.push({ type: 'external_verification', provider: c.externalVerification.provider });
  // Under ALL these two say what the audience and plan scopes say: sent once.
  const firstPurchase = c.firstPurchase === true && !(mode === 'ALL' && s.audience?.firstPurchaseOnly);
  if (firstPurchase) grouped.push({ type: 'first_purchase' });
  if (c.plans && mode === 'ALL' && planCodes.length > 0)
    at(
      ['spec', 'conditions', 'plans'],
      'spec.conditions.plans',
      'under mode ALL, conditions.plans and benefits[].appliesTo.plans are two subscription_plan conditions the API reads back as one',
      'Name the plans once: in conditions.plans or in appliesTo.plans.',
    );
  if (c.plans) grouped.push({ type: 'subscription_plan', plan_codes: [...c.plans] });
  const extra: Json[] = [];
  if (s.audience?.firstPurchaseOnly) extra.push({ type: 'first_purchase' });
  if (planCodes.length > 0) extra.push({ type: 'subscription_plan', plan_codes: planCodes });
  let conditions = [...grouped, ...extra];
  if (mode === 'ANY' && extra.length > 0 && grouped.length > 0) {
    const attrs = c.customerAttributes ?? [];
    const one = attrs.length === grouped.length && new Set(attrs.map((a) => a.attribute)).size === 1;
    if (one) {
      mode = 'ALL';
      conditions = [{ type: 'customer_attribute', attribute: attrs[0]!.attribute, operator: 'in', value: attrs.map((a) => a.equals) }, ...extra];
    } else
      at(
        ['spec', 'conditions', 'mode'],
        'spec.conditions.mode',
        'condition_mode ANY would also apply to audience.firstPurchaseOnly and appliesTo.plans, which must always hold',
        'Use mode ALL; or, to make them alternatives of the ANY group, write them as spec.conditions.firstPurchase: true and spec.conditions.plans: [...].',
      );
  }
  const freePeriod = allBenefits.some((b) => b.freePeriods !== undefined);
  const coverage = s.providers?.promotions?.requiresContinuousCoverage;
  if (coverage !== undefined && coverage !== freePeriod) {
    at(
      ['spec', 'providers', 'promotions', 'requiresContinuousCoverage'],
      'spec.providers.promotions.requiresContinuousCoverage',
      `requires_continuous_coverage is read-only: the API derives it from the effects, ` +
        `${freePeriod ? 'true (a benefit is freePeriods)' : 'false (no benefit is freePeriods)'}`,
      `Remove requiresContinuousCoverage, or write ${String(freePeriod)}; a freePeriods benefit is what makes it true.`,
    );
  }
  const phase = (name: string, list: readonly SourceBenefit[]): Json => ({ name, conditions, effects: list.map(effectOf) });
  const phases: Json[] = s.ladder
    ? [phase(s.ladder.firstStep ?? 'Step 1', s.benefits), ...steps.map((st) => phase(st.name, st.benefits))]
    : [phase('Default', s.benefits)];
  const budget = s.limits?.budget;
  if (budget && budget.currency !== currency)
    at(
      ['spec', 'limits', 'budget', 'currency'],
      'spec.limits.budget',
      `the budget is in the organisation's currency ${currency}, not ${budget.currency}`,
      `Write the budget in ${currency}.`,
    );
  // The API takes positive amounts only (effects, minimum spend, budget): a zero is a compile error here.
  const zero = (m: { amount: string } | undefined, path: (string | number)[], generic: string): void => {
    if (m && !/[1-9]/.test(m.amount))
      at([...path, 'amount'], generic, 'an amount of zero: the promotions API takes positive amounts only', 'Give an amount above zero, or remove it.');
  };
  s.benefits.forEach((b, i) => zero(b.amountOff ?? b.credit, ['spec', 'benefits', i, b.amountOff ? 'amountOff' : 'credit'], 'spec.benefits[]'));
  zero(c.minimumSpend, ['spec', 'conditions', 'minimumSpend'], 'spec.conditions.minimumSpend');
  zero(s.limits?.budget, ['spec', 'limits', 'budget'], 'spec.limits.budget');
  const { redemptions, perCustomer } = s.limits ?? {};
  if (redemptions !== undefined && perCustomer !== undefined && perCustomer > redemptions)
    at(
      ['spec', 'limits', 'perCustomer'],
      'spec.limits.perCustomer',
      `max_redemptions_per_customer ${perCustomer} would exceed max_redemptions ${redemptions}, which the API refuses`,
      'Keep limits.perCustomer at most limits.redemptions.',
    );
  if ((s.stacking?.priority ?? 0) > 1000)
    at(
      ['spec', 'stacking', 'priority'],
      'spec.stacking.priority',
      `priority ${s.stacking?.priority} is above the API's maximum of 1000`,
      'Use a priority from 0 to 1000.',
    );
  if ((s.publicDescription?.length ?? 0) > 500)
    at(
      ['spec', 'publicDescription'],
      'spec.publicDescription',
      'public_description holds at most 500 characters',
      'Shorten spec.publicDescription to 500 characters.',
    );
  if ((r.metadata.description?.length ?? 0) + MARKER_MAX_LENGTH > 2000)
    at(
      ['metadata', 'description'],
      'metadata.description',
      "description holds 2000 characters including promoc's ownership marker",
      `Shorten metadata.description to ${2000 - MARKER_MAX_LENGTH} characters.`,
    );
  const body: Record<string, Json> = {
    name: s.displayName ?? r.metadata.name,
    code: s.code ?? null,
    description: r.metadata.description ?? null,
    public_description: s.publicDescription ?? null,
    archetype: s.ladder?.archetype ?? 'standard',
    application_timing: TIMING[s.providers?.promotions?.applicationTiming ?? 'next_billing_period'] ?? 'next_invoice',
    budget_behavior: BUDGET[s.providers?.promotions?.budgetBehavior ?? 'deactivate'] ?? 'hard_cap',
    condition_mode: mode,
    is_phased: s.ladder !== undefined,
    phases,
    max_budget: budget ? budget.amount : null,
    max_redemptions: s.limits?.redemptions ?? null,
    max_redemptions_per_customer: s.limits?.perCustomer ?? null,
    priority: s.stacking?.priority ?? 0,
    stackable: s.stacking?.stackable ?? false,
    valid_from: s.window?.from !== undefined ? apiInstant(s.window.from, ['spec', 'window', 'from'], 'the promotions API', issues) : null,
    valid_to: s.window?.until !== undefined ? apiInstant(s.window.until, ['spec', 'window', 'until'], 'the promotions API', issues) : null,
    visibility: VISIBILITY[s.visibility ?? 'public'] ?? 'public',
  };
  if (issues.length > 0) return { ok: false, issues };
  const raised = raisePromotion({ ...body, status: s.status === 'inactive' ? 'draft' : 'active' }, currency).normalized;
  return { ok: true, value: { payload: body, normalized: { ...raised, name: r.metadata.name, key: s.code ?? r.metadata.name } } };
}

export function stampPromotion(payload: Lowered['payload'], owner: Required<Ownership>): Record<string, Json> {
  return { ...payload, description: appendMarker(payload.description as string | null | undefined, owner) };
}
