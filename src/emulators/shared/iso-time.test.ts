import { describe, expect, it } from 'vitest';
import { isoDay, isoSeconds, parseDateOrDateTime, parseDateTime } from './iso-time.js';

describe('iso time', () => {
  it('accepts date-times with an offset and rejects loose text', () => {
    expect(parseDateTime('2027-06-01T00:00:00Z')?.toISOString()).toBe('2027-06-01T00:00:00.000Z');
    expect(parseDateTime('2027-06-01T02:00:00+02:00')?.toISOString()).toBe('2027-06-01T00:00:00.000Z');
    for (const bad of ['2027', 'March 7', '2027-06-01', '2027-13-01T00:00:00Z', '2027-06-01T00:00:00']) {
      expect(parseDateTime(bad)).toBeUndefined();
    }
  });

  it('reads a bare date as midnight UTC and formats without milliseconds', () => {
    expect(parseDateOrDateTime('2027-06-01')).toEqual({ at: new Date('2027-06-01T00:00:00Z'), dateOnly: true });
    expect(isoSeconds(new Date('2027-06-01T10:11:12.345Z'))).toBe('2027-06-01T10:11:12Z');
    expect(isoDay(new Date('2027-06-01T23:59:59Z'))).toBe('2027-06-01');
  });
});
