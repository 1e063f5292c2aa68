// Chaos: 1,000 campaigns applied through an emulator that fails 10% of requests with a 5xx, rate-limits 5%
// with a 429 and drops connections (2% before the handler runs, 2% after it committed), by the real CLI in
// a child process that is killed with SIGKILL mid-run. `promoc apply --resume` (another process) then
// finishes the run: live state equals desired state, no promotion exists twice, and a fresh plan is empty.
// The promotions API is the hard case: creates make drafts that may share a code, so a create resent after
// a lost answer would be a duplicate; one in five campaigns is active (create, then /activate). The emulator
// lives in this process, so its state survives the child's death like a real API's would.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulators, type RunningEmulators } from '../../src/emulators/index.js';
import { planBindings, realDeps } from '../../src/plan/run.js';
import { resolveTarget } from '../../src/plan/targets.js';
import { runCli } from '../helpers/run-cli.js';
import { modelOf, REPO_ROOT } from './harness.js';

const N = 1000;
const KEY_ENV = { CHAOS_PROMOTIONS_KEY: 'kt_test_promoc' };
const FAULTS = {
  errorRate: 0.1,
  rateLimitRate: 0.05,
  retryAfterSeconds: 0,
  dropRate: 0.02,
  dropAfterCommitRate: 0.02,
  latencyMs: 4,
  latencyJitterMs: 4,
  seed: 7,
};

let emulators: RunningEmulators;
let repo: string;

function campaigns(from: number, to: number): string {
  const docs: string[] = [];
  for (let i = from; i < to; i += 1) {
    const n = String(i).padStart(4, '0');
    docs.push(`apiVersion: promoc/v1
kind: Promotion
metadata: { name: chaos-${n} }
spec:
  code: CHAOS${n}
  status: ${i % 5 === 0 ? 'active' : 'inactive'}
  window: { from: 2027-01-01T00:00:00Z, until: 2031-01-01T00:00:00Z }
  limits: { redemptions: ${100 + i} }
  benefits: [{ percentOff: ${1 + (i % 50)} }]
  stacking: { stackable: true, priority: ${i % 1000} }
`);
  }
  return docs.join('---\n');
}

beforeAll(async () => {
  emulators = await startEmulators({ providers: ['promotions'], seed: 7 });
  repo = await mkdtemp(join(tmpdir(), 'promoc-chaos-'));
  await mkdir(join(repo, 'campaigns'));
  const e = emulators.endpoint('promotions');
  await writeFile(
    join(repo, 'promoc.config.yaml'),
    `apiVersion: promoc/v1
kind: Config
campaigns: [campaigns/**/*.yaml]
cache: { enabled: false }
defaultTarget: chaos
targets:
  chaos:
    provider: promotions
    baseUrl: ${e.apiBaseUrl}
    credentials: { apiKeyEnv: CHAOS_PROMOTIONS_KEY }
    rateLimitPerSecond: 1000
    concurrency: 16
`,
  );
  for (let f = 0; f < 10; f += 1) await writeFile(join(repo, 'campaigns', `chaos-${f}.yaml`), campaigns(f * 100, f * 100 + 100));
});
afterAll(async () => {
  await emulators.close();
  await rm(repo, { recursive: true, force: true });
});

/** Runs `promoc apply` in a child process and kills it (SIGKILL) once `killAfter` calls are journaled done. */
async function applyAndKill(killAfter: number): Promise<{ killedAt: number; exit: number | null; signal: string | null }> {
  const entry = join(import.meta.dirname, 'cli-entry.ts');
  const tsx = pathToFileURL(join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
  const child = spawn(process.execPath, ['--import', tsx, entry, 'apply', '--auto-approve'], {
    cwd: repo,
    env: { ...process.env, ...KEY_ENV, NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<{ exit: number | null; signal: string | null }>((resolve) => child.on('exit', (exit, signal) => resolve({ exit, signal })));
  const dir = join(repo, '.promoc', 'journal', 'chaos');
  let done = 0;
  for (;;) {
    const raced = await Promise.race([exited.then(() => 'exited' as const), new Promise((r) => setTimeout(r, 25)).then(() => 'tick' as const)]);
    if (raced === 'exited') throw new Error(`the apply finished before it could be killed (${done} calls done):\n${stderr}`);
    const files = await readdir(dir).catch(() => [] as string[]);
    if (files.some((f) => f.endsWith('.ndjson'))) {
      const text = await readFile(
        join(
          dir,
          files.find((f) => f.endsWith('.ndjson'))!,
        ),
        'utf8',
      );
      done = text.split('\n').filter((l) => l.startsWith('{"type":"done"') || l.includes('"outcome":"done"')).length;
      if (done >= killAfter) break;
    }
  }
  child.kill('SIGKILL');
  return { killedAt: done, ...(await exited) };
}

describe('chaos', () => {
  it(`applies ${N} campaigns through faults, survives SIGKILL mid-run, and resumes without duplicates`, async () => {
    const control = emulators.control('promotions');
    control.setFaults(FAULTS);
    const killed = await applyAndKill(400);
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.killedAt).toBeGreaterThanOrEqual(400);

    const resumed = await runCli(['apply', '--resume'], { cwd: repo, env: KEY_ENV });
    expect(resumed.stderr).toMatch(/Resuming run/);
    expect(resumed.stderr).toMatch(/took over the apply lock left by pid/);
    expect(resumed.stdout).toMatch(/Resumed apply to chaos: \d+ changed, 0 failed/);
    expect(resumed.code).toBe(0);

    // The journal of the one run: killed, resumed, and lost answers settled by reading live state.
    const dir = join(repo, '.promoc', 'journal', 'chaos');
    const files = (await readdir(dir)).filter((f) => f.endsWith('.ndjson'));
    expect(files).toHaveLength(1);
    const records = (await readFile(join(dir, files[0]!), 'utf8'))
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { type: string; outcome?: string });
    const count = (type: string, outcome?: string): number => records.filter((r) => r.type === type && (outcome === undefined || r.outcome === outcome)).length;
    expect(count('resume')).toBe(1);
    expect(count('uncertain')).toBeGreaterThan(0);
    expect(count('reconcile', 'done')).toBeGreaterThan(0);
    expect(count('end', 'ok')).toBe(1);

    // No duplicates: one promotion per code, none archived (nothing was replaced).
    control.setFaults(undefined);
    const state = control.snapshot() as { tenants: Record<string, { promotions: Record<string, { code: string; status: string }> }> };
    const promotions = Object.values(Object.values(state.tenants).find((t) => Object.keys(t.promotions).length > 0)!.promotions);
    const byCode = new Map<string, number>();
    for (const p of promotions) byCode.set(p.code, (byCode.get(p.code) ?? 0) + 1);
    expect([...byCode.values()].filter((n) => n > 1)).toEqual([]);
    expect(byCode.size).toBe(N);
    expect(promotions.filter((p) => p.status === 'active').length).toBe(N / 5);

    // Live equals desired: a fresh plan has nothing to do.
    const model = await modelOf(repo);
    const config = {
      apiVersion: 'promoc/v1',
      kind: 'Config',
      targets: {
        chaos: {
          provider: 'promotions',
          baseUrl: emulators.endpoint('promotions').apiBaseUrl,
          credentials: { apiKeyEnv: 'CHAOS_PROMOTIONS_KEY' },
          rateLimitPerSecond: 1000,
        },
      },
    } as const;
    const spec = resolveTarget(config as never, 'chaos', KEY_ENV);
    const plan = await planBindings({
      targetName: 'chaos',
      model,
      bindings: spec.local ? [] : spec.bindings,
      options: { prune: false, force: false },
      deps: realDeps(),
      now: () => new Date(),
      promocVersion: 'test',
    });
    expect(plan.plan!.summary).toMatchObject({ create: 0, update: 0, replace: 0, activate: 0, deactivate: 0, delete: 0, blocked: 0, noop: N });
  }, 90_000);
});
