import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Text } from '../model/canonical.js';
import { canonicalizeWithPackage, canonicalJson } from './canonical.js';

describe('canonical JSON: the fast writer equals the canonicalize package', () => {
  it('on whatever JSON.parse can make', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const parsed = JSON.parse(JSON.stringify(value)) as unknown;
        expect(canonicalJson(parsed)).toBe(canonicalizeWithPackage(parsed));
      }),
      { numRuns: 2000 },
    );
  });

  it('sorting keys by UTF-16 code units and writing numbers and escapes as RFC 8785 does', () => {
    const o = JSON.parse('{"b":1,"a":[1e21,-0,0.1,"\\u2028",null,true],"\\ud83d\\ude00":{"z":"\\u0007","é":2,"E":1e-7},"__proto__":{"x":1}}') as unknown;
    expect(canonicalJson(o)).toBe(canonicalizeWithPackage(o));
  });

  it('leaving what is not plain JSON to the package', () => {
    const odd = [{ a: undefined, b: 1 }, [undefined, 2], { toJSON: () => ({ y: 1 }) }, { d: new Date(0) }];
    for (const value of odd) expect(canonicalJson(value)).toBe(canonicalizeWithPackage(value));
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/NaN/);
  });
});

it('sha256Text hashes as a Hash object does', () => {
  for (const text of ['', 'abc', 'ü\u0000\n'.repeat(100)]) expect(sha256Text(text)).toBe(createHash('sha256').update(text).digest('hex'));
});
