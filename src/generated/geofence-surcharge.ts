// Generated from schemas/ by `npm run gen:types`. Do not edit by hand.
/* eslint-disable */

/**
 * UserType names; the customer must have one of them. Empty or absent: any user type.
 *
 * Items: The metadata.name of another resource in this repository.
 */
export type RefList = string[];
/**
 * Tag names the customer must all carry (mobility guserRequiredAnnotationIds).
 *
 * Items: The metadata.name of another resource in this repository.
 */
export type RefList1 = string[];
/**
 * Tag names that disqualify the customer (mobility guserProhibitedAnnotationIds).
 *
 * Items: The metadata.name of another resource in this repository.
 */
export type RefList2 = string[];
/**
 * Tag names a vehicle must carry for the campaign to apply (vehicle annotations).
 *
 * Items: The metadata.name of another resource in this repository.
 */
export type RefList3 = string[];
/**
 * Geofence names; the union of their areas is the zone.
 *
 * @minItems 1
 *
 * Items: The metadata.name of another resource in this repository.
 */
export type RefList4 = [string, ...string[]];

/**
 * A fee added when a rental starts and/or ends in a zone (mobility GeoFenceSurcharge). Surcharges are fees: stacking never blocks them.
 */
export interface GeofenceSurcharge {
  /**
   * Source format version.
   */
  apiVersion: 'promoc/v1';
  /**
   * Resource kind.
   */
  kind: 'GeofenceSurcharge';
  metadata: Metadata;
  /**
   * The GeofenceSurcharge's definition.
   */
  spec: {
    /**
     * active: live and redeemable; inactive: kept as a draft / deactivated.
     */
    status?: 'active' | 'inactive';
    /**
     * A product a campaign prices; campaigns of different products never meet in one pricing context.
     */
    product?: 'ev-charging' | 'vehicle-rental' | 'subscription-billing';
    /**
     * Customer-facing name. Defaults to metadata.name.
     */
    displayName?: string;
    /**
     * Customer-facing description.
     */
    publicDescription?: string;
    window?: Window;
    audience?: Audience;
    targeting?: Targeting;
    /**
     * Knobs only one target API has. Everything else is provider-neutral.
     */
    providers?: {
      /**
       * Mobility (voucherables) only.
       */
      mobility?: {
        /**
         * Show the benefit in the user app (showInUserApp). Default true.
         */
        showInUserApp?: boolean;
        /**
         * Owning business unit id; managing the template needs permission on it.
         */
        businessUnit?: string;
      };
      /**
       * Subscription billing promotions only.
       */
      promotions?: {
        /**
         * When an applied promotion takes effect (application_timing).
         */
        applicationTiming?: 'immediate' | 'next_billing_period';
        /**
         * What happens when the budget is spent (budget_behavior). Default deactivate.
         */
        budgetBehavior?: 'deactivate' | 'notify';
        /**
         * The customer must stay subscribed for the promotion to keep applying.
         */
        requiresContinuousCoverage?: boolean;
      };
      /**
       * Lago coupons only.
       */
      lago?: {
        /**
         * Can be applied to the same customer more than once (reusable). Default true.
         */
        reusable?: boolean;
      };
    };
    zone: GeofenceZone;
    /**
     * The fee: a fixed amount, a percentage of the scoped lines, or both.
     */
    surcharge: {
      [k: string]: unknown | undefined;
    } & {
      amount?: Money;
      /**
       * A percentage, 0.0001 <= p <= 100 with at most 4 decimals (25 means 25%), the precision of a rules bundle. Providers convert it (fraction for mobility, rate for Lago).
       */
      percent?: number;
      appliesTo?: Scope;
    };
  };
}
/**
 * Identity and bookkeeping of a resource. Never sent to customers.
 */
export interface Metadata {
  /**
   * Stable key within the kind (kebab-case). Renaming it means a new resource.
   */
  name: string;
  /**
   * Internal note for reviewers; never shown to customers.
   */
  description?: string;
  labels?: Labels;
}
/**
 * Free-form labels, e.g. team: growth.
 */
export interface Labels {
  [k: string]: string | undefined;
}
/**
 * When a campaign can be used: from (inclusive) until (exclusive). Either end may be open. Write instants with an offset (2027-06-01T00:00:00+02:00), or local times without one and a timeZone (2027-06-01T00:00:00 with timeZone: Europe/Berlin).
 */
export interface Window {
  /**
   * First instant the campaign applies (inclusive). Omit to start immediately.
   */
  from?: string;
  /**
   * First instant the campaign no longer applies (exclusive). Omit for no expiry.
   */
  until?: string;
  /**
   * IANA time zone (Europe/Berlin) for local times in from and until; also how reviews show the window. A local time that does not exist there (spring forward) or happens twice (fall back) is an error.
   */
  timeZone?: string;
}
/**
 * Who may use a campaign. All given constraints must hold; an empty audience means everyone.
 */
export interface Audience {
  userTypes?: RefList;
  requireTags?: RefList1;
  excludeTags?: RefList2;
  /**
   * Only customers with no earlier purchase qualify (promotions first_purchase condition).
   */
  firstPurchaseOnly?: boolean;
}
/**
 * Where a mobility campaign applies: branches, vehicle categories and tagged vehicles.
 */
export interface Targeting {
  /**
   * Branch ids the campaign applies in (mobility applicableBranchIds). Absent: every branch.
   *
   * Items: A branch id.
   */
  branches?: string[];
  /**
   * Vehicle category ids (mobility applicableVehicleCategoryIds). Absent: every category.
   *
   * Items: A vehicle category id.
   */
  vehicleCategories?: string[];
  vehicleTags?: RefList3;
  /**
   * Explicit vehicle ids.
   *
   * Items: A vehicle id.
   */
  vehicleIds?: string[];
}
/**
 * Geofences a rental must start and/or end in, and which rental phase counts (mobility applicableRentalType).
 */
export interface GeofenceZone {
  geofences: RefList4;
  /**
   * START_RENTAL: starts in the zone; END_RENTAL: ends in it; START_PLUS_END_RENTAL: can apply at start and again at end; START_OR_END_RENTAL: once if either; START_AND_END_RENTAL: only if both.
   */
  phase: 'START_RENTAL' | 'END_RENTAL' | 'START_PLUS_END_RENTAL' | 'START_OR_END_RENTAL' | 'START_AND_END_RENTAL';
}
/**
 * An amount of money: a decimal string and its ISO 4217 currency. Amounts must respect the currency's minor unit (EUR 2 decimals, JPY 0, KWD 3).
 */
export interface Money {
  /**
   * The amount as a decimal string, e.g. "5.00"; quote it in YAML.
   */
  amount: string;
  /**
   * ISO 4217 currency code, e.g. EUR.
   */
  currency: string;
}
/**
 * Which price lines a benefit reduces. Absent or empty: the whole amount (a broad benefit). Targeted benefits apply before broad ones.
 */
export interface Scope {
  /**
   * Rental price categories the benefit reduces (mobility applicablePriceType).
   *
   * @minItems 1
   *
   * Items: A rental price category (mobility applicablePriceType).
   */
  priceTypes?: [
    'TIME_PRICE' | 'DRIVING_PRICE' | 'PARKING_PRICE' | 'DISTANCE_PRICE' | 'RESERVATION_PRICE' | 'UNLOCK_FEE',
    ...('TIME_PRICE' | 'DRIVING_PRICE' | 'PARKING_PRICE' | 'DISTANCE_PRICE' | 'RESERVATION_PRICE' | 'UNLOCK_FEE')[]
  ];
  /**
   * Specific cost sources the benefit reduces (mobility costSources).
   *
   * @minItems 1
   */
  costSources?: [CostSource, ...CostSource[]];
  /**
   * Billing plan codes the benefit is limited to (Lago applies_to.plan_codes, promotions subscription_plan).
   *
   * @minItems 1
   *
   * Items: A plan code.
   */
  plans?: [string, ...string[]];
  /**
   * Billable metric codes the benefit is limited to (Lago applies_to.billable_metric_codes).
   *
   * @minItems 1
   *
   * Items: A billable metric code.
   */
  metrics?: [string, ...string[]];
}
/**
 * A specific configured price source: the group and the source code within it.
 */
export interface CostSource {
  /**
   * The cost-source group.
   */
  group: 'RENTAL' | 'ADDITION' | 'SURCHARGE';
  /**
   * The source code inside the group, e.g. the addition code INSURANCE_PLUS.
   */
  code: string;
}
