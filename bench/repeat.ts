// `npm run bench:median -- [--runs=3] [run.ts flags]`: the whole bench run several times, one process each
// (a figure's process must not inherit the previous run's heap), and every target reported as the median of its
// runs beside each run's value. One run on a shared two-core machine is one sample; the targets are read as
// medians of quiet runs.
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';

type Target = { value: number | boolean; target: string; met: boolean };

const runsArg = process.argv.find((a) => a.startsWith('--runs='));
const runs = Number(runsArg?.slice('--runs='.length) ?? 3);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got "${runsArg}"`);
const passOn = process.argv.slice(2).filter((a) => a !== runsArg);

/** A target written as `<= 1.5`, `< 5`, `>= 1,000,000` or `<= 151 (Featurevisor's)`: its comparison and bound. */
function readTarget(target: string): { op: string; bound: number } {
  const m = /^(<=|>=|<|>)\s*([\d,.]+)/.exec(target);
  if (!m) throw new Error(`cannot read target "${target}"`);
  return { op: m[1]!, bound: Number(m[2]!.replaceAll(',', '')) };
}

function meets(value: number, op: string, bound: number): boolean {
  return op === '<=' ? value <= bound : op === '>=' ? value >= bound : op === '<' ? value < bound : value > bound;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

const samples: Record<string, Target[]> = {};
const loads: number[][] = [];
for (let i = 0; i < runs; i += 1) {
  const before = loadavg()[0]!;
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'run.ts'), ...passOn], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const result = JSON.parse(out) as { targets: Record<string, Target> };
  loads.push([Math.round(before * 100) / 100, Math.round(loadavg()[0]! * 100) / 100]);
  for (const [name, t] of Object.entries(result.targets)) (samples[name] ??= []).push(t);
  process.stderr.write(`bench run ${i + 1}/${runs} done\n`);
}

const targets = Object.fromEntries(
  Object.entries(samples)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, ts]) => {
      const values = ts.map((t) => t.value);
      if (values.every((v) => typeof v === 'number')) {
        const value = Math.round(median(values as number[]) * 1000) / 1000;
        // A bound measured in the same run (the peer's peak RSS) is itself a median of its runs.
        const read = ts.map((t) => readTarget(t.target));
        const bound = median(read.map((r) => r.bound));
        const written = [...new Set(ts.map((t) => t.target))];
        const target = written.length === 1 ? written[0]! : `${read[0]!.op} ${bound} (median of ${written.join(' / ')})`;
        return [name, { median: value, runs: values, target, met: meets(value, read[0]!.op, bound) }];
      }
      const met = ts.filter((t) => t.met).length * 2 > ts.length;
      return [name, { runs: values, target: ts[0]!.target, met }];
    }),
);
process.stdout.write(`${JSON.stringify({ runs, loadAverageBeforeAfter: loads, targets }, null, 2)}\n`);
