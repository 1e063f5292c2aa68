import fc from 'fast-check';
import polygonClipping from 'polygon-clipping';
import { describe, expect, it } from 'vitest';
import { cropToBox, intersect } from './clip.js';
import { areaM2 } from './measure.js';
import { overlapOf, relate, toShape } from './overlap.js';
import type { MultiPolygonCoords } from './types.js';

const square = (x0: number, y0: number, x1: number, y1: number): MultiPolygonCoords => [
  [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
];
const km = 0.01; // about a kilometre of latitude

describe('overlapOf', () => {
  it('counts containment as an overlap of the whole smaller zone (booleanOverlap says false here)', () => {
    const o = overlapOf(toShape(square(13, 52, 13 + km, 52 + km)), toShape(square(13.002, 52.002, 13.004, 52.004)))!;
    expect(o.kind).toBe('contains');
    expect(o.share).toBe(1);
    expect(o.areaM2).toBeCloseTo(o.areaB, 3);
  });

  it('reports the inner zone as within when the arguments are swapped', () => {
    expect(overlapOf(toShape(square(13.002, 52.002, 13.004, 52.004)), toShape(square(13, 52, 13 + km, 52 + km)))!.kind).toBe('within');
  });

  it('does not count a shared edge or a shared corner, and does not throw on them', () => {
    const a = toShape(square(13, 52, 13 + km, 52 + km));
    expect(overlapOf(a, toShape(square(13 + km, 52, 13 + 2 * km, 52 + km)))!.kind).toBe('none');
    expect(overlapOf(a, toShape(square(13 + km, 52 + km, 13 + 2 * km, 52 + 2 * km)))!.kind).toBe('none');
    // A shared edge that only partly coincides, so the quick path cannot decide it alone.
    expect(overlapOf(a, toShape(square(13 + km, 52 + km / 2, 13 + 2 * km, 52 + 2 * km)))!.kind).toBe('none');
  });

  it('measures a partial overlap in m² and as a share of the smaller zone', () => {
    const a = toShape(square(13, 52, 13 + km, 52 + km));
    const b = toShape(square(13 + km / 2, 52, 13 + 2 * km, 52 + km));
    const o = overlapOf(a, b)!;
    expect(o.kind).toBe('partial');
    expect(o.areaM2 / a.area).toBeCloseTo(0.5, 3);
    expect(o.share).toBeCloseTo(0.5, 3);
  });

  it('treats identical zones as equal', () => {
    const a = toShape(square(13, 52, 13 + km, 52 + km));
    expect(overlapOf(a, toShape(square(13, 52, 13 + km, 52 + km)))!.kind).toBe('equal');
  });

  it("does not count a zone lying in the other one's hole", () => {
    const donut: MultiPolygonCoords = [[square(13, 52, 13 + km, 52 + km)[0]![0]!, square(13.003, 52.003, 13.007, 52.007)[0]![0]!]];
    expect(overlapOf(toShape(donut), toShape(square(13.004, 52.004, 13.006, 52.006)))!.kind).toBe('none');
    expect(overlapOf(toShape(donut), toShape(square(13.002, 52.002, 13.008, 52.008)))!.kind).toBe('partial');
  });
});

describe('intersect', () => {
  const star = fc
    .record({
      cx: fc.double({ min: -0.01, max: 0.01, noNaN: true }),
      cy: fc.double({ min: -0.01, max: 0.01, noNaN: true }),
      radii: fc.array(fc.double({ min: 0.001, max: 0.02, noNaN: true }), { minLength: 3, maxLength: 40 }),
    })
    .map(({ cx, cy, radii }): MultiPolygonCoords => {
      const ring = radii.map((r, i): [number, number] => [
        13 + cx + r * Math.cos((2 * Math.PI * i) / radii.length),
        52 + cy + r * Math.sin((2 * Math.PI * i) / radii.length),
      ]);
      return [[[...ring, ring[0]!]]];
    });

  it('gives the same area with and without the bounding-box crop (concave shapes included)', () => {
    fc.assert(
      fc.property(star, star, (a, b) => {
        const plain = areaM2(polygonClipping.intersection(a as never, b as never));
        const cropped = areaM2(intersect(a, b)!);
        expect(Math.abs(plain - cropped)).toBeLessThanOrEqual(Math.max(1e-3, plain * 1e-7));
      }),
      { numRuns: 150, seed: 42 },
    );
  });

  it('crops a U shape crossing the box twice without losing area', () => {
    const u: MultiPolygonCoords = [
      [
        [
          [0, 0],
          [3, 0],
          [3, 3],
          [2, 3],
          [2, 1],
          [1, 1],
          [1, 3],
          [0, 3],
          [0, 0],
        ],
      ],
    ];
    const cropped = cropToBox(u, [0, 2, 3, 4]);
    expect(areaM2(polygonClipping.union(cropped as never))).toBeCloseTo(areaM2(polygonClipping.intersection(u as never, square(0, 2, 3, 4) as never)), 0);
  });

  it('measures in one sweep what the cheap relation and then the exact area gave', () => {
    // Rectangles on a coarse grid share edges, corners and stretches, nest and coincide; stars cross.
    const cell = fc.integer({ min: 0, max: 4 });
    const rect = fc
      .tuple(cell, cell, fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }))
      .map(([x, y, w, h]) => square(13 + x * km, 52 + y * km, 13 + (x + w) * km, 52 + (y + h) * km));
    const shape = fc.oneof(rect, star);
    fc.assert(
      fc.property(shape, shape, (a, b) => {
        const sa = toShape(a);
        const sb = toShape(b);
        expect(overlapOf(sa, sb)).toEqual(overlapOf(sa, sb, 1, relate(sa, sb)));
      }),
      { numRuns: 400, seed: 7 },
    );
  });
});
