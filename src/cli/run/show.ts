// `promoc show plan.json`: render a saved plan; no network.
import { resolve } from 'node:path';
import { defaultValidator } from '../../load/project.js';
import { readRegularFile } from '../../load/regular-file.js';
import { MAX_PLAN_FILE_BYTES, parsePlanFile, unreadablePlan } from '../../plan/plan-file.js';
import type { Io } from '../io.js';
import { EXIT } from '../context.js';
import type { PlanFormat } from '../commands/plan.js';
import { renderPlan } from './render-plan.js';

export async function runShow(io: Io, options: { file: string; format: PlanFormat; verbose: boolean }): Promise<number> {
  let text: string;
  try { text = (await readRegularFile(resolve(io.cwd, options.file), MAX_PLAN_FILE_BYTES, 'plan file')).toString('utf8'); } catch (e) {
    throw unreadablePlan(options.file, e);
  }
  const plan = parsePlanFile(text, options.file, await defaultValidator());
  io.stdout(renderPlan(plan, options.format, { color: io.color, verbose: options.verbose }));
  return EXIT.ok;
}
