import { describe, expect, it } from 'vitest';
import { formatMessage } from './message.js';

describe('formatMessage', () => {
  it('fills placeholders, keeps unknown ones visible, and gives the same text on every use of a template', () => {
    const t = '{{a}} overlaps {{ b }} by {{pct}}% ({{missing}})';
    for (let i = 0; i < 3; i += 1) {
      expect(formatMessage(t, { a: 'x', b: 'y', pct: i })).toBe(`x overlaps y by ${i}% ({{missing}})`);
    }
    expect(formatMessage('plain text')).toBe('plain text');
    expect(formatMessage('{{a}}{{a}}', { a: '$&' })).toBe('$&$&');
  });
});
