// sameText must answer exactly what comparing the two JSON texts answers, for any values: equal documents,
// documents one edit apart, and values a walk cannot read (undefined, NaN, toJSON, class instances).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Json } from '../model/canonical.js';
import { normalizeFields } from '../model/normalize.js';
import { sameText } from './same-text.js';

const texts = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** A copy of `v` with one leaf or key changed, or keys reordered, chosen by `seed`. */
function edited(v: unknown, seed: number): unknown {
  if (Array.isArray(v)) {
    if (v.length === 0 || seed % 5 === 0) return [...v, seed % 3 === 0 ? null : seed];
    const i = seed % v.length;
    return v.map((x, j) => (j === i ? edited(x, Math.floor(seed / 7)) : x));
  }
  if (v !== null && typeof v === 'object') {
    const keys = Object.keys(v);
    if (keys.length === 0 || seed % 6 === 0) return { ...v, [`k${seed % 4}`]: seed % 2 === 0 ? 0 : undefined };
    if (seed % 6 === 1) return Object.fromEntries(Object.entries(v).reverse());
    const k = keys[seed % keys.length]!;
    return { ...v, [k]: edited((v as Record<string, unknown>)[k], Math.floor(seed / 7)) };
  }
  const options: unknown[] = [seed, -0, String(v), v === null ? 0 : null, true, undefined, NaN, Infinity];
  return options[seed % options.length];
}

const odd = fc.constantFrom<unknown>(
  undefined,
  NaN,
  Infinity,
  -Infinity,
  -0,
  new Date(0),
  { toJSON: () => 1 },
  new Map(),
  () => 1,
  Object.create(null),
  Object.assign([1], { toJSON: () => 2 }),
);
const value = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2, withNullPrototype: true }) },
  odd,
);

describe('sameText', () => {
  it('equals comparing JSON.stringify texts', () => {
    fc.assert(
      fc.property(value, fc.nat(), (v, seed) => {
        const copy = structuredCloneable(v) ? structuredClone(v) : v;
        expect(sameText(v, copy)).toBe(texts(v, copy));
        const other = edited(v, seed);
        expect(sameText(v, other)).toBe(texts(v, other));
        expect(sameText(other, v)).toBe(texts(other, v));
      }),
      { numRuns: 3000 },
    );
  });

  it('on normalized documents, as the plan compares them', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 3 })), fc.nat(), (generated, seed) => {
        const doc = generated as Record<string, Json>;
        const a = normalizeFields(doc);
        const b = normalizeFields(edited(doc, seed) as typeof doc);
        expect(sameText(a, b)).toBe(texts(a, b));
        expect(sameText(a, normalizeFields(doc))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('tells key order, -0 and 0, null and NaN apart exactly as the texts do', () => {
    expect(sameText({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(sameText([0], [-0])).toBe(true);
    expect(sameText([null], [NaN])).toBe(true);
    expect(sameText({ a: undefined }, {})).toBe(true);
    expect(sameText([undefined], [null])).toBe(true);
    expect(sameText({ a: '1' }, { a: 1 })).toBe(false);
  });
});

function structuredCloneable(v: unknown): boolean {
  try {
    structuredClone(v);
    return true;
  } catch {
    return false;
  }
}
