import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boxPairs, naiveBoxPairs } from './spatial-index.js';
import type { BBox } from './types.js';

describe('boxPairs', () => {
  it('finds exactly the pairs the all-pairs scan finds, touching boxes included', () => {
    const box = fc
      .tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }))
      .map(([x, y, w, h]): BBox => [x, y, x + w, y + h]);
    fc.assert(
      fc.property(fc.array(box, { maxLength: 120 }), (boxes) => {
        expect(boxPairs(boxes)).toEqual(naiveBoxPairs(boxes));
      }),
      { numRuns: 100, seed: 3 },
    );
  });

  it('handles no boxes, one box and empty boxes', () => {
    expect(boxPairs([])).toEqual([]);
    expect(boxPairs([[0, 0, 1, 1]])).toEqual([]);
    expect(
      boxPairs([
        [0, 0, 1, 1],
        [Infinity, Infinity, -Infinity, -Infinity],
        [1, 1, 2, 2],
      ]),
    ).toEqual([[0, 2]]);
  });
});
