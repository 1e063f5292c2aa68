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

  it('shares equal strings', () => {
    const parts = new SharedParts();
    const a = parts.string(['from 2027', '-06-01'].join(''));
    expect(parts.string(`from 2027-06-01`)).toBe(a);
    expect(parts.string('from 2027-06-02')).toBe('from 2027-06-02');
  });
});
