import type { Command } from 'commander';
import type { DebugLog } from '../model/debug-log.js';
import type { Io } from './io.js';

/** What every command gets: the injected terminal/environment, the debug log and a way to set the exit code. */
export interface CliContext {
  readonly io: Io;
  /** Silent unless `--debug` or PROMOC_DEBUG; commands pass it down to what loads, resolves and calls APIs. */
  readonly debug: DebugLog;
  /** Called when commander parses the global `--debug` (after the commands were registered with this context). */
  enableDebug(): void;
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
