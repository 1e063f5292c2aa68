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
 * What a campaign grants. Exactly one effect key (percentOff, amountOff, credit, freeMinutes, freeUnlocks, packageDiscount, entitlement, trialExtensionDays, freePeriods), optionally scoped.
 */
export type Benefit = {
  /**
   * Percentage discount on the scoped lines (mobility Discount, ev-billing percent, Lago percentage).
   */
  percentOff?: number;
  amountOff?: Money1;
  credit?: Money2;
  /**
   * When a credit reaches the customer, as the tenant's settings decide (mobility: promotion redemption writes immediate balance credit, or creates rental-time constraint vouchers). claim (default): wallet credit when the voucher is claimed; it does not lower a rental price and its scope does not limit it. rental: a rental-time voucher that reduces the rental price (its appliesTo lines) only when it applies. Only with credit.
   */
  creditAt?: 'claim' | 'rental';
  /**
   * Free rental minutes (mobility FreeMinutes).
   */
  freeMinutes?: number;
  /**
   * Free unlocks: the UNLOCK_FEE line is waived this many times (mobility FreeUnlocks).
   */
  freeUnlocks?: number;
  /**
   * Percentage discount on package purchases (mobility DiscountOnPackages).
   */
  packageDiscount?: number;
  /**
   * Entitlement to a rental addition such as an insurance extra (mobility AdditionEntitlement).
   */
  entitlement?: {
    /**
     * The addition code, e.g. INSURANCE_PLUS.
     */
    addition: string;
    requireTags?: RefList4;
    excludeTags?: RefList5;
  };
  /**
   * Days added to a subscription trial (promotions trial_extension).
   */
  trialExtensionDays?: number;
  /**
   * Billing periods the subscription is free of charge (promotions free_period: the API then sets requires_continuous_coverage). The engine waives the scoped lines of the customer's first this-many invoices with it.
   */
  freePeriods?: number;
  appliesTo?: Scope;
  /**
   * How many rentals the benefit covers (mobility numberOfRentals). Absent: unlimited within validity.
   */
  rentals?: number;
  /**
   * How long an issued voucher stays valid after it is granted.
   */
  validForDays?: number;
  /**
   * Dated validity of this benefit alone (mobility benefit validFrom / validUntil): outside it the benefit grants nothing, even while the campaign runs. Absent: the campaign's window.
   */
  window?: {
    /**
     * An RFC 3339 date-time with a zone, e.g. 2027-06-01T00:00:00Z.
     */
    from?: string;
    /**
     * An RFC 3339 date-time with a zone, e.g. 2027-06-01T00:00:00Z.
     */
    until?: string;
  };
  /**
   * Branch ids this benefit applies in (mobility benefit applicableBranchIds), within the campaign's targeting.branches. Absent: wherever the campaign applies.
   *
   * @minItems 1
   *
   * Items: A branch id.
   */
  branches?: [string, ...string[]];
  /**
   * Vehicle category ids this benefit applies to (mobility benefit applicableVehicleCategoryIds), within the campaign's targeting.vehicleCategories. Absent: the campaign's categories.
   *
   * @minItems 1
   *
   * Items: A vehicle category id.
   */
  vehicleCategories?: [string, ...string[]];
} & (
  | {
      [k: string]: unknown | undefined;
    }
  | {
      [k: string]: unknown | undefined;
    }
  | {
      [k: string]: unknown | undefined;
    }
  | {
      [k: string]: unknown | undefined;
    }
  | {
      [k: string]: unknown | undefined;
    }
  | {
      [k: string]: unknown | undefined;
    }
  | {
      [k: string]: unknown | undefined;
    }
  | {
      [k: string]: unknown | undefined;
    }
  | {
      [k: string]: unknown | undefined;
    }
) & {
    /**
     * Percentage discount on the scoped lines (mobility Discount, ev-billing percent, Lago percentage).
     */
    percentOff?: number;
    amountOff?: Money1;
    credit?: Money2;
    /**
     * When a credit reaches the customer, as the tenant's settings decide (mobility: promotion redemption writes immediate balance credit, or creates rental-time constraint vouchers). claim (default): wallet credit when the voucher is claimed; it does not lower a rental price and its scope does not limit it. rental: a rental-time voucher that reduces the rental price (its appliesTo lines) only when it applies. Only with credit.
     */
    creditAt?: 'claim' | 'rental';
    /**
     * Free rental minutes (mobility FreeMinutes).
     */
    freeMinutes?: number;
    /**
     * Free unlocks: the UNLOCK_FEE line is waived this many times (mobility FreeUnlocks).
     */
    freeUnlocks?: number;
    /**
     * Percentage discount on package purchases (mobility DiscountOnPackages).
     */
    packageDiscount?: number;
    /**
     * Entitlement to a rental addition such as an insurance extra (mobility AdditionEntitlement).
     */
    entitlement?: {
      /**
       * The addition code, e.g. INSURANCE_PLUS.
       */
      addition: string;
      requireTags?: RefList4;
      excludeTags?: RefList5;
    };
    /**
     * Days added to a subscription trial (promotions trial_extension).
     */
    trialExtensionDays?: number;
    /**
     * Billing periods the subscription is free of charge (promotions free_period: the API then sets requires_continuous_coverage). The engine waives the scoped lines of the customer's first this-many invoices with it.
     */
    freePeriods?: number;
    appliesTo?: Scope;
    /**
     * How many rentals the benefit covers (mobility numberOfRentals). Absent: unlimited within validity.
     */
    rentals?: number;
    /**
     * How long an issued voucher stays valid after it is granted.
     */
    validForDays?: number;
    /**
     * Dated validity of this benefit alone (mobility benefit validFrom / validUntil): outside it the benefit grants nothing, even while the campaign runs. Absent: the campaign's window.
     */
    window?: {
      /**
       * An RFC 3339 date-time with a zone, e.g. 2027-06-01T00:00:00Z.
       */
      from?: string;
      /**
       * An RFC 3339 date-time with a zone, e.g. 2027-06-01T00:00:00Z.
       */
      until?: string;
    };
    /**
     * Branch ids this benefit applies in (mobility benefit applicableBranchIds), within the campaign's targeting.branches. Absent: wherever the campaign applies.
     *
     * @minItems 1
     *
     * Items: A branch id.
     */
    branches?: [string, ...string[]];
    /**
     * Vehicle category ids this benefit applies to (mobility benefit applicableVehicleCategoryIds), within the campaign's targeting.vehicleCategories. Absent: the campaign's categories.
     *
     * @minItems 1
     *
     * Items: A vehicle category id.
     */
    vehicleCategories?: [string, ...string[]];
  } & (
    | {
        [k: string]: unknown | undefined;
      }
    | {
        [k: string]: unknown | undefined;
      }
    | {
        [k: string]: unknown | undefined;
      }
    | {
        [k: string]: unknown | undefined;
      }
    | {
        [k: string]: unknown | undefined;
      }
    | {
        [k: string]: unknown | undefined;
      }
    | {
        [k: string]: unknown | undefined;
      }
    | {
        [k: string]: unknown | undefined;
      }
    | {
        [k: string]: unknown | undefined;
      }
  ) & {
    /**
     * Percentage discount on the scoped lines (mobility Discount, ev-billing percent, Lago percentage).
     */
    percentOff?: number;
    amountOff?: Money1;
    credit?: Money2;
    /**
     * When a credit reaches the customer, as the tenant's settings decide (mobility: promotion redemption writes immediate balance credit, or creates rental-time constraint vouchers). claim (default): wallet credit when the voucher is claimed; it does not lower a rental price and its scope does not limit it. rental: a rental-time voucher that reduces the rental price (its appliesTo lines) only when it applies. Only with credit.
     */
    creditAt?: 'claim' | 'rental';
    /**
     * Free rental minutes (mobility FreeMinutes).
     */
    freeMinutes?: number;
    /**
     * Free unlocks: the UNLOCK_FEE line is waived this many times (mobility FreeUnlocks).
     */
    freeUnlocks?: number;
    /**
     * Percentage discount on package purchases (mobility DiscountOnPackages).
     */
    packageDiscount?: number;
    /**
     * Entitlement to a rental addition such as an insurance extra (mobility AdditionEntitlement).
     */
    entitlement?: {
      /**
       * The addition code, e.g. INSURANCE_PLUS.
       */
      addition: string;
      requireTags?: RefList4;
      excludeTags?: RefList5;
    };
    /**
     * Days added to a subscription trial (promotions trial_extension).
     */
    trialExtensionDays?: number;
    /**
     * Billing periods the subscription is free of charge (promotions free_period: the API then sets requires_continuous_coverage). The engine waives the scoped lines of the customer's first this-many invoices with it.
     */
    freePeriods?: number;
    appliesTo?: Scope;
    /**
     * How many rentals the benefit covers (mobility numberOfRentals). Absent: unlimited within validity.
     */
    rentals?: number;
    /**
     * How long an issued voucher stays valid after it is granted.
     */
    validForDays?: number;
    /**
     * Dated validity of this benefit alone (mobility benefit validFrom / validUntil): outside it the benefit grants nothing, even while the campaign runs. Absent: the campaign's window.
     */
    window?: {
      /**
       * An RFC 3339 date-time with a zone, e.g. 2027-06-01T00:00:00Z.
       */
      from?: string;
      /**
       * An RFC 3339 date-time with a zone, e.g. 2027-06-01T00:00:00Z.
       */
      until?: string;
    };
    /**
     * Branch ids this benefit applies in (mobility benefit applicableBranchIds), within the campaign's targeting.branches. Absent: wherever the campaign applies.
     *
     * @minItems 1
     *
     * Items: A branch id.
     */
    branches?: [string, ...string[]];
    /**
     * Vehicle category ids this benefit applies to (mobility benefit applicableVehicleCategoryIds), within the campaign's targeting.vehicleCategories. Absent: the campaign's categories.
     *
     * @minItems 1
     *
     * Items: A vehicle category id.
     */
    vehicleCategories?: [string, ...string[]];
  } & (
    | {
        [k: string]: unknown | undefined;
      }
    | {
        [k: string]: unknown | undefined;
      }
    | {
        [k: string]: unknown | undefined;
      }
    | {
        [k: string]: unknown | undefined;
      }
    | {
        [k: string]: unknown | undefined;
      }
    | {
        [k: string]: unknown | undefined;
      }
    | {
        [k: string]: unknown | undefined;
      }
    | {
        [k: string]: unknown | undefined;
      }
    | {
        [k: string]: unknown | undefined;
      }
  ) & {
    /**
     * Percentage discount on the scoped lines (mobility Discount, ev-billing percent, Lago percentage).
     */
    percentOff?: number;
    amountOff?: Money1;
    credit?: Money2;
    /**
     * When a credit reaches the customer, as the tenant's settings decide (mobility: promotion redemption writes immediate balance credit, or creates rental-time constraint vouchers). claim (default): wallet credit when the voucher is claimed; it does not lower a rental price and its scope does not limit it. rental: a rental-time voucher that reduces the rental price (its appliesTo lines) only when it applies. Only with credit.
     */
    creditAt?: 'claim' | 'rental';
    /**
     * Free rental minutes (mobility FreeMinutes).
     */
    freeMinutes?: number;
    /**
     * Free unlocks: the UNLOCK_FEE line is waived this many times (mobility FreeUnlocks).
     */
    freeUnlocks?: number;
    /**
     * Percentage discount on package purchases (mobility DiscountOnPackages).
     */
    packageDiscount?: number;
    /**
     * Entitlement to a rental addition such as an insurance extra (mobility AdditionEntitlement).
     */
    entitlement?: {
      /**
       * The addition code, e.g. INSURANCE_PLUS.
       */
      addition: string;
      requireTags?: RefList4;
      excludeTags?: RefList5;
    };
    /**
     * Days added to a subscription trial (promotions trial_extension).
     */
    trialExtensionDays?: number;
    /**
     * Billing periods the subscription is free of charge (promotions free_period: the API then sets requires_continuous_coverage). The engine waives the scoped lines of the customer's first this-many invoices with it.
     */
    freePeriods?: number;
    appliesTo?: Scope;
    /**
     * How many rentals the benefit covers (mobility numberOfRentals). Absent: unlimited within validity.
     */
    rentals?: number;
    /**
     * How long an issued voucher stays valid after it is granted.
     */
    validForDays?: number;
    /**
     * Dated validity of this benefit alone (mobility benefit validFrom / validUntil): outside it the benefit grants nothing, even while the campaign runs. Absent: the campaign's window.
     */
    window?: {
      /**
       * An RFC 3339 date-time with a zone, e.g. 2027-06-01T00:00:00Z.
       */
      from?: string;
      /**
       * An RFC 3339 date-time with a zone, e.g. 2027-06-01T00:00:00Z.
       */
      until?: string;
    };
    /**
     * Branch ids this benefit applies in (mobility benefit applicableBranchIds), within the campaign's targeting.branches. Absent: wherever the campaign applies.
     *
     * @minItems 1
     *
     * Items: A branch id.
     */
    branches?: [string, ...string[]];
    /**
     * Vehicle category ids this benefit applies to (mobility benefit applicableVehicleCategoryIds), within the campaign's targeting.vehicleCategories. Absent: the campaign's categories.
     *
     * @minItems 1
     *
     * Items: A vehicle category id.
     */
    vehicleCategories?: [string, ...string[]];
  } & (
    | {
        [k: string]: unknown | undefined;
      }
    | {
        [k: string]: unknown | undefined;
      }
    | {
        [k: string]: unknown | undefined;
      }
    | {
        [k: string]: unknown | undefined;
      }
    | {
        [k: string]: unknown | undefined;
      }
    | {
        [k: string]: unknown | undefined;
      }
    | {
        [k: string]: unknown | undefined;
      }
    | {
        [k: string]: unknown | undefined;
      }
    | {
        [k: string]: unknown | undefined;
      }
  );
/**
 * Tags (metadata.name of Tag resources) a customer must carry to be entitled to the addition (mobility requiredAnnotationIds on the addition benefit).
 *
 * Items: The metadata.name of another resource in this repository.
 */
export type RefList4 = string[];
/**
 * Tags that keep a customer from the addition (mobility prohibitedAnnotationIds on the addition benefit).
 *
 * Items: The metadata.name of another resource in this repository.
 */
export type RefList5 = string[];

/**
 * Signup/referral benefits for the referrer and the new customer (mobility SignupReferral).
 */
export interface Referral {
  /**
   * Source format version.
   */
  apiVersion: 'promoc/v1';
  /**
   * Resource kind.
   */
  kind: 'Referral';
  metadata: Metadata;
  /**
   * The Referral's definition.
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
    limits?: Limits;
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
    /**
     * What the existing customer gets once the referee qualifies.
     */
    referrer?: {
      /**
       * Benefits for the referrer.
       *
       * @minItems 1
       * @maxItems 32
       */
      benefits: [Benefit, ...Benefit[]];
    };
    /**
     * What the new customer gets on signup.
     */
    referee: {
      /**
       * Benefits for the referee.
       *
       * @minItems 1
       * @maxItems 32
       */
      benefits: [Benefit, ...Benefit[]];
    };
    /**
     * Rentals the referee must complete before the referrer is rewarded (referral vouchers stay PENDING until then). Default 1.
     */
    qualifyingRentals?: number;
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
 * Caps on use. A campaign stops applying once any cap is reached.
 */
export interface Limits {
  /**
   * Total redemptions across all customers (ev-billing max_uses, promotions max_redemptions).
   */
  redemptions?: number;
  /**
   * Redemptions allowed per customer (ev-billing max_uses_per_user, promotions max_redemptions_per_customer).
   */
  perCustomer?: number;
  budget?: Money;
}
/**
 * Total discount budget; the campaign deactivates when it is spent (promotions max_budget).
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
 * Fixed amount off the scoped lines, never below zero (mobility RentalRebate, ev-billing fixed, Lago fixed_amount).
 */
export interface Money1 {
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
 * Monetary credit granted when the voucher is claimed (mobility Value, promotions credit grant).
 */
export interface Money2 {
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
 * Which price lines this benefit reduces. Absent: the whole amount.
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
