// When to retry and how long to wait. Exponential backoff with full jitter (AWS Architecture Blog,
// "Exponential Backoff And Jitter"), never shorter than the server's Retry-After.

export interface BackoffPolicy {
  /** First retry waits up to this long (ms). */
  readonly baseMs: number;
  /** No single wait exceeds this (ms), except a longer Retry-After, which is honoured up to `maxRetryAfterMs`. */
  readonly capMs: number;
  /** A Retry-After longer than this is not waited for: the request fails instead (ms). */
  readonly maxRetryAfterMs: number;
  /** Attempts after the first. */
  readonly retries: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 250, capMs: 8_000, maxRetryAfterMs: 120_000, retries: 5 };

/** Retry-After as delta-seconds or an HTTP date → milliseconds from `nowMs`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** Full jitter: uniform in [0, min(cap, base · 2^attempt)], raised to Retry-After when the server asked for more. */
export function backoffDelay(policy: BackoffPolicy, attempt: number, random: () => number, retryAfterMs?: number): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** attempt);
  const jittered = Math.floor(random() * ceiling);
  return retryAfterMs === undefined ? jittered : Math.max(retryAfterMs, jittered);
}

export type RetryVerdict = 'retry' | 'refresh-auth' | 'fail';

/**
 * 429 is always safe to retry (the request was not processed). 5xx and network failures only for requests
 * that are safe to repeat: GET/PUT/DELETE, or a POST that carries an idempotency key.
 */
export function verdictFor(status: number | 'network', idempotent: boolean, authRefreshed: boolean): RetryVerdict {
  if (status === 429) return 'retry';
  if (status === 401) return authRefreshed ? 'fail' : 'refresh-auth';
  if (status === 'network' || status === 500 || status === 502 || status === 503 || status === 504) return idempotent ? 'retry' : 'fail';
  return 'fail';
}
