// `promoc plan`: load, open the target, plan, render, optionally save. The core is planBindings (pure diff
// after the reads); this file only wires it to the terminal and the file system.
import { join, resolve } from 'node:path';
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
import { promocVersion } from '../version.js';
import type { PlanFormat } from '../commands/plan.js';
import { renderPlan } from './render-plan.js';

export interface PlanCliOptions {
  readonly paths: readonly string[];
  readonly target?: string;
  readonly out?: string;
  readonly format: PlanFormat;
  /** --prune / --no-prune; undefined: the config's prune setting. */
  readonly prune?: boolean;
  readonly force: boolean;
  readonly verbose: boolean;
}

export async function runPlan(io: Io, options: PlanCliOptions, debug: DebugLog = NO_DEBUG): Promise<number> {
  const loaded = await loadProject({ cwd: io.cwd, paths: options.paths, debug });
  if (hasErrors(loaded.diagnostics)) return printErrors(io, loaded.root, loaded.diagnostics, loaded.stats.files);
  const target = await openTarget({ root: loaded.root, config: loaded.config, env: io.env, debug, ...(options.target ? { target: options.target } : {}) });
  try {
    const result = await planBindings({
      targetName: target.name,
      model: loaded.model,
      bindings: target.bindings,
      options: { prune: pruneSetting(loaded.config, target.name, options.prune), force: options.force },
      deps: { ...realDeps(), debug },
      now: () => new Date(),
      promocVersion: promocVersion(),
      ...(io.env.GITHUB_SHA ? { revision: io.env.GITHUB_SHA } : {}),
    });
    if (!result.plan) {
      const located = locateDiagnostics(result.diagnostics, (file) => readSmallText(join(loaded.root, file)) ?? '');
      return printErrors(io, loaded.root, located, loaded.stats.files);
    }
    if (options.out) await writePlanFile(resolve(io.cwd, options.out), result.plan);
    io.stdout(renderPlan(result.plan, options.format, { color: io.color, verbose: options.verbose }));
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
