// `promoc plan`: the shared plan shell (load, open the target, read, plan), then render and optionally save.
// The core is planBindings (pure diff after the reads); this file only adds the output.
import { resolve } from 'node:path';
import { NO_DEBUG, type DebugLog } from '../../model/debug-log.js';
import { planExitCode } from '../../plan/build.js';
import { writePlanFile } from '../../plan/plan-file.js';
import type { Io } from '../io.js';
import type { PlanFormat } from '../commands/plan.js';
import { planFor, withTarget } from '../plan-shell.js';
import { renderPlan } from './render-plan.js';
import { join } from 'node:path';
import { locateDiagnostics } from '../../load/locate.js';
import { sortDiagnostics } from '../../model/diagnostic.js';
import { InvocationError } from '../../model/errors.js';
import { realDeps } from '../../plan/run.js';
import { renderText } from '../../render/diagnostics-text.js';
import { readSmallText } from '../read-small-text.js';
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
  const probes = options.apiVerdict === undefined ? undefined : await readProbes(resolve(io.cwd, options.apiVerdict), options.apiVerdict);
  if (probes && options.format === 'json') throw new InvocationError('--api-verdict shows the verdicts in text and markdown plans', 'Use --format text or markdown with --api-verdict.');
  const planned = await planFor(io, options, debug);
  if (typeof planned === 'number') return planned;
  return withTarget(planned.target, async () => {
    if (options.out) await writePlanFile(resolve(io.cwd, options.out), planned.plan);
    io.stdout(renderPlan(planned.plan, options.format, { color: io.color, verbose: options.verbose }));
    if (probes && options.format !== 'json') {
      const verdicts = await apiVerdicts({ plan: planned.plan, model: planned.model, bindings: planned.target.bindings, probes, deps: realDeps(), now: options.now ?? new Date() });
      io.stdout(renderVerdicts(verdicts.rows, options.format));
      if (verdicts.diagnostics.length > 0) {
        const readText = (file: string): string | undefined => readSmallText(join(planned.root, file));
        const located = locateDiagnostics(verdicts.diagnostics, (file) => readText(file) ?? '');
        io.stderr(renderText(sortDiagnostics(located), { color: io.color, readText }));
      }
    }
    return planExitCode(planned.plan);
  });
}
