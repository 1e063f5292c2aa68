import { describe, expect, it } from 'vitest';
import { geometryIssues } from './validity.js';
import type { MultiPolygonCoords } from './types.js';

const sq: [number, number][] = [
  [13, 52],
  [13.01, 52],
  [13.01, 52.01],
  [13, 52.01],
  [13, 52],
];
const kinds = (mp: MultiPolygonCoords) => geometryIssues(mp).map((i) => i.kind);

describe('geometryIssues', () => {
  it('accepts a simple polygon with a hole inside it', () => {
    expect(
      geometryIssues([
        [
          sq,
          [
            [13.002, 52.002],
            [13.004, 52.002],
            [13.004, 52.004],
            [13.002, 52.002],
          ],
        ],
      ]),
    ).toEqual([]);
  });

  it('reports structural problems with the position they concern', () => {
    expect(geometryIssues([[sq.slice(0, 3)]])[0]).toMatchObject({ kind: 'too-few-positions', polygon: 0, ring: 0 });
    expect(geometryIssues([[sq.slice(0, 4).concat([[13, 52.02]])]])[0]).toMatchObject({ kind: 'unclosed-ring', position: 4 });
    expect(
      geometryIssues([
        [
          [
            [13, 52],
            [200, 52],
            [13, 53],
            [13, 52],
          ],
        ],
      ])[0],
    ).toMatchObject({ kind: 'out-of-range', position: 1, swapped: false });
    expect(
      geometryIssues([
        [
          [
            [13, 52],
            [13.1, 95],
            [13, 53],
            [13, 52],
          ],
        ],
      ])[0],
    ).toMatchObject({ kind: 'out-of-range', swapped: true });
  });

  it('reports self-intersections, holes outside the shell and zero area', () => {
    expect(
      kinds([
        [
          [
            [13, 52],
            [13.01, 52.01],
            [13.01, 52],
            [13, 52.01],
            [13, 52],
          ],
        ],
      ]),
    ).toEqual(['self-intersection']);
    expect(
      kinds([
        [
          sq,
          [
            [14, 52],
            [14.01, 52],
            [14.01, 52.01],
            [14, 52],
          ],
        ],
      ]),
    ).toEqual(['hole-outside-shell']);
    expect(
      kinds([
        [
          [
            [13, 52],
            [13.01, 52],
            [13.02, 52],
            [13, 52],
          ],
        ],
      ]),
    ).toEqual(['self-intersection']);
    expect(
      kinds([
        [
          [
            [13, 52],
            [13, 52],
            [13, 52],
            [13, 52],
          ],
        ],
      ]),
    ).toEqual(['zero-area']);
  });

  it('checks every polygon of a multipolygon', () => {
    expect(geometryIssues([[sq], [sq.slice(0, 3)]])).toMatchObject([{ kind: 'too-few-positions', polygon: 1 }]);
  });
});
