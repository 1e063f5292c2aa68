// The store's expected failures. A reservation refused by a limit is not one of them: that is data
// (`{ ok: false, reason }`). These are the store being unreachable, answering something we cannot
// read, or being called with a request no store could honour.
import { PromocError } from '../model/errors.js';

export type UsageStoreErrorCode = 'unavailable' | 'reply' | 'request';

export class UsageStoreError extends PromocError {
  override readonly name = 'UsageStoreError';
  constructor(
    readonly code: UsageStoreErrorCode,
    message: string,
    hint?: string,
    options?: { cause?: unknown },
  ) {
    super(message, { hint, cause: options?.cause });
  }
}
