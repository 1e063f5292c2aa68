import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSegments, sweepSegments, visitBoxPairs } from './segments.js';
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

describe('visitBoxPairs', () => {
  /** Every pair a visit function sees, as "earlier-later", sorted; the visit order itself is free. */
  function seen(walk: typeof sweepSegments, a: Position[][], b: Position[][], acrossOwners: boolean): string[] {
    const s = buildSegments([
      { rings: a, owner: 0 },
      { rings: b, owner: 1 },
    ]);
    const out: string[] = [];
    walk(s, (i, j) => (out.push(`${i}-${j}`), false), acrossOwners);
    return out.sort();
  }
  // Small integer grids: many equal x values, vertical and repeated edges, several rings, empty and tiny rings.
  const ringOf = fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 })), { maxLength: 14 }).map((p): Position[] => p);

  it('visits the pairs sweepSegments visits, each ordered as there, with and without owners', () => {
    fc.assert(
      fc.property(fc.array(ringOf, { maxLength: 3 }), fc.array(ringOf, { maxLength: 3 }), fc.boolean(), (a, b, acrossOwners) => {
        expect(seen(visitBoxPairs, a, b, acrossOwners)).toEqual(seen(sweepSegments, a, b, acrossOwners));
      }),
      { numRuns: 400, seed: 11 },
    );
    const big = star(400, 0, 0, 0.7);
    expect(seen(visitBoxPairs, [big], [star(60, 0.5, 0.1, 0.3)], true)).toEqual(seen(sweepSegments, [big], [star(60, 0.5, 0.1, 0.3)], true));
    expect(seen(visitBoxPairs, [big, star(30, 0.2, 0, 0.5)], [], false)).toEqual(seen(sweepSegments, [big, star(30, 0.2, 0, 0.5)], [], false));
  });

  it('stops when the visitor says so', () => {
    const s = buildSegments([{ rings: [star(20, 0, 0, 0.2)], owner: 0 }]);
    let visits = 0;
    visitBoxPairs(s, () => ((visits += 1), true));
    expect(visits).toBe(1);
  });
});
