// Nearest-neighbour distances between points (geofence centres) with flatbush's kNN, so "is this geofence
// far from all the others?" costs O(log n), not O(n).
import Flatbush from 'flatbush';
import { distanceKm } from './bbox.js';
import type { Position } from './types.js';

export interface PointIndex {
  /** Great-circle distance to the nearest indexed point other than `exclude`; Infinity if none. */
  nearestKm(p: Position, exclude?: number): number;
}

/** Candidates come from planar (degree) distance; a few are re-measured in km to absorb the distortion. */
const CANDIDATES = 6;

export function createPointIndex(points: readonly Position[]): PointIndex {
  if (points.length === 0) return { nearestKm: () => Infinity };
  const index = new Flatbush(points.length);
  for (const [x, y] of points) index.add(x, y, x, y);
  index.finish();
  return {
    nearestKm(p, exclude) {
      const hits = index.neighbors(p[0], p[1], CANDIDATES, Infinity, (i) => i !== exclude);
      return hits.reduce((best, i) => Math.min(best, distanceKm(p, points[i]!)), Infinity);
    },
  };
}
