import { describe, expect, it } from 'vitest';
import { SharedParts } from './shared-parts.js';

describe('SharedParts', () => {
  it('gives one object per distinct related location and tells apart what locates differently', () => {
    const parts = new SharedParts();
    const r = parts.relatedLocation('a.yaml', 0, ['spec', 'benefits', 0], 'm');
    expect(parts.relatedLocation('a.yaml', 0, ['spec', 'benefits', 0], `${'m'}`)).toBe(r);
    expect(r).toEqual({ file: 'a.yaml', docIndex: 0, path: ['spec', 'benefits', 0], message: 'm' });
    // A sequence index is not the key "0"; another document, file, path or message is another place.
    for (const other of [
      parts.relatedLocation('a.yaml', 0, ['spec', 'benefits', '0'], 'm'),
      parts.relatedLocation('a.yaml', 1, ['spec', 'benefits', 0], 'm'),
      parts.relatedLocation('b.yaml', 0, ['spec', 'benefits', 0], 'm'),
      parts.relatedLocation('a.yaml', 0, ['spec', 'benefits'], 'm'),
      parts.relatedLocation('a.yaml', 0, ['spec', 'benefits', 0], 'n'),
    ])
      expect(other).not.toBe(r);
  });

  it('tells places apart by every part, whatever the order they were first asked in', () => {
    const parts = new SharedParts();
    const places: [string, number, (string | number)[], string][] = [];
    for (const file of ['a.yaml', 'b.yaml'])
      for (const docIndex of [0, 1])
        for (const path of [['spec'], ['spec', 0], ['spec', '0'], ['spec', 0, 'x'], []])
          for (const message of ['m', 'n']) places.push([file, docIndex, path, message]);
    const first = places.map(([f, d, p, m]) => parts.relatedLocation(f, d, p, m));
    expect(new Set(first).size).toBe(places.length);
    // Asked again with equal (not identical) arguments, in reverse: the same objects.
    for (let i = places.length - 1; i >= 0; i -= 1) {
      const [f, d, p, m] = places[i]!;
      expect(parts.relatedLocation(`${f}`, d, [...p], [m].join(''))).toBe(first[i]);
    }
    expect(first[3]).toEqual({ file: places[3]![0], docIndex: places[3]![1], path: places[3]![2], message: places[3]![3] });
  });

  it('shares equal strings', () => {
    const parts = new SharedParts();
    const a = parts.string(['from 2027', '-06-01'].join(''));
    expect(parts.string(`from 2027-06-01`)).toBe(a);
    expect(parts.string('from 2027-06-02')).toBe('from 2027-06-02');
  });
});
