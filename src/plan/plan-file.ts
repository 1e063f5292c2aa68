// Saved plans: written atomically, read back only when their format version is the one this promoc writes
// (a plan from another version could mean something else). Secrets are never in a plan: it holds base URLs,
// normalized fields and API bodies, no credentials.
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { renderPlanJson } from '../render/plan-json.js';
import { describeSavedFileErrors } from '../schema/saved-file.js';
import type { Validator } from '../schema/validator.js';
import { PLAN_FORMAT, type Plan } from './model.js';

export class PlanFileError extends Error {
  override readonly name = 'PlanFileError';
  constructor(message: string, readonly hint?: string) { super(message); }
}

/** Creates the folder too: `--out plans/staging.json` in a fresh checkout is the usual CI call. */
export async function writePlanFile(file: string, plan: Plan): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFileAtomic(file, renderPlanJson(plan));
}

const REQUIRED = ['formatVersion', 'promocVersion', 'createdAt', 'target', 'options', 'sources', 'fingerprint', 'summary', 'actions', 'notes'] as const;

/** The plan in `text`, checked against schemas/plan.schema.json; a PlanFileError locating what is wrong otherwise. */
export function parsePlanFile(text: string, file: string, validator: Validator): Plan {
  let value: unknown;
  try { value = JSON.parse(text); } catch (e) {
    throw new PlanFileError(`${file} is not JSON: ${(e as Error).message}`, 'Pass a file written by `promoc plan --out`.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new PlanFileError(`${file} is not a promoc plan`, 'Pass a file written by `promoc plan --out`.');
  const o = value as Record<string, unknown>;
  if (o.formatVersion !== PLAN_FORMAT) {
    throw new PlanFileError(`${file} has plan format ${JSON.stringify(o.formatVersion ?? null)}; this promoc reads ${PLAN_FORMAT}`, 'Re-run `promoc plan --out` with this version of promoc.');
  }
  const missing = REQUIRED.filter((k) => !(k in o));
  if (missing.length > 0 || !Array.isArray(o.actions) || !Array.isArray(o.sources)) throw new PlanFileError(`${file} is missing ${missing.join(', ') || 'actions or sources'}`, 'The file is damaged; re-run `promoc plan --out`.');
  const errors = validator.validateSaved('plan', o);
  if (errors.length > 0) throw new PlanFileError(`${file} is not a plan this promoc wrote:\n${describeSavedFileErrors(file, text, o, errors)}`, 'The file is damaged or was edited by hand; re-run `promoc plan --out`.');
  return o as unknown as Plan;
}
