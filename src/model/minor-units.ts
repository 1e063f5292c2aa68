// Money is integer minor units internally (ISO 4217 exponents: EUR 2, JPY 0, KWD 3). Intl knows
// both the currency list and the exponents, so nothing here is a hand-kept table.

import { currencyExponent } from '../engine/money.js';

// One definition of a currency's exponent, the engine's (the engine imports nothing of ours).
export { currencyExponent };

let isoCodes: ReadonlySet<string> | undefined;

export function isIsoCurrency(code: string): boolean {
  isoCodes ??= new Set(Intl.supportedValuesOf('currency'));
  return isoCodes.has(code);
}

/** Decimal places written in a decimal string ("5.001" → 3). */
export function decimalPlaces(amount: string): number {
  const dot = amount.indexOf('.');
  return dot === -1 ? 0 : amount.length - dot - 1;
}

/** "5.00" EUR → 500. Throws if the amount has more decimals than the currency allows. */
export function toMinorUnits(amount: string, currency: string): number {
  const exp = currencyExponent(currency);
  if (!/^-?\d+(\.\d+)?$/.test(amount)) throw new RangeError(`"${amount}" is not a decimal amount`);
  if (decimalPlaces(amount) > exp) throw new RangeError(`${amount} ${currency} has more than ${exp} decimal places`);
  const negative = amount.startsWith('-');
  const [int = '0', frac = ''] = amount.replace('-', '').split('.');
  const minor = Number(int) * 10 ** exp + Number(frac.padEnd(exp, '0') || '0');
  if (!Number.isSafeInteger(minor)) throw new RangeError(`${amount} ${currency} is too large`);
  return negative ? -minor : minor;
}

/** 500 EUR → "5.00". */
export function fromMinorUnits(minor: number, currency: string): string {
  const exp = currencyExponent(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  if (exp === 0) return `${sign}${abs}`;
  const s = String(abs).padStart(exp + 1, '0');
  return `${sign}${s.slice(0, -exp)}.${s.slice(-exp)}`;
}
