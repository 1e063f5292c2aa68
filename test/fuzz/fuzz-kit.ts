// What the fuzz tests share: the seed and run count (as in loader.fuzz.test.ts: CI uses the fixed seed,
// FUZZ_SEED and FUZZ_RUNS let a developer hunt further), the corpus of past failures, and the checks that a
// diagnostic is well formed and points inside its file and that a value is plain JSON.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Diagnostic, Range } from '../../src/model/diagnostic.js';

export const ROOT = join(import.meta.dirname, '../..');
export const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
export const RUNS = Number(process.env.FUZZ_RUNS ?? 1);

/** fast-check parameters for `n` runs at the default FUZZ_RUNS. */
export const params = (n: number) => ({ numRuns: Math.max(1, Math.round(n * RUNS)), seed: SEED });

/** The corpus files of one fuzz test (test/fixtures/fuzz-corpus/<name>/), sorted: [file name, text]. */
export function corpus(name: string, suffix = '.yaml'): [string, string][] {
  const dir = join(ROOT, 'test/fixtures/fuzz-corpus', name);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(suffix))
    .sort()
    .map((f) => [f, readFileSync(join(dir, f), 'utf8')]);
}

/** The file a corpus entry replaces, from its `# replaces: campaigns/…` line (else it is added as `campaigns/fuzz/<file>`). */
export function corpusTarget(file: string, text: string): string {
  return /^# replaces: (\S+)$/m.exec(text)?.[1] ?? `campaigns/fuzz/${file}`;
}

const SEVERITIES = ['error', 'warn', 'info'];

/** A rule id, a severity, a message, and a range (and related ranges) inside the named file. */
export function expectLocated(d: Diagnostic, textOf: (file: string) => string | undefined): void {
  const what = `${d.ruleId} ${d.file}: ${d.message}`;
  expect(d.ruleId, what).toMatch(/^[a-z-]+\/[a-z0-9-]+$/);
  expect(SEVERITIES, what).toContain(d.severity);
  expect(typeof d.message === 'string' && d.message.length > 0, what).toBe(true);
  expect(d.file, what).not.toBe('');
  const text = textOf(d.file);
  expect(text, `${what}: the file is not part of the input`).toBeDefined();
  expect(d.range, `${what}: no range`).toBeDefined();
  expectInside(d.range!, text!, what);
  for (const r of d.related ?? []) {
    const related = textOf(r.file);
    expect(related, `${what}: related file ${r.file} is not part of the input`).toBeDefined();
    expect(r.range, `${what}: related location without a range`).toBeDefined();
    expectInside(r.range!, related!, `${what} (related: ${r.message})`);
  }
}

function expectInside(range: Range, text: string, what: string): void {
  const lines = text.split('\n');
  const { start, end } = range;
  const inside = (p: Range['start']): boolean =>
    Number.isInteger(p.line) && Number.isInteger(p.col) && p.line >= 1 && p.line <= lines.length && p.col >= 1 && p.col <= lines[p.line - 1]!.length + 1;
  expect(inside(start), `${what}: start ${start.line}:${start.col} is outside the file (${lines.length} lines)`).toBe(true);
  expect(inside(end), `${what}: end ${end.line}:${end.col} is outside the file (${lines.length} lines)`).toBe(true);
  expect(end.line > start.line || (end.line === start.line && end.col >= start.col), `${what}: range ends before it starts`).toBe(true);
}

/** Where a value is not plain JSON (undefined, NaN, ±Infinity, a function, a class instance), or undefined. */
export function notJson(value: unknown, path = '$'): string | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `${path} is ${value}`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = notJson(value[i], `${path}[${i}]`);
      if (bad) return bad;
    }
    return undefined;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [k, v] of Object.entries(value)) {
      const bad = notJson(v, `${path}.${k}`);
      if (bad) return bad;
    }
    return undefined;
  }
  return `${path} is ${typeof value === 'object' ? 'a class instance' : typeof value}`;
}

/** The value at a document path, or undefined. */
export function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let v = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}
