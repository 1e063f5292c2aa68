// Canonical values, so two sides that mean the same thing compare equal: instants in one format,
// decimals at the currency's exponent, percentages without float noise, sets sorted. Both the desired
// and the live side go through these before the diff, which is what keeps plans free of phantom diffs.
import * as crypto from 'node:crypto';
import { canonicalJson } from '../engine/canonical.js';
import { currencyExponent } from './minor-units.js';

export type Json = null | boolean | number | string | readonly Json[] | { readonly [k: string]: Json };

/** Any RFC 3339 / ISO 8601 instant → `YYYY-MM-DDTHH:MM:SSZ` (milliseconds only when non-zero). */
export function canonicalInstant(value: string): string {
  if (isSecondInstant(value)) return value;
  const t = Date.parse(value);
  if (Number.isNaN(t)) return value;
  const iso = new Date(t).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

/**
 * Whether `value` is a valid instant already written `YYYY-MM-DDTHH:MM:SSZ`, the form Date writes back for it
 * (less its zero milliseconds): nearly every instant a plan reads or lowers. Checked by its digits, without
 * parsing it into a Date and writing it out again.
 */
export function isSecondInstant(value: string): boolean {
  if (value.length !== 20 || value.charCodeAt(19) !== 90 /* Z */ || value.charCodeAt(10) !== 84 /* T */) return false;
  for (const at of SEPARATORS) if (value.charCodeAt(at) !== (at < 10 ? DASH : COLON)) return false;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  const hour = digits(value, 11, 2);
  const minute = digits(value, 14, 2);
  const second = digits(value, 17, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 ? (leap ? 29 : 28) : DAYS_IN_MONTH[month - 1]!);
}
const SEPARATORS = [4, 7, 13, 16];
const DASH = 45;
const COLON = 58;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The decimal number written by `length` ASCII digits at `start`, or -1 if any is not a digit. */
function digits(text: string, start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** A decimal amount written any way ("5", "5.0", 5) → the currency's exponent ("5.00" for EUR). */
export function canonicalAmount(value: string | number, currency: string): string {
  const text = typeof value === 'number' ? numberToPlain(value) : value.trim();
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m) return text;
  const exp = currencyExponent(currency);
  const [, sign = '', int = '', frac = ''] = m;
  const trimmed = frac.replace(/0+$/, '');
  if (trimmed.length > exp) return `${sign}${stripZeros(int)}.${trimmed}`; // keep precision; a compile error elsewhere
  const intPart = stripZeros(int);
  return exp === 0 ? `${sign}${intPart}` : `${sign}${intPart}.${trimmed.padEnd(exp, '0')}`;
}

/** Integer minor units → the canonical decimal string ("250" EUR cents → "2.50"). */
export function minorToAmount(minor: number, currency: string): string {
  const exp = currencyExponent(currency);
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(Math.round(minor))).padStart(exp + 1, '0');
  return exp === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -exp)}.${digits.slice(-exp)}`;
}

/** A number rid of binary floating-point noise: 0.15 * 100 → 15, 12.5 stays 12.5. */
export function canonicalNumber(value: number): number {
  // Integers below 10^12 have no noise to remove (and -0 reads as 0, as toPrecision makes it): most amounts and limits.
  if (Number.isInteger(value) && value < 1e12 && value > -1e12) return value + 0;
  return Number(value.toPrecision(12));
}

/** "12.50", "12.5", 12.5 → 12.5; undefined when not a number. */
export function parseNumeric(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return canonicalNumber(value);
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return canonicalNumber(Number(value));
  return undefined;
}

/** A percentage authored 0 < p ≤ 100 → a fraction 0..1, without float noise (15 → 0.15). */
export function percentToFraction(percent: number): number {
  return canonicalNumber(percent / 100);
}

export function fractionToPercent(fraction: number): number {
  return canonicalNumber(fraction * 100);
}

/** Sorted, de-duplicated copy of a set of scalars or objects (objects ordered by canonical JSON). */
export function sortedSet<T extends Json>(items: readonly T[]): T[] {
  const keyed = new Map<string, T>();
  for (const item of items) keyed.set(typeof item === 'string' ? `s:${item}` : canonicalJson(item), item);
  return [...keyed.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
}

/** sha256 of the RFC 8785 form, hex. */
export function digest(value: unknown, length = 64): string {
  return sha256Text(canonicalJson(value)).slice(0, length);
}

export { canonicalJson };

function stripZeros(int: string): string {
  const s = int.replace(/^0+/, '');
  return s === '' ? '0' : s;
}

function numberToPlain(n: number): string {
  // toFixed avoids exponent notation for the magnitudes money has.
  return Number.isInteger(n) ? String(n) : String(canonicalNumber(n));
}

/** Node 20.12+ hashes in one call (crypto.hash); a Hash object per call costs several times more. */
const ONE_CALL_HASH = typeof (crypto as { hash?: unknown }).hash === 'function';

/** sha256 hex of a string. */
export const sha256Text: (text: string) => string = ONE_CALL_HASH
  ? (text) => crypto.hash('sha256', text, 'hex')
  : (text) => crypto.createHash('sha256').update(text).digest('hex');

/** sha256 of a string or bytes as 32 bytes. */
export const sha256Bytes: (data: string | Uint8Array) => Buffer = ONE_CALL_HASH
  ? (data) => crypto.hash('sha256', data as string, 'buffer') as unknown as Buffer
  : (data) => crypto.createHash('sha256').update(data).digest();
