// Bounding boxes and distances: the cheap tests that run before any exact geometry.
import type { BBox, MultiPolygonCoords, Position } from './types.js';

export function bboxOf(mp: MultiPolygonCoords): BBox {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const polygon of mp) {
    for (const ring of polygon) {
      for (let i = 0; i < ring.length; i += 1) {
        // Indexed, not destructured: destructuring goes through an iterator in code not yet optimized.
        const x = ring[i]![0];
        const y = ring[i]![1];
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
  }
  return [minX, minY, maxX, maxY];
}

export function isEmptyBBox(b: BBox): boolean {
  return !(b[0] <= b[2] && b[1] <= b[3]);
}

/** Closed boxes: touching boxes intersect (the exact test decides whether the shapes overlap). */
export function bboxesIntersect(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

export function bboxContains(outer: BBox, inner: BBox): boolean {
  return outer[0] <= inner[0] && outer[1] <= inner[1] && inner[2] <= outer[2] && inner[3] <= outer[3];
}

export function bboxCenter(b: BBox): Position {
  return [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
}

/** The same box with longitude and latitude exchanged (what a lat/lon swap would have meant). */
export function swapBBox(b: BBox): BBox {
  return [b[1], b[0], b[3], b[2]];
}

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance (haversine), in kilometres. */
export function distanceKm(a: Position, b: Position): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function formatBBox(b: BBox): string {
  const f = (n: number): string => String(Math.round(n * 1e4) / 1e4);
  return `[${f(b[0])}, ${f(b[1])}, ${f(b[2])}, ${f(b[3])}]`;
}
