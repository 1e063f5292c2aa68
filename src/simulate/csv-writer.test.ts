import { describe, expect, it } from 'vitest';
import { csvHeaderRow, csvRow, CsvWriteError } from './csv-writer.js';
import type { GeneratedSession } from './generate.js';
import { sessionParser } from './read.js';
import type { Session } from './session.js';

const session = (extra: Partial<GeneratedSession> = {}): GeneratedSession => ({
  id: 's1',
  at: '2027-07-01T10:00:00.000Z',
  currency: 'EUR',
  customer: { id: 'c1', userType: 'public', tags: [] },
  lines: [{ id: 'time', priceType: 'TIME_PRICE', amount: 209, quantity: 11 }],
  ...extra,
});

const readBack = (s: GeneratedSession): Session => {
  const parse = sessionParser('csv');
  parse(csvHeaderRow().trimEnd());
  return parse(csvRow(s).trimEnd()) as Session;
};

describe('csvRow', () => {
  it('quotes a field holding a comma or a quote, and reads back what it wrote', () => {
    const s = session({
      id: 'night, "late"',
      codes: ['SUMMER25'],
      rental: { branch: 'berlin', start: { lon: 13.4, lat: 52.5 }, end: { lon: 13.41, lat: 52.51 } },
    });
    expect(csvRow(s)).toContain('"night, ""late"""');
    expect(readBack(s)).toMatchObject({
      id: 'night, "late"',
      codes: ['SUMMER25'],
      rental: { branch: 'berlin', end: { lon: 13.41, lat: 52.51 } },
      lines: [{ id: 'time', priceType: 'TIME_PRICE', amount: 209, quantity: 11 }],
    });
  });

  it.each([
    [{ customer: { id: 'c1', tags: ['a;b'] } }, 'customer tag "a;b"'],
    [{ codes: [' X'] }, 'code " X"'],
    [{ lines: [{ id: 'x', priceType: 'TIME_PRICE', plan: 'pro', amount: 1 }] }, 'has 2 selectors'],
    [{ lines: [{ id: 'a=b', amount: 1 }] }, '"a=b" cannot be written'],
    [{ lines: [{ id: 'a', amount: 1.5 }] }, 'is not minor units'],
    [{ id: 'two\nlines' }, 'holds a line break'],
  ] as [Partial<GeneratedSession>, string][])('refuses what the format cannot hold: %j', (extra, message) => {
    expect(() => csvRow(session(extra))).toThrow(CsvWriteError);
    expect(() => csvRow(session(extra))).toThrow(message);
  });
});
