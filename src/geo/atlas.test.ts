import { describe, expect, it } from 'vitest';
import { syntheticGeometries } from '../../test/lint/synthetic.js';
import { createAtlas } from './atlas.js';
import type { MultiPolygonCoords } from './types.js';

const square = (x0: number, y0: number, s: number): MultiPolygonCoords => [
  [
    [
      [x0, y0],
      [x0 + s, y0],
      [x0 + s, y0 + s],
      [x0, y0 + s],
      [x0, y0],
    ],
  ],
];

describe('createAtlas', () => {
  const atlas = createAtlas(
    new Map([
      ['big', square(13, 52, 0.1)],
      ['inner', square(13.02, 52.02, 0.01)],
      ['east', square(13.05, 52, 0.1)],
      ['touching', square(13.1, 52.1, 0.05)],
      ['far', square(2, 48, 0.1)],
      [
        'broken',
        [
          [
            [
              [13, 52],
              [13.1, 52.1],
              [13.1, 52],
              [13, 52.1],
              [13, 52],
            ],
          ],
        ],
      ],
    ]),
  );

  it('lists positive-area overlaps only, skipping invalid geometry', () => {
    // 'touching' shares an edge with 'east' and a corner with 'big': neither counts.
    expect(atlas.overlappingPairs().map((p) => `${p.a}/${p.b}:${atlas.pairOverlap(p.a, p.b)!.kind}`)).toEqual(['big/east:partial', 'big/inner:contains']);
    expect(atlas.pairOverlap('inner', 'big')!.kind).toBe('within');
    expect(atlas.shape('broken')).toBeUndefined();
    expect(atlas.issues('broken').map((i) => i.kind)).toEqual(['self-intersection']);
  });

  it('compares zones as unions of geofences', () => {
    expect(atlas.zonesMeet(['inner'], ['far', 'big'])).toBe(true);
    expect(atlas.zonesMeet(['far'], ['touching'])).toBe(false);
    expect(atlas.zoneOverlap(['inner'], ['big'])!.kind).toBe('within');
    const union = atlas.zoneOverlap(['big', 'east'], ['inner'])!;
    expect(union.kind).toBe('contains');
    expect(atlas.zoneOverlap(['big'], ['big'])!.share).toBe(1);
    expect(atlas.commonArea([['big'], ['east'], ['inner']])).toBe(0);
    expect(atlas.commonArea([['big'], ['east']])).toBeGreaterThan(0);
  });

  it('finds the same overlaps with the spatial index as with all pairs', () => {
    const g = syntheticGeometries(150, 3); // 5 overlapping pairs; the naive side is all pairs (the bench runs 500)
    const keys = (atlas: ReturnType<typeof createAtlas>) =>
      atlas.overlappingPairs().map((p) => `${p.a}/${p.b}/${atlas.pairOverlap(p.a, p.b)!.areaM2.toFixed(3)}`);
    const indexed = keys(createAtlas(g));
    expect(indexed.length).toBeGreaterThan(0);
    expect(keys(createAtlas(g, { naive: true }))).toEqual(indexed);
  });
});
