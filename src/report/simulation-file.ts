// A saved simulation (`promoc simulate --out`), read back only when its format version is the one this
// promoc writes and it matches schemas/simulation.schema.json, like a saved plan.
import { describeSavedFileErrors } from '../schema/saved-file.js';
import type { Validator } from '../schema/validator.js';
import { SIMULATION_FORMAT, type SimulationReport } from '../simulate/types.js';

export class SimulationFileError extends Error {
  override readonly name = 'SimulationFileError';
  constructor(message: string, readonly hint?: string) { super(message); }
}

const REQUIRED = ['base', 'head', 'sessions', 'errors', 'campaigns', 'totals', 'geofences', 'daily'] as const;

/** The simulation in `text`, checked against schemas/simulation.schema.json; a SimulationFileError locating what is wrong otherwise. */
export function parseSimulationFile(text: string, file: string, validator: Validator): SimulationReport {
  let value: unknown;
  try { value = JSON.parse(text); } catch (e) {
    throw new SimulationFileError(`${file} is not JSON: ${(e as Error).message}`, 'Pass the file written by `promoc simulate --out`.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new SimulationFileError(`${file} is not a promoc simulation`, 'Pass the file written by `promoc simulate --out`.');
  const o = value as Record<string, unknown>;
  if (o.formatVersion !== SIMULATION_FORMAT) {
    throw new SimulationFileError(`${file} has simulation format ${JSON.stringify(o.formatVersion ?? null)}; this promoc reads ${SIMULATION_FORMAT}`, 'Re-run `promoc simulate --out` with this version of promoc.');
  }
  const missing = REQUIRED.filter((k) => !(k in o));
  if (missing.length > 0 || !Array.isArray(o.campaigns)) throw new SimulationFileError(`${file} is missing ${missing.join(', ') || 'campaigns'}`, 'The file is damaged; re-run `promoc simulate --out`.');
  const errors = validator.validateSaved('simulation', o);
  if (errors.length > 0) throw new SimulationFileError(`${file} is not a simulation this promoc wrote:\n${describeSavedFileErrors(file, text, o, errors)}`, 'The file is damaged or was edited by hand; re-run `promoc simulate --out`.');
  return o as unknown as SimulationReport;
}
