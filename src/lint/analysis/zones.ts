// Pairs of geofence campaigns whose zones share area, found from the atlas's overlapping geofence pairs
// (flatbush candidates) and from geofences used by several campaigns: never all pairs of campaigns.
import type { Atlas, Overlap } from '../../geo/index.js';
import { peopleAndVehiclesMeet, windowsOverlap } from './meet.js';
import type { Offer } from './offers.js';

export interface ZonePair {
  /** a.id < b.id */
  readonly a: Offer;
  readonly b: Offer;
  readonly overlap: Overlap;
  /** Rental events on which both fire (bit mask of START/END). */
  readonly sides: number;
}

/**
 * Offer pairs (one offer per campaign: geofence campaigns have no phases) that can fire on the same rental
 * event in the same place at the same time for the same customer and vehicle. Codes and stacking are not
 * considered here; the rules that use these pairs are about places.
 */
export function zonePairs(offers: readonly Offer[], atlas: Atlas): ZonePair[] {
  const geo = offers.filter((o) => o.geo && !o.contradictory && o.from < o.until);
  const users = new Map<string, Offer[]>();
  for (const o of geo) {
    for (const g of new Set(o.geo!.geofences)) {
      const list = users.get(g);
      if (list) list.push(o);
      else users.set(g, [o]);
    }
  }
  const seen = new Set<string>();
  const out: ZonePair[] = [];
  const consider = (x: Offer, y: Offer): void => {
    if (x === y) return;
    const [a, b] = x.id < y.id ? [x, y] : [y, x];
    const k = `${a.id}|${b.id}`;
    if (seen.has(k)) return;
    seen.add(k);
    const sides = a.geo!.sides & b.geo!.sides;
    if (sides === 0 || !windowsOverlap(a, b) || !peopleAndVehiclesMeet(a, b)) return;
    const overlap = atlas.zoneOverlap(a.geo!.geofences, b.geo!.geofences);
    if (overlap && overlap.kind !== 'none') out.push({ a, b, overlap, sides });
  };
  for (const [g, list] of users) {
    if (!atlas.shape(g)) continue;
    for (let i = 0; i < list.length; i += 1) for (let j = i + 1; j < list.length; j += 1) consider(list[i]!, list[j]!);
  }
  for (const { a: ga, b: gb } of atlas.overlappingPairs()) {
    for (const x of users.get(ga) ?? []) for (const y of users.get(gb) ?? []) consider(x, y);
  }
  return out.sort((p, q) => p.a.id - q.a.id || p.b.id - q.b.id);
}
