// Geofences at run time: a grid over their bounding boxes (flatbush when they are too unevenly
// spread for one) finds the few near a point; point-in-polygon-hao's test, the robust one turf's
// booleanPointInPolygon wraps, decides exact containment (boundary counts as inside) over the rings
// flattened once (rings.ts). Results are cached per evaluation, since a zone test may ask about the
// same geofence for several campaigns.
import Flatbush from 'flatbush';
import type { BundleGeofence } from '../generated/bundle.js';
import type { LonLat } from './context.js';
import { BoxGrid } from './grid.js';
import { Rings } from './rings.js';
import { Stamps } from './stamps.js';

export const START = 0;
export const END = 1;
export type Which = typeof START | typeof END;

export class GeoIndex {
  private readonly grid: BoxGrid | undefined;
  private readonly tree: Flatbush | undefined;
  private readonly rings: Rings;
  /** Every bounding box as [west, south, east, north] at 4 × i: one dense array instead of a geofence object and its bbox array per test. */
  private readonly boxes: Float64Array;
  private readonly known: Stamps;
  private readonly inside: Uint8Array;
  private start: LonLat | undefined;
  private end: LonLat | undefined;

  constructor(
    readonly geofences: readonly BundleGeofence[],
    spatial: boolean,
  ) {
    this.rings = new Rings(geofences);
    this.boxes = new Float64Array(geofences.length * 4);
    geofences.forEach((g, i) => this.boxes.set(g.bbox, i * 4));
    this.known = new Stamps(geofences.length * 2);
    this.inside = new Uint8Array(geofences.length * 2);
    if (spatial) this.grid = BoxGrid.build(geofences.map((g) => g.bbox));
    if (spatial && !this.grid && geofences.length > 0) {
      const tree = new Flatbush(geofences.length);
      for (const g of geofences) tree.add(g.bbox[0], g.bbox[1], g.bbox[2], g.bbox[3]);
      tree.finish();
      this.tree = tree;
    }
  }

  /** Start a new evaluation: forget cached answers, remember the rental's positions. */
  begin(start: LonLat | undefined, end: LonLat | undefined): void {
    this.known.reset();
    this.start = start;
    this.end = end;
  }

  point(which: Which): LonLat | undefined {
    return which === START ? this.start : this.end;
  }

  /** Calls visit(g) for each geofence g whose bounding box holds the point (grid, else flatbush, else a scan). */
  forEachNear(which: Which, visit: (geofence: number) => void): void {
    const p = this.point(which);
    if (!p) return;
    if (this.grid) return this.grid.forEachHolding(p.lon, p.lat, visit);
    if (this.tree) {
      for (const g of this.tree.search(p.lon, p.lat, p.lon, p.lat)) visit(g);
      return;
    }
    for (let i = 0; i < this.geofences.length; i++) if (this.inBox(p, i)) visit(i);
  }

  /** Does geofence i's bounding box hold the start (or end) position? */
  boxHolds(i: number, which: Which): boolean {
    const p = this.point(which);
    return p !== undefined && this.inBox(p, i);
  }

  /** Is the start (or end) position inside geofence i? */
  contains(i: number, which: Which): boolean {
    const p = this.point(which);
    if (!p) return false;
    const slot = i * 2 + which;
    if (!this.known.has(slot)) {
      this.known.set(slot);
      this.inside[slot] = this.inBox(p, i) && this.rings.contains(i, p.lon, p.lat) ? 1 : 0;
    }
    return this.inside[slot] === 1;
  }

  private inBox(p: LonLat, i: number): boolean {
    const b = this.boxes;
    return p.lon >= b[i * 4]! && p.lat >= b[i * 4 + 1]! && p.lon <= b[i * 4 + 2]! && p.lat <= b[i * 4 + 3]!;
  }
}
