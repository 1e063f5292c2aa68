// A token bucket on the injected clock: the emulator's own rate limit (e.g. 50 requests/s for the apply
// benchmark), answered with 429 and a Retry-After that says when a token will be back.

export interface Bucket {
  readonly tokens: number;
  readonly updatedMs: number;
}

export interface RateLimit {
  readonly requestsPerSecond: number;
  /** Bucket size; defaults to one second's worth of requests. */
  readonly burst?: number;
}

export function takeToken(bucket: Bucket | undefined, nowMs: number, limit: RateLimit): { bucket: Bucket; allowed: boolean; retryAfterSeconds: number } {
  const capacity = Math.max(1, limit.burst ?? limit.requestsPerSecond);
  const elapsed = bucket ? Math.max(0, nowMs - bucket.updatedMs) / 1000 : 0;
  const tokens = bucket ? Math.min(capacity, bucket.tokens + elapsed * limit.requestsPerSecond) : capacity;
  if (tokens >= 1) return { bucket: { tokens: tokens - 1, updatedMs: nowMs }, allowed: true, retryAfterSeconds: 0 };
  const retryAfterSeconds = Math.max(1, Math.ceil((1 - tokens) / limit.requestsPerSecond));
  return { bucket: { tokens, updatedMs: nowMs }, allowed: false, retryAfterSeconds };
}
