import fc from 'fast-check';
import { expect, it } from 'vitest';
import { newestFirst } from './pagination.js';

it('orders newest first with ties in reverse insertion order, like the naive sort', () => {
  const naive = <T extends { created_at: string }>(xs: readonly T[]): T[] =>
    xs
      .map((item, index) => ({ item, index }))
      .sort((a, b) => Date.parse(b.item.created_at) - Date.parse(a.item.created_at) || b.index - a.index)
      .map((x) => x.item);
  // Both spellings the emulator meets (with and without milliseconds): lexical order is not time order across them.
  const stamp = fc.tuple(fc.integer({ min: 0, max: 50 }), fc.constantFrom(0, 500), fc.boolean()).map(([s, ms, short]) => {
    const iso = new Date(Date.UTC(2027, 0, 1, 0, 0, s, ms)).toISOString();
    return { created_at: short && ms === 0 ? iso.replace('.000Z', 'Z') : iso };
  });
  fc.assert(
    fc.property(fc.array(stamp, { maxLength: 40 }), (xs) => {
      const items = xs.map((x, i) => ({ ...x, id: i }));
      expect(newestFirst(items).map((x) => x.id)).toEqual(naive(items).map((x) => x.id));
    }),
    { numRuns: 300, seed: 7 },
  );
});
