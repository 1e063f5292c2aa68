// Fault injection for chaos tests, decided by a seeded generator so a failing run can be replayed.
// The decision is pure; fault-layer.ts carries it out on the socket.
import { FieldReader, type Issue } from './input.js';
import type { RateLimit } from './rate-limit.js';
import { fail, ok, type Outcome } from './outcome.js';

export interface FaultOptions {
  /** Added to every API request (not to /__emulator). */
  latencyMs?: number;
  /** Extra uniform random latency in [0, latencyJitterMs). */
  latencyJitterMs?: number;
  /** Probability of answering 500 or 503 (half each) without running the handler. */
  errorRate?: number;
  /** Probability of answering 429 with Retry-After without running the handler. */
  rateLimitRate?: number;
  /** Retry-After for random 429s and 503s (seconds, default 1). */
  retryAfterSeconds?: number;
  /** Probability of destroying the connection before the handler runs (nothing changes). */
  dropRate?: number;
  /** Probability of running the handler, committing, then destroying the connection instead of answering. */
  dropAfterCommitRate?: number;
  /** Probability of sending the response body in slow chunks. */
  slowBodyRate?: number;
  /** Pause between slow-body chunks (ms, default 25). */
  slowBodyChunkDelayMs?: number;
  /** A deterministic token-bucket limit on the injected clock, answered with 429 + Retry-After. */
  rateLimit?: RateLimit;
  /** Seed of the fault dice (defaults to the emulator seed). */
  seed?: number;
}

export type FaultOutcome =
  | { readonly kind: 'pass' }
  | { readonly kind: 'status'; readonly status: 429 | 500 | 503; readonly retryAfterSeconds?: number }
  | { readonly kind: 'drop' }
  | { readonly kind: 'drop-after-commit' }
  | { readonly kind: 'slow-body'; readonly chunkDelayMs: number };

export interface FaultDecision {
  readonly latencyMs: number;
  readonly outcome: FaultOutcome;
}

/**
 * One die roll picks at most one fault, by cumulative probability in a fixed order, so the same seed and
 * options give the same sequence whatever order the options were written in.
 */
export function decideFault(options: FaultOptions, roll: () => number, rateLimitedFor?: number): FaultDecision {
  const jitter = options.latencyJitterMs ? roll() * options.latencyJitterMs : 0;
  const latencyMs = Math.round((options.latencyMs ?? 0) + jitter);
  const retryAfterSeconds = options.retryAfterSeconds ?? 1;
  if (rateLimitedFor !== undefined) return { latencyMs, outcome: { kind: 'status', status: 429, retryAfterSeconds: rateLimitedFor } };
  const r = roll();
  let edge = 0;
  const within = (p: number | undefined): boolean => {
    edge += p ?? 0;
    return r < edge;
  };
  if (within(options.dropRate)) return { latencyMs, outcome: { kind: 'drop' } };
  if (within(options.dropAfterCommitRate)) return { latencyMs, outcome: { kind: 'drop-after-commit' } };
  if (within(options.rateLimitRate)) return { latencyMs, outcome: { kind: 'status', status: 429, retryAfterSeconds } };
  if (within(options.errorRate)) {
    const status = roll() < 0.5 ? 500 : 503;
    return { latencyMs, outcome: status === 503 ? { kind: 'status', status, retryAfterSeconds } : { kind: 'status', status } };
  }
  if (within(options.slowBodyRate)) return { latencyMs, outcome: { kind: 'slow-body', chunkDelayMs: options.slowBodyChunkDelayMs ?? 25 } };
  return { latencyMs, outcome: { kind: 'pass' } };
}

/** Validates fault options sent to the admin endpoint. */
export function parseFaultOptions(body: unknown): Outcome<FaultOptions, readonly Issue[]> {
  const r = new FieldReader(body);
  const rate = (key: string) => r.number(key, { min: 0, max: 1 }) ?? undefined;
  const ms = (key: string) => r.number(key, { min: 0, max: 600_000 }) ?? undefined;
  const limit = r.object('rateLimit');
  const options: FaultOptions = {
    latencyMs: ms('latencyMs'),
    latencyJitterMs: ms('latencyJitterMs'),
    errorRate: rate('errorRate'),
    rateLimitRate: rate('rateLimitRate'),
    retryAfterSeconds: r.number('retryAfterSeconds', { integer: true, min: 0, max: 3600 }) ?? undefined,
    dropRate: rate('dropRate'),
    dropAfterCommitRate: rate('dropAfterCommitRate'),
    slowBodyRate: rate('slowBodyRate'),
    slowBodyChunkDelayMs: ms('slowBodyChunkDelayMs'),
    seed: r.number('seed', { integer: true }) ?? undefined,
  };
  if (limit) {
    const requestsPerSecond = limit.number('requestsPerSecond', { required: true, exclusiveMin: 0 });
    const burst = limit.number('burst', { integer: true, min: 1 }) ?? undefined;
    if (requestsPerSecond) options.rateLimit = burst ? { requestsPerSecond, burst } : { requestsPerSecond };
  }
  const total =
    (options.dropRate ?? 0) + (options.dropAfterCommitRate ?? 0) + (options.rateLimitRate ?? 0) + (options.errorRate ?? 0) + (options.slowBodyRate ?? 0);
  if (total > 1) r.add('(rates)', 'out_of_range', `the fault rates add up to ${total}; their sum must be at most 1`);
  if (r.issues.length > 0) return fail(r.issues);
  return ok(Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as FaultOptions);
}
