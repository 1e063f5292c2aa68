// Geofences on GeoFencePromotion / GeoFenceSurcharge templates: GeoJSON Polygon or MultiPolygon with
// closed rings of at least four positions inside WGS84 bounds. (Overlap analysis is promoc's lint's job.)
import { isRecord, type Issue } from '../shared/input.js';
import type { Geometry } from './model.js';

function ringProblem(ring: unknown): string | undefined {
  if (!Array.isArray(ring) || ring.length < 4) return 'a ring needs at least four positions';
  for (const p of ring) {
    if (!Array.isArray(p) || p.length < 2 || typeof p[0] !== 'number' || typeof p[1] !== 'number') return 'positions are [longitude, latitude] numbers';
    if (Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90) return `position [${String(p[0])}, ${String(p[1])}] is outside WGS84 bounds`;
  }
  const first = ring[0] as number[];
  const last = ring[ring.length - 1] as number[];
  return first[0] === last[0] && first[1] === last[1] ? undefined : 'a ring must end where it starts';
}

export function readGeometry(value: unknown, field: string, issues: Issue[]): Geometry | null | undefined {
  if (value === undefined || value === null) return value;
  const fail = (message: string): undefined => {
    issues.push({ field, kind: 'invalid', message: `${field}: ${message}` });
    return undefined;
  };
  if (!isRecord(value) || (value.type !== 'Polygon' && value.type !== 'MultiPolygon') || !Array.isArray(value.coordinates)) {
    return fail('must be a GeoJSON Polygon or MultiPolygon');
  }
  const polygons = value.type === 'Polygon' ? [value.coordinates] : value.coordinates;
  for (const polygon of polygons) {
    if (!Array.isArray(polygon) || polygon.length === 0) return fail('a polygon needs at least one ring');
    for (const ring of polygon) {
      const problem = ringProblem(ring);
      if (problem) return fail(problem);
    }
  }
  return { type: value.type, coordinates: value.coordinates as unknown[] };
}
