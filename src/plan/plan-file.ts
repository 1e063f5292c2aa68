// Saved plans: written atomically, read back only when their format version is the one this promoc writes
// (a plan from another version could mean something else). Secrets are never in a plan: it holds base URLs,
// normalized fields and API bodies, no credentials.
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { renderPlanJson } from '../render/plan-json.js';
import { readSavedFile } from '../load/saved-file.js';
import type { Validator } from '../schema/validator.js';
import { PLAN_FORMAT, type Plan } from './model.js';
import { PromocError } from '../model/errors.js';

export class PlanFileError extends PromocError {
  override readonly name = 'PlanFileError';
  constructor(message: string, hint?: string) { super(message, { hint }); }
}

/** Creates the folder too: `--out plans/staging.json` in a fresh checkout is the usual CI call. */
export async function writePlanFile(file: string, plan: Plan): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFileAtomic(file, renderPlanJson(plan));
}

/** The plan in `text`, checked against schemas/plan.schema.json; a PlanFileError locating what is wrong otherwise. */
export function parsePlanFile(text: string, file: string, validator: Validator): Plan {
  return readSavedFile(text, file, validator, { kind: 'plan', format: PLAN_FORMAT, noun: 'plan', command: 'promoc plan --out', error: (m, h) => new PlanFileError(m, h) }) as unknown as Plan;
}
