import { describe, expect, it } from 'vitest';
import { asciiOnly } from './ascii-only.js';

describe('asciiOnly', () => {
  it('writes non-ASCII as escapes that read back as the same strings, in comments and literals alike', () => {
    const code = 'const a = "→ é – 😀 \\u00e9"; const b = `ß ${a}`; // ✔ comment – kept as text\nreturn [a, b];';
    const escaped = asciiOnly(code);
    expect(/[^\0-\x7f]/.test(escaped)).toBe(false);
    expect(new Function(escaped)()).toEqual(new Function(code)());
    expect(asciiOnly('plain ascii')).toBe('plain ascii');
  });
});
