// The grid answers exactly what flatbush answers for a point: the boxes holding it, edges included,
// and for a coordinate that is not a number, what flatbush's comparisons let through.
import fc from 'fast-check';
import Flatbush from 'flatbush';
import { describe, expect, it } from 'vitest';
import type { BundleGeofence } from '../generated/bundle.js';
import { END, GeoIndex, START } from './geo.js';
import { BoxGrid, type Box } from './grid.js';

function flatbushHolding(boxes: readonly Box[], x: number, y: number): number[] {
  const tree = new Flatbush(boxes.length);
  for (const b of boxes) tree.add(b[0], b[1], b[2], b[3]);
  tree.finish();
  return tree.search(x, y, x, y).sort((a, b) => a - b);
}

function gridHolding(grid: BoxGrid, x: number, y: number): number[] {
  const out: number[] = [];
  grid.forEachHolding(x, y, (i) => out.push(i));
  return out.sort((a, b) => a - b);
}

// Coordinates on a coarse lattice, so that points often land exactly on box edges and cell borders.
const coord = fc.integer({ min: -40, max: 40 }).map((n) => n / 8);
const box = fc.tuple(coord, coord, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 })).map(([x, y, w, h]): Box => [x, y, x + w / 16, y + h / 16]);

describe('BoxGrid', () => {
  it('finds the boxes flatbush finds, for any point', () => {
    fc.assert(
      fc.property(fc.array(box, { minLength: 1, maxLength: 60 }), fc.array(fc.tuple(coord, coord), { minLength: 1, maxLength: 30 }), (boxes, points) => {
        const grid = BoxGrid.build(boxes);
        fc.pre(grid !== undefined);
        for (const [x, y] of [...points, ...boxes.map((b): [number, number] => [b[2], b[3]]), ...boxes.map((b): [number, number] => [b[0], b[1]])]) {
          expect(gridHolding(grid, x, y), `(${x}, ${y})`).toEqual(flatbushHolding(boxes, x, y));
        }
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('answers like flatbush for coordinates that are not plain numbers', () => {
    const boxes: Box[] = [
      [0, 0, 1, 1],
      [0.5, 0.5, 2, 2],
      [5, 5, 6, 6],
    ];
    const grid = BoxGrid.build(boxes)!;
    for (const [x, y] of [
      [NaN, 0.5],
      [0.5, NaN],
      [Infinity, 0.5],
      [-Infinity, 0.5],
      ['0.75', 0.75],
      [undefined, 1],
    ] as [number, number][]) {
      expect(gridHolding(grid, x, y), `(${String(x)}, ${String(y)})`).toEqual(flatbushHolding(boxes, x, y));
    }
  });

  it('handles a single box, a single point and a line of boxes', () => {
    for (const boxes of [
      [[1, 1, 1, 1]],
      [[0, 0, 4, 4]],
      [
        [0, 2, 1, 2],
        [1, 2, 3, 2],
        [3, 2, 9, 2],
      ],
    ] as Box[][]) {
      const grid = BoxGrid.build(boxes)!;
      for (const [x, y] of [
        [1, 1],
        [0, 0],
        [4, 4],
        [2, 2],
        [3, 2],
        [9, 2],
        [10, 2],
      ])
        expect(gridHolding(grid, x!, y!)).toEqual(flatbushHolding(boxes, x!, y!));
    }
  });

  it('declines when boxes pile up in one cell, and for no boxes', () => {
    const pile: Box[] = Array.from({ length: 40 }, (_, i) => [0, 0, 1 + i / 1000, 1]);
    expect(BoxGrid.build([...pile, [100, 100, 101, 101]])).toBeUndefined();
    expect(BoxGrid.build([])).toBeUndefined();
    expect(
      BoxGrid.build([
        [0, 0, 5e-324, 5e-324],
        [0, 0, 0, 0],
      ]),
    ).toBeUndefined(); // too thin to divide into cells
  });
});

describe('GeoIndex', () => {
  const geofence = (i: number, b: Box): BundleGeofence => ({
    name: `g${i}`,
    bbox: [...b],
    coordinates: [
      [
        [
          [b[0], b[1]],
          [b[2], b[1]],
          [b[2], b[3]],
          [b[0], b[3]],
          [b[0], b[1]],
        ],
      ],
    ],
  });
  const near = (geo: GeoIndex, which: typeof START | typeof END): number[] => {
    const out: number[] = [];
    geo.forEachNear(which, (g) => out.push(g));
    return out.sort((a, b) => a - b);
  };

  it('gives the same geofences with the grid, with flatbush (when the grid declines) and by a scan', () => {
    const spread = Array.from({ length: 30 }, (_, i): Box => [i, i % 7, i + 1.5, (i % 7) + 1.5]);
    const crowded = [...spread, ...Array.from({ length: 40 }, (_, i): Box => [10, 3, 11 + i / 100, 4])];
    for (const boxes of [spread, crowded]) {
      const fences = boxes.map((b, i) => geofence(i, b));
      const indexed = new GeoIndex(fences, true);
      const scanned = new GeoIndex(fences, false);
      for (const [start, end] of [
        [
          { lon: 10.5, lat: 3.5 },
          { lon: 1, lat: 1 },
        ],
        [{ lon: 11, lat: 4 }, undefined],
        [
          { lon: -5, lat: 0 },
          { lon: 29.5, lat: 1.5 },
        ],
      ] as const) {
        for (const geo of [indexed, scanned]) geo.begin(start, end);
        for (const which of [START, END] as const) expect(near(indexed, which)).toEqual(near(scanned, which));
      }
    }
  });
});
