// The CLI's promises: documented exit codes, help with examples, colour that honours NO_COLOR/FORCE_COLOR.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decideColor } from '../src/cli/io.js';
import { runCli } from './helpers/run-cli.js';

const repo = join(import.meta.dirname, '..');

describe('promoc CLI', () => {
  it('prints the version', async () => {
    const r = await runCli(['--version'], { cwd: repo });
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('shows help with examples for the program and for validate', async () => {
    const top = await runCli(['--help'], { cwd: repo });
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('Examples:');
    expect(top.stdout).toContain('validate');
    const sub = await runCli(['validate', '--help'], { cwd: repo });
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain('$ promoc validate');
  });

  it('exits 64 on an unknown command, option or format', async () => {
    expect((await runCli(['frobnicate'], { cwd: repo })).code).toBe(64);
    expect((await runCli(['validate', '--bogus'], { cwd: repo })).code).toBe(64);
    const fmt = await runCli(['validate', '--format', 'xml'], { cwd: repo });
    expect(fmt.code).toBe(64);
    expect(fmt.stderr).toContain("argument 'xml' is invalid. Allowed choices are text, json.");
  });

  it('validates the example campaigns cleanly', async () => {
    const r = await runCli(['validate', '--no-cache'], { cwd: repo });
    expect(r.stdout).toMatch(/✔ \d+ files checked, no problems/);
    expect(r.code).toBe(0);
  });

  it('emits machine-readable JSON', async () => {
    const r = await runCli(['validate', '--no-cache', '--format', 'json', 'test/fixtures/validate/wrong-type'], { cwd: repo });
    expect(r.code).toBe(1);
    const parsed = JSON.parse(r.stdout) as { diagnostics: { ruleId: string; line: number }[]; summary: { files: number; errors: number } };
    expect(parsed.diagnostics.map((d) => [d.ruleId, d.line])).toEqual([
      ['schema/type', 7],
      ['schema/unknown-property', 8],
    ]);
    expect(parsed.summary).toMatchObject({ files: 1, errors: 2, warnings: 0, infos: 0 });
  });

  it('reports what the file system refuses as an error (exit 1), never as a bug', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'promoc-blocked-'));
    try {
      const file = join(dir, 'a-file');
      writeFileSync(file, 'not a folder');
      // (import is not among them: on a fresh checkout the local target holds nothing, so it writes no file.)
      for (const args of [
        ['plan', '--out', join(file, 'plan.json')],
        ['bundle', '--out', join(file, 'dist')],
        ['bundle', 'keygen', join(file, 'keys')],
      ]) {
        const r = await runCli(args, { cwd: repo });
        expect(r.code, args.join(' ')).toBe(1);
        expect(r.stderr, args.join(' ')).toMatch(/^error: (EEXIST|ENOTDIR)/);
        expect(r.stderr, args.join(' ')).not.toContain('bug');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('decides colour from NO_COLOR, FORCE_COLOR and the terminal', () => {
    expect(decideColor({ NO_COLOR: '1', FORCE_COLOR: '1' }, true)).toBe(false);
    expect(decideColor({ FORCE_COLOR: '1' }, false)).toBe(true);
    expect(decideColor({ FORCE_COLOR: '0' }, true)).toBe(false);
    expect(decideColor({}, true)).toBe(true);
    expect(decideColor({}, false)).toBe(false);
  });

  it('colours output only when asked', async () => {
    const plain = await runCli(['validate', '--no-cache', 'test/fixtures/validate/wrong-type'], { cwd: repo, color: false });
    const coloured = await runCli(['validate', '--no-cache', 'test/fixtures/validate/wrong-type'], { cwd: repo, color: true });
    expect(plain.stdout).not.toContain('\u001b[');
    expect(coloured.stdout).toContain('\u001b[');
  });
});
