// The engine's two expected failures. A bundle that cannot be trusted or read is refused whole
// (BundleError); a context the caller built wrongly is refused per call (ContextError). Messages
// quote the bad value; `hint` says how to fix it.
import { PromocError } from './promoc-error.js';

export type BundleErrorCode = 'too-large' | 'parse' | 'shape' | 'format-version' | 'digest' | 'signature' | 'stale';

export class BundleError extends PromocError {
  override readonly name = 'BundleError';
  constructor(
    readonly code: BundleErrorCode,
    message: string,
    hint?: string,
    options?: { cause?: unknown },
  ) {
    super(message, { hint, cause: options?.cause });
  }
}

export class ContextError extends PromocError {
  override readonly name = 'ContextError';
  /** Where in the context, e.g. `lines[2].amount`. */
  constructor(
    readonly path: string,
    message: string,
    hint?: string,
  ) {
    super(`${path}: ${message}`, { hint });
  }
}
