// A new user's path, end to end, from the package a release would publish: `npm pack`, a fresh git
// repository, `npm i -D` of the tarball (offline: the tarball and the npm cache `npm ci` filled), then
// `npx promoc init --providers all` and the commands a team runs, all from node_modules against the local
// emulators; the library entry points import from node_modules too. Nothing here touches this checkout
// beyond packing it (the pack reuses the build `npm ci` made; --ignore-scripts skips rebuilding it).
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const exec = promisify(execFile);
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

let work = '';
let project = '';
/** The environment a developer's shell would have: no colours, and none of this test runner's npm settings. */
const env = (): NodeJS.ProcessEnv =>
  Object.fromEntries(
    Object.entries(process.env)
      .filter(([k]) => !/^(npm_|NODE_OPTIONS|VITEST|FORCE_COLOR)/i.test(k))
      .concat([
        ['NO_COLOR', '1'],
        ['npm_config_update_notifier', 'false'],
      ]),
  );

async function run(cmd: string, args: string[], cwd = project): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await exec(cmd, args, { cwd, env: env(), maxBuffer: 32 * 1024 * 1024 });
    return { code: 0, ...r };
  } catch (e) {
    const f = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof f.code === 'number' ? f.code : -1, stdout: f.stdout ?? '', stderr: f.stderr ?? '' };
  }
}
/** A lockfile for the empty project holding the entries of promoc's runtime dependencies (not yet installed). */
function seededLockfile(): unknown {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  const packages: Record<string, unknown> = { '': { name: 'team-campaigns', version: '1.0.0' } };
  for (const [path, entry] of Object.entries(lock.packages))
    if (path.startsWith('node_modules/') && !entry.dev) packages[path] = { ...entry, extraneous: true };
  return { name: 'team-campaigns', version: '1.0.0', lockfileVersion: 3, requires: true, packages };
}

/** What `npx promoc` runs (the first test checks that it does): the bin link npm made, without npm's start-up each time. */
const promoc = (...args: string[]) => run(process.execPath, [join(project, 'node_modules/.bin/promoc'), ...args]);

describe('adopting promoc in a campaigns repository of its own', () => {
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'promoc-adoption-'));
    project = join(work, 'team-campaigns');
    const packed = await run(NPM, ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], ROOT);
    expect(packed.code, packed.stderr).toBe(0);
    const tarball = join(
      work,
      readdirSync(work).find((f) => f.endsWith('.tgz'))!,
    );
    mkdirSync(project);
    expect((await run('git', ['init', '-q'])).code).toBe(0);
    writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'team-campaigns', version: '1.0.0', private: true }, null, 2)}\n`);
    // Offline, npm cannot ask the registry which versions promoc's dependencies resolve to, and `npm ci` cached
    // only their tarballs. The answer the registry would give is in promoc's own lockfile (it pins exact
    // versions): seed the new project's lockfile with those entries, and npm installs from the cache alone.
    writeFileSync(join(project, 'package-lock.json'), `${JSON.stringify(seededLockfile(), null, 2)}\n`);
    const installed = await run(NPM, ['install', '--save-dev', '--offline', '--no-audit', '--no-fund', tarball]);
    expect(installed.code, installed.stderr).toBe(0);
  }, 120_000);
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('installs as a dev dependency and answers --version and --help', async () => {
    expect((JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies.promoc).toMatch(
      /promoc-.*\.tgz$/,
    );
    expect((await run(NPX, ['--no-install', 'promoc', '--version'])).stdout.trim()).toBe(VERSION);
    const help = await promoc('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/init .*scaffold a campaigns repository/);
  });

  it('init, validate, lint, test, plan (changes), apply, plan (none) and report, from the installed package', async () => {
    const init = await promoc('init', '--providers', 'all');
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toMatch(/wrote {2}promoc\.config\.yaml/);
    const validate = await promoc('validate');
    expect([validate.code, validate.stdout]).toEqual([0, expect.stringMatching(/4 files checked, no problems/)]);
    expect((await promoc('lint')).code).toBe(0);
    const test = await promoc('test');
    expect([test.code, test.stdout]).toEqual([0, expect.stringMatching(/10 passed, 0 failed/)]);
    const plan = await promoc('plan', '--out', 'plan.json');
    expect([plan.code, plan.stdout]).toEqual([2, expect.stringMatching(/Plan: 6 to create/)]);
    expect((await promoc('show', 'plan.json')).code).toBe(0);
    const apply = await promoc('apply', '--auto-approve');
    expect([apply.code, apply.stderr]).toEqual([0, '']);
    const again = await promoc('plan');
    expect([again.code, again.stdout]).toEqual([0, expect.stringMatching(/0 to create, 0 to update, 0 to replace, 0 to delete, 0 blocked, 6 unchanged/)]);
    const report = await promoc('report');
    expect([report.code, report.stdout]).toEqual([0, expect.stringMatching(/Validate \| ✅ 4 files, no problems/)]);
  }, 120_000);

  it('bundles, verifies and evaluates with the installed engine', async () => {
    expect((await promoc('bundle', '--out', 'out/bundle')).code).toBe(0);
    expect((await promoc('bundle', 'verify', 'out/bundle')).code).toBe(0);
    writeFileSync(join(project, 'ctx.yaml'), 'at: 2027-05-10T18:00:00Z\ncurrency: EUR\ncodes: [WELCOME10]\nlines:\n  - { id: session, amount: "20.00" }\n');
    const evaluated = await promoc('eval', '--context', 'ctx.yaml', '--bundle', 'out/bundle', '--format', 'json');
    expect(evaluated.code, evaluated.stderr).toBe(0);
    expect(JSON.stringify(JSON.parse(evaluated.stdout))).toContain('ev-welcome10');
  }, 60_000);

  it('promoc/engine, promoc/bundle, promoc/usage and promoc/testing import from node_modules', async () => {
    const entries = "['promoc/engine', 'promoc/bundle', 'promoc/usage', 'promoc/testing']";
    const script = `const m = await Promise.all(${entries}.map((s) => import(s))); console.log(JSON.stringify(m.map((x) => Object.keys(x).length)));`;
    const r = await run(process.execPath, ['--input-type=module', '-e', script]);
    expect(r.stderr).toBe('');
    for (const n of JSON.parse(r.stdout) as number[]) expect(n).toBeGreaterThan(0);
  });

  it('serves the local emulators', async () => {
    const child = spawn(process.execPath, [join(project, 'node_modules/promoc/bin/promoc.js'), 'emulator', '--provider', 'all', '--port', '0'], {
      cwd: project,
      env: env(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const urls = await new Promise<string[]>((done, fail) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const found = out.match(/http:\/\/127\.0\.0\.1:\d+\S*/g) ?? [];
        if (found.length >= 4) done(found);
      });
      child.on('exit', (code) => fail(new Error(`emulator exited ${code}: ${out}`)));
    });
    try {
      const res = await fetch(urls[0]!);
      expect(res.status).toBeLessThan(500);
    } finally {
      child.kill('SIGINT');
    }
  }, 30_000);
});
