// promoc/engine must run in a browser or an edge worker: no Node built-ins, no clock, no env.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('.', import.meta.url);
const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
const ALLOWED = new Set(['canonicalize', 'flatbush', 'point-in-polygon-hao']);

describe('engine purity', () => {
  it.each(sources)('%s imports only the engine, generated types and browser-safe packages', (file) => {
    const text = readFileSync(new URL(file, dir), 'utf8');
    const imports = [...text.matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
    for (const spec of imports) {
      const ok = spec.startsWith('./') || spec.startsWith('../generated/') || ALLOWED.has(spec);
      expect(ok, `${file} imports ${spec}`).toBe(true);
    }
    expect(text).not.toMatch(/Date\.now\(|new Date\(\)|process\.|performance\.now|Math\.random/);
  });
});
