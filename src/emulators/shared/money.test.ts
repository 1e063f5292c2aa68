import { describe, expect, it } from 'vitest';
import { currencyExponent, decimalStringToMinor, percentOf, roundHalfAwayFromZero, toDecimalString, toMajor, toMinor } from './money.js';

describe('money', () => {
  it('knows ISO 4217 exponents', () => {
    expect(currencyExponent('EUR')).toBe(2);
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('KWD')).toBe(3);
  });

  it('rounds half away from zero', () => {
    expect(roundHalfAwayFromZero(2.5)).toBe(3);
    expect(roundHalfAwayFromZero(-2.5)).toBe(-3);
    expect(roundHalfAwayFromZero(2.4999)).toBe(2);
    expect(percentOf(1005, 50)).toBe(503);
    expect(percentOf(100, 150)).toBe(100);
  });

  it('converts between major and minor units, refusing extra precision', () => {
    expect(toMinor(0.29, 'EUR')).toBe(29);
    expect(toMinor(12.345, 'EUR')).toBeUndefined();
    expect(toMinor(1.5, 'JPY')).toBeUndefined();
    expect(toMajor(1250, 'EUR')).toBe(12.5);
    expect(toDecimalString(1250, 'EUR')).toBe('12.50');
    expect(toDecimalString(1250, 'KWD')).toBe('1.250');
    expect(decimalStringToMinor('12.5', 'EUR')).toBe(1250);
    expect(decimalStringToMinor('1e3', 'EUR')).toBeUndefined();
  });
});
