// Files promoc wrote and reads back (a saved plan, a saved simulation) are checked against their JSON
// Schema before anything uses them: a file damaged or edited by hand would otherwise reach apply's API
// calls or a renderer as whatever it happens to hold. Problems are located in the file's text only when
// there are some (locating means parsing the text again, with ranges).
import type { ErrorObject } from 'ajv';
import { LineCounter, parseDocument } from 'yaml';
import { locateInDoc } from './locate.js';
import { describePath, showValue } from '../schema/format.js';
import { pointerToPath, valueAt } from '../schema/translate.js';
import type { SavedFile, Validator } from '../schema/validator.js';

export interface SavedFileSpec {
  readonly kind: SavedFile;
  /** The formatVersion this promoc writes and reads. */
  readonly format: string;
  /** "plan", "simulation": what the messages call it. */
  readonly noun: string;
  /** The command that writes it, for the hints. */
  readonly command: string;
  /** The reader's own error class (PlanFileError, SimulationFileError). */
  readonly error: (message: string, hint: string) => Error;
}

/**
 * The object a saved file holds: JSON, of this promoc's format version (a clear message for another
 * version before any schema error), and valid against the kind's schema.
 */
export function readSavedFile(text: string, file: string, validator: Validator, spec: SavedFileSpec): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw spec.error(`${file} is not JSON: ${(e as Error).message}`, `Pass the file written by \`${spec.command}\`.`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw spec.error(`${file} is not a promoc ${spec.noun}`, `Pass the file written by \`${spec.command}\`.`);
  const o = value as Record<string, unknown>;
  if (o.formatVersion !== spec.format) {
    throw spec.error(
      `${file} has ${spec.noun} format ${JSON.stringify(o.formatVersion ?? null)}; this promoc reads ${spec.format}`,
      `Re-run \`${spec.command}\` with this version of promoc.`,
    );
  }
  const errors = validator.validateSaved(spec.kind, o);
  if (errors.length > 0)
    throw spec.error(
      `${file} is not a ${spec.noun} this promoc wrote:\n${describeSavedFileErrors(file, text, o, errors)}`,
      `The file is damaged or was edited by hand; re-run \`${spec.command}\`.`,
    );
  return o;
}

/** At most this many problems are listed; a damaged file usually has one cause. */
const MAX_LISTED = 5;

/** `file:line:col: path: what is wrong`, one per line (the first few), for the schema errors of `value` read from `text`. */
export function describeSavedFileErrors(file: string, text: string, value: unknown, errors: readonly ErrorObject[]): string {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, keepSourceTokens: false, uniqueKeys: false });
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const e of errors) {
    const path = pointerToPath(e.instancePath, value);
    const line = `${describePath(path) || '(the file)'}: ${what(e, valueAt(value, path))}`;
    if (seen.has(line)) continue;
    seen.add(line);
    if (lines.length === MAX_LISTED) return `${lines.join('\n')}\n… and more`;
    const at = locateInDoc(
      doc,
      lc,
      e.keyword === 'additionalProperties' ? [...path, String(e.params.additionalProperty)] : path,
      e.keyword === 'additionalProperties',
    );
    lines.push(`${file}:${at.start.line}:${at.start.col}: ${line}`);
  }
  return lines.join('\n');
}

function what(e: ErrorObject, value: unknown): string {
  switch (e.keyword) {
    case 'additionalProperties':
      return `unknown field "${String(e.params.additionalProperty)}"`;
    case 'required':
      return `"${String(e.params.missingProperty)}" is missing`;
    case 'enum':
      return `${showValue(value)} is not one of ${(e.params.allowedValues as unknown[]).map((v) => showValue(v)).join(', ')}`;
    case 'const':
      return `${showValue(value)} is not ${showValue(e.params.allowedValue)}`;
    default:
      return `${showValue(value)}: ${e.message ?? 'is not valid'}`;
  }
}
