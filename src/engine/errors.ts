// The engine's two expected failures. A bundle that cannot be trusted or read is refused whole
// (BundleError); a context the caller built wrongly is refused per call (ContextError). Messages
// quote the bad value; `hint` says how to fix it.

export type BundleErrorCode = 'too-large' | 'parse' | 'shape' | 'format-version' | 'digest' | 'signature' | 'stale';

export class BundleError extends Error {
  override readonly name = 'BundleError';
  constructor(readonly code: BundleErrorCode, message: string, readonly hint?: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export class ContextError extends Error {
  override readonly name = 'ContextError';
  /** Where in the context, e.g. `lines[2].amount`. */
  constructor(readonly path: string, message: string, readonly hint?: string) {
    super(`${path}: ${message}`);
  }
}
