import type { Command } from 'commander';
import type { Io } from './io.js';

/** What every command gets: the injected terminal/environment and a way to set the exit code. */
export interface CliContext {
  readonly io: Io;
  setExitCode(code: number): void;
}

/** One command file registers itself on the program; its heavy code is imported inside the action. */
export type RegisterCommand = (program: Command, ctx: CliContext) => void;

/** Documented exit codes. */
export const EXIT = {
  ok: 0,
  /** validation/lint errors, failed apply, provider error */
  failure: 1,
  /** plan: changes present (terraform -detailed-exitcode) */
  changes: 2,
  /** bad invocation (sysexits EX_USAGE) */
  usage: 64,
  /** a bug in promoc (sysexits EX_SOFTWARE) */
  internal: 70,
} as const;
