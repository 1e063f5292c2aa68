// Expected operational failures: members of the one PromocError family, each with its exit status and hint.
// Users' config mistakes are diagnostics (returned, not thrown); anything else that escapes is a bug.
import { PromocError } from '../engine/promoc-error.js';

export { PromocError };

/** A bad command line: unknown flag, missing argument, conflicting options (not to be confused with usage/, the redemption limits). Exit 64. */
export class InvocationError extends PromocError {
  override readonly name = 'InvocationError';
  constructor(message: string, hint?: string) {
    super(message, { hint, exitStatus: 64 });
  }
}

/** A target API failed or answered something we cannot use. */
export class ProviderError extends PromocError {
  override readonly name = 'ProviderError';
  constructor(
    message: string,
    readonly details: { provider?: string; status?: number; hint?: string } = {},
    options?: { cause?: unknown },
  ) {
    super(message, { hint: details.hint, cause: options?.cause });
  }
}

/** A saved plan no longer matches live state. */
export class StalePlanError extends PromocError {
  override readonly name = 'StalePlanError';
  constructor(
    message: string,
    readonly changes: readonly string[] = [],
  ) {
    super(message);
  }
  override detailLines(): readonly string[] {
    return this.changes.map((c) => `  - ${c}`);
  }
}

/** Something promoc itself got wrong: deliberately outside the family, printed with the stack and a request to report it. */
export class InternalError extends Error {
  override readonly name = 'InternalError';
}
