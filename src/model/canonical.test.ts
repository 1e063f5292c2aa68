import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalAmount, canonicalInstant, fractionToPercent, minorToAmount, percentToFraction, type Json } from './canonical.js';
import { diffFields } from '../plan/diff.js';
import { normalizeFields } from './normalize.js';

describe('canonical values', () => {
  it('writes instants one way', () => {
    expect(canonicalInstant('2027-09-01T02:00:00+02:00')).toBe('2027-09-01T00:00:00Z');
    expect(canonicalInstant('2027-09-01T00:00:00.000Z')).toBe('2027-09-01T00:00:00Z');
    expect(canonicalInstant('2027-09-01T00:00:00.250Z')).toBe('2027-09-01T00:00:00.250Z');
  });
  it('writes amounts at the currency exponent', () => {
    expect(canonicalAmount('5', 'EUR')).toBe('5.00');
    expect(canonicalAmount(2.5, 'EUR')).toBe('2.50');
    expect(canonicalAmount('5000.0', 'EUR')).toBe('5000.00');
    expect(canonicalAmount('100', 'JPY')).toBe('100');
    expect(canonicalAmount('1.5', 'KWD')).toBe('1.500');
    expect(minorToAmount(25000, 'EUR')).toBe('250.00');
  });
  it('converts percentages without float noise', () => {
    expect(percentToFraction(15)).toBe(0.15);
    expect(fractionToPercent(0.15)).toBe(15);
    expect(fractionToPercent(0.07)).toBe(7);
    fc.assert(fc.property(fc.integer({ min: 1, max: 10000 }), (n) => fractionToPercent(percentToFraction(n / 100)) === n / 100));
  });
});

describe('normalize and diff', () => {
  it('sorts sets, keeps ordered lists, drops absent and empty values', () => {
    const a = normalizeFields({ spec: { audience: { excludeTags: ['b', 'a'] }, benefits: [{ percentOff: 10 }, { percentOff: 20 }], limits: {}, code: null } });
    expect(a).toEqual({ spec: { audience: { excludeTags: ['a', 'b'] }, benefits: [{ percentOff: 10 }, { percentOff: 20 }] } });
  });
  it('reports field-level changes with paths', () => {
    const before = normalizeFields({ spec: { limits: { redemptions: 10 }, benefits: [{ percentOff: 20 }] } });
    const after = normalizeFields({ spec: { limits: { redemptions: 20, perCustomer: 1 }, benefits: [{ percentOff: 25 }] } });
    expect(diffFields(before, after)).toEqual([
      { path: 'spec.benefits[0].percentOff', before: 20, after: 25 },
      { path: 'spec.limits.perCustomer', after: 1 },
      { path: 'spec.limits.redemptions', before: 10, after: 20 },
    ]);
  });
  it('compares geometries whole', () => {
    const g = (x: number): Json => ({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [x, 0],
            [1, 0],
            [1, 1],
            [x, 0],
          ],
        ],
      ],
    });
    expect(diffFields({ area: g(0) }, { area: g(0.5) }).map((c) => c.path)).toEqual(['area']);
  });

  const json: fc.Arbitrary<Json> = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.string(),
      fc.integer(),
      fc.boolean(),
      fc.array(tie('value'), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom('a', 'b', 'plans', 'excludeTags', 'from'), tie('value'), { maxKeys: 3 }),
    ),
  })).value as fc.Arbitrary<Json>;

  it('diff(x, x) is empty and normalizing twice changes nothing (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), json), (x) => {
        const n = normalizeFields(x);
        expect(diffFields(n, normalizeFields(structuredClone(x)))).toEqual([]);
        expect(normalizeFields(n)).toEqual(n);
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('reordering a set never produces a diff (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string(), { maxLength: 8 }), (tags) => {
        const a = normalizeFields({ spec: { audience: { excludeTags: tags } } });
        const b = normalizeFields({ spec: { audience: { excludeTags: [...tags].reverse() } } });
        expect(diffFields(a, b)).toEqual([]);
      }),
      { seed: 7 },
    );
  });
});
