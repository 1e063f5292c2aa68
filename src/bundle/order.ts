// The resolved evaluation order (DESIGN.md "Order and stacking"): fees first, since discounts may
// waive them; then campaigns whose benefits target specific lines, then plan-limited ones (Lago
// applies metric-limited coupons before plan-limited ones), then broad ones; within a rank,
// priority descending, then name ascending, then kind, so the order is total and deterministic.
import type { BundleBenefit, BundleCampaign } from '../generated/bundle.js';

export type Rank = BundleCampaign['rank'];

/** Benefits that by their nature reduce specific lines count as targeted even without a scope. */
const INHERENTLY_TARGETED = new Set<BundleBenefit['type']>(['freeUnlocks', 'freeMinutes', 'entitlement', 'packageDiscount']);

export function benefitRank(b: BundleBenefit): Rank {
  if (INHERENTLY_TARGETED.has(b.type)) return 0;
  if (!('scope' in b)) return 2;
  const s = b.scope;
  if (s.priceTypes.length > 0 || s.costSources.length > 0 || s.metrics.length > 0) return 0;
  return s.plans.length > 0 ? 1 : 2;
}

/** A campaign ranks by its most targeted benefit. */
export function campaignRank(benefits: readonly BundleBenefit[]): Rank {
  let rank: Rank = 2;
  for (const b of benefits) rank = Math.min(rank, benefitRank(b)) as Rank;
  return rank;
}

export function compareCampaigns(a: BundleCampaign, b: BundleCampaign): number {
  return (
    Number(b.fee === true) - Number(a.fee === true) ||
    a.rank - b.rank ||
    b.priority - a.priority ||
    compareStrings(a.name, b.name) ||
    compareStrings(a.kind, b.kind)
  );
}

/** UTF-16 code-unit order, the same on every machine (localeCompare is not). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortedSet(values: readonly string[] | undefined): string[] {
  return [...new Set(values ?? [])].sort(compareStrings);
}
