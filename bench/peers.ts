// The pull-request check beside a peer: `promoc lint --no-cache` (validate + lint, cold, as on a fresh CI
// checkout) of the bench repository against Featurevisor's `lint` of a generated project of as many
// features. Both run as whole processes, alternating, so machine load hits both alike; each reports its
// own CPU time and peak RSS from a preloaded exit hook (process-wide, worker threads included).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateFeaturevisor } from './featurevisor.js';

export const PEER = '@featurevisor/cli@1.11.1';

export interface PeerOptions {
  /** The promoc bench repository (campaigns and geofences). */
  readonly repo: string;
  readonly promocBin: string;
  readonly features: number;
  readonly runs: number;
}

interface Run {
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
  exitCode: number | null;
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number, digits = 1): number => Math.round(x * 10 ** digits) / 10 ** digits;

const EXIT_HOOK = `
const { isMainThread } = require('node:worker_threads');
if (isMainThread) process.on('exit', () => {
  const u = process.resourceUsage();
  require('node:fs').writeFileSync(process.env.PROMOC_BENCH_USAGE, JSON.stringify({ cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssKb: u.maxRSS }));
});
`;

function timeProcess(args: string[], cwd: string, hook: string, usageFile: string): Run {
  rmSync(usageFile, { force: true });
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--require', hook, ...args], {
    cwd,
    stdio: 'ignore',
    env: { ...process.env, PROMOC_BENCH_USAGE: usageFile, NO_COLOR: '1' },
  });
  const wallMs = performance.now() - t;
  // Lint exits 0 or 1 (findings); anything else (70, a crash) is no figure at all.
  if (r.status !== 0 && r.status !== 1) throw new Error(`bench: \`node ${args.join(' ')}\` in ${cwd} exited with ${r.status ?? r.signal}`);
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { cpuMs: number; maxRssKb: number };
  return { wallMs, cpuMs: usage.cpuMs, peakRssMb: usage.maxRssKb / 1024, exitCode: r.status };
}

function summary(runs: readonly Run[]): Record<string, unknown> {
  return {
    wallMs: round(median(runs.map((r) => r.wallMs))),
    cpuMs: round(median(runs.map((r) => r.cpuMs))),
    peakRssMb: round(median(runs.map((r) => r.peakRssMb))),
    exitCodes: [...new Set(runs.map((r) => r.exitCode))],
    wallMsEach: runs.map((r) => round(r.wallMs)),
  };
}

/** Installs the peer into a temporary folder and times both; says so and returns when it cannot. */
export function benchPeers(o: PeerOptions): Record<string, unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'promoc-peer-'));
  try {
    try {
      execFileSync('npm', ['install', '--prefix', dir, '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', PEER], {
        stdio: ['ignore', 'ignore', 'pipe'],
        timeout: 600_000,
      });
    } catch (error) {
      const detail = (error as { stderr?: Buffer }).stderr?.toString().trim().split('\n').slice(-3).join(' ') || (error as Error).message;
      process.stderr.write(`bench: could not install ${PEER} (${detail}); the peer comparison is skipped\n`);
      return { peer: PEER, installed: false, reason: detail };
    }
    const peerBin = join(dir, 'node_modules/@featurevisor/cli/bin.js');
    const project = join(dir, 'project');
    generateFeaturevisor(project, { features: o.features, segments: 50, seed: 42 });
    const hook = join(dir, 'exit-hook.cjs');
    writeFileSync(hook, EXIT_HOOK);
    const usage = join(dir, 'usage.json');
    const promoc: Run[] = [];
    const peer: Run[] = [];
    for (let i = 0; i < o.runs; i += 1) {
      promoc.push(timeProcess([o.promocBin, 'lint', '--no-cache', '--now', '2027-01-01T00:00:00Z'], o.repo, hook, usage));
      peer.push(timeProcess([peerBin, 'lint'], project, hook, usage));
    }
    const wallRatio = round(median(promoc.map((p, i) => p.wallMs / peer[i]!.wallMs)), 2);
    const cpuRatio = round(median(promoc.map((p, i) => p.cpuMs / peer[i]!.cpuMs)), 2);
    const p = summary(promoc);
    const f = summary(peer);
    return {
      peer: PEER,
      installed: true,
      input: {
        promoc: 'the bench repository, `promoc lint --no-cache`',
        featurevisor: `${o.features} features, 50 segments, 20 attributes, 2 environments, \`featurevisor lint\``,
      },
      runs: o.runs,
      promoc: p,
      featurevisor: f,
      wallRatio,
      cpuRatio,
      targets: { wallAtMost0_6xPeer: wallRatio <= 0.6, peakRssAtMostPeer: (p.peakRssMb as number) <= (f.peakRssMb as number) },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
