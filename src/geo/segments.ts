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
    for (let r = 0; r < rings.length; r += 1) {
      const ring = rings[r]!;
      // Edges between consecutive kept positions (a position equal to the last kept one is skipped), then
      // back to the first kept one if the ring does not end there; `n` is known once the ring is done.
      const begin = count;
      let first = -1;
      let last = -1;
      for (let i = 0; i < ring.length; i += 1) {
        const b = ring[i]!;
        if (last >= 0) {
          const a = ring[last]!;
          if (a[0] === b[0] && a[1] === b[1]) continue;
          count = edge(s, count, a, b, owner, r, count - begin, last);
        } else first = i;
        last = i;
      }
      if (last > first && !samePoint(ring[first]!, ring[last]!)) count = edge(s, count, ring[last]!, ring[first]!, owner, r, count - begin, last);
      for (let j = begin; j < count; j += 1) s.n[j] = count - begin;
    }
  }
  return {
    count,
    ax: s.ax,
    ay: s.ay,
    bx: s.bx,
    by: s.by,
    minY: s.minY,
    maxY: s.maxY,
    owner: s.owner,
    ring: s.ring,
    k: s.k,
    n: s.n,
    pos: s.pos,
  };
}

function edge(s: Buffers, j: number, a: Position, b: Position, owner: number, r: number, k: number, pos: number): number {
  s.ax[j] = a[0];
  s.ay[j] = a[1];
  s.bx[j] = b[0];
  s.by[j] = b[1];
  s.minY[j] = Math.min(a[1], b[1]);
  s.maxY[j] = Math.max(a[1], b[1]);
  s.owner[j] = owner;
  s.ring[j] = r;
  s.k[j] = k;
  s.pos[j] = pos;
  return j + 1;
}

type Buffers = Omit<Segments, 'count'> & {
  readonly minX: Float64Array;
  readonly maxX: Float64Array;
  readonly active: Int32Array;
  readonly active1: Int32Array;
  /** visitBoxPairs: edges bucketed by minX, per bucket its first slot, and the least minX from each slot on. */
  readonly order: Int32Array;
  readonly slots: Int32Array;
  readonly floor: Float64Array;
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
      order: i32(),
      slots: new Int32Array(capacity + 1),
      floor: f(),
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

/**
 * Calls `visit(i, j)` for the same pairs as `sweepSegments` (boxes overlapping; with `acrossOwners`, of
 * different owners only), each pair ordered as there (i: smaller minX, ties by index), but the pairs in
 * no particular order, until it returns true. Edges are bucketed by minX (a counting sort) instead of
 * sorted: linear for the rings people draw. For callers whose answer does not depend on the order of pairs.
 */
export function visitBoxPairs(s: Segments, visit: (i: number, j: number) => boolean, acrossOwners = false): void {
  const n = s.count;
  if (n < 2) return;
  const { minX, maxX, active, active1, order, slots, floor } = scratch(n);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i += 1) {
    const x0 = Math.min(s.ax[i]!, s.bx[i]!);
    minX[i] = x0;
    maxX[i] = Math.max(s.ax[i]!, s.bx[i]!);
    if (x0 < lo) lo = x0;
    if (x0 > hi) hi = x0;
  }
  // n buckets over [lo, hi]; the bucket only orders the scan, `floor` (exact) decides what is dropped.
  let scale = n / (hi - lo);
  if (!Number.isFinite(scale)) scale = 0;
  slots.fill(0, 0, n + 1);
  for (let i = 0; i < n; i += 1) slots[Math.min(n - 1, Math.floor((minX[i]! - lo) * scale)) + 1]! += 1;
  for (let b = 1; b <= n; b += 1) slots[b]! += slots[b - 1]!;
  for (let i = 0; i < n; i += 1) {
    const b = Math.min(n - 1, Math.floor((minX[i]! - lo) * scale));
    order[slots[b]!] = i;
    slots[b]! += 1;
  }
  let least = Infinity;
  for (let p = n - 1; p >= 0; p -= 1) {
    const x0 = minX[order[p]!]!;
    if (x0 < least) least = x0;
    floor[p] = least;
  }
  let size = 0;
  let size1 = 0;
  for (let p = 0; p < n; p += 1) {
    const j = order[p]!;
    const limit = floor[p]!;
    // Without owners, one list; across owners, scan the other owner's list and join one's own.
    const other = acrossOwners && s.owner[j] === 0 ? active1 : active;
    const otherSize = acrossOwners && s.owner[j] === 0 ? size1 : size;
    let kept = 0;
    for (let a = 0; a < otherSize; a += 1) {
      const i = other[a]!;
      if (maxX[i]! < limit) continue; // no edge from here on reaches it
      other[kept] = i;
      kept += 1;
      if (maxX[i]! >= minX[j]! && maxX[j]! >= minX[i]! && s.maxY[i]! >= s.minY[j]! && s.maxY[j]! >= s.minY[i]!) {
        const first = minX[i]! < minX[j]! || (minX[i]! === minX[j]! && i < j);
        if (first ? visit(i, j) : visit(j, i)) return;
      }
    }
    if (!acrossOwners) {
      size = kept;
      active[size] = j;
      size += 1;
    } else if (s.owner[j] === 0) {
      size1 = kept;
      active[size] = j;
      size += 1;
    } else {
      size = kept;
      active1[size1] = j;
      size1 += 1;
    }
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
