// Where generated rentals start and end: inside a zone (rejection sampling in its bounding box), or
// scattered around one (a normal spread of about 1.5 km), so the geofences are exercised at their
// edges as well as inside. Zones are chosen by size, so a station forecourt sees fewer rentals than
// a district.
import { bboxOf, type BBox, type MultiPolygonCoords } from '../geo/index.js';
import { normal, type Rng } from './distributions.js';

export interface Zone {
  readonly name: string;
  readonly bbox: BBox;
  readonly coordinates: MultiPolygonCoords;
}

export interface LonLat {
  readonly lon: number;
  readonly lat: number;
}

/** Even-odd test of one ring. */
function inRing(lon: number, lat: number, ring: readonly (readonly [number, number])[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside one of the polygons: in its outer ring and in none of its holes. */
export function isInside(lon: number, lat: number, mp: MultiPolygonCoords): boolean {
  return mp.some(([outer, ...holes]) => outer !== undefined && inRing(lon, lat, outer) && !holes.some((h) => inRing(lon, lat, h)));
}

/** A point inside the zone: a part (polygon) by size, random tries in its box, else a fixed interior point. */
export function pointInside(r: Rng, zone: Zone): LonLat {
  const ps = partsOf(zone);
  const part = ps.length === 1 ? ps[0]! : ps[Math.floor(r() * ps.length)]!;
  const [x0, y0, x1, y1] = part.bbox;
  for (let i = 0; i < 30; i++) {
    const lon = x0 + r() * (x1 - x0);
    const lat = y0 + r() * (y1 - y0);
    if (isInside(lon, lat, part.polygon)) return { lon: round(lon), lat: round(lat) };
  }
  return interiorPoint(zone);
}

interface Part {
  readonly bbox: BBox;
  readonly polygon: MultiPolygonCoords;
}
const parts = new WeakMap<Zone, readonly Part[]>();
const interior = new WeakMap<Zone, LonLat>();

/** Each polygon of the zone with its own box: a MultiPolygon of two far-apart forecourts has a mostly empty box. */
function partsOf(zone: Zone): readonly Part[] {
  let p = parts.get(zone);
  if (!p) {
    p = zone.coordinates.map((polygon) => ({ bbox: bboxOf([polygon]), polygon: [polygon] }));
    parts.set(zone, p);
  }
  return p;
}

/** A deterministic interior point: the grid point nearest the centre of the zone's largest part that lies inside. */
export function interiorPoint(zone: Zone): LonLat {
  const cached = interior.get(zone);
  if (cached) return cached;
  const part = [...partsOf(zone)].sort((a, b) => extent(b.bbox) - extent(a.bbox))[0];
  const [x0, y0, x1, y1] = part?.bbox ?? zone.bbox;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  let best: LonLat | undefined;
  let bestD = Infinity;
  for (let i = 1; i < 32; i++) {
    for (let j = 1; j < 32; j++) {
      const lon = x0 + ((x1 - x0) * i) / 32;
      const lat = y0 + ((y1 - y0) * j) / 32;
      const d = (lon - cx) ** 2 + (lat - cy) ** 2;
      if (d < bestD && isInside(lon, lat, zone.coordinates)) {
        best = { lon: round(lon), lat: round(lat) };
        bestD = d;
      }
    }
  }
  const point = best ?? { lon: round(cx), lat: round(cy) };
  interior.set(zone, point);
  return point;
}

const extent = (b: BBox): number => (b[2] - b[0]) * (b[3] - b[1]);

/** Around the zone's centre, about 1.5 km either way. */
export function pointNear(r: Rng, zone: Zone): LonLat {
  const [x0, y0, x1, y1] = zone.bbox;
  return { lon: round((x0 + x1) / 2 + 0.022 * normal(r)), lat: round((y0 + y1) / 2 + 0.0135 * normal(r)) };
}

/** A trip's end: `km` (roughly) away from the start in a random direction. */
export function pointAway(r: Rng, from: LonLat, km: number): LonLat {
  const angle = r() * 2 * Math.PI;
  return { lon: round(from.lon + (km / 68) * Math.cos(angle)), lat: round(from.lat + (km / 111) * Math.sin(angle)) };
}

/** Zone weights: the square root of the box's extent, so districts dominate and forecourts still appear. */
export function zoneWeight(z: Zone): number {
  return Math.sqrt((z.bbox[2] - z.bbox[0]) * (z.bbox[3] - z.bbox[1])) + 0.005;
}

function round(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}
