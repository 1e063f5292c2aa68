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
  if (!WRITTEN.test(value)) {
    const noZone = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.test(value);
    return { error: `${JSON.stringify(value)} ${noZone ? 'has no time zone, so it would be read in the host\'s zone' : 'is not an RFC 3339 date-time'}` };
  }
  // Date.parse takes the ISO form with upper-case T and Z only; RFC 3339 allows both cases.
  const ms = Date.parse(/[tz]/.test(value) ? value.toUpperCase() : value);
  if (!Number.isFinite(ms) || !realDay(value)) return { error: `${JSON.stringify(value)} is not a valid date-time` };
  return ms;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const digits = (s: string, from: number, to: number): number => {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + s.charCodeAt(i) - 48;
  return n;
};

/** V8 reads 2027-02-30 as 2 March; the calendar says there is no such day. (Digits only: WRITTEN matched.) */
function realDay(value: string): boolean {
  const y = digits(value, 0, 4);
  const m = digits(value, 5, 7);
  const d = digits(value, 8, 10);
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
