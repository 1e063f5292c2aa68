// The geofences as an SVG map: an equirectangular projection scaled by cos(latitude) (good enough at a
// city's scale), each geofence a path, changed ones outlined, overlaps drawn on top in red with their
// area. Pure.
import type { MapGeofence, MapOverlap } from '../report/types.js';
import { htmlText } from './report-escape.js';
import { shorten } from './report-svg-charts.js';
import { maxOf, minOf } from '../model/append.js';

type Coords = MapGeofence['coordinates'];

export function geofenceMap(geofences: readonly MapGeofence[], overlaps: readonly MapOverlap[], width = 860): string {
  const points = geofences.flatMap((g) => g.coordinates.flat(2));
  if (points.length === 0) return '<p class="empty">No geofences.</p>';
  const lons = points.map((p) => p[0]!);
  const lats = points.map((p) => p[1]!);
  const [minLon, maxLon, minLat, maxLat] = [minOf(lons), maxOf(lons), minOf(lats), maxOf(lats)];
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max(1e-9, (maxLon - minLon) * k);
  const spanY = Math.max(1e-9, maxLat - minLat);
  const pad = 12;
  const scale = (width - 2 * pad) / spanX;
  const height = Math.round(Math.min(900, spanY * scale + 2 * pad));
  const s = Math.min(scale, (height - 2 * pad) / spanY);
  const px = (lon: number): number => Math.round((pad + (lon - minLon) * k * s) * 10) / 10;
  const py = (lat: number): number => Math.round((pad + (maxLat - lat) * s) * 10) / 10;
  const d = (c: Coords): string => c.map((poly) => poly.map((ring) => `M${ring.map((p) => `${px(p[0]!)} ${py(p[1]!)}`).join('L')}Z`).join('')).join('');
  const shapes = geofences.map((g) => `<path class="geofence${g.change ? ` ${g.change}` : ''}" data-geofence="${htmlText(g.name)}" fill-rule="evenodd" d="${d(g.coordinates)}"><title>${htmlText(`${g.name}${g.change ? ` (${g.change})` : ''}`)}</title></path>`).join('');
  const labels = geofences.map((g) => {
    const [lon, lat] = labelPoint(g.coordinates);
    const x = Math.min(width - 70, Math.max(70, px(lon)));
    return `<text class="map-label" x="${x}" y="${py(lat)}" text-anchor="middle">${htmlText(shorten(g.name, 30))}</text>`;
  }).join('');
  const hot = overlaps.map((o) => `<path class="overlap" data-overlap="${htmlText(`${o.a}|${o.b}`)}" fill-rule="evenodd" d="${d(o.coordinates)}"><title>${htmlText(`${o.a} ∩ ${o.b}: ${o.areaM2.toLocaleString('en-US')} m²`)}</title></path>`).join('');
  return `<svg id="geofence-map" class="map" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Geofences and their overlaps">${shapes}${hot}${labels}</svg>`;
}

/** The centre of the largest part's bounding box: good enough to place a name. */
function labelPoint(c: Coords): [number, number] {
  let best: [number, number] = [0, 0];
  let bestArea = -1;
  for (const poly of c) {
    const ring = poly[0] ?? [];
    const xs = ring.map((p) => p[0]!);
    const ys = ring.map((p) => p[1]!);
    const area = (maxOf(xs) - minOf(xs)) * (maxOf(ys) - minOf(ys));
    if (area > bestArea) { bestArea = area; best = [(maxOf(xs) + minOf(xs)) / 2, (maxOf(ys) + minOf(ys)) / 2]; }
  }
  return best;
}
