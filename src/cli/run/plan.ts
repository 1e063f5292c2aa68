// `promoc plan`: the shared plan shell (load, open the target, read, plan), then render and optionally save.
// The core is planBindings (pure diff after the reads); this file only adds the output.
import { resolve } from 'node:path';
import { NO_DEBUG, type DebugLog } from '../../model/debug-log.js';
import { planExitCode } from '../../plan/build.js';
import { writePlanFile } from '../../plan/plan-file.js';
import type { Io } from '../io.js';
import type { PlanFormat } from '../commands/plan.js';
import { planFor, printUnlocatedWarnings, withTarget } from '../plan-shell.js';
import { renderPlan } from './render-plan.js';
import { realDeps } from '../../plan/run.js';
import { apiVerdicts, readProbes } from './api-verdict.js';

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
  const planned = await planFor(io, options, debug);
  if (typeof planned === 'number') return planned;
  return withTarget(planned.target, async () => {
    let plan = planned.plan;
    if (probes) {
      // The verdicts travel with the plan: rendered under it, saved with --out, shown by `promoc report --plan`.
      const verdicts = await apiVerdicts({
        plan,
        model: planned.model,
        bindings: planned.target.bindings,
        probes,
        deps: realDeps(),
        now: options.now ?? new Date(),
      });
      plan = { ...plan, verdicts: verdicts.rows };
      if (verdicts.diagnostics.length > 0) printUnlocatedWarnings(io, planned.root, verdicts.diagnostics);
    }
    if (options.out) await writePlanFile(resolve(io.cwd, options.out), plan);
    io.stdout(renderPlan(plan, options.format, { color: io.color, verbose: options.verbose }));
    return planExitCode(plan);
  });
}
