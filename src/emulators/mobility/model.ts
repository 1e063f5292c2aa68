// Stored shapes of the mobility emulator (goUrban / Wunder style): camelCase, numeric ids, money as
// major-unit decimals in the tenant currency, percentage discounts as fractions between 0 and 1.

export const VOUCHERABLE_TYPES = [
  'Promotion',
  'GeoFencePromotion',
  'Package',
  'Subscription',
  'Reward',
  'SignupReferral',
  'Triggered',
  'CustomerCare',
  'VehiclePromotion',
  'GeoFenceSurcharge',
  'RidePass',
  'PricedPromotion',
] as const;
export type VoucherableType = (typeof VOUCHERABLE_TYPES)[number];
export const BENEFIT_TYPES = ['Value', 'Discount', 'RentalRebate', 'FreeUnlocks', 'DiscountOnPackages', 'AdditionEntitlement', 'FreeMinutes'] as const;
export type BenefitType = (typeof BENEFIT_TYPES)[number];
export const PRICE_TYPES = ['TIME_PRICE', 'DRIVING_PRICE', 'PARKING_PRICE', 'DISTANCE_PRICE', 'RESERVATION_PRICE', 'UNLOCK_FEE'] as const;
export const COST_SOURCE_GROUPS = ['RENTAL', 'ADDITION', 'SURCHARGE'] as const;
export const RENTAL_PHASES = ['START_RENTAL', 'END_RENTAL', 'START_PLUS_END_RENTAL', 'START_OR_END_RENTAL', 'START_AND_END_RENTAL'] as const;
export const INTERVALS = ['DAILY', 'WEEKLY', 'MONTHLY', 'FIRST_OF_MONTH', 'YEARLY', 'FIRST_OF_YEAR'] as const;
/** Events a Triggered template can listen to (the emulator's own list; the seed names none). */
export const TRIGGER_EVENTS = ['RENTAL_COMPLETED', 'FIRST_RENTAL', 'SIGNUP_COMPLETED', 'TOP_UP', 'SUBSCRIPTION_RENEWED'] as const;
export const VOUCHER_STATES = ['NOT_REDEEMED', 'PENDING', 'ACTIVE', 'USED_UP', 'EXPIRED', 'CANCELED'] as const;
export type VoucherState = (typeof VOUCHER_STATES)[number];

export interface CostSource {
  group: (typeof COST_SOURCE_GROUPS)[number];
  sourceCodes: string[];
}

export interface Benefit {
  type: BenefitType;
  value?: number | null;
  discount?: number | null;
  rentalRebate?: number | null;
  freeMinutes?: number | null;
  freeUnlocks?: number | null;
  additionId?: number | null;
  validFrom?: string | null;
  validUntil?: string | null;
  validityDays?: number | null;
  numberOfRentals?: number | null;
  applicableBranchIds?: number[] | null;
  applicableVehicleCategoryIds?: number[] | null;
  /** Annotation gates on the related addition (AdditionEntitlement only): the customer must carry / must not carry them. */
  requiredAnnotationIds?: number[] | null;
  prohibitedAnnotationIds?: number[] | null;
  applicablePriceType?: (typeof PRICE_TYPES)[number] | null;
  costSources?: CostSource[] | null;
}

/** Reward: the usage that earns it; every threshold given must be reached. spendAmount in major units. */
export interface RewardCondition {
  numberOfRentals?: number | null;
  minutes?: number | null;
  spendAmount?: number | null;
}

/** Triggered: extra conditions on the triggering event; minimumSpend in major units. */
export interface TriggerConditions {
  minimumSpend?: number | null;
}

export interface Geometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: unknown[];
}

export interface Voucherable {
  id: number;
  type: VoucherableType;
  name: string;
  description?: string | null;
  code?: string | null;
  businessUnitId: number;
  state: 'ACTIVE' | 'INACTIVE';
  validFrom?: string | null;
  validUntil?: string | null;
  applicableBranchIds: number[];
  showInUserApp: boolean;
  guserRequiredAnnotationIds: number[];
  guserProhibitedAnnotationIds: number[];
  benefits: Benefit[];
  redeemLimit?: number | null;
  redeemLimitPerUser?: number | null;
  price?: number | null;
  interval?: (typeof INTERVALS)[number] | null;
  applicableRentalType?: (typeof RENTAL_PHASES)[number] | null;
  geofence?: Geometry | null;
  vehicleAnnotationIds?: number[] | null;
  vehicleIds?: number[] | null;
  /** Reward only (the seed: "granted after a usage condition is met"); required to activate. */
  rewardCondition?: RewardCondition | null;
  /** Triggered only ("triggered by a configured event"); triggerEvent is required to activate. */
  triggerEvent?: (typeof TRIGGER_EVENTS)[number] | null;
  triggerConditions?: TriggerConditions | null;
  /** SignupReferral only: `benefits` are the referee's, these the referrer's once the referee qualifies. */
  referrerBenefits?: Benefit[] | null;
  /** SignupReferral only: rentals the referee completes before the referrer is rewarded (default 1). */
  qualifyingRentals?: number | null;
  /** CustomerCare only: reason codes an agent picks from when applying the template. */
  reasonCodes?: string[] | null;
  /** Subscription only: free days before the first charge. */
  trialPeriodDays?: number | null;
  /** Legacy single-benefit fields, kept for compatibility; benefits win when present. */
  value?: number | null;
  discount?: number | null;
  rentalRebate?: number | null;
  additionEntitlementId?: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface Voucher {
  id: number;
  code?: string | null;
  /** Constraint vouchers apply at rental time and have states; plain redeemable codes grant claim-time credit. */
  constraint: boolean;
  voucherableId: number;
  businessUnitId: number;
  batchId?: string | null;
  userId?: number | null;
  groupId?: number | null;
  userSubscriptionId?: number | null;
  /** The reason code a customer-care grant was made for. */
  reasonCode?: string | null;
  state: VoucherState;
  benefitType?: BenefitType | null;
  value?: number | null;
  remainingValue?: number | null;
  discount?: number | null;
  freeMinutes?: number | null;
  remainingRentals?: number | null;
  redeemLimit?: number | null;
  redemptionCount: number;
  /** Claim-time credit the last redemption wrote to the customer's balance (tenant setting CLAIM_TIME_CREDIT). */
  balanceCredited?: number | null;
  /** Rental-time constraint vouchers the last redemption created (tenant setting RENTAL_TIME_VOUCHER). */
  issuedVoucherIds?: number[] | null;
  validFrom?: string | null;
  validUntil?: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Batch {
  id: string;
  voucherableId: number;
  businessUnitId: number;
  constraint: boolean;
  quantity: number;
  /** The request's settings, kept so the summary can show how a batch was issued (absent in older state files). */
  prefix?: string | null;
  codeLength?: number | null;
  validUntil?: string | null;
  validityDays?: number | null;
  redeemLimitPerCode?: number | null;
  /** Internal note (max 500), like a template's description. */
  description?: string | null;
  createdAt: string;
}

export interface Annotation {
  id: number;
  name: string;
  type: 'TAG' | 'LABEL';
  description?: string | null;
  color?: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface UserSubscription {
  id: number;
  userId: number;
  voucherableId: number;
  businessUnitId: number;
  state: 'RENEWING' | 'EXPIRED' | 'SWITCHING' | 'SWITCHED' | 'CANCELLED';
  autoRenewal: 'ACTIVE' | 'INACTIVE' | 'FAILED';
  interval?: string | null;
  startedAt: string;
  currentPeriodEnd?: string | null;
  /** Set when the plan has trialPeriodDays: the first charge is due then. */
  trialEndsAt?: string | null;
  cancelledAt?: string | null;
  createdAt: string;
}

export interface Token {
  token: string;
  kind: 'access' | 'refresh';
  clientId: string;
  expiresAt: string;
}

export interface MobilityTenant {
  voucherables: Record<string, Voucherable>;
  vouchers: Record<string, Voucher>;
  batches: Record<string, Batch>;
  annotations: Record<string, Annotation>;
  userSubscriptions: Record<string, UserSubscription>;
  tokens: Record<string, Token>;
  /** Next numeric id per collection (`{ voucherables: { next: 3 } }`). */
  sequences: Record<string, { next: number }>;
}

export function emptyMobilityTenant(): MobilityTenant {
  return { voucherables: {}, vouchers: {}, batches: {}, annotations: {}, userSubscriptions: {}, tokens: {}, sequences: {} };
}

/** Sequential numeric ids; skips ids already taken (objects seeded through the admin controls). */
export function nextId(tenant: MobilityTenant, collection: 'voucherables' | 'vouchers' | 'annotations' | 'userSubscriptions'): number {
  const seq = (tenant.sequences[collection] ??= { next: 1 });
  const items: Record<string, unknown> = tenant[collection];
  while (Object.hasOwn(items, String(seq.next))) seq.next++;
  return seq.next++;
}
