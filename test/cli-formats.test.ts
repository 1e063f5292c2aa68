// One CLI: every command that prints results takes -f/--format (README "Output formats"), validate and
// lint share one JSON envelope, apply, import and bundle speak JSON, and --no-color turns colour off
// for every command even when FORCE_COLOR would turn it on.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';

const REPO = join(import.meta.dirname, '..');
const ANSI = /\x1b\[/;
let repo: string;
beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), 'promoc-formats-'));
  await cp(join(import.meta.dirname, 'fixtures/apply/repo'), repo, { recursive: true });
});
afterAll(async () => {
  await rm(repo, { recursive: true, force: true });
});
const cli = (...args: string[]) => runCli(args, { cwd: repo });

describe('-f/--format on every command that prints results', () => {
  it('validate and lint print the same envelope, {diagnostics, summary}', async () => {
    const shapes = [];
    for (const args of [
      ['validate', '-f', 'json'],
      ['validate', '--format', 'json'],
      ['lint', '-f', 'json'],
    ]) {
      const r = await cli(...args, '--no-cache');
      expect(r.code, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout) as { diagnostics: unknown[]; summary: Record<string, number> };
      expect(Object.keys(out)).toEqual(['diagnostics', 'summary']);
      expect(out.summary).toMatchObject({ errors: 0, warnings: expect.any(Number), infos: expect.any(Number), files: expect.any(Number) });
      shapes.push(out.summary.files);
    }
    expect(new Set(shapes).size).toBe(1);
  });

  it('bundle, bundle verify, apply and import print JSON', async () => {
    const bundle = JSON.parse((await cli('bundle', '-f', 'json', '--out', '.promoc/b')).stdout) as { manifest: { digest: string } };
    expect(bundle.manifest.digest).toMatch(/^sha256:/);
    const verify = JSON.parse((await cli('bundle', 'verify', '.promoc/b', '-f', 'json')).stdout) as {
      ok: boolean;
      manifest: { digest: string };
      signature: string;
    };
    expect(verify).toMatchObject({ ok: true, manifest: { digest: bundle.manifest.digest }, signature: 'absent' });
    const apply = await cli('apply', '-f', 'json', '--auto-approve');
    expect(apply.code, apply.stderr).toBe(0);
    const report = JSON.parse(apply.stdout) as { ok: boolean; changed: { resource: string }[]; journal: string };
    expect(report.ok).toBe(true);
    expect(report.changed.length).toBeGreaterThan(0);
    expect(apply.stderr).toContain('promoc plan · target local');
    const again = JSON.parse((await cli('apply', '-f', 'json', '--auto-approve')).stdout) as { run: null; changed: unknown[]; untouched: unknown[] };
    expect(again).toMatchObject({ run: null, changed: [] });
    const imported = await cli('import', '-f', 'json', '--out', 'imported');
    expect(imported.code, imported.stderr).toBe(0);
    const files = JSON.parse(imported.stdout) as { target: string; imported: { kind: string; file: string; managed: boolean }[] };
    expect(files.target).toBe('local');
    expect(files.imported.length).toBe(report.changed.length);
  }, 120_000);

  it('eval and test take -f json', async () => {
    const t = await runCli(['test', '-f', 'json'], { cwd: REPO });
    expect(t.code, t.stderr).toBe(0);
    expect(JSON.parse(t.stdout)).toBeTypeOf('object');
    const e = await runCli(['eval', '-f', 'json', '--context', 'test/fixtures/engine/examples/july-scooter.context.yaml'], { cwd: REPO });
    expect(e.code, e.stderr).toBe(0);
    expect(JSON.parse(e.stdout)).toBeTypeOf('object');
  }, 60_000);

  it('refuses an unknown format the same way everywhere (exit 64, naming the choices)', async () => {
    for (const cmd of ['validate', 'eval', 'test', 'apply', 'import', 'bundle']) {
      const r = await cli(cmd, '-f', 'yaml');
      expect(r.code, cmd).toBe(64);
      expect(r.stderr, cmd).toContain('Allowed choices are text, json');
    }
  });
});

describe('--no-color', () => {
  it('turns colour off for any command, before or after its name, even with colour forced', async () => {
    const forced = await runCli(['lint', '--no-cache'], { cwd: repo, color: true });
    expect(forced.stdout).toMatch(ANSI);
    for (const args of [
      ['lint', '--no-color', '--no-cache'],
      ['--no-color', 'lint', '--no-cache'],
      ['validate', '--no-color', '--no-cache'],
    ]) {
      const r = await runCli(args, { cwd: repo, color: true });
      expect(r.stdout, args.join(' ')).not.toMatch(ANSI);
      expect(r.code).toBe(0);
    }
  });
});
