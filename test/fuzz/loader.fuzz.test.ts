// Property-based fuzzing of the load stage: random and mutated YAML never throws, never hangs,
// and every problem is a diagnostic with a rule id, a message and a location. Inputs that once
// failed are kept in test/fixtures/fuzz-corpus/ and replayed first.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KINDS } from '../../src/generated/index.js';
import { checkFile } from '../../src/load/check-file.js';
import { decodeSource } from '../../src/load/read.js';
import { loadSchemaSet } from '../../src/schema/schema-set.js';
import { createValidator } from '../../src/schema/validator.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';

const validator = createValidator(loadSchemaSet());
const root = join(import.meta.dirname, '../..');
const examples = (readdirSync(join(root, 'campaigns'), { recursive: true }) as string[])
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => readFileSync(join(root, 'campaigns', f), 'utf8'));
const corpusDir = join(root, 'test/fixtures/fuzz-corpus');
// CI uses the fixed seed; FUZZ_SEED and FUZZ_RUNS let a developer hunt further.
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const RUNS = Number(process.env.FUZZ_RUNS ?? 1);

function assertWellFormed(diags: readonly Diagnostic[]): void {
  for (const d of diags) {
    expect(typeof d.ruleId).toBe('string');
    expect(d.message.length).toBeGreaterThan(0);
    expect(['error', 'warn', 'info']).toContain(d.severity);
    if (d.ruleId !== 'load/empty' || d.range) {
      expect(d.range, `${d.ruleId}: ${d.message}`).toBeDefined();
      expect(d.range!.start.line).toBeGreaterThanOrEqual(1);
      expect(d.range!.start.col).toBeGreaterThanOrEqual(1);
    }
  }
}

function check(text: string): void {
  const decoded = decodeSource('fuzz.yaml', new TextEncoder().encode(text));
  if ('diagnostic' in decoded) return;
  const result = checkFile('fuzz.yaml', decoded.text, validator);
  assertWellFormed(result.diagnostics);
  for (const d of result.docs)
    if (d.resource !== undefined) expect(result.diagnostics.filter((x) => x.docIndex === d.index && x.severity === 'error')).toEqual([]);
}

const yamlSyntax = ':-[]{}&*!|>\'"#%@,?\t\n \\'.split('');
const yamlChars = fc.constantFrom(...yamlSyntax, 'a', '0', '~', 'ü', '\u0000', '\u001b', '---\n', '...\n', '<<: *a\n', '&a ', '*a');

interface Mutation {
  kind: 'delete' | 'insert' | 'duplicate-line' | 'swap-lines' | 'replace';
  at: number;
  len: number;
  text: string;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom<Mutation['kind'][]>('delete', 'insert', 'duplicate-line', 'swap-lines', 'replace'),
  at: fc.nat(),
  len: fc.integer({ min: 1, max: 12 }),
  text: fc.array(yamlChars, { minLength: 1, maxLength: 6 }).map((xs) => xs.join('')),
});

function mutate(src: string, muts: readonly Mutation[]): string {
  let s = src;
  for (const m of muts) {
    const at = s.length === 0 ? 0 : m.at % s.length;
    const lines = s.split('\n');
    const li = lines.length === 0 ? 0 : m.at % lines.length;
    switch (m.kind) {
      case 'delete':
        s = s.slice(0, at) + s.slice(at + m.len);
        break;
      case 'insert':
        s = s.slice(0, at) + m.text + s.slice(at);
        break;
      case 'replace':
        s = s.slice(0, at) + m.text + s.slice(at + m.len);
        break;
      case 'duplicate-line':
        lines.splice(li, 0, lines[li] ?? '');
        s = lines.join('\n');
        break;
      case 'swap-lines': {
        const j = (li + m.len) % lines.length;
        [lines[li], lines[j]] = [lines[j]!, lines[li]!];
        s = lines.join('\n');
        break;
      }
    }
  }
  return s;
}

describe('load stage fuzzing', () => {
  it('replays the corpus of past failures', () => {
    const files = readdirSync(corpusDir).filter((f) => f.endsWith('.yaml'));
    for (const f of files) check(readFileSync(join(corpusDir, f), 'utf8'));
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (t) => check(t)),
      { numRuns: 400 * RUNS, seed: SEED },
    );
  });

  it('never throws on YAML-shaped noise', () => {
    fc.assert(
      fc.property(
        fc.array(yamlChars, { maxLength: 120 }).map((xs) => xs.join('')),
        (t) => check(t),
      ),
      { numRuns: 400 * RUNS, seed: SEED },
    );
  });

  it('never throws on mutated example campaigns', () => {
    fc.assert(
      fc.property(fc.constantFrom(...examples), fc.array(mutation, { minLength: 1, maxLength: 5 }), (src, muts) => check(mutate(src, muts))),
      { numRuns: 500 * RUNS, seed: SEED },
    );
  });

  it('never throws on arbitrary values of every kind', () => {
    const envelope = fc.record({
      apiVersion: fc.oneof(fc.constant('promoc/v1'), fc.string()),
      kind: fc.oneof(fc.constantFrom(...KINDS), fc.string()),
      metadata: fc.oneof(fc.record({ name: fc.oneof(fc.constant('x'), fc.string()) }), fc.anything()),
      spec: fc.oneof(
        fc.dictionary(
          fc.constantFrom('code', 'window', 'limits', 'benefits', 'zone', 'geometry', 'audience', 'price', 'surcharge', 'duration'),
          fc.anything({ maxDepth: 3 }),
        ),
        fc.anything(),
      ),
    });
    fc.assert(
      fc.property(envelope, (doc) => check(JSON.stringify(doc))),
      { numRuns: 400 * RUNS, seed: SEED },
    );
  });
});
