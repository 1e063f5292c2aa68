// Polygon edges in typed arrays, and a sweep over them sorted by x: the one primitive behind
// self-intersection checks, boundary contact between two shapes and the exact intersection area. Typed
// arrays, not an object per edge: 2,000 geofences of 200 vertices are checked in every lint run.
import type { PolygonCoords, Position } from './types.js';

export interface Segments {
  readonly count: number;
  readonly ax: Float64Array;
  readonly ay: Float64Array;
  readonly bx: Float64Array;
  readonly by: Float64Array;
  readonly minY: Float64Array;
  readonly maxY: Float64Array;
  /** Which input the edge belongs to (0 or 1 when comparing two shapes). */
  readonly owner: Uint8Array;
  readonly ring: Int32Array;
  /** Index among the ring's non-degenerate edges, and how many the ring has (first and last are adjacent). */
  readonly k: Int32Array;
  readonly n: Int32Array;
  /** Index, as written, of the edge's first position. */
  readonly pos: Int32Array;
}

/**
 * Edges of every ring, in ring order; repeated positions are skipped and an unclosed ring is closed. The
 * arrays are scratch space reused by the next call (allocating a dozen small typed arrays per polygon
 * cost more than the sweep itself): use the result before building again.
 */
export function buildSegments(parts: readonly { readonly rings: PolygonCoords; readonly owner: number }[]): Segments {
  let total = 0;
  for (const p of parts) for (const ring of p.rings) total += ring.length;
  const s = scratch(total);
  let count = 0;
  for (const { rings, owner } of parts) {
    rings.forEach((ring, r) => {
      const pts: number[] = []; // indices of kept positions
      for (let i = 0; i < ring.length; i += 1) {
        const last = pts.length > 0 ? ring[pts[pts.length - 1]!]! : undefined;
        if (!last || last[0] !== ring[i]![0] || last[1] !== ring[i]![1]) pts.push(i);
      }
      if (pts.length > 1 && !samePoint(ring[pts[0]!]!, ring[pts[pts.length - 1]!]!)) pts.push(pts[0]!);
      const n = pts.length - 1;
      for (let k = 0; k < n; k += 1) {
        const a = ring[pts[k]!]!;
        const b = ring[pts[k + 1]!]!;
        const j = count;
        s.ax[j] = a[0];
        s.ay[j] = a[1];
        s.bx[j] = b[0];
        s.by[j] = b[1];
        s.minY[j] = Math.min(a[1], b[1]);
        s.maxY[j] = Math.max(a[1], b[1]);
        s.owner[j] = owner;
        s.ring[j] = r;
        s.k[j] = k;
        s.n[j] = n;
        s.pos[j] = pts[k]!;
        count += 1;
      }
    });
  }
  return { ...s, count };
}

type Buffers = Omit<Segments, 'count'> & {
  readonly minX: Float64Array;
  readonly maxX: Float64Array;
  readonly active: Int32Array;
  readonly active1: Int32Array;
};
let buffers: Buffers | undefined;

function scratch(size: number): Buffers {
  if (!buffers || buffers.ax.length < size) {
    const capacity = Math.max(size, 1024);
    const f = (): Float64Array => new Float64Array(capacity);
    const i32 = (): Int32Array => new Int32Array(capacity);
    buffers = {
      ax: f(),
      ay: f(),
      bx: f(),
      by: f(),
      minY: f(),
      maxY: f(),
      minX: f(),
      maxX: f(),
      owner: new Uint8Array(capacity),
      ring: i32(),
      k: i32(),
      n: i32(),
      pos: i32(),
      active: i32(),
      active1: i32(),
    };
  }
  return buffers;
}

function samePoint(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/**
 * Calls `visit(earlier, later)` for edge pairs whose boxes overlap, until it returns true. With
 * `acrossOwners`, only pairs of edges of different owners (0 and 1) are visited, each edge scanning the
 * other owner's active edges only: comparing a 10,000-edge star (whose edges all overlap near its centre)
 * with a square then costs about what the square does, instead of the star's 10,000² own pairs.
 */
export function sweepSegments(s: Segments, visit: (i: number, j: number) => boolean, acrossOwners = false): void {
  const { minX, maxX, active, active1 } = scratch(s.count);
  for (let i = 0; i < s.count; i += 1) {
    minX[i] = Math.min(s.ax[i]!, s.bx[i]!);
    maxX[i] = Math.max(s.ax[i]!, s.bx[i]!);
  }
  // A plain array sorts faster with a comparator than a typed one.
  const order: number[] = new Array<number>(s.count);
  for (let i = 0; i < s.count; i += 1) order[i] = i;
  order.sort((a, b) => minX[a]! - minX[b]!);
  if (acrossOwners) {
    // One active list per owner; a list is pruned when the other owner's edges scan it.
    const lists = [active, active1] as const;
    const sizes = [0, 0];
    for (let o = 0; o < order.length; o += 1) {
      const j = order[o]!;
      const own = s.owner[j] === 0 ? 0 : 1;
      const list = lists[1 - own]!;
      let kept = 0;
      for (let a = 0; a < sizes[1 - own]!; a += 1) {
        const i = list[a]!;
        if (maxX[i]! < minX[j]!) continue;
        list[kept] = i;
        kept += 1;
        if (s.maxY[i]! >= s.minY[j]! && s.maxY[j]! >= s.minY[i]! && visit(i, j)) return;
      }
      sizes[1 - own] = kept;
      lists[own]![sizes[own]!] = j;
      sizes[own]! += 1;
    }
    return;
  }
  let size = 0;
  for (let o = 0; o < order.length; o += 1) {
    const j = order[o]!;
    let kept = 0;
    for (let a = 0; a < size; a += 1) {
      const i = active[a]!;
      if (maxX[i]! < minX[j]!) continue; // no later edge (sorted by minX) can reach it either
      active[kept] = i;
      kept += 1;
      if (s.maxY[i]! >= s.minY[j]! && s.maxY[j]! >= s.minY[i]! && visit(i, j)) return;
    }
    size = kept;
    active[size] = j;
    size += 1;
  }
}

export function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const v = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

/** Do edges i and j cross at a point interior to both? */
export function crossesProperly(s: Segments, i: number, j: number): boolean {
  return (
    orient(s.ax[i]!, s.ay[i]!, s.bx[i]!, s.by[i]!, s.ax[j]!, s.ay[j]!) * orient(s.ax[i]!, s.ay[i]!, s.bx[i]!, s.by[i]!, s.bx[j]!, s.by[j]!) < 0 &&
    orient(s.ax[j]!, s.ay[j]!, s.bx[j]!, s.by[j]!, s.ax[i]!, s.ay[i]!) * orient(s.ax[j]!, s.ay[j]!, s.bx[j]!, s.by[j]!, s.bx[i]!, s.by[i]!) < 0
  );
}

/** Where along edge i (0..1) it crosses edge j; only meaningful when they cross properly. */
export function crossingParam(s: Segments, i: number, j: number): number {
  const dx = s.bx[i]! - s.ax[i]!;
  const dy = s.by[i]! - s.ay[i]!;
  const ex = s.bx[j]! - s.ax[j]!;
  const ey = s.by[j]! - s.ay[j]!;
  return ((s.ax[j]! - s.ax[i]!) * ey - (s.ay[j]! - s.ay[i]!) * ex) / (dx * ey - dy * ex);
}
