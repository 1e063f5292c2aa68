// `promoc test`: the campaign authors' test vectors against the bundle, failures as diffs.
// Files: `*.test.yaml` beside the campaigns (the config's campaign globs) and `tests/**/*.yaml`,
// or the paths given.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { parse as parseYaml } from 'yaml';
import { EXIT } from '../context.js';
import type { Io } from '../io.js';
import { checkCase, type CaseResult } from '../../bundle/vectors/check.js';
import { parseTestFile, type TestCase, type TestFileProblem } from '../../bundle/vectors/parse.js';
import { hasFailures, renderResults } from '../../bundle/vectors/render.js';
import { DEFAULT_CAMPAIGN_GLOBS, findConfigFile, parseConfig } from '../../load/config.js';
import { defaultValidator } from '../../load/project.js';
import { engineFor } from './engine-shared.js';

export const TESTS_GLOB = 'tests/**/*.{yaml,yml}';

export interface TestOptions {
  readonly files: readonly string[];
  readonly bundle?: string;
  readonly publicKey?: string;
  /** --not-before: an RFC 3339 instant or the bundle running now (see engineFor). */
  readonly notBefore?: string;
  readonly format: 'text' | 'json';
}

export async function runTest(io: Io, options: TestOptions): Promise<number> {
  const source = await engineFor(io, { paths: [], ...(options.bundle !== undefined ? { bundle: options.bundle } : {}), ...(options.publicKey !== undefined ? { publicKey: options.publicKey } : {}), ...(options.notBefore !== undefined ? { notBefore: options.notBefore } : {}) });
  if (!source.ok) return source.code;
  const engine = source.value;
  const { root, globs } = await testGlobs(io.cwd);
  const files = options.files.length > 0
    ? options.files.map((f) => resolve(io.cwd, f))
    : globSync(globs, { cwd: root, absolute: true, ignore: ['**/node_modules/**'] }).sort();
  const cases: TestCase[] = [];
  const problems: TestFileProblem[] = [];
  for (const abs of files) {
    const file = relative(io.cwd, abs) || abs;
    let data: unknown;
    try { data = parseYaml(await readFile(abs, 'utf8')); } catch (e) { problems.push({ file, message: (e as Error).message }); continue; }
    const parsed = parseTestFile(file, data);
    cases.push(...parsed.cases);
    problems.push(...parsed.problems);
  }
  if (files.length === 0) problems.push({ file: relative(io.cwd, root) || '.', message: `no test files found (${globs.join(', ')})` });
  const results: CaseResult[] = cases.map((t) => checkCase(engine, t));
  if (options.format === 'json') {
    io.stdout(`${JSON.stringify({ results: results.map((r) => ({ file: r.case.file, name: r.case.name, passed: !r.error && r.mismatches.length === 0, mismatches: r.mismatches, ...(r.error ? { error: r.error } : {}) })), problems }, null, 2)}\n`);
  } else {
    io.stdout(renderResults(results, problems, io.color));
  }
  return hasFailures(results, problems) ? EXIT.failure : EXIT.ok;
}

/** `*.test.yaml` wherever the config's campaign globs look, plus tests/. */
export async function testGlobs(cwd: string): Promise<{ root: string; globs: string[] }> {
  const configFile = findConfigFile(cwd);
  const root = configFile ? dirname(configFile) : resolve(cwd);
  const campaigns = configFile ? parseConfig(configFile, readFileSync(configFile, 'utf8'), await defaultValidator()).config.campaigns : undefined;
  const globs = (campaigns ?? DEFAULT_CAMPAIGN_GLOBS)
    .map((g) => g.replace(/\*\.(?:\{ya?ml(?:,ya?ml)?\}|ya?ml)$/, '*.test.{yaml,yml}'))
    .filter((g) => g.endsWith('.test.{yaml,yml}'));
  return { root, globs: [...new Set([...globs, TESTS_GLOB])] };
}
