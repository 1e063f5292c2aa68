// The Redis store's edges: random sequences compared step by step with the in-memory reference,
// the engine reading counters through withUsage, the key layout, the script cache being flushed,
// bad requests, foreign data and a server that goes away.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aContext, aPromotion, engineFor } from '../../../test/fixtures/engine/builders.js';
import type { ReservationRequest } from '../../engine/index.js';
import { startRedis, type RedisServer } from '../__fixtures__/redis-server.js';
import { memoryStore } from '../memory-store.js';
import type { UsageStore } from '../store.js';
import { withUsage } from '../with-usage.js';
import { connectRedis, type ClosableConnection } from './client.js';
import { redisUsage } from './redis-usage.js';

let server: RedisServer;
let conn: ClosableConnection;
let n = 0;
const fresh = (prefix = `edge${++n}`) => redisUsage(conn, { prefix });

beforeAll(async () => {
  server = await startRedis();
  conn = await connectRedis({ url: server.url });
});

afterAll(async () => {
  await conn?.close();
  await server?.stop();
});

type Op = { op: 'reserve'; request: ReservationRequest } | { op: 'commit' | 'release'; index: number } | { op: 'read'; customerId?: string };

const anOp: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .record(
        {
          campaign: fc.constantFrom('Promotion/p', 'Promotion/q'),
          customerId: fc.option(fc.constantFrom('a', 'b', 'c'), { nil: undefined }),
          amount: fc.nat(400),
          limits: fc.record(
            { redemptions: fc.nat(5), perCustomer: fc.nat(3), budget: fc.record({ minor: fc.nat(1000), currency: fc.constant('EUR') }) },
            { requiredKeys: [] },
          ),
        },
        { requiredKeys: ['campaign', 'amount', 'limits'] },
      )
      .map((request): Op => ({ op: 'reserve', request })),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constantFrom('commit' as const, 'release' as const), index: fc.nat(12) }) },
  { weight: 1, arbitrary: fc.option(fc.constantFrom('a', 'b'), { nil: undefined }).map((customerId): Op => ({ op: 'read', customerId })) },
);

/** Plays the ops; ids differ between stores, so a reservation is named by its position. */
async function play(store: UsageStore, ops: readonly Op[]): Promise<unknown[]> {
  const ids: string[] = [];
  const out: unknown[] = [];
  for (const o of ops) {
    if (o.op === 'reserve') {
      const r = await store.reserve(o.request);
      out.push(r.ok ? `ok #${ids.push(r.id) - 1}` : r.reason);
    } else if (o.op === 'read') {
      out.push(Object.fromEntries(await store.read(['Promotion/p', 'Promotion/q'], o.customerId)));
    } else {
      const s = await store[o.op](ids[o.index] ?? 'unknown');
      out.push(s.ok);
    }
  }
  return out;
}

describe('redisUsage against the in-memory reference', () => {
  it('gives the same result at every step of random sequences', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anOp, { maxLength: 30 }), async (ops) => {
        expect(await play(fresh(), ops)).toEqual(await play(memoryStore(), ops));
      }),
      { seed: 71, numRuns: 60 },
    );
  });
});

describe('redisUsage with the engine', () => {
  it('feeds evaluate() its counters and takes what it applied', async () => {
    const engine = engineFor([
      aPromotion('limited', { code: 'A', limits: { redemptions: 1, budget: { amount: '5.00', currency: 'EUR' } }, benefits: [{ percentOff: 50 }] }),
    ]);
    const store = fresh();
    const price = (id: string) => withUsage(store, id, (usage) => engine.evaluate(aContext({ codes: ['A'], customer: { id }, usage })));
    const first = await price('rider-1');
    expect(first.applied.map((a) => [a.campaign, a.amount])).toEqual([['Promotion/limited', 500]]);
    const taken = await store.reserve({
      campaign: 'Promotion/limited',
      customerId: 'rider-1',
      amount: 500,
      limits: engine.campaign('Promotion/limited')!.limits,
    });
    if (taken.ok) await store.commit(taken.id);
    expect((await price('rider-2')).rejected).toEqual([{ campaign: 'Promotion/limited', reason: 'redemption limit 1 reached' }]);
  });
});

describe('redisUsage keys and scripts', () => {
  it('keeps one campaign in one hash tag, with the documented keys', async () => {
    const store = fresh('layout');
    await store.reserve({ campaign: 'Promotion/a{b}', customerId: 'c', amount: 1, limits: {} });
    const keys = (await conn.send(['KEYS', 'layout:*'])) as string[];
    expect(keys.sort()).toEqual(['customers', 'expiry', 'holds', 'totals'].map((k) => `layout:{Promotion/a%7Bb%7D}:${k}`));
    expect(await conn.send(['HGETALL', 'layout:{Promotion/a%7Bb%7D}:holds'])).toEqual({ 'Promotion/a{b}#1': '1:c' });
  });

  it('loads its scripts again after the server forgot them', async () => {
    const store = fresh();
    await conn.send(['SCRIPT', 'FLUSH']);
    expect((await store.reserve({ campaign: 'Promotion/p', amount: 0, limits: {} })).ok).toBe(true);
  });

  it('reports ids no reserve made as not held', async () => {
    const store = fresh();
    const settled = await Promise.all(['x', '#1', 'Promotion/p#0', 'Promotion/p#01', 'Promotion/p#9'].map((id) => store.commit(id)));
    expect(settled.map((s) => s.ok)).toEqual([false, false, false, false, false]);
  });
});

describe('redisUsage failures', () => {
  it('refuses amounts and limits Lua would misread', async () => {
    const store = fresh();
    for (const amount of [-1, 1.5, 2 ** 53, Number.NaN]) {
      await expect(store.reserve({ campaign: 'Promotion/p', amount, limits: {} })).rejects.toMatchObject({ name: 'UsageStoreError', code: 'request' });
    }
    await expect(store.reserve({ campaign: 'Promotion/p', amount: 1, limits: { redemptions: 0.5 } })).rejects.toThrow(
      'limits.redemptions 0.5 is not a whole number',
    );
    expect(() => redisUsage(conn, { prefix: 'a{b}' })).toThrow('has braces');
    expect(() => redisUsage(conn, { ttlMs: 0 })).toThrow('ttlMs 0 is not a positive integer');
  });

  it('reports foreign data under its prefix as a bad reply', async () => {
    await conn.send(['SET', 'foreign:{Promotion/p}:totals', 'not a hash']);
    await expect(fresh('foreign').reserve({ campaign: 'Promotion/p', amount: 0, limits: {} })).rejects.toMatchObject({
      code: 'reply',
      message: expect.stringContaining('WRONGTYPE'),
    });
  });

  it('fails fast, as unavailable, when the server is gone or never was', async () => {
    const other = await startRedis();
    const c = await connectRedis({ url: other.url });
    await other.stop();
    await expect(redisUsage(c).reserve({ campaign: 'Promotion/p', amount: 0, limits: {} })).rejects.toMatchObject({ code: 'unavailable' });
    await c.close().catch(() => undefined);
    await expect(connectRedis({ url: other.url })).rejects.toMatchObject({ code: 'unavailable', message: expect.stringContaining('cannot connect to Redis') });
  });
});
