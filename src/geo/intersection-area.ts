// The exact area of A ∩ B for two simple rings in general position, without building the intersection.
// turf's area is a shoelace sum in (λ, sin φ) — Σ (λᵢ₊₁ − λᵢ₋₁)·sin φᵢ · R²/2 — so it adds up over directed
// edges, and the boundary of A ∩ B is the parts of A's edges inside B plus the parts of B's edges inside A.
// The result equals turf's area of polygon-clipping's output (edges are straight in lon/lat for both),
// tested against it, at a fraction of the cost. Edges that touch without crossing (shared stretches,
// vertices on edges) are not general position: the caller falls back to the clipper.
import { earthRadius } from '@turf/helpers';
import { buildSegments, crossesProperly, crossingParam, visitBoxPairs, type Segments } from './segments.js';
import { contact } from './self-intersections.js';
import type { Position, Ring } from './types.js';

const FACTOR = (earthRadius * earthRadius) / 2;
const RAD = Math.PI / 180;

/** Area in m², or undefined when the boundaries touch anywhere (then ask the clipper). */
export function intersectionAreaM2(a: Ring, b: Ring): number | undefined {
  const s = buildSegments([
    { rings: [a], owner: 0 },
    { rings: [b], owner: 1 },
  ]);
  const cuts: number[][] = Array.from({ length: s.count }, () => []);
  let degenerate = false;
  // Order-free: each edge's cuts are sorted below, and any contact abandons the sum.
  visitBoxPairs(
    s,
    (i, j) => {
      if (crossesProperly(s, i, j)) {
        cuts[i]!.push(crossingParam(s, i, j));
        cuts[j]!.push(crossingParam(s, j, i));
        return false;
      }
      degenerate = contact(s, i, j, true) !== undefined;
      return degenerate;
    },
    true,
  );
  if (degenerate) return undefined;
  const firstOf = (owner: number): number => (owner === 0 ? 0 : s.owner.indexOf(1));
  const total = insideSum(s, firstOf(0), firstOf(1) === -1 ? s.count : firstOf(1), cuts, b) + insideSum(s, firstOf(1), s.count, cuts, a);
  return Math.abs(total) * FACTOR;
}

/** Σ of edge contributions of one ring's pieces lying inside `other`, with the ring taken counter-clockwise. */
function insideSum(s: Segments, start: number, end: number, cuts: readonly number[][], other: Ring): number {
  if (start < 0 || start >= end) return 0;
  let inside = isInside([s.ax[start]!, s.ay[start]!], other);
  let sum = 0;
  let signed = 0;
  for (let i = start; i < end; i += 1) {
    const ax = s.ax[i]!;
    const ay = s.ay[i]!;
    const bx = s.bx[i]!;
    const by = s.by[i]!;
    signed += term(ax, ay, bx, by);
    const ts = [0, ...cuts[i]!.sort((x, y) => x - y), 1];
    for (let p = 0; p + 1 < ts.length; p += 1) {
      if (p > 0) inside = !inside;
      if (!inside) continue;
      const t0 = ts[p]!;
      const t1 = ts[p + 1]!;
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

function isInside([x, y]: Position, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
