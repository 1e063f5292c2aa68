import fc from 'fast-check';
import polygonClipping from 'polygon-clipping';
import { describe, expect, it } from 'vitest';
import { intersectionAreaM2 } from './intersection-area.js';
import { areaM2 } from './measure.js';
import type { Ring } from './types.js';

const star = fc
  .record({
    cx: fc.double({ min: -0.01, max: 0.01, noNaN: true }),
    cy: fc.double({ min: -0.01, max: 0.01, noNaN: true }),
    clockwise: fc.boolean(),
    radii: fc.array(fc.double({ min: 0.001, max: 0.02, noNaN: true }), { minLength: 3, maxLength: 60 }),
  })
  .map(({ cx, cy, clockwise, radii }): Ring => {
    const ring = radii.map((r, i): [number, number] => {
      const t = ((clockwise ? -2 : 2) * Math.PI * i) / radii.length;
      return [13.4 + cx + r * Math.cos(t) * 1.6, 52.5 + cy + r * Math.sin(t)];
    });
    return [...ring, ring[0]!];
  });

describe('intersectionAreaM2', () => {
  it('equals turf area of the polygon-clipping intersection, for either orientation', () => {
    fc.assert(
      fc.property(star, star, (a, b) => {
        const quick = intersectionAreaM2(a, b);
        fc.pre(quick !== undefined);
        const clipped = areaM2(polygonClipping.intersection([a as never], [b as never]));
        expect(Math.abs(quick! - clipped)).toBeLessThanOrEqual(Math.max(0.01, clipped * 1e-8));
      }),
      { numRuns: 300, seed: 5 },
    );
  });

  it('gives the inner area for nested rings and zero for rings apart', () => {
    const sq = (x: number, y: number, s: number): Ring => [
      [x, y],
      [x + s, y],
      [x + s, y + s],
      [x, y + s],
      [x, y],
    ];
    expect(intersectionAreaM2(sq(13, 52, 0.1), sq(13.02, 52.02, 0.01))).toBeCloseTo(areaM2([[sq(13.02, 52.02, 0.01)]]), 2);
    expect(intersectionAreaM2(sq(13, 52, 0.1), sq(14, 52, 0.1))).toBe(0);
  });

  it('refuses touching boundaries, which the clipper must decide', () => {
    const sq = (x: number, y: number, s: number): Ring => [
      [x, y],
      [x + s, y],
      [x + s, y + s],
      [x, y + s],
      [x, y],
    ];
    expect(intersectionAreaM2(sq(13, 52, 0.1), sq(13.1, 52, 0.1))).toBeUndefined();
    expect(intersectionAreaM2(sq(13, 52, 0.1), sq(13, 52, 0.05))).toBeUndefined();
  });
});
