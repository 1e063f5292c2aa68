// `promoc plan`: load, open the target, plan, render, optionally save. The core is planBindings (pure diff
// after the reads); this file only wires it to the terminal and the file system.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { NO_DEBUG, type DebugLog } from '../../model/debug-log.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../../model/diagnostic.js';
import { loadProject } from '../../load/project.js';
import { locateDiagnostics } from '../../load/locate.js';
import { planExitCode } from '../../plan/build.js';
import { writePlanFile } from '../../plan/plan-file.js';
import { openTarget, planBindings, realDeps } from '../../plan/run.js';
import { pruneSetting } from '../../plan/targets.js';
import { renderText, summaryLine } from '../../render/text.js';
import { EXIT } from '../context.js';
import type { Io } from '../io.js';
import { readSmallText } from '../read-small-text.js';
import { promocVersion } from '../../load/version.js';
import type { PlanFormat } from '../commands/plan.js';
import { renderPlan } from './render-plan.js';
import { UsageError } from '../../model/errors.js';
import { treeWithOverlay } from '../../simulate/sides.js';
import { apiVerdicts, readProbes, renderVerdicts } from './api-verdict.js';

export interface PlanCliOptions {
  readonly paths: readonly string[];
  readonly target?: string;
  readonly out?: string;
  /** A folder laid over the working tree: plan the head a report or simulation with the same overlay shows. */
  readonly overlay?: string;
  readonly format: PlanFormat;
  /** --prune / --no-prune; undefined: the config's prune setting. */
  readonly prune?: boolean;
  readonly force: boolean;
  readonly verbose: boolean;
  /** The plan's instant (--now, else the clock). */
  readonly now?: Date;
  /** --api-verdict: a probes file; the APIs' own verdict on changed live objects beside the engine's. */
  readonly apiVerdict?: string;
}

export async function runPlan(io: Io, options: PlanCliOptions, debug: DebugLog = NO_DEBUG): Promise<number> {
  if (options.overlay === undefined) return planLoaded(io, options, await loadProject({ cwd: io.cwd, paths: options.paths, debug }), undefined, debug);
  const overlay = resolve(io.cwd, options.overlay);
  if (!existsSync(overlay)) throw new UsageError(`overlay folder ${options.overlay} does not exist`, 'Pass a folder laid out like the repository (e.g. campaigns/mobility/summer-25.yaml).');
  const working = await loadProject({ cwd: io.cwd, paths: [], cache: false, debug });
  const tmp = mkdtempSync(join(tmpdir(), 'promoc-plan-'));
  try {
    const dir = treeWithOverlay(working, overlay, join(tmp, 'head'));
    const loaded = await loadProject({ cwd: join(dir, relative(working.root, io.cwd)), paths: options.paths, cache: false, debug });
    // The target (and the local emulators' state) stay the working tree's: only the campaigns change.
    return await planLoaded(io, options, loaded, working.root, debug);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function planLoaded(io: Io, options: PlanCliOptions, loaded: Awaited<ReturnType<typeof loadProject>>, stateRoot: string | undefined, debug: DebugLog): Promise<number> {
  if (hasErrors(loaded.diagnostics)) return printErrors(io, loaded.root, loaded.diagnostics, loaded.stats.files);
  const probes = options.apiVerdict === undefined ? undefined : await readProbes(resolve(io.cwd, options.apiVerdict), options.apiVerdict);
  if (probes && options.format === 'json') throw new UsageError('--api-verdict shows the verdicts in text and markdown plans', 'Use --format text or markdown with --api-verdict.');
  const target = await openTarget({ root: stateRoot ?? loaded.root, config: loaded.config, env: io.env, debug, ...(options.target ? { target: options.target } : {}) });
  try {
    const result = await planBindings({
      targetName: target.name,
      model: loaded.model,
      bindings: target.bindings,
      options: { prune: pruneSetting(loaded.config, target.name, options.prune), force: options.force },
      deps: { ...realDeps(), debug },
      now: () => options.now ?? new Date(),
      promocVersion: promocVersion(),
      ...(io.env.GITHUB_SHA ? { revision: io.env.GITHUB_SHA } : {}),
    });
    if (!result.plan) {
      const located = locateDiagnostics(result.diagnostics, (file) => readSmallText(join(loaded.root, file)) ?? '');
      return printErrors(io, loaded.root, located, loaded.stats.files);
    }
    if (options.out) await writePlanFile(resolve(io.cwd, options.out), result.plan);
    io.stdout(renderPlan(result.plan, options.format, { color: io.color, verbose: options.verbose }));
    if (probes && options.format !== 'json') {
      const verdicts = await apiVerdicts({ plan: result.plan, model: loaded.model, bindings: target.bindings, probes, deps: realDeps(), now: options.now ?? new Date() });
      io.stdout(renderVerdicts(verdicts.rows, options.format));
      if (verdicts.diagnostics.length > 0) {
        const located = locateDiagnostics(verdicts.diagnostics, (file) => readSmallText(join(loaded.root, file)) ?? '');
        io.stderr(renderText(sortDiagnostics(located), { color: io.color, readText: (file) => readSmallText(join(loaded.root, file)) }));
      }
    }
    return planExitCode(result.plan);
  } finally {
    await target.close();
  }
}

function printErrors(io: Io, root: string, diagnostics: readonly Diagnostic[], files: number): number {
  const sorted = sortDiagnostics(diagnostics);
  io.stderr(renderText(sorted, { color: io.color, readText: (file) => readSmallText(join(root, file)) }));
  io.stderr(`${summaryLine(sorted, files, io.color)}\n`);
  return EXIT.failure;
}
