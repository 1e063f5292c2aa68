// The CLI as shipped: bin/promoc.js runs the esbuild bundle in dist/cli-bundle/ (built by `npm run build`,
// which `npm ci` runs). The other CLI tests call main() from source; this one checks the bundle works
// end to end, including what it finds by URL at run time (package.json, schemas, standalone validators).
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/promoc.js');
const run = promisify(execFile);

async function promoc(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return promocIn(ROOT, ...args);
}

async function promocIn(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
    return { code: 0, ...r };
  } catch (e) {
    const f = e as { code: number; stdout: string; stderr: string };
    return { code: f.code, stdout: f.stdout, stderr: f.stderr };
  }
}

describe('the shipped CLI bundle', () => {
  it('is built', () => {
    expect(existsSync(join(ROOT, 'dist/cli-bundle/main.js')), 'run `npm run build`').toBe(true);
  });

  it('validates and lints the example campaigns', async () => {
    const validate = await promoc('validate', 'campaigns', '--no-cache');
    expect(validate.stdout).toMatch(/files checked, no problems/);
    expect(validate.code).toBe(0);
    const lint = await promoc('lint', 'campaigns', '-f', 'json');
    expect(lint.code).toBe(0);
    expect(JSON.parse(lint.stdout)).toBeTypeOf('object');
  }, 60_000);

  it('reports a located error with its exit code', async () => {
    const r = await promoc('validate', 'test/fixtures/validate/wrong-type', '--no-cache');
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/:\d+:\d+/);
  }, 60_000);

  it('answers --help and --version', async () => {
    expect((await promoc('--help')).stdout).toMatch(/Usage: promoc/);
    expect((await promoc('--version')).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  }, 60_000);

  // `promoc --help | head -1`: the reader takes one chunk and closes the pipe; promoc must end quietly.
  async function intoClosedPipe(...args: string[]): Promise<{ code: number | null; stderr: string }> {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
    return { code, stderr };
  }

  it('ends quietly with its own status when the reader closes the pipe', async () => {
    for (const args of [['--help'], ['bundle', '--help'], ['lint', 'campaigns', '-f', 'json', '--no-cache']]) {
      const r = await intoClosedPipe(...args);
      expect(r.stderr, args.join(' ')).not.toMatch(/EPIPE|Error/);
      expect(r.code, args.join(' ')).toBe(0);
    }
  }, 60_000);

  it('in a folder with no configuration, says so and suggests promoc init', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'promoc-empty-'));
    try {
      const r = await promocIn(empty, 'validate');
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/no configuration found: no promoc\.config\.yaml in .* or above it/);
      expect(r.stdout).toContain('npx promoc init');
      expect(r.stdout).not.toMatch(/^promoc\.config\.yaml/m);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  }, 60_000);
});
