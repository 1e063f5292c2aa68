// Work several rules need, computed on first use and shared for the rest of the run: the atlas (geofence
// shapes and overlaps), offers, stacking pairs, discount stacks, zone pairs and geofence placement.
import { createAtlas, type Atlas } from '../../geo/index.js';
import type { Model } from '../../model/resource.js';
import type { LintSettings } from '../settings.js';
import { worstDiscountStacks, type DiscountStack } from './discounts.js';
import { buildOffers, type Offer } from './offers.js';
import { placements, type Placement } from './placement.js';
import { analyseStacking, type StackingAnalysis } from './stacking.js';
import { createZoneIndex, type ZoneIndex } from './zone-index.js';
import { zonePairs, type ZonePair } from './zones.js';

export interface Analysis {
  readonly atlas: Atlas;
  readonly offers: readonly Offer[];
  /** The offers' zones, numbered, with the atlas's answers about them kept. */
  readonly zones: ZoneIndex;
  readonly stacking: StackingAnalysis;
  readonly discountStacks: readonly DiscountStack[];
  readonly zonePairs: readonly ZonePair[];
  readonly placements: ReadonlyMap<string, Placement>;
}

export function createAnalysis(model: Model, settings: LintSettings): Analysis {
  const memo = new Map<string, unknown>();
  const once = <T>(key: string, compute: () => T): T => {
    if (!memo.has(key)) memo.set(key, compute());
    return memo.get(key) as T;
  };
  const analysis: Analysis = {
    get atlas() {
      return once('atlas', () => createAtlas(model.geometries, { minOverlapM2: settings.minOverlapM2, naive: settings.naiveGeometry }));
    },
    get offers() {
      return once('offers', () => buildOffers(model));
    },
    get zones() {
      return once('zoneIndex', () => createZoneIndex(analysis.offers, analysis.atlas));
    },
    get stacking() {
      return once('stacking', () => analyseStacking(analysis.offers, analysis.zones));
    },
    get discountStacks() {
      return once('discounts', () => worstDiscountStacks(analysis.offers, analysis.zones, settings.maxCombinedDiscountPercent));
    },
    get zonePairs() {
      return once('zones', () => zonePairs(analysis.offers, analysis.atlas));
    },
    get placements() {
      return once('placements', () => placements(model, analysis.atlas, settings.operatingArea));
    },
  };
  return analysis;
}
