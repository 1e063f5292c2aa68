import { describe, expect, it } from 'vitest';
import { MAX_INSTANT, readInstant, readInstantIn } from './instant.js';

describe('readInstant', () => {
  it.each([
    ['2027-06-01T12:00:00Z', Date.UTC(2027, 5, 1, 12)],
    ['2027-06-01t12:00:00z', Date.UTC(2027, 5, 1, 12)],
    ['2027-06-01T14:00:00+02:00', Date.UTC(2027, 5, 1, 12)],
    ['2027-06-01T12:00Z', Date.UTC(2027, 5, 1, 12)],
    ['2027-06-01T12:00:00.250Z', Date.UTC(2027, 5, 1, 12, 0, 0, 250)],
    ['2027-06-01', Date.UTC(2027, 5, 1)],
    ['2028-02-29T00:00:00Z', Date.UTC(2028, 1, 29)],
    [1_811_851_200_000, 1_811_851_200_000],
    [-MAX_INSTANT, -MAX_INSTANT],
  ])('reads %s', (value, ms) => {
    expect(readInstant(value)).toBe(ms);
  });

  it.each([
    ['2027-06-01T00:30:00', 'has no time zone'],
    ['2027-06-01 00:30', 'has no time zone'],
    ['June 1, 2027', 'is not an RFC 3339 date-time'],
    ['2027-02-30T00:00:00Z', 'is not a valid date-time'],
    ['2027-02-29T00:00:00Z', 'is not a valid date-time'],
    ['2027-13-01T00:00:00Z', 'is not a valid date-time'],
    [MAX_INSTANT + 1, 'is outside the years'],
    [Number.NaN, 'NaN is not an instant'],
    [Infinity, 'Infinity is not an instant'],
    [null, 'null is not an instant'],
  ])('refuses %s', (value, message) => {
    const r = readInstant(value);
    expect(typeof r).toBe('object');
    expect((r as { error: string }).error).toContain(message);
  });

  it('reads the canonical UTC form by arithmetic exactly as the general path reads it', () => {
    // The same instant written with +00:00 instead of Z always takes the regex and Date.parse path.
    const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
    let compared = 0;
    for (const y of [99, 100, 1970, 2000, 2027, 2028, 2100, 9999]) {
      for (let m = 0; m <= 13; m++) {
        for (const d of [0, 1, 28, 29, 30, 31, 32]) {
          for (const [h, mi, sec] of [
            [0, 0, 0],
            [23, 59, 59],
            [24, 0, 0],
            [12, 60, 0],
            [12, 0, 60],
          ] as const) {
            for (const ms of ['', '.000', '.999']) {
              const base = `${pad(y, 4)}-${pad(m)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(sec)}${ms}`;
              const fast = readInstant(`${base}Z`);
              const general = readInstant(`${base}+00:00`);
              expect(typeof fast === 'number' ? fast : 'refused', `${base}Z`).toBe(typeof general === 'number' ? general : 'refused');
              // Read in place, inside a longer text, it is the same instant or the same refusal.
              const row = `id,${base}Z,EUR`;
              expect(readInstantIn(row, 3, row.length - 4)).toEqual(fast);
              compared++;
            }
          }
        }
      }
    }
    expect(compared).toBe(8 * 14 * 7 * 5 * 3);
  });

  it('reads the same instant in any host zone', () => {
    const tz = process.env.TZ;
    try {
      for (const zone of ['Pacific/Kiritimati', 'America/Adak', 'UTC']) {
        process.env.TZ = zone;
        expect(readInstant('2027-06-01T00:30:00+00:00')).toBe(Date.UTC(2027, 5, 1, 0, 30));
        expect(readInstant('2027-06-01')).toBe(Date.UTC(2027, 5, 1));
      }
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });
});
