// A standing guard over the shipped CLI (bin/promoc.js): seeded random invocations of every subcommand with
// random flags, arguments and small random files (regular, empty, binary, FIFOs, symlinks, folders, missing
// paths) must end with exit 0, 1, 2 or 64 — never 70, never a stack trace — each within a time bound.
// GUARD_RUNS=2000 GUARD_SEED=7 npx vitest run test/cli-guard.test.ts runs longer; a failure prints its seed and
// the exact command, so it can be replayed.
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../src/model/seeded-random.js';

const BIN = join(import.meta.dirname, '..', 'bin', 'promoc.js');
const RUNS = Number(process.env.GUARD_RUNS ?? 100);
const SEED = Number(process.env.GUARD_SEED ?? 22);
const TIME_BOUND_MS = 20_000;
const PARALLEL = 2;

// Every subcommand but `emulator` (it serves until stopped; its flag errors are tested in its own file) and
// `demo` (a minute of work, covered by test/demo.test.ts).
const COMMANDS = [
  'init',
  'validate',
  'lint',
  'plan',
  'show',
  'compile',
  'apply',
  'targets',
  'import',
  'bundle',
  'bundle verify',
  'eval',
  'test',
  'simulate',
  'report',
  'help',
];
const FLAGS = [
  '--format',
  '-f',
  '-o',
  '--out',
  '--target',
  '--config',
  '--context',
  '--sign-key',
  '--public-key',
  '--signature',
  '--seed',
  '--revision',
  '--base',
  '--head',
  '--sessions',
  '--proposal',
  '--plan',
  '--at',
  '--now',
  '--providers',
  '--dir',
];
const SWITCHES = ['--no-color', '--debug', '--force', '--yes', '--help', '--strict', '--json', '--unknown-flag', '-', '--'];
const WORDS = [
  'json',
  'text',
  'sarif',
  'html',
  'markdown',
  'stylish',
  'x',
  '',
  ' ',
  '0',
  '-1',
  '1e309',
  'NaN',
  '9007199254740993',
  'staging',
  'all',
  '2027-01-01T00:00:00Z',
  'not a date',
  '../..',
  '/',
  '/proc/self',
  '/dev/null',
  '%s%n',
  'é\u0007x',
  'a'.repeat(300),
];

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const YAML_BITS = [
  'apiVersion: promoc/v1\n',
  'kind: Promotion\n',
  'kind: Geofence\n',
  'metadata:\n  name: x\n',
  'spec:\n  benefits: [{ percentOff: 5e-324 }]\n',
  'spec: {code: A, limits: {redemptions: 18446744073709551616}}\n',
  '---\n',
  '&a [*a]\n',
  'x: !!binary AAAA\n',
  '{',
  'targets:\n  t: {provider: lago, baseUrl: "http://127.0.0.1:9"}\n',
  'campaigns: ["**"]\n',
  '\u0000\u00ff',
  '- a\n- b\n',
  '"unterminated\n',
];

/** A folder of small hostile files for one run; returns the names an argument can point at. */
function workspace(random: () => number): { dir: string; names: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'promoc-guard-'));
  dirs.push(dir);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const yaml = (): string => Array.from({ length: 1 + Math.floor(random() * 6) }, () => pick(YAML_BITS)).join('');
  const bytes = (): Buffer => Buffer.from(Array.from({ length: Math.floor(random() * 512) }, () => Math.floor(random() * 256)));
  mkdirSync(join(dir, 'campaigns'));
  writeFileSync(join(dir, 'campaigns', 'a.yaml'), yaml());
  writeFileSync(join(dir, 'campaigns', 'b.yaml'), bytes());
  if (random() < 0.5) writeFileSync(join(dir, 'promoc.config.yaml'), yaml());
  writeFileSync(join(dir, 'regular.yaml'), yaml());
  writeFileSync(
    join(dir, 'regular.json'),
    random() < 0.5
      ? '{"format":"promoc/plan","changes":['
      : JSON.stringify({ format: pick(['promoc/plan', 'promoc/bundle', 'x']), version: pick([1, 'x', 1e308]) }),
  );
  writeFileSync(join(dir, 'empty'), '');
  writeFileSync(join(dir, 'binary.bin'), bytes());
  execFileSync('mkfifo', [join(dir, 'fifo')]);
  symlinkSync('/', join(dir, 'to-root'));
  symlinkSync('loop', join(dir, 'loop'));
  symlinkSync('fifo', join(dir, 'campaigns', 'fifo.yaml'));
  symlinkSync('..', join(dir, 'campaigns', 'up'));
  return {
    dir,
    names: [
      'regular.yaml',
      'regular.json',
      'empty',
      'binary.bin',
      'fifo',
      'to-root',
      'loop',
      'campaigns',
      'campaigns/fifo.yaml',
      'missing.yaml',
      '.',
      '/dev/zero',
      '/dev/null',
    ],
  };
}

function invocation(random: () => number, names: readonly string[]): string[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const value = (): string => (random() < 0.6 ? pick(names) : pick(WORDS));
  const args = pick(COMMANDS).split(' ');
  const count = Math.floor(random() * 5);
  for (let i = 0; i < count; i++) {
    const r = random();
    if (r < 0.45) args.push(pick(FLAGS), value());
    else if (r < 0.65) args.push(pick(SWITCHES));
    else args.push(value());
  }
  return args;
}

interface Outcome {
  args: string[];
  code: number | null;
  signal: string | null;
  output: string;
  ms: number;
}

function run(args: string[], cwd: string): Promise<Outcome> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd, timeout: TIME_BOUND_MS, killSignal: 'SIGKILL', maxBuffer: 8 * 1024 * 1024, env: { PATH: process.env.PATH ?? '', HOME: cwd, NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        const e = error as (Error & { code?: number | string; signal?: string | null }) | null;
        resolve({
          args,
          code: e ? (typeof e.code === 'number' ? e.code : null) : 0,
          signal: e?.signal ?? null,
          output: `${stdout}${stderr}`,
          ms: Date.now() - started,
        });
      },
    );
  });
}

const STACK = /^\s+at .+(:\d+:\d+\)?|\(native\)|\(<anonymous>\))$/m;

describe('the CLI under random invocations', () => {
  it(
    `never ends in an internal error, a stack trace or a hang (${RUNS} runs, seed ${SEED})`,
    async () => {
      const random = seededRandom(SEED);
      const jobs = Array.from({ length: RUNS }, () => {
        const w = workspace(random);
        return { cwd: w.dir, args: invocation(random, w.names) };
      });
      const failures: string[] = [];
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < jobs.length) {
          const job = jobs[next++]!;
          const o = await run(job.args, job.cwd);
          const what = `promoc ${o.args.map((a) => JSON.stringify(a)).join(' ')} (seed ${SEED})`;
          if (o.signal) failures.push(`${what}: killed by ${o.signal} after ${o.ms} ms (hung past ${TIME_BOUND_MS} ms)`);
          else if (![0, 1, 2, 64].includes(o.code ?? -1)) failures.push(`${what}: exit ${o.code}\n${o.output.slice(0, 600)}`);
          else if (STACK.test(o.output) || /internal error:/.test(o.output)) failures.push(`${what}: stack trace in output\n${o.output.slice(0, 600)}`);
        }
      };
      await Promise.all(Array.from({ length: PARALLEL }, worker));
      expect(failures).toEqual([]);
    },
    RUNS * TIME_BOUND_MS,
  );
});
