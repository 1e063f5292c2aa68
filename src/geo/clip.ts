// Exact polygon boolean operations. polygon-clipping, not turf's intersect: ~0.4 ms per pair instead of
// ~7 ms (measured here), and it returns an empty result for polygons that only share an edge or a corner
// where turf's `intersect` has been seen to throw.
import polygonClipping from 'polygon-clipping';
import { bboxOf } from './bbox.js';
import type { BBox, MultiPolygonCoords, Position, Ring } from './types.js';

type Geom = Parameters<typeof polygonClipping.intersection>[0];

/**
 * The intersection, or undefined when the clipper cannot process the input (invalid geometry).
 * Both inputs are first cut to the common bounding box (A ∩ B lies inside it), which leaves the clipper
 * a third of the vertices on typical partial overlaps and makes it 2-3× faster with the same area.
 */
export function intersect(a: MultiPolygonCoords, b: MultiPolygonCoords, boxA = bboxOf(a), boxB = bboxOf(b)): MultiPolygonCoords | undefined {
  const box: BBox = [Math.max(boxA[0], boxB[0]), Math.max(boxA[1], boxB[1]), Math.min(boxA[2], boxB[2]), Math.min(boxA[3], boxB[3])];
  if (box[0] > box[2] || box[1] > box[3]) return [];
  const ca = cropToBox(a, box);
  const cb = cropToBox(b, box);
  if (ca.length === 0 || cb.length === 0) return [];
  try {
    return polygonClipping.intersection(ca as unknown as Geom, cb as unknown as Geom);
  } catch {
    return undefined;
  }
}

/** The union of several multipolygons, or undefined when the clipper fails. */
export function unite(parts: readonly MultiPolygonCoords[]): MultiPolygonCoords | undefined {
  const nonEmpty = parts.filter((p) => p.length > 0);
  if (nonEmpty.length === 0) return [];
  if (nonEmpty.length === 1) return nonEmpty[0];
  try {
    const [first, ...rest] = nonEmpty as unknown as Geom[];
    return polygonClipping.union(first!, ...rest);
  } catch {
    return undefined;
  }
}

/**
 * Sutherland–Hodgman against an axis-aligned box, ring by ring (holes too: (shell − holes) ∩ box equals
 * (shell ∩ box) − (holes ∩ box)). A concave ring can come out with zero-width bridges along the box edge;
 * they enclose no area and the clipper resolves them.
 */
export function cropToBox(mp: MultiPolygonCoords, box: BBox): MultiPolygonCoords {
  const out: Ring[][] = [];
  for (const polygon of mp) {
    const rings: Ring[] = [];
    for (const ring of polygon) {
      const cut = cropRing(ring, box);
      if (cut.length >= 4) rings.push(cut);
      else if (rings.length === 0) break; // the shell is outside the box: the whole polygon is
    }
    if (rings.length > 0) out.push(rings);
  }
  return out;
}

type Side = readonly [inside: (p: Position) => boolean, cut: (a: Position, b: Position) => Position];

function cropRing(ring: Ring, [x0, y0, x1, y1]: BBox): Ring {
  const atX =
    (x: number) =>
    (a: Position, b: Position): Position => [x, a[1] + ((x - a[0]) / (b[0] - a[0])) * (b[1] - a[1])];
  const atY =
    (y: number) =>
    (a: Position, b: Position): Position => [a[0] + ((y - a[1]) / (b[1] - a[1])) * (b[0] - a[0]), y];
  const sides: readonly Side[] = [
    [(p) => p[0] >= x0, atX(x0)],
    [(p) => p[0] <= x1, atX(x1)],
    [(p) => p[1] >= y0, atY(y0)],
    [(p) => p[1] <= y1, atY(y1)],
  ];
  let pts: readonly Position[] = ring.slice(0, -1);
  if (pts.every((p) => p[0] >= x0 && p[0] <= x1 && p[1] >= y0 && p[1] <= y1)) return ring;
  for (const [inside, cut] of sides) {
    const next: Position[] = [];
    for (let i = 0; i < pts.length; i += 1) {
      const cur = pts[i]!;
      const prev = pts[(i + pts.length - 1) % pts.length]!;
      if (inside(cur)) {
        if (!inside(prev)) next.push(cut(prev, cur));
        next.push(cur);
      } else if (inside(prev)) {
        next.push(cut(prev, cur));
      }
    }
    pts = next;
    if (pts.length === 0) return [];
  }
  return [...pts, pts[0]!];
}
