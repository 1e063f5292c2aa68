// `promoc init`: what it writes, that it never overwrites without --force, and that the repository it makes
// passes validate, lint, test and plan against the local emulators straight away.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { configText, CREDENTIAL_ENV, parseProviders, scaffold } from '../src/init/scaffold.js';
import { readTemplates } from '../src/init/templates.js';
import { runInit } from '../src/cli/run/init.js';
import type { Io } from '../src/cli/io.js';
import { loadSchemaSet } from '../src/schema/schema-set.js';
import { createValidator } from '../src/schema/validator.js';
import { PROVIDER_IDS } from '../src/providers/index.js';
import { runCli } from './helpers/run-cli.js';

const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'promoc-init-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function captureIo(cwd: string): Io & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    cwd,
    env: {},
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    isTTY: false,
    color: false,
    out: () => out,
    err: () => err,
  };
}

describe('promoc init', () => {
  it('parses --providers: a list, all, or an error naming the unknown one', () => {
    expect(parseProviders('lago, mobility')).toEqual({ providers: ['mobility', 'lago'] });
    expect(parseProviders('all')).toEqual({ providers: [...PROVIDER_IDS] });
    expect(parseProviders('lago,stripe')).toEqual({ error: 'unknown provider "stripe"' });
    expect(parseProviders(' , ')).toEqual({ error: 'no provider named' });
  });

  it('writes an example campaign and campaign tests per chosen provider, and the rest once', () => {
    const paths = scaffold(['lago'], readTemplates()).map((f) => f.path);
    expect(paths).toEqual([
      '.github/workflows/promoc-apply.yml',
      '.github/workflows/promoc-pr.yml',
      '.gitignore',
      '.vscode/extensions.json',
      '.vscode/settings.json',
      'README.md',
      'campaigns/lago/examples.test.yaml',
      'campaigns/lago/examples.yaml',
      'promoc.config.yaml',
    ]);
    const all = scaffold([...PROVIDER_IDS], readTemplates()).map((f) => f.path);
    for (const p of PROVIDER_IDS) expect(all).toContain(`campaigns/${p}/examples.yaml`);
  });

  it("the workflows run the installed promoc, nothing from promoc's own source tree", () => {
    for (const f of scaffold([...PROVIDER_IDS], readTemplates()).filter((x) => x.path.startsWith('.github/'))) {
      const runs = f.text.split('\n').filter((l) => /\bpromoc\b/.test(l) && !l.trim().startsWith('#') && !/^\s*(name|group):/.test(l));
      for (const l of runs.filter((x) => /\brun:|^\s+npx /.test(x))) expect(l, f.path).toMatch(/npx promoc /);
      expect(f.text, f.path).not.toMatch(/bin\/promoc|src\/|tsx /);
    }
  });

  it('names every credential variable in the config, and the commented targets are a valid configuration', () => {
    const text = configText([...PROVIDER_IDS]);
    for (const p of PROVIDER_IDS) for (const v of Object.values(CREDENTIAL_ENV[p])) expect(text).toContain(v);
    const uncommented = text.replace(/^# (targets:)$/m, '$1').replace(/^#( {3,}\S)/gm, '$1');
    const config = parse(uncommented) as { targets: Record<string, unknown> };
    expect(Object.keys(config.targets)).toEqual([...PROVIDER_IDS]);
    expect(createValidator(loadSchemaSet()).validateConfig(config)).toEqual([]);
  });

  it('never overwrites an existing file without --force, and says which it kept', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'README.md'), 'our own readme\n');
    const io = captureIo(dir);
    expect(await runInit(io, { dir: '.', providers: 'mobility', force: false }, undefined)).toBe(0);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('our own readme\n');
    expect(io.out()).toMatch(/kept {3}README\.md \(exists; --force overwrites it\)/);
    expect(io.out()).toMatch(/wrote {2}promoc\.config\.yaml/);
    expect(io.out()).toMatch(/Next:\n(.*\n)* {2}npx promoc validate\n {2}npx promoc lint\n {2}npx promoc plan\n/);
    const forced = captureIo(dir);
    await runInit(forced, { dir: '.', providers: 'mobility', force: true }, undefined);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe(readTemplates()['README.md']);
    expect(forced.out()).not.toMatch(/kept/);
  });

  it('asks which providers on a terminal, again after an unknown answer', async () => {
    const dir = tempDir();
    const answers = ['stripe', 'lago'];
    const questions: string[] = [];
    const io = captureIo(dir);
    await runInit(io, { dir: 'team', providers: undefined, force: false }, async (q) => {
      questions.push(q);
      return answers.shift()!;
    });
    expect(questions).toHaveLength(2);
    expect(io.err()).toMatch(/unknown provider "stripe"/);
    expect(io.out()).toMatch(/wrote {2}team\/campaigns\/lago\/examples\.yaml/);
    expect(io.out()).toMatch(/Next:\n {2}cd team\n/);
  });

  it('refuses an unknown provider as a bad invocation', async () => {
    const r = await runCli(['init', '--providers', 'stripe'], { cwd: tempDir() });
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/--providers: unknown provider "stripe"/);
  });

  it('makes a repository that passes validate, lint and test, and plans against the local emulators', async () => {
    const dir = tempDir();
    expect((await runCli(['init', '--providers', 'all'], { cwd: dir })).code).toBe(0);
    const validate = await runCli(['validate'], { cwd: dir });
    expect(validate.stdout).toMatch(/4 files checked, no problems/);
    expect(validate.code).toBe(0);
    const lint = await runCli(['lint'], { cwd: dir });
    expect(lint.stdout).not.toMatch(/error|warning/);
    expect(lint.code).toBe(0);
    const test = await runCli(['test'], { cwd: dir });
    expect(test.stdout).toMatch(/10 passed, 0 failed/);
    expect(test.code).toBe(0);
    const plan = await runCli(['plan', '--format', 'json'], { cwd: dir });
    expect(plan.code).toBe(2);
    expect(plan.stdout).toMatch(/"create"/);
  }, 60_000);
});
