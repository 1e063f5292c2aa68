// Which source fields a voucherable can carry, per kind. Besides the fields the API maps, some values are
// expressible because they are what the API does anyway (`native`): the mobility pricing engine combines
// every benefit a customer holds (targeted before broad), so `stacking: { stackable: true }` with no priority
// says exactly that; `stackable: false` or a priority asks for something the API cannot do.
import type { Kind } from '../../generated/index.js';
import type { FieldRules } from '../lowering.js';

export const BENEFIT_FIELDS = [
  'percentOff',
  'amountOff',
  'credit',
  'freeMinutes',
  'freeUnlocks',
  'packageDiscount',
  'entitlement',
  'appliesTo.priceTypes',
  'appliesTo.costSources',
  'rentals',
  'validForDays',
  'window',
  'branches',
  'vehicleCategories',
  'creditAt',
];

/** Kinds whose schema has `stacking`, where leaving it out means non-stackable (the schema's default). */
export { STACKING_KINDS } from '../../model/campaign-meaning.js';

export const STACKING_HINT =
  'Write `stacking: { stackable: true }` (what the mobility API does), or plan the campaign ' +
  'in the promoc engine bundle (labels.target: engine) to keep its priority or exclusivity.';

const COMMON: readonly string[] = [
  'spec.code',
  'spec.status',
  'spec.displayName',
  'spec.publicDescription',
  'spec.window',
  'spec.limits.redemptions',
  'spec.limits.perCustomer',
  'spec.audience.requireTags',
  'spec.audience.excludeTags',
  'spec.targeting',
  'spec.visibility',
  'spec.price',
  'spec.interval',
  'spec.renewal',
  'spec.zone',
  'spec.validForDays',
  'spec.surcharge.amount',
  'spec.providers.mobility',
  ...BENEFIT_FIELDS.map((f) => `spec.benefits[].${f}`),
  ...BENEFIT_FIELDS.map((f) => `spec.referee.benefits[].${f}`),
];

/** The business parameters of one voucherable type (README: where the seed is silent on their names). */
const BY_KIND: Readonly<Partial<Record<Kind, readonly string[]>>> = {
  Reward: ['spec.after'],
  Triggered: ['spec.event', 'spec.conditions.minimumSpend'],
  Referral: ['spec.qualifyingRentals', ...BENEFIT_FIELDS.map((f) => `spec.referrer.benefits[].${f}`)],
  CustomerCare: ['spec.reasons'],
  Subscription: ['spec.trialDays'],
};

const NATIVE: FieldRules['native'] = {
  'spec.stacking.stackable': (v) => v === true,
  'spec.stacking.priority': (v) => v === 0,
  'spec.audience.firstPurchaseOnly': (v) => v === false,
  'spec.audience.userTypes': (v) => Array.isArray(v) && v.length === 0,
  // Every trigger condition must hold; with ALL that is what the source says.
  'spec.conditions.mode': (v) => v === 'ALL',
};

const REASONS: Readonly<Record<string, string>> = {
  'spec.stacking': 'the mobility pricing engine orders benefits itself (targeted before broad); templates have no stacking or priority',
  'spec.stacking.stackable':
    'the mobility pricing engine always combines the benefits a customer holds (targeted before broad); a template cannot be made exclusive',
  'spec.stacking.priority': 'the mobility pricing engine orders benefits itself (targeted before broad); templates have no priority',
  'spec.limits.budget': 'voucherables have no budget cap',
  'spec.audience.userTypes': 'voucherables gate audiences by annotations (tags) only',
  'spec.audience.firstPurchaseOnly': 'voucherables have no first-purchase gate',
  'spec.conditions': 'voucherables have no purchase conditions',
  'spec.conditions.mode': "a Triggered template's conditions must all hold (there is no ANY)",
  'spec.benefits[].appliesTo': 'benefits target price types and cost sources only',
  'spec.benefits[].trialExtensionDays': 'mobility benefits have no trial extension',
  'spec.surcharge.percent': 'a surcharge is a negative fixed benefit; percentage benefits are discounts between 0 and 1',
  'spec.duration': 'voucherables have no billing duration',
  'spec.phases': 'voucherables have no phases',
  'spec.providers': 'knobs of other providers',
};

const HINTS: Readonly<Record<string, string>> = {
  'spec.stacking': STACKING_HINT,
  'spec.limits.budget':
    'Mobility offers spec.limits.redemptions (redeemLimit) and spec.limits.perCustomer ' +
    '(redeemLimitPerUser); a budget is enforced only by the promoc engine bundle (labels.target: engine).',
  'spec.audience': 'Mobility offers spec.audience.requireTags and excludeTags (annotation gates).',
  'spec.conditions': 'Mobility offers conditions.minimumSpend on Triggered templates (triggerConditions) only.',
  'spec.benefits[].appliesTo': 'Mobility offers appliesTo.priceTypes (one per benefit) and appliesTo.costSources.',
  'spec.providers': 'Mobility reads only spec.providers.mobility.',
};

const cache = new Map<Kind, FieldRules>();

/** The rules for one voucherable kind (memoized: lowering.ts compiles each rules object once). */
export function voucherableRules(kind: Kind): FieldRules {
  let rules = cache.get(kind);
  if (!rules) {
    rules = { apiName: 'a voucherable', allowed: [...COMMON, ...(BY_KIND[kind] ?? [])], native: NATIVE, reasons: REASONS, hints: HINTS };
    cache.set(kind, rules);
  }
  return rules;
}
