// The store's expected failures. A reservation refused by a limit is not one of them: that is data
// (`{ ok: false, reason }`). These are the store being unreachable, answering something we cannot
// read, or being called with a request no store could honour.

export type UsageStoreErrorCode = 'unavailable' | 'reply' | 'request';

export class UsageStoreError extends Error {
  override readonly name = 'UsageStoreError';
  constructor(readonly code: UsageStoreErrorCode, message: string, readonly hint?: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
