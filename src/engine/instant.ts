// Instants: what a context's `at` may be, and how reasons print one. Date is used only to read a
// written instant and to format one, never to read the clock.

/** What Date holds: ±8.64e15 ms around 1970 (ECMA-262 §21.4.1.1). Past it nothing can print the instant. */
export const MAX_INSTANT = 8.64e15;

// A date alone (UTC midnight, as ECMAScript reads it) or a date-time with a zone. A date-time without
// a zone is refused: Date.parse would read it in the host's zone, so a laptop and a server in another
// zone would price the same context differently.
const WRITTEN = /^\d{4}-\d{2}-\d{2}(?:[Tt]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:[Zz]|[+-]\d{2}:\d{2}))?$/;

/** Epoch ms for an `at` (epoch ms, or RFC 3339 with a zone); a sentence saying what is wrong otherwise. */
export function readInstant(value: unknown): number | { error: string } {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { error: `${String(value)} is not an instant` };
    if (Math.abs(value) > MAX_INSTANT) return { error: `${value} is outside the years −271821…275760 a date can hold` };
    return value;
  }
  if (typeof value !== 'string') return { error: `${JSON.stringify(value) ?? 'undefined'} is not an instant` };
  const utc = readCanonicalUtc(value);
  if (utc !== undefined) return utc;
  if (!WRITTEN.test(value)) {
    const noZone = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.test(value);
    return { error: `${JSON.stringify(value)} ${noZone ? "has no time zone, so it would be read in the host's zone" : 'is not an RFC 3339 date-time'}` };
  }
  // Date.parse takes the ISO form with upper-case T and Z only; RFC 3339 allows both cases.
  const ms = Date.parse(/[tz]/.test(value) ? value.toUpperCase() : value);
  if (!Number.isFinite(ms) || !realDay(value)) return { error: `${JSON.stringify(value)} is not a valid date-time` };
  return ms;
}

/**
 * Epoch ms for the instant written in text[from, to), as readInstant reads it: for a reader that holds
 * the instant inside a longer text (a CSV row) and would otherwise slice it out first.
 */
export function readInstantIn(text: string, from: number, to: number): number | { error: string } {
  return readCanonicalUtc(text, from, to) ?? readInstant(text.slice(from, to));
}

/**
 * The form nearly every recorded instant has, toISOString's (2027-07-01T10:00:00Z, with or without
 * .sss), read with arithmetic: a simulator replay reads one per session, and the regexes and
 * Date.parse below were a sixth of reading one. Anything else, or anything out of range, is left to
 * them (undefined), so both paths accept and refuse exactly the same strings (instant.test.ts).
 */
function readCanonicalUtc(text: string, from = 0, to = text.length): number | undefined {
  const n = to - from;
  if (n !== 20 && n !== 24) return undefined;
  const v = from;
  if (
    text.charCodeAt(v + 4) !== 45 ||
    text.charCodeAt(v + 7) !== 45 ||
    text.charCodeAt(v + 10) !== 84 ||
    text.charCodeAt(v + 13) !== 58 ||
    text.charCodeAt(v + 16) !== 58 ||
    text.charCodeAt(to - 1) !== 90
  )
    return undefined;
  // A digit d gives d - 48 ≥ 0 and 57 - d ≥ 0; any other character makes one of them negative.
  let notDigit = 0;
  for (let i = 0; i < 19; i++) {
    if (i === 4 || i === 7 || i === 10 || i === 13 || i === 16) continue;
    const c = text.charCodeAt(v + i);
    notDigit |= (c - 48) | (57 - c);
  }
  let ms = 0;
  if (n === 24) {
    if (text.charCodeAt(v + 19) !== 46) return undefined;
    for (let i = 20; i < 23; i++) {
      const c = text.charCodeAt(v + i);
      notDigit |= (c - 48) | (57 - c);
      ms = ms * 10 + c - 48;
    }
  }
  if (notDigit < 0) return undefined;
  const y = digits(text, v, v + 4);
  const month = digits(text, v + 5, v + 7);
  const day = digits(text, v + 8, v + 10);
  const hour = digits(text, v + 11, v + 13);
  const minute = digits(text, v + 14, v + 16);
  const second = digits(text, v + 17, v + 19);
  // Years 0–99 (which Date reads as 1900–1999 in places), hour 24 and leap seconds keep the general rules.
  if (y < 100 || hour > 23 || minute > 59 || second > 59 || !isRealDay(y, month, day)) return undefined;
  return ((daysFromCivil(y, month, day) * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + ms;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const digits = (s: string, from: number, to: number): number => {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + s.charCodeAt(i) - 48;
  return n;
};

/** V8 reads 2027-02-30 as 2 March; the calendar says there is no such day. (Digits only: WRITTEN matched.) */
function realDay(value: string): boolean {
  return isRealDay(digits(value, 0, 4), digits(value, 5, 7), digits(value, 8, 10));
}

function isRealDay(y: number, m: number, d: number): boolean {
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return m >= 1 && m <= 12 && d >= 1 && d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!);
}

/** The fix for a refused `at`, one sentence. */
export const INSTANT_HINT = 'Give epoch milliseconds or an RFC 3339 date-time with a zone, such as 2027-06-01T12:00:00Z or 2027-06-01T14:00:00+02:00.';

/** Instants in reasons: a date alone when it is midnight UTC ("window ends 2027-06-01"), else the full UTC time without milliseconds. */
export function formatInstant(ms: number): string {
  const iso = new Date(ms).toISOString();
  if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10);
  return iso.endsWith('.000Z') ? `${iso.slice(0, 19)}Z` : iso;
}
