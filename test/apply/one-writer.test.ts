// One writer per API: N `promoc apply` processes, started together from two checkouts through two target
// names that spell one API's base URL differently (a trailing slash), all applying the same new campaigns. The promotions API
// lets drafts share a code, so two writers acting on one read would leave duplicates. Every run must either
// apply (or find nothing left to do) or be refused with the lock holder named, and no code may exist twice.
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulators, type RunningEmulators } from '../../src/emulators/index.js';
import { REPO_ROOT } from './harness.js';

const N = 4;
const CAMPAIGNS = 20;
const KEY_ENV = { ONE_WRITER_KEY: 'kt_test_promoc' };

let emulators: RunningEmulators;
let base: string;
const checkouts: string[] = [];

beforeAll(async () => {
  emulators = await startEmulators({ providers: ['promotions'], seed: 3 });
  base = await mkdtemp(join(tmpdir(), 'promoc-one-writer-'));
  const url = emulators.endpoint('promotions').apiBaseUrl;
  const first = join(base, 'checkout-1');
  await mkdir(join(first, 'campaigns'), { recursive: true });
  await writeFile(
    join(first, 'promoc.config.yaml'),
    `apiVersion: promoc/v1
kind: Config
campaigns: [campaigns/**/*.yaml]
cache: { enabled: false }
targets:
  blue:
    provider: promotions
    baseUrl: ${url}
    credentials: { apiKeyEnv: ONE_WRITER_KEY }
    rateLimitPerSecond: 1000
  green:
    provider: promotions
    baseUrl: ${url}/
    credentials: { apiKeyEnv: ONE_WRITER_KEY }
    rateLimitPerSecond: 1000
`,
  );
  const docs = Array.from(
    { length: CAMPAIGNS },
    (_, i) => `apiVersion: promoc/v1
kind: Promotion
metadata: { name: writer-${i} }
spec:
  code: WRITER${i}
  status: inactive
  window: { from: 2027-01-01T00:00:00Z, until: 2031-01-01T00:00:00Z }
  benefits: [{ percentOff: ${5 + i} }]
  stacking: { stackable: true, priority: ${i} }
`,
  );
  await writeFile(join(first, 'campaigns', 'writers.yaml'), docs.join('---\n'));
  checkouts.push(first);
  const second = join(base, 'checkout-2');
  await cp(first, second, { recursive: true });
  checkouts.push(second);
});
afterAll(async () => {
  await emulators.close();
  await rm(base, { recursive: true, force: true });
});

function apply(cwd: string, target: string): Promise<{ pid: number; code: number | null; stdout: string; stderr: string }> {
  const entry = join(import.meta.dirname, 'cli-entry.ts');
  const tsx = pathToFileURL(join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
  const child = spawn(process.execPath, ['--import', tsx, entry, 'apply', '--auto-approve', '--target', target], {
    cwd,
    env: { ...process.env, ...KEY_ENV, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ pid: child.pid!, code, stdout, stderr })));
}

describe('one writer per API', () => {
  it(`${N} applies through two target names and two checkouts of one API: no duplicates, each applied or refused naming the holder`, async () => {
    const runs = await Promise.all(Array.from({ length: N }, (_, i) => apply(checkouts[i % 2]!, i % 2 === 0 ? 'blue' : 'green')));
    const pids = new Set(runs.map((r) => r.pid));
    let applied = 0;
    for (const r of runs) {
      if (r.code === 0) {
        expect(r.stdout).toMatch(/Apply to (blue|green): \d+ changed, 0 failed|No changes\. Target (blue|green) already matches/);
        if (/Apply to/.test(r.stdout)) applied += 1;
        continue;
      }
      expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(1);
      const named = /another apply holds the lock on promotions at http:\/\/127\.0\.0\.1:\d+\/v1: pid (\d+) on .* \(run \S+, target (blue|green)\)/.exec(
        r.stderr,
      );
      expect(named, r.stderr).not.toBeNull();
      expect(pids.has(Number(named![1]))).toBe(true);
      expect(Number(named![1])).not.toBe(r.pid);
    }
    expect(applied).toBeGreaterThanOrEqual(1);
    const state = emulators.control('promotions').snapshot() as { tenants: Record<string, { promotions: Record<string, { code: string }> }> };
    const codes = Object.values(state.tenants).flatMap((t) => Object.values(t.promotions).map((p) => p.code));
    const counts = new Map<string, number>();
    for (const c of codes) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect([...counts.entries()].filter(([, n]) => n > 1)).toEqual([]);
    expect(counts.size).toBe(CAMPAIGNS);
  }, 180_000);
});
