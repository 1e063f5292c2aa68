// Areas (geodesic, m², via @turf/area) and vertex counts. turf takes mutable GeoJSON arrays but only
// reads them, hence the casts.
import turfArea from '@turf/area';
import type { MultiPolygonCoords, PolygonCoords } from './types.js';

export function areaM2(mp: MultiPolygonCoords): number {
  if (mp.length === 0) return 0;
  return turfArea({ type: 'MultiPolygon', coordinates: mp as unknown as number[][][][] });
}

export function polygonAreaM2(polygon: PolygonCoords): number {
  return turfArea({ type: 'Polygon', coordinates: polygon as unknown as number[][][] });
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
