// `promoc plan` and `promoc show` as a user runs them: the embedded local target (the emulators, persisted
// under .promoc/local of the repository), exit codes 0 / 2 / 1 / 64, saved plans and their version check.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulators } from '../../src/emulators/index.js';
import { localBindings } from '../../src/plan/targets.js';
import { runCli } from '../helpers/run-cli.js';
import { FIXTURE_REPO } from './harness.js';
import { seedCreates } from './seed.js';

let repo: string;
beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), 'promoc-plan-'));
  cpSync(FIXTURE_REPO, repo, { recursive: true });
});
afterEach(() => rmSync(repo, { recursive: true, force: true }));

describe('promoc plan --overlay', () => {
  it("plans the working tree with a folder laid over it, against the working tree's target state", async () => {
    const overlay = mkdtempSync(join(tmpdir(), 'promoc-overlay-'));
    try {
      const first = await runCli(['plan'], { cwd: repo });
      expect(first.code).toBe(2);
      // An overlay that replaces nothing plans exactly what the working tree plans.
      const same = await runCli(['plan', '--overlay', overlay], { cwd: repo });
      expect(same.stderr).toBe('');
      expect(same.stdout.replace(/read at \S+/, '').replace(/http:\/\/127\.0\.0\.1:\d+/g, '')).toBe(
        first.stdout.replace(/read at \S+/, '').replace(/http:\/\/127\.0\.0\.1:\d+/g, ''),
      );
      const missing = await runCli(['plan', '--overlay', 'no/such/folder'], { cwd: repo });
      expect(missing.code).toBe(64);
      expect(missing.stderr).toContain('overlay folder no/such/folder does not exist');
    } finally {
      rmSync(overlay, { recursive: true, force: true });
    }
  });
});

describe('promoc plan / show', () => {
  it('plans the creates against the embedded emulators, then nothing once they exist (exit 2, then 0)', async () => {
    const first = await runCli(['plan', '--out', 'plan.json'], { cwd: repo });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(2);
    expect(first.stdout).toContain('Plan: 11 to create, 0 to update, 0 to replace, 0 to delete, 0 blocked, 0 unchanged.');
    const saved = JSON.parse(readFileSync(join(repo, 'plan.json'), 'utf8')) as { formatVersion: string; sources: { baseUrl: string }[] };
    expect(saved.formatVersion).toBe('promoc-plan/v1');
    expect(JSON.stringify(saved)).not.toMatch(/promoc-secret|lago_test_promoc|dyn_test_promoc|kt_test_promoc/);

    const emulators = await startEmulators({ dataDir: join(repo, '.promoc', 'local') });
    try {
      const plan = JSON.parse(readFileSync(join(repo, 'plan.json'), 'utf8'));
      await seedCreates(plan, localBindings(emulators.endpoints));
    } finally {
      await emulators.close();
    }
    const second = await runCli(['plan'], { cwd: repo });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('No changes. Live state matches the repository.');
  });

  it('creates the folder of --out when it does not exist yet', async () => {
    const r = await runCli(['plan', '--out', 'plans/local/plan.json'], { cwd: repo });
    expect(r.code).toBe(2);
    expect(JSON.parse(readFileSync(join(repo, 'plans/local/plan.json'), 'utf8'))).toMatchObject({ formatVersion: 'promoc-plan/v1' });
  });

  it('shows a saved plan in every format and refuses another format version', async () => {
    await runCli(['plan', '--out', 'plan.json'], { cwd: repo });
    const text = await runCli(['show', 'plan.json'], { cwd: repo });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('+ Promotion/ev-charge25 (CHARGE25)  create');
    const md = await runCli(['show', 'plan.json', '--format', 'markdown'], { cwd: repo });
    expect(md.stdout).toContain('### promoc plan · target `local`');
    const json = await runCli(['show', 'plan.json', '--format', 'json'], { cwd: repo });
    expect(json.stdout).toBe(readFileSync(join(repo, 'plan.json'), 'utf8'));
    writeFileSync(join(repo, 'old.json'), JSON.stringify({ formatVersion: 'promoc-plan/v0' }));
    const old = await runCli(['show', 'old.json'], { cwd: repo });
    expect(old.code).toBe(1);
    expect(old.stderr).toContain('old.json has plan format "promoc-plan/v0"; this promoc reads promoc-plan/v1');
  });

  it('exits 1 with located errors when a target cannot express a field', async () => {
    const file = join(repo, 'campaigns', 'ev.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('window: { until: 2027-09-01T00:00:00Z }', 'window: { until: 2027-09-01T00:00:00Z }\n  displayName: Charge 25'),
    );
    const r = await runCli(['plan'], { cwd: repo });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      'campaigns/ev.yaml:10:16  error  target local (ev-billing) cannot express spec.displayName: promotional codes have no customer-facing name',
    );
    expect(r.stderr).toContain('hint: Remove displayName; metadata.description becomes the internal description.');
  });

  it('exits 64 for an unknown target and 1 when a credential variable is missing', async () => {
    const unknown = await runCli(['plan', '--target', 'nope'], { cwd: repo });
    expect(unknown.code).toBe(64);
    expect(unknown.stderr).toContain('unknown target "nope"');
    const config = join(repo, 'promoc.config.yaml');
    writeFileSync(
      config,
      `${readFileSync(config, 'utf8')}targets:\n  staging:\n    provider: lago\n    baseUrl: ` +
        `https://lago.example.com/api/v1\n    credentials: { apiKeyEnv: LAGO_STAGING_KEY }\n`,
    );
    const missing = await runCli(['plan', '--target', 'staging'], { cwd: repo, env: {} });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('environment variable LAGO_STAGING_KEY (targets.staging.credentials.apiKeyEnv) is not set');
  });
});
