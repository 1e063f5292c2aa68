// `promoc show plan.json`: render a saved plan; no network.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { defaultValidator } from '../../load/project.js';
import { parsePlanFile, PlanFileError } from '../../plan/plan-file.js';
import type { Io } from '../io.js';
import { EXIT } from '../context.js';
import type { PlanFormat } from '../commands/plan.js';
import { renderPlan } from './render-plan.js';

export async function runShow(io: Io, options: { file: string; format: PlanFormat; verbose: boolean }): Promise<number> {
  let text: string;
  try { text = await readFile(resolve(io.cwd, options.file), 'utf8'); } catch (e) {
    throw new PlanFileError(`cannot read ${options.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 'Pass the file written by `promoc plan --out`.');
  }
  const plan = parsePlanFile(text, options.file, await defaultValidator());
  io.stdout(renderPlan(plan, options.format, { color: io.color, verbose: options.verbose }));
  return EXIT.ok;
}
