// The flattened rings must answer exactly as point-in-polygon-hao on the parsed coordinates (boundary,
// holes, slanted edges, collinear and repeated points, odd shapes the library is kept for), since that is
// the test the engine used before and the one the lint's geometry checks share.
import fc from 'fast-check';
import pointInPolygon from 'point-in-polygon-hao';
import { describe, expect, it } from 'vitest';
import type { BundleGeofence } from '../generated/bundle.js';
import { Rings } from './rings.js';

type Point = [number, number];
type Polygon = Point[][];

/** What the engine answered before: on the boundary of or inside any polygon. */
function reference(coordinates: Polygon[], x: number, y: number): boolean | 'throws' {
  try {
    for (const polygon of coordinates) if (pointInPolygon([x, y], polygon) !== false) return true;
    return false;
  } catch {
    return 'throws';
  }
}

function flat(rings: Rings, g: number, x: number, y: number): boolean | 'throws' {
  try {
    return rings.contains(g, x, y);
  } catch {
    return 'throws';
  }
}

const fenceOf = (coordinates: unknown): BundleGeofence => ({ name: 'g', bbox: [0, 0, 0, 0], coordinates }) as unknown as BundleGeofence;

/** Coordinates on a coarse grid, so vertices, edges and test points coincide often (the boundary cases). */
const coord = fc.integer({ min: 0, max: 8 }).map((n) => n / 2);
const ring = fc.array(fc.tuple(coord, coord), { minLength: 2, maxLength: 7 }).map((pts): Point[] => [...pts, pts[0]!]);
const polygon = fc.array(ring, { minLength: 1, maxLength: 3 });
const multipolygon = fc.array(polygon, { minLength: 0, maxLength: 3 });

describe('Rings', () => {
  it('answers as point-in-polygon-hao on generated multipolygons, vertices and edge points included', () => {
    fc.assert(
      fc.property(fc.array(multipolygon, { minLength: 1, maxLength: 4 }), fc.array(fc.tuple(coord, coord), { maxLength: 12 }), (fences, extra) => {
        const rings = new Rings(fences.map(fenceOf));
        fences.forEach((coordinates, g) => {
          const points: Point[] = [...extra];
          for (const p of coordinates.flat(2)) points.push(p, [p[0] + 0.25, p[1]], [p[0], p[1] + 0.25]);
          for (const [x, y] of points) expect(flat(rings, g, x, y), `${JSON.stringify(coordinates)} at ${x},${y}`).toBe(reference(coordinates, x, y));
        });
      }),
      { numRuns: 400, seed: 21 },
    );
  });

  it('answers as the library on random real-valued points and polygons', () => {
    const real = fc.double({ min: -2, max: 2, noNaN: true });
    const realRing = fc.array(fc.tuple(real, real), { minLength: 3, maxLength: 9 }).map((pts): Point[] => [...pts, pts[0]!]);
    fc.assert(
      fc.property(
        fc.array(fc.array(realRing, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 2 }),
        fc.array(fc.tuple(real, real)),
        (coords, points) => {
          const rings = new Rings([fenceOf(coords)]);
          for (const [x, y] of points) expect(flat(rings, 0, x, y)).toBe(reference(coords, x, y));
        },
      ),
      { numRuns: 300, seed: 5 },
    );
  });

  it('leaves odd geofences to the library, which answers or throws as before, and reads the others past them', () => {
    const square: Point[] = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ];
    const odd: unknown[] = [
      [[[...square.slice(0, 3), [0.5, 1]]]], // not closed, both coordinates of the ends differ: the library throws
      [[[]]], // an empty ring: the library throws
      [[square.map(([x, y]) => [String(x), y])]], // strings: the library coerces
      [[square.map(([x, y]) => [x, y, 7])]], // a third coordinate, ignored
      [[square.map(([x]) => [x])]], // a missing latitude
      [['x']],
      [],
      [
        [
          [
            [0, 0, 1],
            [1, 1],
            [0, 1],
            [0, 2],
          ],
        ],
      ], // open, but one coordinate of the ends agrees: not refused
      [
        [
          square,
          [
            [NaN, 0],
            [1, 1],
            [NaN, 0],
          ],
        ],
      ],
    ];
    const fences = [[[square]], ...odd, [[square]]];
    const rings = new Rings(fences.map(fenceOf));
    const points: Point[] = [
      [0.5, 0.5],
      [0, 0],
      [1, 0.5],
      [2, 2],
      [0, 1.5],
      [NaN, 0.5],
    ];
    fences.forEach((coordinates, g) => {
      for (const [x, y] of points) expect(flat(rings, g, x, y), `fence ${g} at ${x},${y}`).toBe(reference(coordinates as Polygon[], x, y));
    });
    expect(flat(rings, 1, 0.5, 0.5)).toBe('throws');
    expect(flat(rings, fences.length - 1, 0.5, 0.5)).toBe(true);
  });
});
