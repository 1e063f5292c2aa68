// Stored shapes of the subscription-billing promotions emulator (Kontorion style). Money is a decimal
// string in the organisation's currency ("5000.00"), as such APIs send it; the maths converts to minor units.

export type Status = 'draft' | 'active' | 'archived';
export type Archetype = 'standard' | 'loyalty_ladder' | 'growth_ladder';
export type ApplicationTiming = 'immediate' | 'next_invoice' | 'renewal';
export type BudgetBehavior = 'hard_cap' | 'soft_cap';
export type ConditionMode = 'ALL' | 'ANY';
export type Visibility = 'public' | 'private' | 'internal';
export type AttributeOperator = 'eq' | 'ne' | 'in' | 'contains' | 'gt' | 'gte' | 'lt' | 'lte';

export type Condition =
  | { type: 'minimum_spend'; amount: string; currency: string }
  | { type: 'subscription_plan'; plan_codes: string[] }
  | { type: 'customer_attribute'; attribute: string; operator: AttributeOperator; value: string | number | boolean | string[] }
  | { type: 'first_purchase' }
  | { type: 'usage_threshold'; metric: string; threshold: number }
  | { type: 'quantity_threshold'; min_quantity: number }
  | { type: 'product_combination'; product_ids: string[] }
  | { type: 'external_verification'; provider: string };

export type Effect =
  | { type: 'percent_discount'; percent: number }
  | { type: 'fixed_discount'; amount: string; currency: string }
  | { type: 'free_period'; periods: number }
  | { type: 'trial_extension'; days: number }
  | { type: 'credit_grant'; amount: string; currency: string };

export interface Phase {
  id: string;
  name: string;
  sequence: number;
  conditions: Condition[];
  effects: Effect[];
}

/** The fields a client edits; a version snapshot holds exactly these. */
export interface Content {
  name: string;
  code: string | null;
  description: string | null;
  public_description: string | null;
  archetype: Archetype;
  application_timing: ApplicationTiming;
  budget_behavior: BudgetBehavior;
  condition_mode: ConditionMode;
  is_phased: boolean;
  phases: Phase[];
  max_budget: string | null;
  max_redemptions: number | null;
  max_redemptions_per_customer: number | null;
  priority: number;
  stackable: boolean;
  valid_from: string | null;
  valid_to: string | null;
  visibility: Visibility;
}

export interface Promotion extends Content {
  id: string;
  organization_id: string;
  status: Status;
  version: number;
  head_version_id: string;
  current_budget_used: string;
  current_redemptions: number;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  published_by: string | null;
  archived_at: string | null;
  deleted_at: string | null;
}

export type VersionStatus = 'draft' | 'scheduled' | 'published' | 'superseded' | 'archived';

export interface Version {
  id: string;
  promotion_id: string;
  version: number;
  status: VersionStatus;
  release_strategy: 'draft' | 'immediate' | 'scheduled';
  created_at: string;
  created_by: string;
  effective_from: string | null;
  effective_to: string | null;
  published_at: string | null;
  published_by: string | null;
  archived_reason: string | null;
  snapshot: Content;
}

export interface Subscription {
  id: string;
  plan_code: string;
  /** Price per period, decimal string. */
  amount: string;
  currency: string;
  quantity: number;
  product_ids: string[];
  usage: Record<string, number>;
}

/** Customers exist for simulate and eligibility preview; tests seed them via /__emulator/customers. */
export interface Customer {
  id: string;
  attributes: Record<string, string | number | boolean>;
  first_purchase: boolean;
  subscriptions: Subscription[];
}

export interface Redemption {
  id: string;
  promotion_id: string;
  customer_id: string;
  amount: string;
  redeemed_at: string;
}

export interface PromotionsTenant {
  promotions: Record<string, Promotion>;
  versions: Record<string, Version>;
  customers: Record<string, Customer>;
  redemptions: Record<string, Redemption>;
}

export function emptyPromotionsTenant(): PromotionsTenant {
  return { promotions: {}, versions: {}, customers: {}, redemptions: {} };
}

export const CONTENT_KEYS: readonly (keyof Content)[] = [
  'name',
  'code',
  'description',
  'public_description',
  'archetype',
  'application_timing',
  'budget_behavior',
  'condition_mode',
  'is_phased',
  'phases',
  'max_budget',
  'max_redemptions',
  'max_redemptions_per_customer',
  'priority',
  'stackable',
  'valid_from',
  'valid_to',
  'visibility',
];

export function contentOf(p: Content): Content {
  return structuredClone(Object.fromEntries(CONTENT_KEYS.map((k) => [k, p[k]])) as unknown as Content);
}
