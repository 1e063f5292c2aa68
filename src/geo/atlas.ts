// The geofences of one model, measured once: shapes, validity, and which pairs overlap (flatbush
// candidates, then the exact area: see `overlapOf` for the shortcuts that avoid clipping).
// Zones (a campaign's list of geofences, meaning their union) are compared through it.
import { intersect, unite } from './clip.js';
import { areaM2 } from './measure.js';
import { DEFAULT_MIN_OVERLAP_M2, overlapOf, toShape, type Overlap, type Shape } from './overlap.js';
import { boxPairs } from './spatial-index.js';
import type { MultiPolygonCoords } from './types.js';
import { geometryIssues, type GeometryIssue } from './validity.js';

export interface AtlasOptions {
  /** Intersections up to this area (m²) count as touching. Default 1 m². */
  readonly minOverlapM2?: number;
  /**
   * The baseline the index is measured against: every pair of geofences goes through the exact overlap
   * computation, with no bounding-box index or shortcut (benchmark and equivalence tests).
   */
  readonly naive?: boolean;
}

/** Two geofences (a < b by name) whose areas overlap; the exact area comes from `pairOverlap` (cached). */
export interface OverlapPair {
  readonly a: string;
  readonly b: string;
}

export interface Atlas {
  readonly names: readonly string[];
  geometry(name: string): MultiPolygonCoords | undefined;
  issues(name: string): readonly GeometryIssue[];
  /** A usable shape: present and without geometry issues. */
  shape(name: string): Shape | undefined;
  /** Every pair of distinct usable geofences whose areas overlap, sorted by name. */
  overlappingPairs(): readonly OverlapPair[];
  /** Exact overlap of two geofences, oriented as asked; undefined if one is unusable or the clipper fails. */
  pairOverlap(a: string, b: string): Overlap | undefined;
  /** Do two zones (unions of geofences) share a positive area? */
  zonesMeet(a: readonly string[], b: readonly string[]): boolean;
  /** Exact overlap of two zones; undefined if a member is unusable or the clipper fails. */
  zoneOverlap(a: readonly string[], b: readonly string[]): Overlap | undefined;
  /** Area (m²) common to all the zones. */
  commonArea(zones: readonly (readonly string[])[]): number;
}

export function createAtlas(geometries: ReadonlyMap<string, MultiPolygonCoords>, options: AtlasOptions = {}): Atlas {
  const minOverlap = options.minOverlapM2 ?? DEFAULT_MIN_OVERLAP_M2;
  const names = [...geometries.keys()].sort();
  const issueCache = new Map<string, readonly GeometryIssue[]>();
  const shapeCache = new Map<string, Shape | undefined>();
  const zoneCache = new Map<string, Shape | undefined>();
  const exact = new Map<string, Overlap | undefined>();
  let pairs: readonly OverlapPair[] | undefined;
  let positive: ReadonlySet<string> | undefined;

  const issues = (name: string): readonly GeometryIssue[] => {
    let found = issueCache.get(name);
    if (!found) {
      const g = geometries.get(name);
      found = g ? geometryIssues(g) : [];
      issueCache.set(name, found);
    }
    return found;
  };
  const shape = (name: string): Shape | undefined => {
    if (!shapeCache.has(name)) {
      const g = geometries.get(name);
      shapeCache.set(name, g && g.length > 0 && issues(name).length === 0 ? toShape(g) : undefined);
    }
    return shapeCache.get(name);
  };
  const pairOverlap = (a: string, b: string): Overlap | undefined => {
    const key = pairKey(a, b);
    if (!exact.has(key)) {
      const [x, y] = a < b ? [a, b] : [b, a];
      const sx = shape(x);
      const sy = shape(y);
      exact.set(key, sx && sy ? overlapOf(sx, sy, minOverlap) : undefined);
    }
    const o = exact.get(key);
    return o && a > b ? mirror(o) : o;
  };
  const overlappingPairs = (): readonly OverlapPair[] => {
    if (pairs) return pairs;
    const usable = names.filter((n) => shape(n) !== undefined);
    const candidates = options.naive ? allPairs(usable.length) : boxPairs(usable.map((n) => shape(n)!.bbox));
    const found: OverlapPair[] = [];
    for (const [i, j] of candidates) {
      const a = usable[i]!;
      const b = usable[j]!;
      // The naive baseline takes no shortcut: every pair is measured by the exact area.
      if (options.naive && !exact.has(pairKey(a, b))) exact.set(pairKey(a, b), overlapOf(shape(a)!, shape(b)!, minOverlap, 'unknown'));
      // Decided on the exact area, so both strategies agree even on slivers below minOverlapM2.
      if ((pairOverlap(a, b)?.kind ?? 'none') !== 'none') found.push({ a, b });
    }
    pairs = found;
    positive = new Set(found.map((p) => pairKey(p.a, p.b)));
    return pairs;
  };
  const zoneShape = (zone: readonly string[]): Shape | undefined => {
    const members = [...new Set(zone)].sort();
    if (members.length === 1) return shape(members[0]!);
    const key = members.join('\0');
    if (!zoneCache.has(key)) {
      const parts = members.map(shape);
      const union = parts.every((p) => p !== undefined) ? unite(parts.map((p) => p!.geometry)) : undefined;
      zoneCache.set(key, union ? toShape(union) : undefined);
    }
    return zoneCache.get(key);
  };
  const zonesMeet = (a: readonly string[], b: readonly string[]): boolean => {
    overlappingPairs();
    for (const x of a) {
      for (const y of b) {
        if (x === y ? shape(x) !== undefined : positive!.has(pairKey(x, y))) return true;
      }
    }
    return false;
  };

  return {
    names,
    geometry: (name) => geometries.get(name),
    issues,
    shape,
    overlappingPairs,
    pairOverlap,
    zonesMeet,
    zoneOverlap(a, b) {
      const sa = zoneShape(a);
      const sb = zoneShape(b);
      if (!sa || !sb) return undefined;
      if (!zonesMeet(a, b)) return { kind: 'none', areaM2: 0, areaA: sa.area, areaB: sb.area, share: 0 };
      if (a.length === 1 && b.length === 1) {
        return a[0] === b[0] ? { kind: 'equal', areaM2: sa.area, areaA: sa.area, areaB: sb.area, share: 1 } : pairOverlap(a[0]!, b[0]!);
      }
      return overlapOf(sa, sb, minOverlap);
    },
    commonArea(zones) {
      let acc: MultiPolygonCoords | undefined;
      for (const z of zones) {
        const s = zoneShape(z);
        if (!s) return 0;
        acc = acc === undefined ? s.geometry : intersect(acc, s.geometry);
        if (!acc || acc.length === 0) return 0;
      }
      const area = acc ? areaM2(acc) : 0;
      return area > minOverlap ? area : 0;
    },
  };
}

function* allPairs(n: number): Generator<[number, number]> {
  for (let i = 0; i < n; i += 1) for (let j = i + 1; j < n; j += 1) yield [i, j];
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\0${b}` : `${b}\0${a}`;
}

function mirror(o: Overlap): Overlap {
  const kind = o.kind === 'contains' ? 'within' : o.kind === 'within' ? 'contains' : o.kind;
  return { kind, areaM2: o.areaM2, areaA: o.areaB, areaB: o.areaA, share: o.share };
}

/**
 * Every overlapping pair of geofences with its exact area, sorted by name: what the benchmark prints for
 * the indexed and the all-pairs strategies to show they agree.
 */
export function overlapReport(
  geometries: ReadonlyMap<string, MultiPolygonCoords>,
  options: AtlasOptions = {},
): { a: string; b: string; areaM2: number; share: number }[] {
  const atlas = createAtlas(geometries, options);
  return atlas.overlappingPairs().flatMap(({ a, b }) => {
    const o = atlas.pairOverlap(a, b);
    return o && o.kind !== 'none' ? [{ a, b, areaM2: o.areaM2, share: o.share }] : [];
  });
}
