import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatArea, groupThousands } from './measure.js';

describe('groupThousands', () => {
  it('writes what toLocaleString("en-US") writes', () => {
    const edges = [0, -0, 1, -1, 12, 123, 999, 1000, -1000, 999_999, 1_000_000, 123_456_789, 2 ** 53, -(2 ** 53), 1e20, 1e21, NaN, Infinity, -Infinity, 0.5];
    for (const n of edges) expect(groupThousands(n)).toBe(n.toLocaleString('en-US'));
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }), fc.maxSafeInteger()), (n) => {
        expect(groupThousands(n)).toBe(n.toLocaleString('en-US'));
      }),
      { numRuns: 2000, seed: 3 },
    );
  });

  it('formats areas in m² below a square kilometre', () => {
    expect(formatArea(1234.4)).toBe('1,234 m²');
    expect(formatArea(999_999.6)).toBe('1,000,000 m²');
    expect(formatArea(2_500_000)).toBe('2.50 km²');
  });
});
