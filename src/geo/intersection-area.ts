// The exact area of A ∩ B for two simple rings in general position, without building the intersection.
// turf's area is a shoelace sum in (λ, sin φ) — Σ (λᵢ₊₁ − λᵢ₋₁)·sin φᵢ · R²/2 — so it adds up over directed
// edges, and the boundary of A ∩ B is the parts of A's edges inside B plus the parts of B's edges inside A.
// The result equals turf's area of polygon-clipping's output (edges are straight in lon/lat for both),
// tested against it, at a fraction of the cost. Edges that touch without crossing (shared stretches,
// vertices on edges) are not general position: the caller falls back to the clipper.
import { earthRadius } from '@turf/helpers';
import { buildSegments, crossesProperly, crossingParam, visitBoxPairs, type Segments } from './segments.js';
import { contact } from './self-intersections.js';
import type { Ring } from './types.js';

const FACTOR = (earthRadius * earthRadius) / 2;
const RAD = Math.PI / 180;

/** Area in m², or undefined when the boundaries touch anywhere (then ask the clipper). */
export function intersectionAreaM2(a: Ring, b: Ring): number | undefined {
  const c = ringCrossings(a, b);
  return c === undefined ? undefined : c.area();
}

/** How two rings' boundaries meet, from one sweep over their edges. */
export interface RingCrossings {
  /** Some pair of edges crosses properly (the interiors then share area). */
  readonly crossed: boolean;
  /** The area of A ∩ B, m²; call before the next sweep (the edges are scratch buffers). */
  area(): number;
}

/**
 * The edges of both rings, swept once: undefined when they touch anywhere without crossing properly
 * (not general position: ask the clipper), else whether they cross and, on demand, the exact area. The
 * cheap relation and the exact area share this sweep, so a pair of shapes is swept once, not twice.
 */
export function ringCrossings(a: Ring, b: Ring): RingCrossings | undefined {
  const s = buildSegments([
    { rings: [a], owner: 0 },
    { rings: [b], owner: 1 },
  ]);
  // Crossing parameters per edge; most edges have none, so lists are made on first use.
  const cuts: (number[] | undefined)[] = new Array<number[] | undefined>(s.count).fill(undefined);
  let degenerate = false;
  let crossed = false;
  // Order-free: each edge's cuts are sorted below, and any contact abandons the sum.
  visitBoxPairs(
    s,
    (i, j) => {
      if (crossesProperly(s, i, j)) {
        crossed = true;
        (cuts[i] ??= []).push(crossingParam(s, i, j));
        (cuts[j] ??= []).push(crossingParam(s, j, i));
        return false;
      }
      degenerate = contact(s, i, j, true) !== undefined;
      return degenerate;
    },
    true,
  );
  if (degenerate) return undefined;
  return {
    crossed,
    area: () => {
      const firstOf = (owner: number): number => (owner === 0 ? 0 : s.owner.indexOf(1));
      const total = insideSum(s, firstOf(0), firstOf(1) === -1 ? s.count : firstOf(1), cuts, b) + insideSum(s, firstOf(1), s.count, cuts, a);
      return Math.abs(total) * FACTOR;
    },
  };
}

/** Σ of edge contributions of one ring's pieces lying inside `other`, with the ring taken counter-clockwise. */
function insideSum(s: Segments, start: number, end: number, cuts: readonly (number[] | undefined)[], other: Ring): number {
  if (start < 0 || start >= end) return 0;
  let inside = isInside(s.ax[start]!, s.ay[start]!, other);
  let sum = 0;
  let signed = 0;
  for (let i = start; i < end; i += 1) {
    const ax = s.ax[i]!;
    const ay = s.ay[i]!;
    const bx = s.bx[i]!;
    const by = s.by[i]!;
    signed += term(ax, ay, bx, by);
    // The edge's pieces run between 0, its sorted cuts and 1; each cut flips inside and outside.
    const ts = cuts[i]?.sort((x, y) => x - y);
    const pieces = ts === undefined ? 1 : ts.length + 1;
    for (let p = 0; p < pieces; p += 1) {
      if (p > 0) inside = !inside;
      if (!inside) continue;
      const t0 = p === 0 ? 0 : ts![p - 1]!;
      const t1 = p === pieces - 1 ? 1 : ts![p]!;
      sum += term(ax + t0 * (bx - ax), ay + t0 * (by - ay), ax + t1 * (bx - ax), ay + t1 * (by - ay));
    }
  }
  // Orient both rings the same way, so the pieces form A ∩ B's boundary with one orientation.
  return signed < 0 ? -sum : sum;
}

/** Contribution of the directed edge p → q to turf's ring sum: λq·sin φp − λp·sin φq. */
function term(px: number, py: number, qx: number, qy: number): number {
  return qx * RAD * Math.sin(py * RAD) - px * RAD * Math.sin(qy * RAD);
}

function isInside(x: number, y: number, ring: Ring): boolean {
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
