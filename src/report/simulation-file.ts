// A saved simulation (`promoc simulate --out`), read back only when its format version is the one this
// promoc writes and it matches schemas/simulation.schema.json, like a saved plan.
import { readSavedFile } from '../load/saved-file.js';
import type { Validator } from '../schema/validator.js';
import { SIMULATION_FORMAT, type SimulationReport } from '../simulate/types.js';
import { PromocError } from '../model/errors.js';

export class SimulationFileError extends PromocError {
  override readonly name = 'SimulationFileError';
  constructor(message: string, hint?: string) {
    super(message, { hint });
  }
}

/** The simulation in `text`, checked against schemas/simulation.schema.json; a SimulationFileError locating what is wrong otherwise. */
export function parseSimulationFile(text: string, file: string, validator: Validator): SimulationReport {
  return readSavedFile(text, file, validator, {
    kind: 'simulation',
    format: SIMULATION_FORMAT,
    noun: 'simulation',
    command: 'promoc simulate --out',
    error: (m, h) => new SimulationFileError(m, h),
  }) as unknown as SimulationReport;
}
