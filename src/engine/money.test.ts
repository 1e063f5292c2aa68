import { describe, expect, it } from 'vitest';
import { currencyExponent, formatMinor, mulDivRound, parseDecimal, percentOf, percentToRate } from './money.js';

describe('money', () => {
  it('knows ISO 4217 exponents', () => {
    expect([currencyExponent('EUR'), currencyExponent('JPY'), currencyExponent('KWD')]).toEqual([2, 0, 3]);
  });

  it('parses decimals into minor units per currency exponent', () => {
    expect(parseDecimal('5.00', 2)).toBe(500);
    expect(parseDecimal('5', 2)).toBe(500);
    expect(parseDecimal('0.125', 3)).toBe(125);
    expect(parseDecimal('500', 0)).toBe(500);
    expect(parseDecimal('5.000', 2)).toBe(500);
    expect(parseDecimal('1.5', 0)).toEqual({ error: '"1.5" has 1 decimals; the currency has 0' });
    expect(parseDecimal('5.001', 2)).toHaveProperty('error');
    expect(parseDecimal('99999999999999999999', 2)).toEqual({ error: '"99999999999999999999" is too large' });
  });

  it('formats minor units', () => {
    expect(formatMinor(500, 2)).toBe('5.00');
    expect(formatMinor(5, 2)).toBe('0.05');
    expect(formatMinor(-5, 2)).toBe('-0.05');
    expect(formatMinor(125, 3)).toBe('0.125');
    expect(formatMinor(500, 0)).toBe('500');
  });

  it('rounds half away from zero', () => {
    expect(percentOf(5, 100_000)).toBe(1); // 10% of 0.05 = 0.005 → 0.01
    expect(percentOf(15, 100_000)).toBe(2);
    expect(percentOf(14, 100_000)).toBe(1);
    expect(percentOf(105, 100_000)).toBe(11); // JPY: 10.5 yen → 11
    expect(percentOf(1005, 500_000)).toBe(503); // KWD: 502.5 fils → 503
    expect(mulDivRound(-15, 1, 10)).toBe(-2);
    expect(mulDivRound(-14, 1, 10)).toBe(-1);
  });

  it('stays exact past 2^53 intermediate products', () => {
    expect(percentOf(9_000_000_000_000, 333_333)).toBe(2_999_997_000_000);
    expect(mulDivRound(Number.MAX_SAFE_INTEGER, 3, 3)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('converts percentages to parts per million', () => {
    expect(percentToRate(25)).toBe(250_000);
    expect(percentToRate(12.5)).toBe(125_000);
    expect(percentToRate(0.0001)).toBe(1);
    expect(percentToRate(33.33333)).toBeUndefined();
  });
});
