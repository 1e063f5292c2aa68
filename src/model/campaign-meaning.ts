// What a campaign means, written once for every reader: lint's analysis, the bundle the engine evaluates and
// the providers' lowering all take these facts from here.
import type { Kind } from '../generated/index.js';

/** Kinds that apply without a code when eligible; the others need a code or a held voucher. */
export const AUTOMATIC_KINDS: ReadonlySet<Kind> = new Set<Kind>(['Promotion', 'VehiclePromotion', 'GeofencePromotion', 'GeofenceSurcharge']);

/**
 * Kinds whose schema has `stacking`: they take part in ordering and stacking and default to non-stackable,
 * as the schema says. Kinds without it (packages, subscriptions, ride passes, referrals, customer care) are
 * vouchers a customer holds, and holding one must not block every promotion, so they stack.
 */
export const STACKING_KINDS: ReadonlySet<Kind> = new Set<Kind>([
  'Promotion',
  'GeofencePromotion',
  'PricedPromotion',
  'Reward',
  'Triggered',
  'VehiclePromotion',
]);

/** Evaluation rank: 0 targets specific lines, 1 is plan-limited, 2 is broad. */
export type Rank = 0 | 1 | 2;

/** A benefit as far as its rank goes: its type and, when it has one, its scope. */
export interface RankedBenefit {
  readonly type: string | undefined;
  /** Only whether each list is empty matters. */
  readonly scope?: {
    readonly priceTypes: readonly unknown[];
    readonly costSources: readonly unknown[];
    readonly plans: readonly unknown[];
    readonly metrics: readonly unknown[];
  };
}

/** Benefits that by their nature reduce specific lines count as targeted even without a scope. */
const INHERENTLY_TARGETED: ReadonlySet<string | undefined> = new Set(['freeUnlocks', 'freeMinutes', 'entitlement', 'packageDiscount']);

export function benefitRank(b: RankedBenefit): Rank {
  if (INHERENTLY_TARGETED.has(b.type)) return 0;
  const s = b.scope;
  if (!s) return 2;
  if (s.priceTypes.length > 0 || s.costSources.length > 0 || s.metrics.length > 0) return 0;
  return s.plans.length > 0 ? 1 : 2;
}

/** A campaign ranks by its most targeted benefit. */
export function campaignRank(benefits: readonly RankedBenefit[]): Rank {
  let rank: Rank = 2;
  for (const b of benefits) rank = Math.min(rank, benefitRank(b)) as Rank;
  return rank;
}
