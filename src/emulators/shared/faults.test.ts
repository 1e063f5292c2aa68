import { describe, expect, it } from 'vitest';
import { decideFault, parseFaultOptions } from './faults.js';
import { takeToken } from './rate-limit.js';
import { seededRandom } from './random.js';

describe('decideFault', () => {
  it('passes everything with no faults configured', () => {
    expect(decideFault({}, () => 0)).toEqual({ latencyMs: 0, outcome: { kind: 'pass' } });
  });

  it('picks faults by cumulative probability from one roll', () => {
    const opts = { dropRate: 0.1, dropAfterCommitRate: 0.1, rateLimitRate: 0.1, errorRate: 0.1, slowBodyRate: 0.1, retryAfterSeconds: 2 };
    expect(decideFault(opts, () => 0.05).outcome).toEqual({ kind: 'drop' });
    expect(decideFault(opts, () => 0.15).outcome).toEqual({ kind: 'drop-after-commit' });
    expect(decideFault(opts, () => 0.25).outcome).toEqual({ kind: 'status', status: 429, retryAfterSeconds: 2 });
    const rolls = [0.35, 0.1];
    expect(decideFault(opts, () => rolls.shift() ?? 0).outcome).toEqual({ kind: 'status', status: 500 });
    expect(decideFault(opts, () => 0.45).outcome.kind).toBe('slow-body');
    expect(decideFault(opts, () => 0.55).outcome).toEqual({ kind: 'pass' });
  });

  it('is reproducible from a seed and roughly honours the rates', () => {
    const run = () => {
      const r = seededRandom(9);
      return Array.from({ length: 1000 }, () => decideFault({ errorRate: 0.1 }, () => r.next()).outcome.kind);
    };
    const a = run();
    expect(run()).toEqual(a);
    const errors = a.filter((k) => k === 'status').length;
    expect(errors).toBeGreaterThan(60);
    expect(errors).toBeLessThan(140);
  });

  it('answers 429 when the token bucket is empty', () => {
    let t = takeToken(undefined, 0, { requestsPerSecond: 2 });
    t = takeToken(t.bucket, 0, { requestsPerSecond: 2 });
    const third = takeToken(t.bucket, 0, { requestsPerSecond: 2 });
    expect(third.allowed).toBe(false);
    expect(third.retryAfterSeconds).toBe(1);
    expect(takeToken(third.bucket, 500, { requestsPerSecond: 2 }).allowed).toBe(true);
    expect(decideFault({}, () => 0.5, 3).outcome).toEqual({ kind: 'status', status: 429, retryAfterSeconds: 3 });
  });
});

describe('parseFaultOptions', () => {
  it('accepts valid options and rejects out-of-range ones', () => {
    expect(parseFaultOptions({ errorRate: 0.1, rateLimit: { requestsPerSecond: 50 } })).toEqual({
      ok: true,
      value: { errorRate: 0.1, rateLimit: { requestsPerSecond: 50 } },
    });
    const bad = parseFaultOptions({ errorRate: 2, dropRate: 'x' });
    expect(bad.ok).toBe(false);
  });
});
