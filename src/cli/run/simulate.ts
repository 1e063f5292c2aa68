// `promoc simulate`: resolve the two sides (git, folders), stream the sessions file through the replay
// with a progress display, print the view, save the JSON. And `--generate`: write sample sessions.
import { createReadStream, statSync } from 'node:fs';
import { mkdir, open, rm, type FileHandle } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { renderText } from '../../render/diagnostics-text.js';
import { renderSimulationMarkdown } from '../../render/simulation-markdown.js';
import { renderSimulationText } from '../../render/simulation-text.js';
import { loadProject } from '../../load/project.js';
import { hasErrors } from '../../model/diagnostic.js';
import { catalogOf } from '../../simulate/catalog.js';
import { sessionLines } from '../../simulate/generate.js';
import { plainStep, progressBar, progressLine } from '../../simulate/progress.js';
import { formatOf, type SessionFormat } from '../../simulate/read.js';
import { resolveSides, type SideOptions } from '../../simulate/resolve.js';
import { simulateStream, type Progress } from '../../simulate/stream.js';
import type { SimulationReport } from '../../simulate/types.js';
import type { SimulateFormat } from '../commands/simulate.js';
import { EXIT } from '../context.js';
import { colors, type Io } from '../io.js';
import { refusal } from '../../load/regular-file.js';

export interface SimulateOptions {
  readonly sides: SideOptions;
  readonly sessions: string;
  readonly sessionFormat?: 'ndjson' | 'csv';
  readonly format: SimulateFormat;
  readonly out?: string;
  readonly all: boolean;
  readonly progress: boolean;
}

export async function runSimulate(io: Io, options: SimulateOptions): Promise<number> {
  const c = colors(io);
  const file = resolve(io.cwd, options.sessions);
  const st = statSync(file);
  // Streamed, so any size goes; but a FIFO or device may never end.
  const refused = refusal(options.sessions, st, Number.POSITIVE_INFINITY, 'sessions file');
  if (refused) throw refused;
  const size = st.size;
  const sides = await resolveSides(io.cwd, io.env, options.sides);
  if (!sides.ok) {
    io.stderr(renderText(sides.diagnostics, { color: io.color, frames: false }));
    io.stderr(`${c.red('✖')} the ${sides.side} campaigns do not build; fix the errors above first.\n`);
    return EXIT.failure;
  }
  sides.dispose();
  const report = await simulateStream({
    base: sides.base!,
    head: sides.head,
    chunks: createReadStream(file, { highWaterMark: 256 * 1024 }),
    format: options.sessionFormat ?? formatOf(file),
    ...(options.progress ? { onProgress: progressPrinter(io, size) } : {}),
  });
  if (options.out !== undefined) await mkdir(dirname(resolve(io.cwd, options.out)), { recursive: true });
  if (options.out !== undefined) await writeFileAtomic(resolve(io.cwd, options.out), `${JSON.stringify(report, null, 2)}\n`);
  io.stdout(render(report, options, io.color));
  if (report.sessions.evaluated === 0) {
    io.stderr(`${c.red('error')}: no session in ${options.sessions} could be evaluated\n${c.dim('hint')}: see docs/simulate.md for the format.\n`);
    return EXIT.failure;
  }
  return EXIT.ok;
}

function render(report: SimulationReport, options: SimulateOptions, color: boolean): string {
  if (options.format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (options.format === 'markdown') return renderSimulationMarkdown(report);
  return renderSimulationText(report, { color, all: options.all });
}

/** A bar redrawn in place on a terminal (at most every 100 ms); plain lines at each tenth otherwise. */
function progressPrinter(io: Io, size: number): (p: Progress) => void {
  const started = performance.now();
  let lastDraw = 0;
  let lastStep = 0;
  return (p) => {
    const now = performance.now();
    const done = p.bytes >= size;
    if (io.isTTY) {
      if (now - lastDraw < 100 && !done) return;
      lastDraw = now;
      io.stderr(`\r${progressBar(p, size, now - started)}${done ? '\n' : ''}`);
      return;
    }
    const step = plainStep(p, size);
    if (step > lastStep && step < 10) io.stderr(`${progressLine(p, size, now - started)}\n`);
    lastStep = Math.max(lastStep, step);
  };
}

export interface GenerateCliOptions {
  readonly count: number;
  readonly seed: number;
  readonly out: string;
  readonly month?: number;
  /** Default: what the --out file name implies (.csv is CSV). */
  readonly format?: SessionFormat;
}

export async function runGenerate(io: Io, options: GenerateCliOptions): Promise<number> {
  const loaded = await loadProject({ cwd: io.cwd });
  if (hasErrors(loaded.diagnostics)) {
    io.stderr(
      renderText(
        loaded.diagnostics.filter((d) => d.severity === 'error'),
        { color: io.color, frames: false },
      ),
    );
    return EXIT.failure;
  }
  const catalog = catalogOf(loaded.model);
  const from = options.month ?? catalog.busiestMonth;
  const file = resolve(io.cwd, options.out);
  const format = options.format ?? formatOf(options.out);
  await mkdir(dirname(file), { recursive: true });
  const handle: FileHandle = await open(file, 'w');
  try {
    // Written in 64 KiB pieces through a file handle, so a failing disk is a rejected write, not a stream error event.
    let chunk = '';
    for (const line of sessionLines(catalog, { count: options.count, seed: options.seed, from }, format)) {
      chunk += line;
      if (chunk.length >= 65_536) {
        await handle.write(chunk);
        chunk = '';
      }
    }
    if (chunk !== '') await handle.write(chunk);
    await handle.close();
  } catch (e) {
    // Half a file would replay as if it were the whole month.
    await handle.close().catch(() => undefined);
    await rm(file, { force: true });
    throw e;
  }
  io.stdout(
    `${colors(io).green('✔')} wrote ${options.count.toLocaleString('en-US')} sessions for ${new Date(from).toISOString().slice(0, 7)}` +
      ` (seed ${options.seed}) as ${format === 'csv' ? 'CSV' : 'NDJSON'} to ${options.out}\n`,
  );
  return EXIT.ok;
}
