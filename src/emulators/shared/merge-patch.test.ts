import { describe, expect, it } from 'vitest';
import { mergePatch } from './merge-patch.js';

describe('mergePatch (RFC 7396)', () => {
  it('merges objects, replaces arrays and deletes on null', () => {
    expect(mergePatch({ a: 1, b: { c: 2, d: 3 }, e: [1] }, { a: 9, b: { d: null }, e: [2, 3] })).toEqual({ a: 9, b: { c: 2 }, e: [2, 3] });
    expect(mergePatch({ a: 1 }, 'x')).toBe('x');
  });
});
