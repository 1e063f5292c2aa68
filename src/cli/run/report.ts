// `promoc report`: gather everything (the head and base built in memory, lint, saved plans, a saved or
// fresh simulation), assemble once, render the PR comment (in parts under GitHub's limit) and/or the
// HTML page, write them and say where they are.
import { createReadStream, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { runLint } from '../../lint/runner.js';
import { optionsFromConfig } from '../../lint/settings.js';
import { defaultValidator } from '../../load/project.js';
import { MAX_PLAN_FILE_BYTES, readPlanFile } from '../../plan/plan-file.js';
import { readRegularFile, refusal } from '../../load/regular-file.js';
import { assembleFailedReport, assembleReport } from '../../report/assemble.js';
import type { ReportInput } from '../../report/types.js';
import { parseSimulationFile } from '../../report/simulation-file.js';
import { sourceUrlFromEnv } from '../../report/source-url.js';
import { renderReportHtml } from '../../render/report-html.js';
import { renderReportMarkdown } from '../../render/report-markdown.js';
import { renderText } from '../../render/diagnostics-text.js';
import { formatOf } from '../../simulate/read.js';
import { resolveSides, type Resolved, type SideOptions } from '../../simulate/resolve.js';
import { simulateStream } from '../../simulate/stream.js';
import type { SimulationReport } from '../../simulate/types.js';
import { EXIT } from '../context.js';
import { colors, type Io } from '../io.js';
import { readSmallText } from '../read-small-text.js';

export interface ReportOptions {
  readonly sides: SideOptions;
  readonly plans: readonly string[];
  readonly simulation?: string;
  readonly sessions?: string;
  readonly format: 'markdown' | 'html';
  readonly out?: string;
  readonly outDir?: string;
  readonly html?: string;
  readonly maxChars?: number;
  readonly title?: string;
  readonly coverage: false | { readonly at?: number; readonly category?: string; readonly branch?: string };
  readonly detailsUrl?: string;
  /** The report's instant, epoch ms (--now, else the clock). */
  readonly now?: number;
}

export async function runReport(io: Io, options: ReportOptions): Promise<number> {
  const c = colors(io);
  let sides: Resolved | undefined;
  try {
    const sourceUrl = sourceUrlFromEnv(io.env, io.env.GITHUB_EVENT_PATH ? readSmallText(io.env.GITHUB_EVENT_PATH) : undefined);
    const resolved = await resolveSides(io.cwd, io.env, options.sides);
    const validator = await defaultValidator();
    const plans = await Promise.all(options.plans.map((f) => readPlanFile(io.cwd, f, validator)));
    if (!resolved.ok) {
      io.stderr(renderText(resolved.diagnostics, { color: io.color, frames: false }));
      if (resolved.side === 'base') {
        io.stderr(`${c.red('✖')} the base campaigns do not build.\n`);
        return EXIT.failure;
      }
      io.stderr(`${c.red('✖')} the campaigns do not build; the report shows the errors only.\n`);
      // The head is what the pull request proposes: reviewers still get a comment saying why it does not build.
      await emit(
        io,
        options,
        assembleFailedReport({
          label: 'working tree',
          diagnostics: resolved.diagnostics,
          files: new Set(resolved.diagnostics.map((d) => d.file)).size,
          plans,
          planFiles: options.plans,
          ...(sourceUrl !== undefined ? { sourceUrl } : {}),
          ...(options.title !== undefined ? { title: options.title } : {}),
          ...(options.detailsUrl !== undefined ? { detailsUrl: options.detailsUrl } : {}),
        }),
      );
      return EXIT.failure;
    }
    sides = resolved;
    const simulation = await simulationFor(io, options, resolved);
    const loaded = resolved.headLoaded;
    const lint = runLint({
      model: loaded.model,
      options: optionsFromConfig(loaded.config, new Date(options.now ?? Date.now())),
      readText: (f) => readSmallText(join(loaded.root, f)),
      files: loaded.files,
      ...(loaded.configFile ? { configFile: relative(loaded.root, loaded.configFile) } : {}),
    });
    await emit(
      io,
      options,
      assembleReport({
        ...(options.title !== undefined ? { title: options.title } : {}),
        head: {
          label: resolved.head.label,
          engine: resolved.head.engine,
          bundle: resolved.head.bundle,
          model: loaded.model,
          files: loaded.stats.files,
          diagnostics: loaded.diagnostics,
        },
        ...(resolved.base && resolved.baseLoaded
          ? { base: { label: resolved.base.label, bundle: resolved.base.bundle, model: resolved.baseLoaded.model } }
          : {}),
        lint: { diagnostics: lint.diagnostics, suppressed: lint.suppressed },
        plans,
        planFiles: options.plans,
        ...(simulation ? { simulation } : {}),
        coverage: options.coverage,
        now: options.now ?? Date.now(),
        ...(options.detailsUrl !== undefined ? { detailsUrl: options.detailsUrl } : {}),
        ...(sourceUrl !== undefined ? { sourceUrl } : {}),
      }),
    );
    return EXIT.ok;
  } finally {
    sides?.dispose();
  }
}

/** Renders what was asked (markdown parts, HTML) to files or stdout, and says where the files are. */
async function emit(io: Io, options: ReportOptions, input: ReportInput): Promise<void> {
  const written: string[] = [];
  let printed = false;
  if (options.format === 'html' || options.html !== undefined) {
    const html = renderReportHtml(input);
    const target = options.format === 'html' ? options.out : options.html;
    if (target === undefined) {
      io.stdout(html);
      printed = true;
    } else written.push(await write(io, target, html));
  }
  if (options.format === 'markdown') {
    const parts = renderReportMarkdown(input, { ...(options.maxChars !== undefined ? { limit: options.maxChars } : {}) });
    const files = partFiles(options, parts.length);
    if (files.length === 0) {
      io.stdout(parts.join('\n<!-- promoc-report: next part -->\n'));
      printed = true;
    }
    for (const [i, f] of files.entries()) written.push(`${await write(io, f, parts[i]!)} (${parts[i]!.length.toLocaleString('en-US')} characters)`);
  }
  // Where the files are goes to stdout, unless stdout carries the report itself.
  const c = colors(io);
  for (const w of written) (printed ? io.stderr : io.stdout)(`${c.green('✔')} wrote ${w}\n`);
}

/** A saved simulation (--simulation), or a fresh one from --sessions against the resolved sides. */
async function simulationFor(io: Io, options: ReportOptions, sides: Resolved): Promise<SimulationReport | undefined> {
  if (options.simulation !== undefined)
    return parseSimulationFile(
      (await readRegularFile(resolve(io.cwd, options.simulation), MAX_PLAN_FILE_BYTES, 'simulation file')).toString('utf8'),
      options.simulation,
      await defaultValidator(),
    );
  if (options.sessions === undefined || !sides.base) return undefined;
  const file = resolve(io.cwd, options.sessions);
  const refused = refusal(options.sessions, statSync(file), Number.POSITIVE_INFINITY, 'sessions file');
  if (refused) throw refused;
  return simulateStream({ base: sides.base, head: sides.head, chunks: createReadStream(file, { highWaterMark: 256 * 1024 }), format: formatOf(file) });
}

/** --out-dir DIR: DIR/pr-comment-1.md …; --out FILE: FILE, then FILE-2.md …; neither: stdout. */
function partFiles(options: ReportOptions, n: number): string[] {
  if (options.outDir !== undefined) return Array.from({ length: n }, (_, i) => join(options.outDir!, `pr-comment-${i + 1}.md`));
  if (options.out === undefined) return [];
  const ext = extname(options.out);
  const stem = join(dirname(options.out), basename(options.out, ext));
  return Array.from({ length: n }, (_, i) => (i === 0 ? options.out! : `${stem}-${i + 1}${ext || '.md'}`));
}

async function write(io: Io, file: string, text: string): Promise<string> {
  const abs = resolve(io.cwd, file);
  await mkdir(dirname(abs), { recursive: true });
  await writeFileAtomic(abs, text);
  return relative(io.cwd, abs) || abs;
}
