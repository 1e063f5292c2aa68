// The fast parse path's strings are held on their own: js-yaml cuts scalars out of its own copy of the text,
// and a value kept as a view into it kept that whole copy alive as long as the model and the findings.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { fastParse } from '../../src/load/fast-parse.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe('fast parse strings', () => {
  it('keeps no view into the text it parsed', () => {
    const filler = `# ${'x'.repeat(100)}\n`.repeat(500); // ~50 KB of comment per file
    const kept: unknown[] = [];
    const before = heapAfterGc();
    for (let i = 0; i < 200; i += 1) {
      const text = `${filler}metadata:\n  name: campaign-with-a-long-name-${i}\n  labels: [short, "a long label in quotes ${i}"]\n`;
      const docs = fastParse(text);
      expect(docs).toBeDefined();
      const metadata = docs![0]!.value.metadata as { name: string; labels: string[] };
      kept.push(metadata.name, metadata.labels[1]);
    }
    const grown = heapAfterGc() - before;
    // Views would keep 200 copies of ~50 KB (10 MB); the strings themselves are a few KB.
    expect(grown).toBeLessThan(2_000_000);
    expect(kept[1]).toBe('a long label in quotes 0');
    expect(kept[398]).toBe('campaign-with-a-long-name-199');
  });

  it('reads escapes, non-ASCII and lone surrogates exactly', () => {
    const docs = fastParse('a: "caf\\u00e9 \\ud83d\\ude00 \\"q\\" \\ud800 end"\nb: [plain value of some length, Grüße aus Köln und Zürich, "\\u00e9\\t"]\n');
    expect(docs?.[0]?.value).toEqual({ a: 'café 😀 "q" \ud800 end', b: ['plain value of some length', 'Grüße aus Köln und Zürich', 'é\t'] });
  });
});
