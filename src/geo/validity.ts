// What makes a geofence unusable, per polygon and ring, with indices so lint can point at the position.
// Structural problems (too few positions, unclosed ring, out-of-range coordinates) stop the deeper checks
// of that polygon, which would only produce noise on top.
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { polygonAreaM2 } from './measure.js';
import { selfIntersections } from './self-intersections.js';
import type { MultiPolygonCoords, PolygonCoords, Position } from './types.js';

export type GeometryIssueKind = 'too-few-positions' | 'unclosed-ring' | 'out-of-range' | 'self-intersection' | 'hole-outside-shell' | 'zero-area';

export interface GeometryIssue {
  readonly kind: GeometryIssueKind;
  readonly polygon: number;
  readonly ring: number;
  /** Index of the offending position in the ring, where there is one. */
  readonly position?: number;
  readonly at?: Position;
  /** out-of-range: exchanging the two numbers would give valid coordinates. */
  readonly swapped?: boolean;
}

/** Polygons smaller than this are degenerate (a line or a point drawn as a polygon). */
const ZERO_AREA_M2 = 0.01;

export function geometryIssues(mp: MultiPolygonCoords): GeometryIssue[] {
  return mp.flatMap((polygon, p) => polygonIssues(polygon, p));
}

function polygonIssues(polygon: PolygonCoords, p: number): GeometryIssue[] {
  const structural = polygon.flatMap((ring, r) => ringIssues(ring, p, r));
  if (structural.length > 0) return structural;
  const crossing = selfIntersections(polygon, 1)[0];
  if (crossing) {
    return [{ kind: 'self-intersection', polygon: p, ring: crossing.ringB, position: crossing.segB, at: crossing.at }];
  }
  const holes = holeIssues(polygon, p);
  if (holes.length > 0) return holes;
  return polygonAreaM2(polygon) < ZERO_AREA_M2 ? [{ kind: 'zero-area', polygon: p, ring: 0 }] : [];
}

function ringIssues(ring: readonly Position[], p: number, r: number): GeometryIssue[] {
  for (let i = 0; i < ring.length; i += 1) {
    const pos = ring[i]!;
    if (!isValidPosition(pos)) {
      return [{ kind: 'out-of-range', polygon: p, ring: r, position: i, at: pos, swapped: isValidPosition([pos[1], pos[0]]) }];
    }
  }
  if (ring.length < 4) return [{ kind: 'too-few-positions', polygon: p, ring: r }];
  const first = ring[0]!;
  const last = ring[ring.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) return [{ kind: 'unclosed-ring', polygon: p, ring: r, position: ring.length - 1, at: last }];
  return [];
}

function isValidPosition(pos: readonly number[]): boolean {
  const lon = pos[0];
  const lat = pos[1];
  return (
    typeof lon === 'number' && typeof lat === 'number' && Number.isFinite(lon) && Number.isFinite(lat) && lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90
  );
}

function holeIssues(polygon: PolygonCoords, p: number): GeometryIssue[] {
  const shell = polygon[0];
  if (!shell) return [];
  const shellGeom = { type: 'Polygon' as const, coordinates: [shell as unknown as number[][]] };
  const out: GeometryIssue[] = [];
  for (let r = 1; r < polygon.length; r += 1) {
    const ring = polygon[r]!;
    const outside = ring.findIndex((pos) => !booleanPointInPolygon(pos as unknown as number[], shellGeom));
    if (outside >= 0) out.push({ kind: 'hole-outside-shell', polygon: p, ring: r, position: outside, at: ring[outside]! });
  }
  return out;
}
