// Every geofence's rings in one Float64Array, and point-in-polygon-hao's test run over it. A geofence as
// parsed is a tree of small arrays (multipolygon → polygons → rings → one array per point), each a
// separate object on the heap: a containment test walked a dozen of them, one cache miss each. Here a
// geofence's points are adjacent numbers, so a test reads a cache line or two.
//
// The test is point-in-polygon-hao 1.2.4's, statement for statement (same subtractions, same comparisons
// in the same order, the same robust orient2d), so it answers exactly as the library does: boundary 0,
// inside true, outside false, NaN compared the same. A geofence whose coordinates are anything but rings
// of [number, number, …] points, or with a ring the library refuses (first and last points differ), is not
// flattened: it keeps the library, which answers (or throws) as it always has.
import pointInPolygon from 'point-in-polygon-hao';
import { orient2d } from 'robust-predicates';
import type { BundleGeofence } from '../generated/bundle.js';

export class Rings {
  /** Geofence g's polygons are polygons [byGeofence[g], byGeofence[g + 1]); -1 at g: not flattened. */
  private readonly byGeofence: Int32Array;
  /** Polygon q's rings are rings [byPolygon[q], byPolygon[q + 1]). */
  private readonly byPolygon: Int32Array;
  /** Ring r's points are points [byRing[r], byRing[r + 1]); point j is (xy[2j], xy[2j + 1]). */
  private readonly byRing: Int32Array;
  private readonly xy: Float64Array;
  /** The point as the library takes it, refilled per test, for the geofences left to it. */
  private readonly at: [number, number] = [0, 0];

  constructor(private readonly geofences: readonly BundleGeofence[]) {
    const flat = geofences.map((g) => flattenable(g.coordinates));
    let polygons = 0;
    let rings = 0;
    let points = 0;
    for (let g = 0; g < geofences.length; g++) {
      if (!flat[g]) continue;
      for (const polygon of geofences[g]!.coordinates) {
        polygons++;
        for (const ring of polygon) {
          rings++;
          points += ring.length;
        }
      }
    }
    this.byGeofence = new Int32Array(geofences.length + 1);
    this.byPolygon = new Int32Array(polygons + 1);
    this.byRing = new Int32Array(rings + 1);
    this.xy = new Float64Array(points * 2);
    let q = 0;
    let r = 0;
    let j = 0;
    for (let g = 0; g < geofences.length; g++) {
      if (!flat[g]) {
        this.byGeofence[g] = -1;
        continue;
      }
      this.byGeofence[g] = q;
      for (const polygon of geofences[g]!.coordinates) {
        this.byPolygon[q++] = r;
        for (const ring of polygon) {
          this.byRing[r++] = j;
          for (const point of ring) {
            this.xy[2 * j] = point[0]!;
            this.xy[2 * j + 1] = point[1]!;
            j++;
          }
        }
      }
    }
    // The ends: the last flattened geofence's polygons, and so on, stop here. A geofence left to the
    // library reads its end from the next flattened one, so it is found by a look back, not forward.
    this.byGeofence[geofences.length] = q;
    this.byPolygon[q] = r;
    this.byRing[r] = j;
  }

  /** Is (x, y) in geofence g, boundary included: point-in-polygon-hao !== false for one of its polygons. */
  contains(g: number, x: number, y: number): boolean {
    const first = this.byGeofence[g]!;
    if (first < 0) {
      const at = this.at;
      at[0] = x;
      at[1] = y;
      for (const polygon of this.geofences[g]!.coordinates) if (pointInPolygon(at, polygon) !== false) return true;
      return false;
    }
    const last = this.end(g);
    for (let q = first; q < last; q++) if (this.inPolygon(q, x, y) !== false) return true;
    return false;
  }

  /** Where geofence g's polygons end: the start of the next flattened geofence's. */
  private end(g: number): number {
    let next = g + 1;
    while (this.byGeofence[next]! < 0) next++;
    return this.byGeofence[next]!;
  }

  /** point-in-polygon-hao on polygon q: 0 on its boundary, true inside, false outside. */
  private inPolygon(q: number, x: number, y: number): 0 | boolean {
    const xy = this.xy;
    let k = 0;
    for (let r = this.byPolygon[q]!; r < this.byPolygon[q + 1]!; r++) {
      const from = this.byRing[r]!;
      const last = this.byRing[r + 1]! - 1;
      let u1 = xy[2 * from]! - x;
      let v1 = xy[2 * from + 1]! - y;
      for (let j = from; j < last; j++) {
        const u2 = xy[2 * j + 2]! - x;
        const v2 = xy[2 * j + 3]! - y;
        if (v1 === 0 && v2 === 0) {
          if ((u2 <= 0 && u1 >= 0) || (u1 <= 0 && u2 >= 0)) return 0;
        } else if ((v2 >= 0 && v1 <= 0) || (v2 <= 0 && v1 >= 0)) {
          const f = orient2d(u1, u2, v1, v2, 0, 0);
          if (f === 0) return 0;
          if ((f > 0 && v2 > 0 && v1 <= 0) || (f < 0 && v2 <= 0 && v1 > 0)) k++;
        }
        v1 = v2;
        u1 = u2;
      }
    }
    return k % 2 !== 0;
  }
}

/**
 * Rings of points whose first two entries are numbers (the library reads only those), each ring with a
 * point and not refused by the library's closing check (which throws only when both coordinates differ).
 */
function flattenable(coordinates: unknown): boolean {
  if (!Array.isArray(coordinates)) return false;
  for (const polygon of coordinates) {
    if (!Array.isArray(polygon)) return false;
    for (const ring of polygon) {
      if (!Array.isArray(ring) || ring.length === 0) return false;
      for (const point of ring) if (!(Array.isArray(point) && typeof point[0] === 'number' && typeof point[1] === 'number')) return false;
      const a = ring[0] as number[];
      const z = ring[ring.length - 1] as number[];
      if (a[0] !== z[0] && a[1] !== z[1]) return false;
    }
  }
  return true;
}
