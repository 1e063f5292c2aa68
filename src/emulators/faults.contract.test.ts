// Fault injection over real HTTP on every family: each answers injected errors in its own error shape.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulators, type ProviderId, type RunningEmulators } from './index.js';
import { call, fakeClock, obj } from './shared/testing.js';

const clock = fakeClock('2027-01-15T10:00:00Z');
const slept: number[] = [];
let emulators: RunningEmulators;

// An authenticated, harmless read per family (mobility's 401 is fine: faults hit before auth).
const probe: Record<ProviderId, { path: string; headers: Record<string, string> }> = {
  'ev-billing': { path: '/api/v1/billing/promotional-codes', headers: { authorization: 'Bearer dyn_test_promoc' } },
  mobility: { path: '/v1/demo/voucherables', headers: {} },
  promotions: { path: '/v1/promotions', headers: { authorization: 'Bearer kt_test_promoc' } },
  lago: { path: '/api/v1/coupons', headers: { authorization: 'Bearer lago_test_promoc' } },
};
const hit = (p: ProviderId) => call(`${emulators.endpoint(p).baseUrl}${probe[p].path}`, { headers: probe[p].headers });

beforeAll(async () => {
  emulators = await startEmulators({
    now: clock.now,
    seed: 21,
    sleep: async (ms) => {
      slept.push(ms);
    },
  });
});
afterAll(() => emulators.close());
beforeEach(() => {
  slept.length = 0;
  for (const p of ['ev-billing', 'mobility', 'promotions', 'lago'] as const) emulators.control(p).setFaults(undefined);
});

describe('injected statuses', () => {
  it('answers 429 with Retry-After in each family error shape', async () => {
    for (const p of ['ev-billing', 'mobility', 'promotions', 'lago'] as const) emulators.control(p).setFaults({ rateLimitRate: 1, retryAfterSeconds: 7 });
    const shapes = await Promise.all(
      (['ev-billing', 'mobility', 'promotions', 'lago'] as const).map(async (p) => {
        const r = await hit(p);
        expect(r.status).toBe(429);
        expect(r.headers.get('retry-after')).toBe('7');
        return obj(r.body);
      }),
    );
    expect(obj(shapes[0]?.error).code).toBe('rate_limited');
    expect(shapes[1]).toMatchObject({ errorCode: 'R429', httpStatus: 429 });
    expect(shapes[2]).toMatchObject({ status: 429, code: 'RATE_LIMITED', instance: '/v1/promotions' });
    expect(shapes[3]).toEqual({ status: 429, error: 'Too Many Requests' });
  });

  it('answers 500/503 from a seeded die, reproducibly', async () => {
    const run = async () => {
      emulators.control('lago').setFaults({ errorRate: 0.5, seed: 4 });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await hit('lago')).status);
      return statuses;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(first.some((s) => s === 200)).toBe(true);
    expect(first.some((s) => s === 500 || s === 503)).toBe(true);
  });

  it('enforces a token-bucket rate limit on the injected clock', async () => {
    emulators.control('promotions').setFaults({ rateLimit: { requestsPerSecond: 2 } });
    expect((await hit('promotions')).status).toBe(200);
    expect((await hit('promotions')).status).toBe(200);
    const limited = await hit('promotions');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    clock.advance(1000);
    expect((await hit('promotions')).status).toBe(200);
  });

  it('never faults the /__emulator test controls', async () => {
    emulators.control('lago').setFaults({ dropRate: 1 });
    expect((await call(`${emulators.endpoint('lago').adminUrl}/faults`)).status).toBe(200);
  });
});

describe('connections and timing', () => {
  it('drops the connection before the handler runs: nothing changes', async () => {
    const ev = emulators.endpoint('ev-billing');
    emulators.control('ev-billing').setFaults({ dropRate: 1 });
    await expect(
      fetch(`${ev.baseUrl}/api/v1/billing/promotional-codes`, {
        method: 'POST',
        headers: { authorization: 'Bearer dyn_test_promoc', 'content-type': 'application/json' },
        body: JSON.stringify({ code: 'DROPPED', discount_type: 'percent', discount_value: 5 }),
      }),
    ).rejects.toThrow();
    emulators.control('ev-billing').setFaults(undefined);
    expect(obj((await hit('ev-billing')).body).total).toBe(0);
  });

  it('drops the connection after the handler committed: the change exists', async () => {
    const ev = emulators.endpoint('ev-billing');
    await emulators.control('ev-billing').reset();
    emulators.control('ev-billing').setFaults({ dropAfterCommitRate: 1 });
    await expect(
      fetch(`${ev.baseUrl}/api/v1/billing/promotional-codes`, {
        method: 'POST',
        headers: { authorization: 'Bearer dyn_test_promoc', 'content-type': 'application/json' },
        body: JSON.stringify({ code: 'GHOST', discount_type: 'percent', discount_value: 5 }),
      }),
    ).rejects.toThrow();
    emulators.control('ev-billing').setFaults(undefined);
    expect(obj((await hit('ev-billing')).body).total).toBe(1);
    await emulators.control('ev-billing').reset();
  });

  it('adds latency and slow bodies through the injected sleep', async () => {
    emulators.control('lago').setFaults({ latencyMs: 20, slowBodyRate: 1, slowBodyChunkDelayMs: 5 });
    const r = await hit('lago');
    expect(r.status).toBe(200);
    expect(obj(r.body).coupons).toEqual([]);
    expect(slept[0]).toBe(20);
    expect(slept.slice(1).every((ms) => ms === 5)).toBe(true);
    expect(slept.length).toBeGreaterThan(1);
  });

  it('accepts fault options through the admin endpoint and validates them', async () => {
    const admin = emulators.endpoint('mobility').adminUrl;
    expect((await call(`${admin}/faults`, { method: 'PUT', body: { errorRate: 2 } })).status).toBe(400);
    expect((await call(`${admin}/faults`, { method: 'PUT', body: { errorRate: 1 } })).status).toBe(200);
    expect([500, 503]).toContain((await hit('mobility')).status);
    expect((await call(`${admin}/faults`, { method: 'DELETE' })).status).toBe(200);
    expect((await hit('mobility')).status).toBe(401);
  });
});
