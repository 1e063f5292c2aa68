// Exact overlap of two areas, with containment and touching handled explicitly: turf's booleanOverlap is
// false when one polygon contains the other, and shared edges must not count (adjacent zones are not
// overlapping zones for any of the APIs). The
// decision is made on the intersection's area, so containment is simply an overlap of 100% of the
// smaller zone and a shared edge or corner is an intersection of zero area.
import { bboxesIntersect, bboxOf } from './bbox.js';
import { intersect } from './clip.js';
import { intersectionAreaM2, ringCrossings } from './intersection-area.js';
import { areaM2 } from './measure.js';
import { boundaryContact } from './self-intersections.js';
import type { BBox, MultiPolygonCoords, Position, Ring } from './types.js';

export type OverlapKind = 'none' | 'partial' | 'contains' | 'within' | 'equal';

export interface Overlap {
  /** none: disjoint or touching only; contains: a contains b; within: a lies inside b. */
  readonly kind: OverlapKind;
  /** Area of the intersection, m². */
  readonly areaM2: number;
  readonly areaA: number;
  readonly areaB: number;
  /** Intersection area as a share (0..1) of the smaller of the two areas. */
  readonly share: number;
}

export interface Shape {
  readonly geometry: MultiPolygonCoords;
  readonly bbox: BBox;
  readonly area: number;
}

/** Intersections no larger than this are digitising noise along a shared edge, not an overlap. */
export const DEFAULT_MIN_OVERLAP_M2 = 1;
/** Relative tolerance for "the intersection is all of the smaller zone". */
const CONTAINMENT_TOLERANCE = 1e-6;

export function toShape(geometry: MultiPolygonCoords): Shape {
  return { geometry, bbox: bboxOf(geometry), area: areaM2(geometry) };
}

export type Relation = 'apart' | 'crossing' | 'contains' | 'within' | 'unknown';

/**
 * Cheap relation of two shapes, without clipping. Two single-ring polygons whose boundaries never meet are
 * apart or nested (one vertex decides); if two edges cross properly the interiors share area. Only shapes
 * that merely touch, or have holes or several parts, are 'unknown' and need the clipper.
 */
export function relate(a: Shape, b: Shape): Relation {
  if (!bboxesIntersect(a.bbox, b.bbox)) return 'apart';
  const ra = singleRing(a.geometry);
  const rb = singleRing(b.geometry);
  if (!ra || !rb) return 'unknown';
  const contact = boundaryContact([ra], [rb]);
  if (contact === 'cross') return 'crossing';
  if (contact === 'touch') return 'unknown';
  if (isInsideRing(rb[0]!, ra)) return 'contains';
  if (isInsideRing(ra[0]!, rb)) return 'within';
  return 'apart';
}

/**
 * The exact overlap; undefined when the clipper cannot process the geometries (report them as invalid instead).
 * Without a relation, two single rings are swept once for both the relation and the area (as `relate` then
 * the exact area would, with the same answers).
 */
export function overlapOf(a: Shape, b: Shape, minOverlapM2 = DEFAULT_MIN_OVERLAP_M2, relation?: Relation): Overlap | undefined {
  if (relation === undefined) {
    if (!bboxesIntersect(a.bbox, b.bbox)) return nothing(a, b);
    const ra = singleRing(a.geometry);
    const rb = singleRing(b.geometry);
    if (!ra || !rb) return overlapOf(a, b, minOverlapM2, 'unknown');
    const c = ringCrossings(ra, rb);
    // Touching boundaries: the clipper decides, as for 'unknown'.
    if (c === undefined) return fromArea(a, b, minOverlapM2, clippedArea(a, b));
    if (c.crossed) return fromArea(a, b, minOverlapM2, c.area());
    return overlapOf(a, b, minOverlapM2, isInsideRing(rb[0]!, ra) ? 'contains' : isInsideRing(ra[0]!, rb) ? 'within' : 'apart');
  }
  const whole = (kind: OverlapKind, area: number): Overlap =>
    area <= minOverlapM2 ? nothing(a, b) : { kind, areaM2: area, areaA: a.area, areaB: b.area, share: 1 };
  if (relation === 'apart') return nothing(a, b);
  if (relation === 'contains') return whole('contains', b.area);
  if (relation === 'within') return whole('within', a.area);
  return fromArea(a, b, minOverlapM2, exactArea(a, b));
}

function nothing(a: Shape, b: Shape): Overlap {
  return { kind: 'none', areaM2: 0, areaA: a.area, areaB: b.area, share: 0 };
}

function fromArea(a: Shape, b: Shape, minOverlapM2: number, area: number | undefined): Overlap | undefined {
  if (area === undefined) return undefined;
  if (area <= minOverlapM2) return nothing(a, b);
  return { kind: classify(area, a.area, b.area), areaM2: area, areaA: a.area, areaB: b.area, share: Math.min(1, area / Math.min(a.area, b.area)) };
}

/** The boundary-integral shortcut for single rings in general position, else polygon-clipping. */
function exactArea(a: Shape, b: Shape): number | undefined {
  const ra = singleRing(a.geometry);
  const rb = singleRing(b.geometry);
  const quick = ra && rb ? intersectionAreaM2(ra, rb) : undefined;
  return quick !== undefined ? quick : clippedArea(a, b);
}

function clippedArea(a: Shape, b: Shape): number | undefined {
  const inter = intersect(a.geometry, b.geometry, a.bbox, b.bbox);
  return inter === undefined ? undefined : areaM2(inter);
}

function singleRing(mp: MultiPolygonCoords): Ring | undefined {
  return mp.length === 1 && mp[0]!.length === 1 ? mp[0]![0] : undefined;
}

/** Even-odd ray casting; only called for points known not to lie on the ring. */
function isInsideRing(p: Position, ring: Ring): boolean {
  const x = p[0];
  const y = p[1];
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    // Indexed, not destructured: destructuring goes through an iterator in code not yet optimized.
    const xi = ring[i]![0];
    const yi = ring[i]![1];
    const xj = ring[j]![0];
    const yj = ring[j]![1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function classify(area: number, areaA: number, areaB: number): OverlapKind {
  const coversA = area >= areaA * (1 - CONTAINMENT_TOLERANCE);
  const coversB = area >= areaB * (1 - CONTAINMENT_TOLERANCE);
  if (coversA && coversB) return 'equal';
  if (coversB) return 'contains';
  if (coversA) return 'within';
  return 'partial';
}
