// The engine's containment test must answer exactly as turf's booleanPointInPolygon (which the lint and
// the geofence validity checks use): same robust predicate, boundary inside, holes outside.
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BundleGeofence } from '../generated/bundle.js';
import { END, GeoIndex, START } from './geo.js';

type Ring = [number, number][];
const square = (x: number, y: number, size: number): Ring => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];

/** A square with a square hole, a second polygon beside it, and a triangle with a slanted edge. */
const fence = (coordinates: Ring[][]): BundleGeofence => {
  const all = coordinates.flat(2);
  const xs = all.map((p) => p[0]);
  const ys = all.map((p) => p[1]);
  return { id: 'g', coordinates, bbox: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] } as unknown as BundleGeofence;
};
const FENCES = [
  fence([[square(13, 52, 1), square(13.25, 52.25, 0.5)], [square(15, 52, 0.5)]]),
  fence([
    [
      [
        [10, 50],
        [11, 50],
        [10, 51],
        [10, 50],
      ],
    ],
  ]),
];

/** Vertices, edge midpoints, hole corners and random points near the fences. */
const point = fc.oneof(
  fc.constantFrom(
    ...FENCES.flatMap((f) =>
      f.coordinates.flat(2).flatMap(([x, y], i, ring) => {
        const [nx, ny] = ring[(i + 1) % ring.length]!;
        return [
          [x, y],
          [(x + nx) / 2, (y + ny) / 2],
        ] as [number, number][];
      }),
    ),
  ),
  fc.tuple(fc.double({ min: 9.5, max: 16, noNaN: true }), fc.double({ min: 49.5, max: 53.5, noNaN: true })),
  fc.tuple(
    fc.integer({ min: 38, max: 64 }).map((n) => n / 4),
    fc.integer({ min: 198, max: 214 }).map((n) => n / 4),
  ),
);

describe('GeoIndex.contains', () => {
  it('agrees with turf booleanPointInPolygon, boundaries and holes included', () => {
    for (const spatial of [true, false]) {
      const geo = new GeoIndex(FENCES, spatial);
      fc.assert(
        fc.property(point, point, ([sx, sy], [ex, ey]) => {
          geo.begin({ lon: sx, lat: sy }, { lon: ex, lat: ey });
          for (let i = 0; i < FENCES.length; i++) {
            const f = { type: 'MultiPolygon' as const, coordinates: FENCES[i]!.coordinates, bbox: FENCES[i]!.bbox };
            expect(geo.contains(i, START)).toBe(booleanPointInPolygon([sx, sy], f));
            expect(geo.contains(i, END)).toBe(booleanPointInPolygon([ex, ey], f));
          }
        }),
        { numRuns: 2000, seed: 7 },
      );
    }
  });

  it('counts an edge and a vertex as inside, a hole as outside', () => {
    const geo = new GeoIndex(FENCES, true);
    geo.begin({ lon: 13.5, lat: 52 }, { lon: 13.5, lat: 52.5 });
    expect([geo.contains(0, START), geo.contains(0, END)]).toEqual([true, false]);
    geo.begin({ lon: 13, lat: 52 }, { lon: 13.25, lat: 52.25 });
    expect([geo.contains(0, START), geo.contains(0, END)]).toEqual([true, true]);
  });
});
