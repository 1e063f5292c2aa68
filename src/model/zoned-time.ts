// Local wall-clock times in an IANA time zone ↔ UTC instants, with the platform's Intl time-zone data (no
// library: Node ships full ICU). Pure. A local time that the zone skips (clocks spring forward) or shows
// twice (clocks fall back) is not guessed: the caller turns it into an error that says so.
import { maxOf, minOf } from './append.js';

/** `2027-03-28T02:30` or `2027-03-28T02:30:00`: a date-time without offset. */
export const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

export type LocalResolution =
  | { readonly ok: true; readonly instant: string }
  | { readonly ok: false; readonly problem: 'zone'; readonly message: string }
  | { readonly ok: false; readonly problem: 'invalid'; readonly message: string }
  | { readonly ok: false; readonly problem: 'gap'; readonly message: string; readonly after: string }
  | { readonly ok: false; readonly problem: 'ambiguous'; readonly message: string; readonly earlier: string; readonly later: string };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether Intl knows the zone (IANA names such as Europe/Berlin, or UTC). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at instant `t` (ms): local wall clock minus UTC. */
export function offsetAt(t: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(t))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - Math.floor(t / 1000) * 1000;
}

/** `2027-03-28T01:00:00Z` as the zone shows it: `2027-03-28 03:00 CEST` style, `2027-03-28T03:00:00+02:00`. */
export function localIso(t: number, timeZone: string): string {
  const offset = offsetAt(t, timeZone);
  const wall = new Date(t + offset).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset) / 60_000;
  return `${wall}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** An instant as promoc writes them: UTC, whole seconds, `Z`. */
export function utcIso(t: number): string {
  return new Date(t).toISOString().replace(/\.000Z$/, 'Z');
}

/**
 * A local date-time in `timeZone` → the one UTC instant it names. Every offset the zone uses within a day of
 * the wall time is tried; the candidates whose offset is really in force at their instant are the answers.
 */
export function resolveLocalTime(local: string, timeZone: string): LocalResolution {
  if (!isTimeZone(timeZone)) return { ok: false, problem: 'zone', message: `"${timeZone}" is not a time zone this runtime knows` };
  const m = LOCAL_TIME.exec(local);
  if (!m) return { ok: false, problem: 'invalid', message: `${local} is not a local date-time (YYYY-MM-DDTHH:MM[:SS])` };
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    return { ok: false, problem: 'invalid', message: `${local} is not a date-time on the calendar` };
  }
  const offsets = [...new Set([-1, 0, 1].map((day) => offsetAt(wall + day * 86_400_000, timeZone)))];
  const found = [...new Set(offsets.map((o) => wall - o).filter((t) => offsetAt(t, timeZone) === wall - t))].sort((a, b) => a - b);
  if (found.length === 1) return { ok: true, instant: utcIso(found[0]!) };
  if (found.length === 0) {
    // The wall time falls in the hour the clocks skip: name the instants either side of the jump.
    const jump = transition(wall - maxOf(offsets), wall - minOf(offsets), timeZone);
    return {
      ok: false,
      problem: 'gap',
      message:
        `${local} does not exist in ${timeZone}: the clocks jump from ${localIso(jump - 1000, timeZone).slice(11, 16)}` +
        ` straight to ${localIso(jump, timeZone).slice(11, 16)} that night`,
      after: localIso(jump, timeZone),
    };
  }
  const [earlier, later] = [found[0]!, found[found.length - 1]!];
  return {
    ok: false,
    problem: 'ambiguous',
    message: `${local} happens twice in ${timeZone} (the clocks fall back that night): ${localIso(earlier, timeZone)} or ${localIso(later, timeZone)}`,
    earlier: localIso(earlier, timeZone),
    later: localIso(later, timeZone),
  };
}

/** The first second in [lo, hi] whose offset is the one in force at hi (the instant the clocks changed). */
function transition(lo: number, hi: number, timeZone: string): number {
  const target = offsetAt(hi, timeZone);
  let [a, b] = [Math.floor(lo / 1000), Math.ceil(hi / 1000)];
  while (a < b) {
    const mid = Math.floor((a + b) / 2);
    if (offsetAt(mid * 1000, timeZone) === target) b = mid;
    else a = mid + 1;
  }
  return a * 1000;
}
