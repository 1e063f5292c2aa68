import { describe, expect, it } from 'vitest';
import { appendMarker, MARKER_MAX_LENGTH, markerText, nameFromKey, splitMarker } from './ownership.js';

describe('ownership marker', () => {
  const owner = { kind: 'Promotion' as const, name: 'summer-25', digest: '0123456789ab' };
  it('round-trips through a description', () => {
    const text = appendMarker('Internal note.', owner);
    expect(text).toBe('Internal note.\n\n[promoc:managed Promotion/summer-25 0123456789ab]');
    expect(splitMarker(text)).toEqual({ text: 'Internal note.', owner });
  });
  it('replaces an earlier marker and works on empty descriptions', () => {
    expect(appendMarker(appendMarker(null, owner), { ...owner, digest: 'ffffffffffff' })).toBe('[promoc:managed Promotion/summer-25 ffffffffffff]');
    expect(splitMarker('[promoc:managed Promotion/summer-25 0123456789ab]')).toEqual({ text: null, owner });
  });
  it('ignores text that only looks like a marker', () => {
    expect(splitMarker('see [promoc:managed Nope/x]').owner).toBeUndefined();
    expect(splitMarker(null)).toEqual({ text: null });
  });
  it('bounds the marker length and derives names from keys', () => {
    expect(markerText({ kind: 'GeofenceSurcharge', name: 'x'.repeat(63), digest: '0'.repeat(12) }).length + 2).toBeLessThanOrEqual(MARKER_MAX_LENGTH);
    expect(nameFromKey('SUMMER_25')).toBe('summer-25');
  });
});
