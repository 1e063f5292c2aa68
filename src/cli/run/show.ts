// `promoc show plan.json`: render a saved plan; no network.
import { resolve } from 'node:path';
import { defaultValidator } from '../../load/project.js';
import { readRegularFile } from '../../load/regular-file.js';
import { MAX_PLAN_FILE_BYTES } from '../../plan/plan-file.js';
import { parsePlanFile, PlanFileError, unreadablePlan } from '../../plan/plan-file.js';
import { colors, type Io } from '../io.js';
import { EXIT } from '../context.js';
import type { PlanFormat } from '../commands/plan.js';
import { renderPlan } from './render-plan.js';

export async function runShow(io: Io, options: { file: string; format: PlanFormat; verbose: boolean }): Promise<number> {
  const c = colors(io);
  try {
    let text: string;
    try { text = (await readRegularFile(resolve(io.cwd, options.file), MAX_PLAN_FILE_BYTES, 'plan file')).toString('utf8'); } catch (e) {
      throw unreadablePlan(options.file, e);
    }
    const plan = parsePlanFile(text, options.file, await defaultValidator());
    io.stdout(renderPlan(plan, options.format, { color: io.color, verbose: options.verbose }));
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof PlanFileError)) throw error;
    io.stderr(`${c.red('error')}: ${error.message}\n${error.hint ? `${c.dim('hint')}: ${error.hint}\n` : ''}`);
    return EXIT.failure;
  }
}
