// Generated from schemas/ by `npm run gen:types`. Do not edit by hand.
/* eslint-disable */

/**
 * A sorted set of strings.
 *
 * Items: A name or code.
 */
export type Names = string[];
/**
 * One benefit, tagged by type.
 */
export type BundleBenefit =
  | PercentOffBenefit
  | AmountOffBenefit
  | CreditBenefit
  | FreeMinutesBenefit
  | FreeUnlocksBenefit
  | PackageDiscountBenefit
  | EntitlementBenefit
  | TrialExtensionBenefit
  | FreePeriodBenefit;
/**
 * A percentage as parts per million of the amount: 250000 is 25%.
 */
export type Rate = number;

/**
 * The frozen rules bundle `promoc bundle` writes and `promoc/engine` loads: RFC 8785 canonical JSON holding a manifest and the normalized campaigns. Money is integer minor units, percentages are parts per million, instants are epoch milliseconds. See docs/bundle.md.
 */
export interface Bundle {
  manifest: BundleManifest;
  content: BundleContent;
}
/**
 * What the bundle is and where it came from. Never read by the evaluator beyond the format check.
 */
export interface BundleManifest {
  /**
   * Bundle format version; an engine refuses versions it does not know.
   */
  formatVersion: 1;
  /**
   * The git commit the campaigns came from (suffixed -dirty for uncommitted changes); null outside git.
   */
  revision: string | null;
  /**
   * The commit time, or SOURCE_DATE_EPOCH; never the wall clock, so rebuilding gives the same bytes. Null when neither is known.
   */
  createdAt: string | null;
  /**
   * sha256 of the RFC 8785 canonical JSON of `content`.
   */
  digest: string;
  counts: BundleCounts;
}
/**
 * Sizes, for humans and for load-time sanity checks.
 */
export interface BundleCounts {
  /**
   * Campaigns of every kind, surcharges included.
   */
  campaigns: number;
  /**
   * Geofences referenced by zones.
   */
  geofences: number;
  /**
   * Campaigns customers redeem with a code.
   */
  codes: number;
  /**
   * GeofenceSurcharge campaigns (fees).
   */
  surcharges: number;
  /**
   * Campaign count per kind.
   */
  byKind: {
    /**
     * How many campaigns of this kind.
     */
    [k: string]: number | undefined;
  };
}
/**
 * The normalized rules.
 */
export interface BundleContent {
  /**
   * ISO 4217 minor-unit exponent of every currency the campaigns mention (EUR 2, JPY 0, KWD 3).
   */
  currencies: {
    /**
     * Digits after the decimal point.
     */
    [k: string]: number | undefined;
  };
  /**
   * Every campaign, in the resolved evaluation order: fees first (by name), then line-targeted, plan-limited and broad campaigns, each by priority descending and name ascending.
   */
  campaigns: BundleCampaign[];
  /**
   * The geofences zones refer to, sorted by name.
   */
  geofences: BundleGeofence[];
}
/**
 * One campaign, normalized: defaults filled in, sets sorted, money in minor units.
 */
export interface BundleCampaign {
  /**
   * Kind/name, unique in the bundle, e.g. Promotion/summer-25.
   */
  id: string;
  /**
   * The source kind.
   */
  kind:
    | 'Promotion'
    | 'Package'
    | 'Subscription'
    | 'RidePass'
    | 'Reward'
    | 'Referral'
    | 'Triggered'
    | 'CustomerCare'
    | 'PricedPromotion'
    | 'VehiclePromotion'
    | 'GeofencePromotion'
    | 'GeofenceSurcharge';
  /**
   * metadata.name.
   */
  name: string;
  /**
   * Customer-facing name, when the author gave one.
   */
  displayName?: string;
  /**
   * The code customers present (uppercase; matched case-insensitively).
   */
  code?: string;
  /**
   * inactive campaigns never apply.
   */
  status: 'active' | 'inactive';
  /**
   * The product it prices: a context of another product never reaches it. Absent: any product.
   */
  product?: 'ev-charging' | 'vehicle-rental' | 'subscription-billing';
  /**
   * How a context reaches it: automatic (no code: Promotion without code, VehiclePromotion, GeofencePromotion, GeofenceSurcharge), code (a presented code), voucher (the customer holds it: listed in customer.vouchers).
   */
  activation: 'automatic' | 'code' | 'voucher';
  /**
   * true for surcharges: fees, never blocked by stacking, computed before discounts.
   */
  fee?: boolean;
  /**
   * 0: some benefit targets specific lines (price types, cost sources, metrics, unlock fees, time, additions, packages); 1: limited to billing plans only; 2: broad.
   */
  rank: 0 | 1 | 2;
  /**
   * Higher goes first within a rank.
   */
  priority: number;
  /**
   * false: applies only if nothing applied before it, and nothing applies after it.
   */
  stackable: boolean;
  window: BundleWindow;
  audience: BundleAudience;
  targeting: BundleTargeting;
  zone?: BundleZone;
  conditions?: BundleConditions;
  limits: BundleLimits;
  /**
   * What it grants, applied in this order (a Referral's referee benefits). Empty for surcharges.
   */
  benefits: BundleBenefit[];
  /**
   * Phased promotion: the first phase whose window holds the evaluation time replaces `benefits`.
   */
  phases?: BundlePhase[];
  ladder?: BundleLadder;
  surcharge?: BundleSurcharge;
}
/**
 * From (inclusive) until (exclusive), epoch milliseconds; an absent end is open.
 */
export interface BundleWindow {
  /**
   * First instant it applies, epoch ms.
   */
  from?: number;
  /**
   * First instant it no longer applies, epoch ms.
   */
  until?: number;
}
/**
 * Customer constraints; empty lists mean no constraint.
 */
export interface BundleAudience {
  userTypes: Names;
  requireTags: Names;
  excludeTags: Names;
  /**
   * Only a customer's first purchase qualifies.
   */
  firstPurchaseOnly: boolean;
}
/**
 * Where it applies; empty lists mean anywhere.
 */
export interface BundleTargeting {
  branches: Names;
  vehicleCategories: Names;
  vehicleTags: Names;
  vehicleIds: Names;
}
/**
 * The union of the geofences, and which rental phase counts.
 */
export interface BundleZone {
  /**
   * Geofence names, sorted.
   *
   * @minItems 1
   *
   * Items: A geofence name.
   */
  geofences: [string, ...string[]];
  /**
   * START_RENTAL, END_RENTAL, START_PLUS_END_RENTAL (once per matching end, up to twice), START_OR_END_RENTAL (once if either), START_AND_END_RENTAL (once if both).
   */
  phase: 'START_RENTAL' | 'END_RENTAL' | 'START_PLUS_END_RENTAL' | 'START_OR_END_RENTAL' | 'START_AND_END_RENTAL';
}
/**
 * Purchase conditions, combined by mode.
 */
export interface BundleConditions {
  /**
   * ALL: every condition; ANY: at least one.
   */
  mode: 'ALL' | 'ANY';
  minimumSpend?: BundleMoney;
  /**
   * Attribute equalities, sorted by attribute.
   *
   * Items: customer.attributes[attribute] must equal `equals`.
   */
  customerAttributes: {
    /**
     * Attribute name.
     */
    attribute: string;
    /**
     * Required value.
     */
    equals: string;
  }[];
  /**
   * billing.usage must reach this.
   */
  usageAtLeast?: number;
  /**
   * billing.metrics[metric] must reach atLeast, each one a condition; sorted by metric.
   *
   * Items: One metric's threshold.
   */
  usageThresholds?: {
    /**
     * Billable metric code.
     */
    metric: string;
    /**
     * Threshold.
     */
    atLeast: number;
  }[];
  /**
   * billing.quantity must reach this.
   */
  quantityAtLeast?: number;
  /**
   * billing.products must hold every one of these (sorted); one condition.
   *
   * Items: Product id.
   */
  products?: string[];
  /**
   * customer.verifications must name this verifier; one condition.
   */
  verification?: string;
  /**
   * customer.firstPurchase must be true; one condition.
   */
  firstPurchase?: true;
  /**
   * billing.plan must be one of these (sorted); one condition.
   *
   * Items: Plan code.
   */
  plans?: string[];
}
/**
 * An amount in integer minor units of its currency.
 */
export interface BundleMoney {
  /**
   * Minor units: 500 is 5.00 EUR, 500 JPY, 0.500 KWD.
   */
  minor: number;
  /**
   * ISO 4217 code.
   */
  currency: string;
}
/**
 * Caps checked against the injected usage counters.
 */
export interface BundleLimits {
  /**
   * Total redemptions.
   */
  redemptions?: number;
  /**
   * Redemptions per customer.
   */
  perCustomer?: number;
  budget?: BundleMoney;
}
/**
 * A percentage off the scoped lines' remaining amounts.
 */
export interface PercentOffBenefit {
  /**
   * Benefit type.
   */
  type: 'percentOff';
  rate: Rate;
  scope: BundleScope;
  gate?: BundleBenefitGate;
}
/**
 * Which lines a benefit reduces: a line must pass every non-empty list. All empty: broad.
 */
export interface BundleScope {
  priceTypes: Names;
  /**
   * Cost sources, sorted by group then code.
   */
  costSources: BundleCostSource[];
  plans: Names;
  metrics: Names;
}
/**
 * A cost-source group and code.
 */
export interface BundleCostSource {
  /**
   * The group.
   */
  group: 'RENTAL' | 'ADDITION' | 'SURCHARGE';
  /**
   * The source code within the group.
   */
  code: string;
}
/**
 * Conditions of one benefit on top of its campaign's: its own dated window, branches, vehicle categories and customer tags. Every list given must match; a benefit whose gate fails grants nothing while its campaign's other benefits still apply.
 */
export interface BundleBenefitGate {
  window?: BundleWindow;
  branches?: Names;
  vehicleCategories?: Names;
  requireTags?: Names;
  excludeTags?: Names;
}
/**
 * A fixed amount off the scoped lines, taken line by line in context order.
 */
export interface AmountOffBenefit {
  /**
   * Benefit type.
   */
  type: 'amountOff';
  amount: BundleMoney;
  scope: BundleScope;
  gate?: BundleBenefitGate;
}
/**
 * Wallet credit granted on redemption (it does not change the lines), or with at: rental a rental-time voucher taken off the scoped lines like an amount off.
 */
export interface CreditBenefit {
  /**
   * Benefit type.
   */
  type: 'credit';
  amount: BundleMoney;
  gate?: BundleBenefitGate;
  /**
   * rental: the tenant creates rental-time vouchers, so the credit reduces the scoped lines; absent: claim-time wallet credit, reported as a grant.
   */
  at?: 'rental';
  scope?: BundleScope;
}
/**
 * Minutes waived on time-priced lines (TIME_PRICE, DRIVING_PRICE, PARKING_PRICE) that carry a quantity in minutes.
 */
export interface FreeMinutesBenefit {
  /**
   * Benefit type.
   */
  type: 'freeMinutes';
  /**
   * Free minutes.
   */
  minutes: number;
  scope: BundleScope;
  gate?: BundleBenefitGate;
}
/**
 * UNLOCK_FEE lines waived, up to `count` of them.
 */
export interface FreeUnlocksBenefit {
  /**
   * Benefit type.
   */
  type: 'freeUnlocks';
  /**
   * Unlocks waived per evaluation.
   */
  count: number;
  scope: BundleScope;
  gate?: BundleBenefitGate;
}
/**
 * A percentage off package-purchase lines (lines with `package`).
 */
export interface PackageDiscountBenefit {
  /**
   * Benefit type.
   */
  type: 'packageDiscount';
  rate: Rate;
  scope: BundleScope;
  gate?: BundleBenefitGate;
}
/**
 * The addition's lines (cost source ADDITION with this code) become free.
 */
export interface EntitlementBenefit {
  /**
   * Benefit type.
   */
  type: 'entitlement';
  /**
   * The addition code.
   */
  addition: string;
  scope: BundleScope;
  gate?: BundleBenefitGate;
}
/**
 * Days added to a subscription trial; reported as a grant.
 */
export interface TrialExtensionBenefit {
  /**
   * Benefit type.
   */
  type: 'trialExtension';
  /**
   * Days added.
   */
  days: number;
  gate?: BundleBenefitGate;
}
/**
 * The scoped lines are free on the customer's first `periods` invoices with this campaign (counted by the usage store's per-customer redemptions).
 */
export interface FreePeriodBenefit {
  /**
   * Benefit type.
   */
  type: 'freePeriod';
  /**
   * Free billing periods.
   */
  periods: number;
  scope: BundleScope;
  gate?: BundleBenefitGate;
}
/**
 * One phase of a phased promotion.
 */
export interface BundlePhase {
  /**
   * Phase name.
   */
  name: string;
  window: BundleWindow;
  /**
   * Its benefits.
   *
   * @minItems 1
   */
  benefits: [BundleBenefit, ...BundleBenefit[]];
}
/**
 * The steps of a ladder promotion after the first.
 */
export interface BundleLadder {
  /**
   * Which ladder.
   */
  archetype: 'loyalty_ladder' | 'growth_ladder';
  /**
   * Name of the first step (the campaign's benefits).
   */
  firstStep: string;
  /**
   * Steps after the first.
   *
   * @minItems 1
   *
   * Items: One step.
   */
  steps: [
    {
      /**
       * Step name.
       */
      name: string;
      /**
       * Its benefits.
       *
       * @minItems 1
       */
      benefits: [BundleBenefit, ...BundleBenefit[]];
    },
    ...{
      /**
       * Step name.
       */
      name: string;
      /**
       * Its benefits.
       *
       * @minItems 1
       */
      benefits: [BundleBenefit, ...BundleBenefit[]];
    }[]
  ];
}
/**
 * A fee: a fixed amount, a percentage of the scoped lines' original amounts, or both.
 */
export interface BundleSurcharge {
  amount?: BundleMoney;
  rate?: Rate;
  scope: BundleScope;
}
/**
 * A geofence's area and its bounding box.
 */
export interface BundleGeofence {
  /**
   * metadata.name of the Geofence.
   */
  name: string;
  /**
   * [minLon, minLat, maxLon, maxLat].
   *
   * @minItems 4
   * @maxItems 4
   *
   * Items: Degrees.
   */
  bbox: [number, number, number, number];
  /**
   * GeoJSON MultiPolygon coordinates ([lon, lat]).
   */
  coordinates: [number, number][][][];
}
