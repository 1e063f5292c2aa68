// Self-intersections of one polygon's rings, and contact between two polygons' boundaries, by a sweep
// over edges (O(n log n + k) for the shapes people draw). @turf/kinks compares every pair of edges and
// allocates per comparison, too slow for 2,000 geofences in the lint budget; tests use it as the oracle.
import { buildSegments, crossesProperly, crossingParam, orient, sweepSegments, visitBoxPairs, type Segments } from './segments.js';
import type { PolygonCoords, Position } from './types.js';

export interface Crossing {
  readonly ringA: number;
  readonly ringB: number;
  /** Index of the first position of each edge, as written in the ring. */
  readonly segA: number;
  readonly segB: number;
  readonly at: Position;
}

/** Crossings, in sweep order, stopping after `limit`. A ring touching itself counts; two rings touching at one point does not (OGC). */
export function selfIntersections(polygon: PolygonCoords, limit = 1): Crossing[] {
  const s = buildSegments([{ rings: polygon, owner: 0 }]);
  const meet = (i: number, j: number): Position | undefined => (isAdjacent(s, i, j) ? spike(s, i, j) : contact(s, i, j, s.ring[i] === s.ring[j]));
  // Most rings are simple: the same test over the same pairs, unordered, proves it without sorting the
  // edges; only a ring with a crossing is swept in order, for the first crossings as reported.
  let any = false;
  visitBoxPairs(s, (i, j) => (any = meet(i, j) !== undefined));
  if (!any) return [];
  const out: Crossing[] = [];
  sweepSegments(s, (i, j) => {
    const at = meet(i, j);
    if (!at) return false;
    out.push({ ringA: s.ring[i]!, ringB: s.ring[j]!, segA: s.pos[i]!, segB: s.pos[j]!, at });
    return out.length >= limit;
  });
  return out;
}

export type Contact = 'none' | 'touch' | 'cross';

/**
 * How the boundaries of two polygons meet: 'cross' as soon as two edges cross properly (then the interiors
 * share area), 'touch' when they only share points or stretches (shared edges, corners), else 'none'.
 */
export function boundaryContact(a: PolygonCoords, b: PolygonCoords): Contact {
  const s = buildSegments([
    { rings: a, owner: 0 },
    { rings: b, owner: 1 },
  ]);
  let found: Contact = 'none';
  // Order-free: a proper crossing anywhere makes 'cross', else any contact 'touch'.
  visitBoxPairs(
    s,
    (i, j) => {
      if (crossesProperly(s, i, j)) {
        found = 'cross';
        return true;
      }
      if (found === 'none' && contact(s, i, j, true) !== undefined) found = 'touch';
      return false;
    },
    true,
  );
  return found;
}

function isAdjacent(s: Segments, i: number, j: number): boolean {
  if (s.ring[i] !== s.ring[j] || s.owner[i] !== s.owner[j]) return false;
  const d = Math.abs(s.k[i]! - s.k[j]!);
  return d === 1 || d === s.n[i]! - 1;
}

/** Two consecutive edges that double back along the same line (a spike of zero width). */
function spike(s: Segments, i: number, j: number): Position | undefined {
  // The shared vertex v is an end of both; p and q are the other ends. Spike: p, v, q collinear and p, q on the same side of v.
  const iAtoJ = (s.ax[i] === s.ax[j] && s.ay[i] === s.ay[j]) || (s.ax[i] === s.bx[j] && s.ay[i] === s.by[j]);
  const vx = iAtoJ ? s.ax[i]! : s.bx[i]!;
  const vy = iAtoJ ? s.ay[i]! : s.by[i]!;
  const px = iAtoJ ? s.bx[i]! : s.ax[i]!;
  const py = iAtoJ ? s.by[i]! : s.ay[i]!;
  const jAtV = s.ax[j] === vx && s.ay[j] === vy;
  if (!jAtV && !(s.bx[j] === vx && s.by[j] === vy)) return undefined;
  const qx = jAtV ? s.bx[j]! : s.ax[j]!;
  const qy = jAtV ? s.by[j]! : s.ay[j]!;
  const cross = (px - vx) * (qy - vy) - (py - vy) * (qx - vx);
  const dot = (px - vx) * (qx - vx) + (py - vy) * (qy - vy);
  return cross === 0 && dot > 0 ? [vx, vy] : undefined;
}

function within(s: Segments, i: number, x: number, y: number): boolean {
  return x >= Math.min(s.ax[i]!, s.bx[i]!) && x <= Math.max(s.ax[i]!, s.bx[i]!) && y >= s.minY[i]! && y <= s.maxY[i]!;
}

/** Where two edges meet; for different rings only crossings and shared stretches count. */
export function contact(s: Segments, i: number, j: number, sameRing: boolean): Position | undefined {
  const o1 = orient(s.ax[i]!, s.ay[i]!, s.bx[i]!, s.by[i]!, s.ax[j]!, s.ay[j]!);
  const o2 = orient(s.ax[i]!, s.ay[i]!, s.bx[i]!, s.by[i]!, s.bx[j]!, s.by[j]!);
  const o3 = orient(s.ax[j]!, s.ay[j]!, s.bx[j]!, s.by[j]!, s.ax[i]!, s.ay[i]!);
  const o4 = orient(s.ax[j]!, s.ay[j]!, s.bx[j]!, s.by[j]!, s.bx[i]!, s.by[i]!);
  if (o1 * o2 < 0 && o3 * o4 < 0) {
    const t = crossingParam(s, i, j);
    return [s.ax[i]! + t * (s.bx[i]! - s.ax[i]!), s.ay[i]! + t * (s.by[i]! - s.ay[i]!)];
  }
  if (o1 === 0 && o2 === 0) return collinearOverlap(s, i, j, sameRing);
  if (!sameRing) return undefined;
  if (o1 === 0 && within(s, i, s.ax[j]!, s.ay[j]!)) return [s.ax[j]!, s.ay[j]!];
  if (o2 === 0 && within(s, i, s.bx[j]!, s.by[j]!)) return [s.bx[j]!, s.by[j]!];
  if (o3 === 0 && within(s, j, s.ax[i]!, s.ay[i]!)) return [s.ax[i]!, s.ay[i]!];
  if (o4 === 0 && within(s, j, s.bx[i]!, s.by[i]!)) return [s.bx[i]!, s.by[i]!];
  return undefined;
}

function collinearOverlap(s: Segments, i: number, j: number, sameRing: boolean): Position | undefined {
  // Project on the longer axis; a shared stretch of positive length is always a contact, a shared point only within a ring.
  const useX = Math.abs(s.bx[i]! - s.ax[i]!) >= s.maxY[i]! - s.minY[i]!;
  const lo = useX ? Math.max(Math.min(s.ax[i]!, s.bx[i]!), Math.min(s.ax[j]!, s.bx[j]!)) : Math.max(s.minY[i]!, s.minY[j]!);
  const hi = useX ? Math.min(Math.max(s.ax[i]!, s.bx[i]!), Math.max(s.ax[j]!, s.bx[j]!)) : Math.min(s.maxY[i]!, s.maxY[j]!);
  if (hi < lo || (hi === lo && !sameRing)) return undefined;
  for (const [x, y] of [
    [s.ax[j]!, s.ay[j]!],
    [s.bx[j]!, s.by[j]!],
    [s.ax[i]!, s.ay[i]!],
    [s.bx[i]!, s.by[i]!],
  ] as const) {
    if (within(s, i, x, y) && within(s, j, x, y)) return [x, y];
  }
  return undefined;
}
