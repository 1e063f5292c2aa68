// The resolved evaluation order, the same on every target promoc models: fees first, since discounts may
// waive them; then campaigns whose benefits target specific lines, then plan-limited ones (Lago
// applies metric-limited coupons before plan-limited ones), then broad ones; within a rank,
// priority descending, then name ascending, then kind, so the order is total and deterministic.
import type { BundleCampaign } from '../generated/bundle.js';

// A campaign's rank (targeted, plan-limited, broad) is part of what it means: lint reads it too.
export { benefitRank, campaignRank, type Rank } from '../model/campaign-meaning.js';

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
