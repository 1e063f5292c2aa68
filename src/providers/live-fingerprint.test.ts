import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, digest } from '../model/canonical.js';
import { jsonCanonical, liveFingerprint, sha256Hex } from './live-fingerprint.js';

describe('live fingerprints', () => {
  it('are the generic digest of whatever JSON.parse can make', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const parsed = JSON.parse(JSON.stringify(value)) as unknown;
        expect(jsonCanonical(parsed)).toBe(canonicalJson(parsed));
        expect(liveFingerprint(parsed)).toBe(digest(parsed, 16));
      }),
      { numRuns: 2000 },
    );
  });

  it('sort keys by UTF-16 code units and write numbers and escapes as RFC 8785 does', () => {
    const o = JSON.parse('{"b":1,"a":[1e21,-0,0.1,"\\u2028",null,true],"\\ud83d\\ude00":{"z":"\\u0007","é":2,"E":1e-7},"__proto__":{"x":1}}') as unknown;
    expect(jsonCanonical(o)).toBe(canonicalJson(o));
    expect(liveFingerprint(o)).toBe(digest(o, 16));
  });

  it('leave what is not plain JSON to the generic canonicalizer', () => {
    const odd = [{ a: undefined, b: 1 }, [undefined, 2], { toJSON: () => ({ y: 1 }) }, { d: new Date(0) }];
    for (const value of odd) expect(jsonCanonical(value)).toBe(canonicalJson(value));
    expect(() => jsonCanonical({ n: Number.NaN })).toThrow(/NaN/);
  });

  it('hash as a Hash object does', () => {
    for (const text of ['', 'abc', 'ü\u0000\n'.repeat(100)]) expect(sha256Hex(text)).toBe(createHash('sha256').update(text).digest('hex'));
  });
});
