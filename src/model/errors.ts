// Expected operational failures: a few small typed errors. Users' config mistakes are
// diagnostics (returned, not thrown); anything else that escapes is a bug (InternalError).

/** Bad invocation: unknown flag, missing argument, conflicting options. Exit 64. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(message: string, readonly hint?: string) { super(message); }
}

/** A target API failed or answered something we cannot use. */
export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  constructor(message: string, readonly details: { provider?: string; status?: number; hint?: string } = {}, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A saved plan no longer matches live state. */
export class StalePlanError extends Error {
  override readonly name = 'StalePlanError';
  constructor(message: string, readonly changes: readonly string[] = []) { super(message); }
}

/** Something promoc itself got wrong: printed with the stack and a request to report it. */
export class InternalError extends Error {
  override readonly name = 'InternalError';
}
