// `promoc test`: the campaign authors' test vectors against the bundle, failures as diffs.
// Files: `*.test.yaml` beside the campaigns (the config's campaign globs) and `tests/**/*.yaml`,
// or the paths given.
import { realpathSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { EXIT } from '../context.js';
import type { Io } from '../io.js';
import { checkCase, type CaseResult } from '../../bundle/vectors/check.js';
import { parseTestFile, type TestCase, type TestFileProblem } from '../../bundle/vectors/parse.js';
import { hasFailures, renderResults } from '../../render/test-results-text.js';
import { DEFAULT_CAMPAIGN_GLOBS, findConfigFile, parseConfig } from '../../load/config.js';
import { defaultValidator } from '../../load/project.js';
import { MAX_FILE_BYTES } from '../../load/read.js';
import { readRegularFile, readRegularFileSync } from '../../load/regular-file.js';
import { walkGlobs } from '../../load/walk.js';
import { engineFor } from './engine-shared.js';
import { append } from '../../model/append.js';

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
  const source = await engineFor(io, {
    paths: [],
    ...(options.bundle !== undefined ? { bundle: options.bundle } : {}),
    ...(options.publicKey !== undefined ? { publicKey: options.publicKey } : {}),
    ...(options.notBefore !== undefined ? { notBefore: options.notBefore } : {}),
  });
  if (!source.ok) return source.code;
  const engine = source.value;
  const { root, globs } = await testGlobs(io.cwd);
  const cases: TestCase[] = [];
  const problems: TestFileProblem[] = [];
  const name = (abs: string): string => relative(io.cwd, abs) || abs;
  let files: readonly string[];
  if (options.files.length > 0) files = options.files.map((f) => resolve(io.cwd, f));
  else {
    const walked = walkGlobs({ base: root, globs, realRoot: realpathSync.native(root), name });
    files = walked.files;
    for (const d of walked.diagnostics) problems.push({ file: d.file, message: d.message });
  }
  for (const abs of files) {
    const file = name(abs);
    let data: unknown;
    try {
      data = parseYaml((await readRegularFile(abs, MAX_FILE_BYTES, 'test file')).toString('utf8'));
    } catch (e) {
      problems.push({ file, message: (e as Error).message });
      continue;
    }
    const parsed = parseTestFile(file, data);
    append(cases, parsed.cases);
    append(problems, parsed.problems);
  }
  if (files.length === 0) problems.push({ file: relative(io.cwd, root) || '.', message: `no test files found (${globs.join(', ')})` });
  const results: CaseResult[] = cases.map((t) => checkCase(engine, t));
  if (options.format === 'json') {
    const shown = results.map((r) => ({
      file: r.case.file,
      name: r.case.name,
      passed: !r.error && r.mismatches.length === 0,
      mismatches: r.mismatches,
      ...(r.error ? { error: r.error } : {}),
    }));
    io.stdout(`${JSON.stringify({ results: shown, problems }, null, 2)}\n`);
  } else {
    io.stdout(renderResults(results, problems, io.color));
  }
  return hasFailures(results, problems) ? EXIT.failure : EXIT.ok;
}

/** `*.test.yaml` wherever the config's campaign globs look, plus tests/. */
export async function testGlobs(cwd: string): Promise<{ root: string; globs: string[] }> {
  const configFile = findConfigFile(cwd);
  const root = configFile ? dirname(configFile) : resolve(cwd);
  const campaigns = configFile
    ? parseConfig(configFile, readRegularFileSync(configFile, MAX_FILE_BYTES, 'config file').toString('utf8'), await defaultValidator()).config.campaigns
    : undefined;
  const globs = (campaigns ?? DEFAULT_CAMPAIGN_GLOBS)
    .map((g) => g.replace(/\*\.(?:\{ya?ml(?:,ya?ml)?\}|ya?ml)$/, '*.test.{yaml,yml}'))
    .filter((g) => g.endsWith('.test.{yaml,yml}'));
  return { root, globs: [...new Set([...globs, TESTS_GLOB])] };
}
