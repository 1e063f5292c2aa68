// `npm run bench`: figures measured in one run on this machine, printed as JSON, with a `targets` block
// saying for each figure its value, its target and whether it is met. Targets are checked here, never by
// timed unit tests (the machines are shared and noisy). `--only validate,peers,…` runs some sections;
// `--no-peers` leaves out the Featurevisor comparison (it installs the peer from npm).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { loadProject } from '../dist/load/project.js';
import { benchApply } from './apply.js';
import { benchPlan } from './plan.js';
import { benchEngine } from './engine.js';
import { benchLint } from './lint.js';
import { generateRepo } from './generate.js';
import { benchPeers } from './peers.js';

const SECTIONS = ['startup', 'validate', 'peers', 'lint', 'engine', 'plan', 'apply', 'simulate'] as const;
const onlyArg = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const only = new Set(onlyArg ? onlyArg.split(',') : SECTIONS.filter((x) => x !== 'peers' || !process.argv.includes('--no-peers')));
for (const x of only) if (!(SECTIONS as readonly string[]).includes(x)) throw new Error(`unknown bench section "${x}"; sections: ${SECTIONS.join(', ')}`);
const run = (section: (typeof SECTIONS)[number]): boolean => only.has(section);

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin/promoc.js');
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number): number => Math.round(x * 10) / 10;

function timeCommand(args: string[], cwd: string, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t = performance.now();
    try {
      execFileSync(process.execPath, [bin, ...args], { cwd, stdio: 'ignore' });
    } catch {
      /* exit 1 is a result too */
    }
    times.push(performance.now() - t);
  }
  return median(times);
}

async function timeAsync(fn: () => Promise<unknown> | unknown): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

const N = Number(process.env.BENCH_CAMPAIGNS ?? 10_000);
const dir = mkdtempSync(join(tmpdir(), 'promoc-bench-'));
const files = generateRepo(dir, { campaigns: N, geofences: 200, seed: 42 }).filter((f) => f.startsWith('campaigns/'));

const loadAtStart = loadavg().map((x) => Math.round(x * 100) / 100);
const results: Record<string, unknown> = {
  machine: { cpus: availableParallelism(), node: process.version, loadAverageAtStart: loadAtStart },
  campaigns: N,
  files: files.length,
};
/** One line per target: the figure, what it must be, whether it is. */
const targets: Record<string, { value: number | boolean; target: string; met: boolean }> = {};
const target = (name: string, value: number | boolean, want: string, met: boolean): void => {
  targets[name] = { value, target: want, met };
};

// Start-up: the CLI ships as compiled JS and imports only what a command needs.
if (run('startup')) {
  results.versionMs = ms(timeCommand(['--version'], root, 7));
  results.validateOneFileMs = ms(timeCommand(['validate', '--no-cache', 'campaigns/ev/charge25.yaml'], root, 7));
  results.nodeBaselineMs = ms(
    median(
      Array.from({ length: 7 }, () => {
        const t = performance.now();
        execFileSync(process.execPath, ['-e', '0']);
        return performance.now() - t;
      }),
    ),
  );
  // Shared machines are noisy: also report what promoc adds over a bare `node -e 0` in the same run.
  results.versionOverNodeMs = ms((results.versionMs as number) - (results.nodeBaselineMs as number));
  results.validateOneFileOverNodeMs = ms((results.validateOneFileMs as number) - (results.nodeBaselineMs as number));
  target('versionMs', results.versionMs as number, '< 150', (results.versionMs as number) < 150);
  target('validateOneFileMs', results.validateOneFileMs as number, '< 400', (results.validateOneFileMs as number) < 400);
}

// Validate 10k campaigns cold vs a bare yaml parse of the same files (read + parseAllDocuments), alternating;
// each figure is the median of its runs.
if (run('validate')) {
  const bareParse = (): void => {
    for (const f of files) parseAllDocuments(readFileSync(join(dir, f), 'utf8'));
  };
  const bare: number[] = [];
  const cold: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    bare.push(await timeAsync(bareParse));
    rmSync(join(dir, '.promoc-cache'), { recursive: true, force: true });
    cold.push(
      await timeAsync(async () => {
        const r = await loadProject({ cwd: dir, cache: true });
        if (r.diagnostics.length > 0) throw new Error(`synthetic repo is invalid: ${r.diagnostics[0]!.message}`);
      }),
    );
  }
  results.bareYamlParseMs = ms(median(bare));
  results.validateColdMs = ms(median(cold));
  results.validateColdVsBareParse = Math.round(median(cold.map((c, i) => c / bare[i]!)) * 100) / 100;
  results.validateColdSingleThreadMs = ms(await timeAsync(() => loadProject({ cwd: dir, cache: false, workers: 1 })));

  // Re-run with 10 files changed: the cache keeps everything else.
  const warm: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    for (let k = 0; k < 10; k += 1) {
      const f = join(dir, files[files.length - 1 - k * 37]!);
      writeFileSync(f, readFileSync(f, 'utf8').replace(/description: .*/, `description: changed ${i}`));
      utimesSync(f, new Date(), new Date(Date.now() + (i + 1) * 10_000));
    }
    warm.push(await timeAsync(() => loadProject({ cwd: dir, cache: true })));
  }
  results.validateTenChangedMs = ms(median(warm));
  results.validateTenChangedVsCold = Math.round((median(warm) / median(cold)) * 1000) / 1000;
  const mem = process.memoryUsage();
  results.heapUsedMb = Math.round(mem.heapUsed / 1024 / 1024);
  target('validateColdVsBareYamlParse', results.validateColdVsBareParse as number, '<= 0.5', (results.validateColdVsBareParse as number) <= 0.5);
  target('validateTenChangedVsCold', results.validateTenChangedVsCold as number, '<= 0.03', (results.validateTenChangedVsCold as number) <= 0.03);
}

// The pull-request check (validate + lint, cold) beside Featurevisor's lint of as many features.
if (run('peers')) {
  const peers = benchPeers({ repo: dir, promocBin: bin, features: N, runs: Number(process.env.BENCH_PEER_RUNS ?? 3) });
  results.peers = peers;
  if (peers.installed === true) {
    target('lintColdVsFeaturevisorWall', peers.wallRatio as number, '<= 0.6', (peers.wallRatio as number) <= 0.6);
    const p = (peers.promoc as { peakRssMb: number }).peakRssMb;
    const f = (peers.featurevisor as { peakRssMb: number }).peakRssMb;
    target('lintColdPeakRssMbVsFeaturevisor', p, `<= ${f} (Featurevisor's)`, p <= f);
  }
}

if (run('lint')) {
  const lint = benchLint();
  results.lint = lint;
  target(
    'lintAnalysisMs',
    lint.lintMs as number,
    '< 500, findings identical',
    (lint.lintMs as number) < 500 && (lint.targets as { identicalFindings: boolean }).identicalFindings,
  );
}
if (run('engine')) {
  const engine = benchEngine();
  results.engine = engine;
  const rate = engine.evaluationsPerSecond as number;
  const p99 = engine.p99Us as number;
  target('engineEvaluationsPerSecond', rate, '>= 1,000,000', rate >= 1_000_000);
  target('engineP99Us', p99, '< 5', p99 < 5);
}

// Plan 10,000 resources against an emulator with 20 ms latency per request, beside the network floor.
if (run('plan')) {
  results.plan = {};
  for (const provider of ['ev-billing', 'lago'] as const) {
    const r = await benchPlan({ resources: 10_000, latencyMs: 20, provider, concurrency: 8 });
    (results.plan as Record<string, unknown>)[provider] = { ...r, targets: { within1_5xFloor: r.ratioToFloor <= 1.5, under500Mb: r.heapUsedMb < 500 } };
    target(`plan.${provider}.ratioToFloor`, r.ratioToFloor, '<= 1.5', r.ratioToFloor <= 1.5);
  }
}

// Apply 1,000 creates with 20 ms latency under a 50 requests/s limit, beside the rate-limit floor.
if (run('apply')) {
  const apply = await benchApply({ creates: 1000, latencyMs: 20, requestsPerSecond: 50 });
  results.apply = { ...apply, targets: { within1_2xFloor: apply.ratioToFloor <= 1.2, no429Failures: apply.failed === 0 } };
  target('apply.ratioToFloor', apply.ratioToFloor, '<= 1.2', apply.ratioToFloor <= 1.2);
}

// Simulate 1,000,000 sessions in bounded memory, from NDJSON and from CSV, each in a process of its own:
// RSS and its peak are per process, and the benchmarks above leave hundreds of MB behind.
if (run('simulate')) {
  results.simulate = Object.fromEntries(
    ['ndjson', 'csv'].map((format) => {
      const r = JSON.parse(
        execFileSync(
          process.execPath,
          [
            '--import',
            'tsx',
            '--input-type=module',
            '-e',
            `
    const { benchSimulate } = await import(${JSON.stringify(join(root, 'bench/simulate.ts'))});
    process.stdout.write(JSON.stringify(await benchSimulate({ sessions: 1_000_000, format: '${format}', cwd: ${JSON.stringify(root)} })));
  `,
          ],
          { encoding: 'utf8', maxBuffer: 1 << 20 },
        ),
      ) as { sessionsPerCpuSecond: number; peakRssMb: number };
      const want = format === 'ndjson' ? 200_000 : 400_000;
      target(`simulate.${format}.sessionsPerCpuSecond`, r.sessionsPerCpuSecond, `>= ${want.toLocaleString('en')}`, r.sessionsPerCpuSecond >= want);
      return [format, { ...r, targets: { perCpuSecond: r.sessionsPerCpuSecond >= want, peakRssUnder512Mb: r.peakRssMb < 512 } }];
    }),
  );
}

rmSync(dir, { recursive: true, force: true });
(results.machine as Record<string, unknown>).loadAverageAtEnd = loadavg().map((x) => Math.round(x * 100) / 100);
results.targets = targets;
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
