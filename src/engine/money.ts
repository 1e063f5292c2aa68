// Money is integer minor units (ISO 4217 exponents). Rounding is half away from zero, done in integers
// so no float error reaches a price: 0.5 cent rounds to 1 cent, 2.5 yen to 3 yen.
import { RECORDED_CURRENCY_DIGITS } from './currency-digits.js';

// Starts with Intl's answers recorded (see currency-digits.ts): asking Intl costs a process ICU's number formatting,
// and recorded answers do not change with the runtime's ICU.
const exponentCache = new Map<string, number>(
  RECORDED_CURRENCY_DIGITS.flatMap(([digits, rows]) => rows.flatMap((row) => row.split(' ').map((code) => [code, digits] as const))),
);

/** Parts per million: rates are stored as integers so percent maths stays exact. */
export const RATE_ONE = 1_000_000;

/**
 * Digits after the decimal point for an ISO 4217 code (EUR 2, JPY 0, KWD 3), from Intl, which
 * carries CLDR's currency data in every modern runtime (recorded for the codes it knew when currency-digits.ts
 * was generated). Unknown codes get Intl's default of 2.
 */
export function currencyExponent(currency: string): number {
  let e = exponentCache.get(currency);
  if (e === undefined) {
    e = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    exponentCache.set(currency, e);
  }
  return e;
}

/** "5.00" with exponent 2 → 500. An error message when the string has more digits than the currency. */
export function parseDecimal(amount: string, exponent: number): number | { error: string } {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(amount);
  if (!m) return { error: `"${amount}" is not a decimal amount` };
  const whole = m[1] ?? '0';
  const frac = (m[2] ?? '').replace(/0+$/, '');
  if (frac.length > exponent) return { error: `"${amount}" has ${frac.length} decimals; the currency has ${exponent}` };
  const minor = BigInt(whole) * 10n ** BigInt(exponent) + BigInt(frac.padEnd(exponent, '0') || '0');
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return { error: `"${amount}" is too large` };
  return Number(minor);
}

/** 500 with exponent 2 → "5.00"; -5 → "-0.05". */
export function formatMinor(minor: number, exponent: number): string {
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
  if (exponent === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/** a × b / c rounded half away from zero, exact for any integers (BigInt past 2^53); integers only. */
export function mulDivRound(a: number, b: number, c: number): number {
  const product = a * b;
  if (Number.isSafeInteger(product)) return divRound(product, c);
  const n = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  const neg = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const q = (2n * an + ad) / (2n * ad);
  return Number(neg ? -q : q);
}

function divRound(n: number, d: number): number {
  const neg = n < 0 !== d < 0;
  const an = Math.abs(n);
  const ad = Math.abs(d);
  let q = Math.floor(an / ad);
  let r = an - q * ad;
  // Float division of safe integers can land one off; the remainder puts it right.
  if (r < 0) {
    q -= 1;
    r += ad;
  } else if (r >= ad) {
    q += 1;
    r -= ad;
  }
  if (2 * r >= ad) q += 1;
  return neg ? -q : q;
}

/** rate (parts per million) of amount, rounded half away from zero. */
export function percentOf(amount: number, rate: number): number {
  return mulDivRound(amount, rate, RATE_ONE);
}

/** 25 → 250000; undefined when the percentage has more than 4 decimals (finer than a ppm). */
export function percentToRate(percent: number): number | undefined {
  const scaled = percent * 10_000;
  const rate = Math.round(scaled);
  return Math.abs(scaled - rate) < 1e-6 ? rate : undefined;
}
