// The one family of expected errors: a failure the user can act on (a bad invocation, a refused bundle, an
// API that said no, a held lock), carrying the exit status the CLI ends with and a hint. The CLI prints any
// of them in one place; anything else that escapes is a bug (exit 70). It lives in the engine, the one layer
// everything may import, so the engine's own errors belong to the family too.
export class PromocError extends Error {
  override readonly name: string = 'PromocError';
  /** 1: an operation failed or input was refused; 64: a bad invocation. */
  readonly exitStatus: number;
  /** How to fix it, printed under the message. */
  readonly hint?: string;

  constructor(message: string, options: { readonly hint?: string | undefined; readonly exitStatus?: number; readonly cause?: unknown } = {}) {
    super(message, options.cause !== undefined ? { cause: options.cause } : undefined);
    this.exitStatus = options.exitStatus ?? 1;
    if (options.hint !== undefined) this.hint = options.hint;
  }

  /** Lines printed under the message and hint (a stale plan's changes). */
  detailLines(): readonly string[] {
    return [];
  }
}
