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
}

export async function runPlan(io: Io, options: PlanCliOptions, debug: DebugLog = NO_DEBUG): Promise<number> {
  const planned = await planFor(io, options, debug);
  if (typeof planned === 'number') return planned;
  return withTarget(planned.target, async () => {
    if (options.out) await writePlanFile(resolve(io.cwd, options.out), planned.plan);
    io.stdout(renderPlan(planned.plan, options.format, { color: io.color, verbose: options.verbose }));
    return planExitCode(planned.plan);
  });
}
