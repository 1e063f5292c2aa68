// Saved plans: written atomically, read back only when their format version is the one this promoc writes
// (a plan from another version could mean something else). Secrets are never in a plan: it holds base URLs,
// normalized fields and API bodies, no credentials.
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { defaultValidator } from '../load/project.js';
import { FileRefusal, readRegularFile } from '../load/regular-file.js';
import { readSavedFile } from '../load/saved-file.js';
import type { Validator } from '../schema/validator.js';
import { PLAN_FORMAT, type Plan } from './plan-types.js';
import { PromocError } from '../model/errors.js';

export class PlanFileError extends PromocError {
  override readonly name = 'PlanFileError';
  constructor(message: string, hint?: string) {
    super(message, { hint });
  }
}

/** A saved plan larger than this is not one of ours (plans of 10,000 campaigns are a few MiB). */
export const MAX_PLAN_FILE_BYTES = 64 * 1024 * 1024;

/** Why a saved plan could not be read: missing, a FIFO or device, too large. */
function unreadablePlan(file: string, e: unknown): PlanFileError {
  const hint = 'Pass the file written by `promoc plan --out`.';
  if (e instanceof FileRefusal) return new PlanFileError(e.message, hint);
  return new PlanFileError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, hint);
}

/** The plan as JSON: the saved file and `plan --format json` (schemas/plan.schema.json, versioned by formatVersion). */
export function planJson(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

/** Creates the folder too: `--out plans/staging.json` in a fresh checkout is the usual CI call. */
export async function writePlanFile(file: string, plan: Plan): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFileAtomic(file, planJson(plan));
}

/** The plan in `text`, checked against schemas/plan.schema.json; a PlanFileError locating what is wrong otherwise. */
export function parsePlanFile(text: string, file: string, validator: Validator): Plan {
  return readSavedFile(text, file, validator, {
    kind: 'plan',
    format: PLAN_FORMAT,
    noun: 'plan',
    command: 'promoc plan --out',
    error: (m, h) => new PlanFileError(m, h),
  }) as unknown as Plan;
}

/**
 * The saved plan a command names (`show`, `apply`, `compile --plan`, `report --plan`), relative to `cwd`: read
 * as a regular file within the size limit, then checked; a PlanFileError saying what is wrong otherwise.
 */
export async function readPlanFile(cwd: string, file: string, validator?: Validator): Promise<Plan> {
  let text: string;
  try {
    text = (await readRegularFile(resolve(cwd, file), MAX_PLAN_FILE_BYTES, 'plan file')).toString('utf8');
  } catch (e) {
    throw unreadablePlan(file, e);
  }
  return parsePlanFile(text, file, validator ?? (await defaultValidator()));
}
