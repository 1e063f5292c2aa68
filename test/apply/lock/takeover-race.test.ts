// The takeover race: a lock whose holder is dead, three processes that want it at the same moment. Exactly
// one may hold it, every time, on both backends; the others are refused with the winner named.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@redis/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileLockBackend } from '../../../src/apply/lock/file-lock.js';
import { apiIdentity, lockKey } from '../../../src/apply/lock/identity.js';
import { startRedis, type RedisServer } from '../../../src/usage/__fixtures__/redis-server.js';
import { startContender, type Contender } from './contenders.js';

const TRIALS = 30;
let contenders: Contender[];
let dir: string;
let redis: RedisServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'promoc-lock-race-'));
  redis = await startRedis();
  contenders = [startContender(), startContender(), startContender()];
}, 60_000);
afterAll(async () => {
  await Promise.all(contenders.map((c) => c.exit()));
  await redis.stop();
  await rm(dir, { recursive: true, force: true });
});

/** A pid that is certainly gone: a process that ran and exited. */
function deadPid(): number {
  return spawnSync('true').pid!;
}

async function race(command: object): Promise<Record<string, unknown>[]> {
  const answers = await Promise.all(contenders.map((c) => c.send(command)));
  const winners = answers.filter((a) => a.ok === true);
  expect(winners, JSON.stringify(answers)).toHaveLength(1);
  const winner = winners[0]!;
  for (const loser of answers.filter((a) => a !== winner)) {
    expect(loser.error).toBeUndefined();
    // Refused with the holder named: the winner, never the dead one.
    expect((loser.holder as { token?: string } | null)?.token, JSON.stringify(loser)).toBe(winner.token);
  }
  await contenders.find((c) => c.pid === winner.pid)!.send({ op: 'release' });
  return answers;
}

describe('apply lock takeover race', () => {
  it(`file backend: a dead holder and three contenders, ${TRIALS} times: exactly one holder`, async () => {
    for (let trial = 0; trial < TRIALS; trial += 1) {
      const api = apiIdentity('lago', `https://lago.example.com/api/v1/t${trial}`, undefined);
      const dead = fileLockBackend({ dir, pid: deadPid(), host: hostname() });
      const left = await dead.acquire({ api, run: 'killed', target: 'a', now: new Date() });
      const answers = await race({ op: 'acquire', backend: 'file', dir, api });
      // The winner took the dead lock over, or linked a fresh one the moment the taker removed it.
      expect([left.holder.token, undefined]).toContain(answers.find((a) => a.ok)!.replaced);
    }
  }, 120_000);

  it('file backend: a holder killed with SIGKILL is taken over by exactly one of two contenders', async () => {
    const api = apiIdentity('promotions', 'https://promotions.example.com', 'acme');
    const victim = startContender();
    expect(await victim.send({ op: 'acquire', backend: 'file', dir, api })).toMatchObject({ ok: true });
    const refused = await contenders[0]!.send({ op: 'acquire', backend: 'file', dir, api });
    expect(refused).toMatchObject({ ok: false, holder: { pid: victim.pid } });
    await victim.kill();
    await race({ op: 'acquire', backend: 'file', dir, api });
  }, 60_000);

  it(`redis backend: an expired holder and three contenders, ${TRIALS} times: exactly one holder`, async () => {
    const client = createClient({ url: redis.url });
    await client.connect();
    try {
      for (let trial = 0; trial < TRIALS; trial += 1) {
        const api = apiIdentity('lago', `https://lago.example.com/api/v1/r${trial}`, undefined);
        const key = `promoc:apply-lock:${lockKey(api)}`;
        // What a killed holder leaves: its key, no longer renewed, about to expire.
        await client.set(
          key,
          JSON.stringify({ pid: deadPid(), host: 'ci-2', run: 'killed', target: 'a', since: new Date().toISOString(), token: 'dead', fence: 1 }),
          { PX: 60 },
        );
        await new Promise((r) => setTimeout(r, 80));
        const answers = await race({ op: 'acquire', backend: 'redis', url: redis.url, api });
        const fences = answers.map((a) => (a.ok ? undefined : (a.holder as { fence: number }).fence)).filter((f) => f !== undefined);
        expect(new Set(fences).size).toBe(1);
      }
    } finally {
      await client.close();
    }
  }, 120_000);
});
