import kinks from '@turf/kinks';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundaryContact, selfIntersections } from './self-intersections.js';
import type { PolygonCoords } from './types.js';

const ring = (...pts: [number, number][]): [number, number][] => [...pts, pts[0]!];

describe('selfIntersections', () => {
  it('finds the crossing of a bow tie', () => {
    const found = selfIntersections([ring([0, 0], [2, 2], [2, 0], [0, 2])]);
    expect(found).toHaveLength(1);
    expect(found[0]!.at).toEqual([1, 1]);
  });

  it('accepts convex and concave simple rings, and repeated vertices', () => {
    expect(selfIntersections([ring([0, 0], [4, 0], [4, 4], [0, 4])])).toEqual([]);
    expect(selfIntersections([ring([0, 0], [4, 0], [4, 4], [2, 1], [0, 4])])).toEqual([]);
    expect(selfIntersections([ring([0, 0], [4, 0], [4, 0], [4, 4], [0, 4])])).toEqual([]);
  });

  it('finds a ring touching itself at a vertex and a ring folding back on itself', () => {
    expect(selfIntersections([ring([0, 0], [4, 0], [2, 2], [4, 4], [0, 4], [2, 2])])).toHaveLength(1);
    expect(selfIntersections([ring([0, 0], [4, 0], [2, 0], [2, 2])])).toHaveLength(1);
  });

  it('finds a hole crossing its shell but lets a hole touch the shell at one point', () => {
    const shell = ring([0, 0], [10, 0], [10, 10], [0, 10]);
    expect(selfIntersections([shell, ring([8, 4], [12, 4], [12, 6], [8, 6])])).toHaveLength(1);
    expect(selfIntersections([shell, ring([0, 5], [4, 4], [4, 6])])).toEqual([]);
  });

  it('agrees with @turf/kinks on random rings (kinks is the slow oracle)', () => {
    const pts = fc.array(
      fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 })).map(([x, y]): [number, number] => [x / 7, y / 3]),
      { minLength: 3, maxLength: 12 },
    );
    fc.assert(
      fc.property(pts, (p) => {
        const polygon: PolygonCoords = [ring(...p)];
        const ours = selfIntersections(polygon).length > 0;
        const theirs = kinks({ type: 'Polygon', coordinates: polygon as unknown as number[][][] }).features.length > 0;
        // kinks ignores collinear overlaps and vertices touching a segment; where it sees a crossing, so must we.
        if (theirs) expect(ours).toBe(true);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe('boundaryContact', () => {
  const a = [ring([0, 0], [2, 0], [2, 2], [0, 2])];
  it('tells crossings from shared edges and corners', () => {
    expect(boundaryContact(a, [ring([1, 1], [3, 1], [3, 3], [1, 3])])).toBe('cross');
    expect(boundaryContact(a, [ring([2, 0], [4, 0], [4, 2], [2, 2])])).toBe('touch');
    expect(boundaryContact(a, [ring([2, 2], [4, 2], [4, 4], [2, 4])])).toBe('touch');
    expect(boundaryContact(a, [ring([0, 0], [1, 0], [1, 1], [0, 1])])).toBe('touch');
  });
  it('is none for apart and nested boundaries', () => {
    expect(boundaryContact(a, [ring([3, 3], [4, 3], [4, 4], [3, 4])])).toBe('none');
    expect(boundaryContact(a, [ring([0.5, 0.5], [1, 0.5], [1, 1], [0.5, 1])])).toBe('none');
  });
});
