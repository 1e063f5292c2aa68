// isSecondInstant lets canonicalInstant and apiInstant skip Date for instants already in their canonical form.
// It may say yes only where Date reads the text and writes the same instant back (less zero milliseconds).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalInstant, isSecondInstant } from './canonical.js';

/** What canonicalInstant did before the shortcut: through Date and back. */
function throughDate(value: string): string | undefined {
  const t = Date.parse(value);
  if (Number.isNaN(t)) return undefined;
  const iso = new Date(t).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');
const nearlyInstant = fc
  .tuple(
    fc.integer({ min: 0, max: 9999 }),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
    fc.integer({ min: 0, max: 25 }),
    fc.integer({ min: 0, max: 61 }),
    fc.integer({ min: 0, max: 61 }),
  )
  .map(([y, mo, d, h, mi, s]) => `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}Z`);

describe('isSecondInstant', () => {
  it('says yes exactly for the texts Date writes back unchanged', () => {
    fc.assert(
      fc.property(nearlyInstant, (text) => {
        expect(isSecondInstant(text)).toBe(throughDate(text) === text);
        expect(canonicalInstant(text)).toBe(throughDate(text) ?? text);
      }),
      { numRuns: 20000 },
    );
  });

  it('says no to every other form, which still goes through Date', () => {
    for (const text of ['2027-02-29T00:00:00Z', '2028-02-29T00:00:00Z', '2100-02-29T00:00:00Z', '2000-02-29T00:00:00Z', '2027-06-01T24:00:00Z']) {
      expect(isSecondInstant(text)).toBe(throughDate(text) === text);
    }
    for (const text of [
      '2027-06-01T00:00:00.000Z',
      '2027-06-01T00:00:00+00:00',
      '2027-06-01 00:00:00Z',
      '2027-06-01T00:00:00z',
      '+02027-06-01T00:00:00Z',
      '２027-06-01T00:00:00Z',
      '',
    ])
      expect(isSecondInstant(text)).toBe(false);
    fc.assert(
      fc.property(fc.string({ maxLength: 22 }), (text) => {
        if (isSecondInstant(text)) expect(throughDate(text)).toBe(text);
      }),
    );
  });
});
