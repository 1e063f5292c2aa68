import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSegments, sweepSegments } from './segments.js';
import type { Position } from './types.js';

/** A closed star: `n` points alternating between radius 1 and `inner` around (cx, cy). */
function star(n: number, cx: number, cy: number, inner: number): Position[] {
  const pts: Position[] = Array.from({ length: n }, (_, i) => {
    const t = (2 * Math.PI * i) / n;
    const r = i % 2 === 0 ? 1 : inner;
    return [cx + r * Math.cos(t), cy + r * Math.sin(t)];
  });
  return [...pts, pts[0]!];
}

function pairs(a: Position[], b: Position[], acrossOwners: boolean): string[] {
  const s = buildSegments([
    { rings: [a], owner: 0 },
    { rings: [b], owner: 1 },
  ]);
  const out: string[] = [];
  sweepSegments(
    s,
    (i, j) => {
      if (acrossOwners) expect(s.owner[i]).not.toBe(s.owner[j]);
      if (s.owner[i] !== s.owner[j]) out.push(`${Math.min(i, j)}-${Math.max(i, j)}`);
      return false;
    },
    acrossOwners,
  );
  return out.sort();
}

describe('sweepSegments across owners', () => {
  it('visits exactly the pairs of different owners whose boxes overlap, never two edges of one shape', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 40 }),
        fc.double({ min: -1.5, max: 1.5, noNaN: true }),
        fc.double({ min: 0.05, max: 0.9, noNaN: true }),
        (half, dx, inner) => {
          const a = star(half * 2, 0, 0, inner);
          const b = star(8, dx, 0.3, 0.5);
          expect(pairs(a, b, true)).toEqual(pairs(a, b, false));
        },
      ),
      { numRuns: 50, seed: 7 },
    );
  });

  it('stops when the visitor says so', () => {
    const s = buildSegments([
      { rings: [star(20, 0, 0, 0.2)], owner: 0 },
      { rings: [star(20, 0.1, 0, 0.2)], owner: 1 },
    ]);
    let visits = 0;
    sweepSegments(
      s,
      () => {
        visits += 1;
        return true;
      },
      true,
    );
    expect(visits).toBe(1);
  });
});
