// What `npm run bench` calls for the simulation figures: write N seeded sessions to a file (streamed,
// never all in memory), then replay the file through base and head the way `promoc simulate` does, and
// measure sessions per second on the one core it runs on and the peak resident memory.
import { createReadStream, createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogOf } from '../dist/simulate/catalog.js';
import { sessionLines } from '../dist/simulate/generate.js';
import type { SessionFormat } from '../dist/simulate/read.js';
import { resolveSides, type SideOptions } from '../dist/simulate/resolve.js';
import { simulateStream } from '../dist/simulate/stream.js';

export interface SimulationBenchOptions {
  /** Default 1,000,000. */
  readonly sessions?: number;
  readonly seed?: number;
  /** The project to simulate; default the working directory. */
  readonly cwd?: string;
  /** Default: the project as base, and the project with test/fixtures/simulate/proposal laid over it as head. */
  readonly sides?: SideOptions;
  /** Where to write the sessions (default a temporary file, removed afterwards). */
  readonly file?: string;
  /** The sessions file's format; default NDJSON. */
  readonly format?: SessionFormat;
}

export interface SimulationBenchResult {
  readonly format: SessionFormat;
  readonly sessions: number;
  readonly evaluated: number;
  readonly invalid: number;
  readonly fileMb: number;
  readonly generateMs: number;
  readonly simulateMs: number;
  /** Wall clock; the replay is single-threaded, so this is also the per-core figure on an idle machine. */
  readonly sessionsPerSecond: number;
  /** Sessions per second of CPU time this process used: the per-core figure on a busy, shared machine. */
  readonly sessionsPerCpuSecond: number;
  /** Highest resident set size sampled while replaying, and the process's peak overall (generation included). */
  readonly simulateRssMb: number;
  readonly peakRssMb: number;
  readonly heapUsedMb: number;
}

export async function benchSimulate(options: SimulationBenchOptions = {}): Promise<SimulationBenchResult> {
  const cwd = options.cwd ?? process.cwd();
  const count = options.sessions ?? 1_000_000;
  const proposal = join(cwd, 'test/fixtures/simulate/proposal');
  const sides = await resolveSides(cwd, {}, options.sides ?? { baseDir: cwd, ...(existsSync(proposal) ? { overlay: proposal } : {}) });
  if (!sides.ok) throw new Error(`the ${sides.side} campaigns do not build: ${sides.diagnostics[0]?.message ?? ''}`);
  sides.dispose();
  const tmp = options.file === undefined ? mkdtempSync(join(tmpdir(), 'promoc-bench-sim-')) : undefined;
  const format = options.format ?? 'ndjson';
  const file = options.file ?? join(tmp!, `sessions.${format}`);
  try {
    let t = performance.now();
    const out = createWriteStream(file);
    for (const line of sessionLines(catalogOf(sides.headLoaded.model), { count, seed: options.seed ?? 42 }, format)) {
      if (!out.write(line)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    const generateMs = performance.now() - t;
    let rss = process.memoryUsage().rss;
    t = performance.now();
    const cpu = process.cpuUsage();
    const report = await simulateStream({
      base: sides.base!,
      head: sides.head,
      format,
      chunks: createReadStream(file, { highWaterMark: 256 * 1024 }),
      onProgress: (p) => {
        if ((p.sessions & 0x3fff) < 400) rss = Math.max(rss, process.memoryUsage().rss);
      },
    });
    const simulateMs = performance.now() - t;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    rss = Math.max(rss, process.memoryUsage().rss);
    const mb = (b: number): number => Math.round(b / 1024 / 1024);
    return {
      format,
      sessions: count,
      evaluated: report.sessions.evaluated,
      invalid: report.sessions.invalid,
      fileMb: mb(statSync(file).size),
      generateMs: Math.round(generateMs),
      simulateMs: Math.round(simulateMs),
      sessionsPerSecond: Math.round((count * 1000) / simulateMs),
      sessionsPerCpuSecond: Math.round((count * 1000) / cpuMs),
      simulateRssMb: mb(rss),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      heapUsedMb: mb(process.memoryUsage().heapUsed),
    };
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}
