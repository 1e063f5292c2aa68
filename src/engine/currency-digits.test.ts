import { describe, expect, it, vi } from 'vitest';
import { currencyDigitsFromIntl } from '../build/gen-currency-digits.js';
import { RECORDED_CURRENCY_DIGITS, RECORDED_ICU } from './currency-digits.js';
import { currencyExponent } from './money.js';

const recorded = new Map(RECORDED_CURRENCY_DIGITS.map(([digits, rows]) => [digits, rows.join(' ').split(' ')]));

// Another ICU (an older Node 20) may know other codes or other digits; the recorded table is what promoc answers
// there too, so it is compared with the ICU it was recorded from (the one CI runs).
const sameIcu = process.versions.icu === RECORDED_ICU;

describe('recorded currency digits', () => {
  it.runIf(sameIcu)('are what Intl answers for every currency it knows, and name no other (npm run gen:currency-digits rewrites them)', () => {
    const fromIntl = currencyDigitsFromIntl();
    expect([...recorded.keys()].sort()).toEqual([...fromIntl.keys()].sort());
    for (const [digits, codes] of fromIntl) expect(recorded.get(digits)?.slice().sort(), `${digits} digits`).toEqual([...codes].sort());
  });

  it('list each code once', () => {
    const all = [...recorded.values()].flat();
    expect(new Set(all).size).toBe(all.length);
    if (sameIcu) expect(all.length).toBe(Intl.supportedValuesOf('currency').length);
  });

  it('are the exponents currencyExponent gives, and a code outside them is still asked of Intl', () => {
    for (const [digits, codes] of recorded) for (const code of codes) expect(currencyExponent(code), code).toBe(digits);
    expect(currencyExponent('EUR')).toBe(2);
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('KWD')).toBe(3);
    expect(currencyExponent('QQQ')).toBe(new Intl.NumberFormat('en', { style: 'currency', currency: 'QQQ' }).resolvedOptions().maximumFractionDigits);
  });

  it('answer a recorded code without a NumberFormat', () => {
    const made = vi.spyOn(Intl, 'NumberFormat');
    try {
      expect(currencyExponent('BHD')).toBe(3);
      expect(made).not.toHaveBeenCalled();
    } finally {
      made.mockRestore();
    }
  });
});
