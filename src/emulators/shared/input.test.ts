import { describe, expect, it } from 'vitest';
import { FieldReader } from './input.js';

describe('FieldReader', () => {
  it('distinguishes absent, null and wrong types, collecting every issue', () => {
    const r = new FieldReader({ a: null, b: 3, c: 'x', d: 1.5, e: 'nope' });
    expect(r.string('missing')).toBeUndefined();
    expect(r.string('a')).toBeNull();
    expect(r.string('b')).toBeUndefined();
    expect(r.number('d', { integer: true })).toBeUndefined();
    expect(r.oneOf('e', ['yes', 'no'] as const)).toBeUndefined();
    expect(r.string('req', { required: true })).toBeUndefined();
    expect(r.issues.map((i) => [i.field, i.kind])).toEqual([
      ['b', 'invalid'],
      ['d', 'invalid'],
      ['e', 'invalid'],
      ['req', 'required'],
    ]);
  });

  it('checks ranges, patterns and dates, and prefixes nested fields', () => {
    const r = new FieldReader({ n: 0, s: 'ab', t: '2020-01-01T00:00:00Z', o: { x: 'bad' } });
    expect(r.number('n', { exclusiveMin: 0 })).toBeUndefined();
    expect(r.string('s', { pattern: /^[A-Z]+$/ })).toBeUndefined();
    expect(r.dateTime('t', { after: new Date('2021-01-01T00:00:00Z') })).toBeUndefined();
    r.object('o')?.number('x');
    expect(r.issues.map((i) => [i.field, i.kind])).toEqual([
      ['n', 'out_of_range'],
      ['s', 'invalid'],
      ['t', 'invalid_date'],
      ['o.x', 'invalid'],
    ]);
  });

  it('reports a body that is not an object', () => {
    expect(new FieldReader([1]).issues[0]?.kind).toBe('invalid');
  });
});
