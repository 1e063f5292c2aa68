// The stylish report written in chunks is the report rendered whole, and frames come from the right file
// however the diagnostics are ordered (sources are held one file at a time).
import { expect, it } from 'vitest';
import type { Diagnostic } from '../model/diagnostic.js';
import { renderText, SourceLines, writeText } from './diagnostics-text.js';

const texts: Record<string, string> = {
  'a.yaml': Array.from({ length: 40 }, (_, i) => `a${i}: in file a line ${i + 1}`).join('\n'),
  'b.yaml': Array.from({ length: 40 }, (_, i) => `b${i}: in file b line ${i + 1}`).join('\r\n'),
};

function diagnostics(n: number): Diagnostic[] {
  return Array.from({ length: n }, (_, i) => {
    const file = i % 3 === 1 ? 'b.yaml' : 'a.yaml';
    const line = (i % 40) + 1;
    return {
      ruleId: 'test/rule',
      severity: i % 2 === 0 ? 'warn' : 'error',
      message: `finding ${i}`,
      file,
      range: { start: { line, col: 1 }, end: { line, col: 4 } },
      hint: 'a hint',
      related: [{ file: 'b.yaml', message: 'see there' }],
    };
  });
}

it('writes chunks whose concatenation is the whole report, each framed from its own file', () => {
  const diags = diagnostics(3_000);
  const options = { color: false, readText: (f: string) => texts[f] };
  const chunks: string[] = [];
  writeText(diags, options, (c) => chunks.push(c));
  const whole = renderText(diags, options);
  expect(chunks.length).toBeGreaterThan(2);
  expect(chunks.join('')).toBe(whole);
  expect(whole.endsWith('\n\n')).toBe(false);
  const blocks = whole.slice(0, -1).split('\n\n');
  expect(blocks).toHaveLength(diags.length);
  blocks.forEach((block, i) => {
    const d = diags[i]!;
    const marked = block.split('\n').find((l) => l.startsWith('    > '));
    expect(block.startsWith(`${d.file}:${d.range!.start.line}:1  `)).toBe(true);
    expect(marked).toContain(`in file ${d.file[0]} line ${d.range!.start.line}`);
  });
});

it('writes nothing for no diagnostics, and one block ending in one newline for one', () => {
  const chunks: string[] = [];
  writeText([], { color: false }, (c) => chunks.push(c));
  expect(chunks).toEqual([]);
  expect(renderText(diagnostics(1), { color: false, frames: false })).toBe(
    'a.yaml:1:1  warning  finding 0  test/rule\n    hint: a hint\n    see b.yaml see there\n',
  );
});

it('cuts lines exactly as text.split(/\r?\n/) does', () => {
  const pieces = ['', 'a', 'key: value', '\n', '\r', '\r\n', '\n\r', ' ', '\u2028', 'x\ry'];
  let seed = 7;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const samples = ['', '\n', '\r', '\r\n', 'a\r', 'a\r\n', '\r\r\n', 'a\n\nb\r\n'];
  for (let i = 0; i < 2_000; i += 1) samples.push(Array.from({ length: next(12) }, () => pieces[next(pieces.length)]).join(''));
  for (const text of samples) {
    const split = text.split(/\r?\n/);
    const lines = new SourceLines(text);
    expect(lines.length, JSON.stringify(text)).toBe(split.length);
    for (let k = -1; k <= split.length; k += 1) expect(lines.at(k), `${JSON.stringify(text)} line ${k}`).toBe(split[k]);
  }
});
