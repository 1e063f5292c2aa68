// The Redis store against a real redis-server started for this file: the shared contract, then
// what only a shared store must do — hold limits under concurrency from two connections (two
// engine instances), and return the capacity of reservations nobody settles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type RedisServer } from '../__fixtures__/redis-server.js';
import { runUsageContract } from '../__fixtures__/usage-contract.js';
import { connectRedis, type ClosableConnection } from './client.js';
import { redisUsage, type RedisUsage, type RedisUsageOptions } from './redis-usage.js';

let server: RedisServer;
let one: ClosableConnection;
let two: ClosableConnection;
let n = 0;

beforeAll(async () => {
  server = await startRedis();
  [one, two] = await Promise.all([connectRedis({ url: server.url }), connectRedis({ url: server.url })]);
});

afterAll(async () => {
  await Promise.all([one?.close(), two?.close()]);
  await server?.stop();
});

/** Two stores over two connections sharing one fresh key prefix: two engine instances. */
function instances(options: RedisUsageOptions = {}): [RedisUsage, RedisUsage] {
  const prefix = `test${++n}`;
  return [redisUsage(one, { prefix, ...options }), redisUsage(two, { prefix, ...options })];
}

runUsageContract({
  name: 'redis',
  async make(seed) {
    const [store] = instances();
    if (seed) await store.seed(seed);
    return store;
  },
});

const P = 'Promotion/p';
const many = (k: number, f: (i: number) => Promise<{ ok: boolean }>) => Promise.all(Array.from({ length: k }, (_, i) => f(i)));

describe('redisUsage across instances', () => {
  it('lets exactly one of 2 × 50 concurrent reservations take the last redemption', async () => {
    const [a, b] = instances();
    await a.seed({ [P]: { redemptions: 99 } });
    const limits = { redemptions: 100 };
    const results = (
      await Promise.all([
        many(50, (i) => a.reserve({ campaign: P, customerId: `a${i}`, amount: 0, limits })),
        many(50, (i) => b.reserve({ campaign: P, customerId: `b${i}`, amount: 0, limits })),
      ])
    ).flat();
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toHaveLength(99);
    expect((await b.read([P])).get(P)?.redemptions).toBe(100);
  });

  it('lets one customer take a per-customer limit once however many instances try', async () => {
    const [a, b] = instances();
    const limits = { perCustomer: 1 };
    const results = (
      await Promise.all([
        many(50, () => a.reserve({ campaign: P, customerId: 'rider', amount: 0, limits })),
        many(50, () => b.reserve({ campaign: P, customerId: 'rider', amount: 0, limits })),
      ])
    ).flat();
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect((await a.read([P], 'rider')).get(P)).toEqual({ redemptions: 1, customerRedemptions: 1, budgetSpent: 0 });
  });

  it('never overspends a budget under concurrent amounts', async () => {
    const [a, b] = instances();
    const limits = { budget: { minor: 1000, currency: 'EUR' } };
    // 100 × 30 against 1000: exactly 33 fit (990), whoever wins the races.
    const results = (
      await Promise.all([many(50, () => a.reserve({ campaign: P, amount: 30, limits })), many(50, () => b.reserve({ campaign: P, amount: 30, limits }))])
    ).flat();
    expect(results.filter((r) => r.ok)).toHaveLength(33);
    expect((await a.read([P])).get(P)?.budgetSpent).toBe(990);
  });

  it('gives a released reservation to the other instance', async () => {
    const [a, b] = instances();
    const limits = { redemptions: 1, budget: { minor: 500, currency: 'EUR' } };
    const first = await a.reserve({ campaign: P, amount: 500, limits });
    expect(await b.reserve({ campaign: P, amount: 1, limits })).toEqual({ ok: false, reason: 'redemption limit 1 reached' });
    if (first.ok) expect(await a.release(first.id)).toEqual({ ok: true });
    expect((await b.reserve({ campaign: P, amount: 500, limits })).ok).toBe(true);
  });
});

describe('redisUsage expiry', () => {
  it('returns the capacity of a reservation nobody settles once its TTL passes', async () => {
    let now = 1_000_000;
    const [a, b] = instances({ ttlMs: 1000, now: () => now });
    const limits = { redemptions: 1, perCustomer: 1, budget: { minor: 100, currency: 'EUR' } };
    const crashed = await a.reserve({ campaign: P, customerId: 'rider', amount: 100, limits });
    expect(crashed.ok).toBe(true);
    now += 999;
    expect((await b.reserve({ campaign: P, customerId: 'rider', amount: 100, limits })).ok).toBe(false);
    now += 1;
    expect((await b.read([P], 'rider')).get(P)).toEqual({ redemptions: 0, customerRedemptions: 0, budgetSpent: 0 });
    expect((await b.reserve({ campaign: P, customerId: 'rider', amount: 100, limits })).ok).toBe(true);
    if (crashed.ok) expect((await a.commit(crashed.id)).ok).toBe(false);
  });

  it('still commits a hold past its TTL that nobody has reclaimed', async () => {
    let now = 0;
    const [a] = instances({ ttlMs: 10, now: () => now });
    const r = await a.reserve({ campaign: P, amount: 5, limits: {} });
    now = 50;
    if (r.ok) expect(await a.commit(r.id)).toEqual({ ok: true });
    expect((await a.read([P])).get(P)?.budgetSpent).toBe(5);
  });

  it('expires by the Redis server clock when no clock is given', async () => {
    const [a] = instances({ ttlMs: 200 });
    expect((await a.reserve({ campaign: P, amount: 0, limits: { redemptions: 1 } })).ok).toBe(true);
    expect((await a.reserve({ campaign: P, amount: 0, limits: { redemptions: 1 } })).ok).toBe(false);
    await new Promise((r) => setTimeout(r, 250));
    expect((await a.reserve({ campaign: P, amount: 0, limits: { redemptions: 1 } })).ok).toBe(true);
  });
});
