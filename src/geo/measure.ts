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
  return `${groupThousands(Math.round(m2))} m²`;
}

/**
 * `n.toLocaleString('en-US')` for a finite integer: digits grouped by three with commas. Written out because
 * the first `toLocaleString` of a process loads ICU's number formatting, which cost more than the rest of
 * the geofence-overlap report in a cold lint run.
 */
export function groupThousands(n: number): string {
  if (!Number.isInteger(n) || Math.abs(n) >= 1e21) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n));
  let out = digits.slice(0, digits.length % 3 || 3);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return n < 0 || Object.is(n, -0) ? `-${out}` : out;
}
