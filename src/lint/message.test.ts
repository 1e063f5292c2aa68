import { describe, expect, it } from 'vitest';
import { flatString, formatMessage } from './message.js';

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

describe('flatString', () => {
  it('gives the string it is given, built by concatenation or empty', () => {
    let s = '';
    for (let i = 0; i < 50; i += 1) s += `${i},`;
    expect(flatString(s)).toBe(Array.from({ length: 50 }, (_, i) => `${i},`).join(''));
    expect(flatString('')).toBe('');
  });
});
