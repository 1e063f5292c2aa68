// digestEach writes a page's canonical texts through JSON.stringify with one sorted property list; it must give
// exactly digest() of each value, whatever the page holds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digest } from './canonical.js';
import { digestEach } from './digest-each.js';

const each = (values: readonly unknown[]): string[] => values.map((v) => digest(v));

describe('digestEach', () => {
  it('equals digest() of each value parsed from JSON', () => {
    fc.assert(
      fc.property(fc.array(fc.json({ maxDepth: 3 }), { maxLength: 12 }), (texts) => {
        const values = texts.map((t) => JSON.parse(t) as unknown);
        expect(digestEach(values)).toEqual(each(values));
      }),
      { numRuns: 1500 },
    );
  });

  it('equals digest() on pages of similar objects with keys that sort unusually', () => {
    const key = fc.constantFrom('a', 'B', 'é', '10', '9', '', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'z\u0000', '\ud83d\ude00', 'code_id');
    const leaf = fc.oneof(fc.string({ maxLength: 4 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.integer());
    const object = fc.dictionary(key, fc.oneof(leaf, fc.array(leaf, { maxLength: 3 }), fc.dictionary(key, leaf, { maxKeys: 4 })), { maxKeys: 8 });
    fc.assert(
      fc.property(fc.array(object, { maxLength: 8 }), (values) => {
        const parsed = JSON.parse(JSON.stringify(values)) as unknown[];
        expect(digestEach(parsed, 16)).toEqual(parsed.map((v) => digest(v, 16)));
      }),
      { numRuns: 1500 },
    );
  });

  it('falls back to one by one where the list would read other keys or values', () => {
    const inherited = Object.create({ extra: 1 }) as Record<string, unknown>;
    inherited.own = 2;
    const hidden = { a: 1 };
    Object.defineProperty(hidden, 'b', { value: 2, enumerable: false });
    const pages: unknown[][] = [
      [JSON.parse('{"__proto__":{"x":1},"a":2}'), { a: 3 }],
      [{ b: 1 }, hidden],
      [{ extra: 5 }, inherited],
      [{ when: new Date(0) }, { n: 1 }],
      [{ toJSON: 1, a: 1 }, { a: [1, , 3] }], // eslint-disable-line no-sparse-arrays
      [Object.assign(Object.create(null), { a: 1 }) as unknown, { a: -0 }, { a: 1e21 }],
    ];
    for (const page of pages) expect(digestEach(page)).toEqual(each(page));
  });
});
