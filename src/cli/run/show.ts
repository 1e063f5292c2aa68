// `promoc show plan.json`: render a saved plan; no network.
import { readPlanFile } from '../../plan/plan-file.js';
import type { Io } from '../io.js';
import { EXIT } from '../context.js';
import type { PlanFormat } from '../commands/plan.js';
import { renderPlan } from './render-plan.js';

export async function runShow(io: Io, options: { file: string; format: PlanFormat; verbose: boolean }): Promise<number> {
  const plan = await readPlanFile(io.cwd, options.file);
  io.stdout(renderPlan(plan, options.format, { color: io.color, verbose: options.verbose }));
  return EXIT.ok;
}
