// Areas (geodesic, m², via @turf/area) and vertex counts. turf takes mutable GeoJSON arrays but only
// reads them, hence the casts.
import turfArea from '@turf/area';
import type { MultiPolygonCoords, PolygonCoords } from './types.js';

export function areaM2(mp: MultiPolygonCoords): number {
  // turf sums a MultiPolygon's polygons from 0 in order: the same sum, with each polygon's area kept.
  let total = 0;
  for (let i = 0; i < mp.length; i += 1) total += polygonAreaM2(mp[i]!);
  return total;
}

/** Kept per polygon: validity (zero area) and the shape (its area) both measure every geofence. */
const polygonAreas = new WeakMap<PolygonCoords, number>();

export function polygonAreaM2(polygon: PolygonCoords): number {
  let area = polygonAreas.get(polygon);
  if (area === undefined) {
    area = turfArea({ type: 'Polygon', coordinates: polygon as unknown as number[][][] });
    polygonAreas.set(polygon, area);
  }
  return area;
}

/** Positions as written, closing positions included (what an API's vertex limit counts). */
export function vertexCount(mp: MultiPolygonCoords): number {
  let n = 0;
  for (const polygon of mp) for (const ring of polygon) n += ring.length;
  return n;
}

export function formatArea(m2: number): string {
  if (m2 >= 1e6) return `${(m2 / 1e6).toFixed(2)} km²`;
  return `${Math.round(m2).toLocaleString('en-US')} m²`;
}
