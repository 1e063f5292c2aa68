// The zones of geofence offers (lists of geofences, meaning their union), compared thousands of times by the
// stacking and discount analyses: each distinct list is numbered once and the atlas's answer for a pair of
// zones is kept. Geofences linked by a positive overlap, or listed in one zone, form components; two zones
// can only meet (or lie one within the other) inside one component, so the analyses bucket offers by
// component and never compare across.
import type { Atlas, Overlap } from '../../geo/index.js';
import type { Offer } from './offers.js';

export interface ZoneIndex {
  /** `atlas.zonesMeet` of the two offers' zones; both must have one. */
  meet(a: Offer, b: Offer): boolean;
  /** `atlas.zoneOverlap(l's zone, w's zone)`; both must have one. */
  overlap(l: Offer, w: Offer): Overlap | undefined;
  /** `atlas.commonArea` of the offers' zones, in this order; each must have one. */
  commonArea(offers: readonly Offer[]): number;
  /** The component holding the offer's zone, -1 without one: zones that can meet share it. */
  component(o: Offer): number;
}

export function createZoneIndex(offers: readonly Offer[], atlas: Atlas): ZoneIndex {
  const numbers = new Map<string, number>();
  const lists: (readonly string[])[] = [];
  const zoneOf = new Int32Array(offers.reduce((n, o) => Math.max(n, o.id + 1), 0)).fill(-1);
  for (const o of offers) {
    if (!o.geo) continue;
    const key = o.geo.geofences.join('\0');
    let n = numbers.get(key);
    if (n === undefined) {
      n = lists.length;
      numbers.set(key, n);
      lists.push(o.geo.geofences);
    }
    zoneOf[o.id] = n;
  }
  const count = lists.length;
  const zone = (o: Offer): number => {
    const n = o.id < zoneOf.length ? zoneOf[o.id]! : -1;
    if (n < 0) throw new Error(`offer ${o.key} has no indexed zone`);
    return n;
  };
  const meets = new Map<number, boolean>();
  const overlaps = new Map<number, Overlap | undefined>();
  const areas = new Map<string, number>();
  let components: Int32Array | undefined;

  return {
    meet(a, b) {
      const x = zone(a);
      const y = zone(b);
      // zonesMeet is symmetric.
      const key = x < y ? x * count + y : y * count + x;
      let found = meets.get(key);
      if (found === undefined) {
        found = atlas.zonesMeet(lists[x]!, lists[y]!);
        meets.set(key, found);
      }
      return found;
    },
    overlap(l, w) {
      const key = zone(l) * count + zone(w);
      if (!overlaps.has(key)) overlaps.set(key, atlas.zoneOverlap(lists[zone(l)]!, lists[zone(w)]!));
      return overlaps.get(key);
    },
    commonArea(of) {
      const key = of.map(zone).join(',');
      let area = areas.get(key);
      if (area === undefined) {
        area = atlas.commonArea(of.map((o) => lists[zone(o)]!));
        areas.set(key, area);
      }
      return area;
    },
    component(o) {
      if (!o.geo) return -1;
      components ??= componentsOf(lists, atlas);
      return components[zone(o)]!;
    },
  };
}

/** Per zone, its component: union-find over geofence names, joined by shared zones and overlapping pairs. */
function componentsOf(lists: readonly (readonly string[])[], atlas: Atlas): Int32Array {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    for (let p = parent.get(root); p !== undefined && p !== root; p = parent.get(root)) root = p;
    for (let cur = x; cur !== root;) {
      const next = parent.get(cur)!;
      parent.set(cur, root);
      cur = next;
    }
    return root;
  };
  const join = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  for (const list of lists) for (const g of list) if (!parent.has(g)) parent.set(g, g);
  for (const list of lists) for (let i = 1; i < list.length; i += 1) join(list[0]!, list[i]!);
  for (const { a, b } of atlas.overlappingPairs()) if (parent.has(a) && parent.has(b)) join(a, b);
  const ids = new Map<string, number>();
  return Int32Array.from(lists, (list) => {
    // An empty zone meets nothing: a component of its own.
    if (list.length === 0) return lists.length;
    const root = find(list[0]!);
    let id = ids.get(root);
    if (id === undefined) {
      id = ids.size;
      ids.set(root, id);
    }
    return id;
  });
}
