// The executor against a tiny in-memory coupon API (Lago's shape) behind the real HttpClient, with faults
// scripted per request: no network, no real time.
import { describe, expect, it } from 'vitest';
import { HttpClient, type HttpDeps } from '../providers/http/client.js';
import type { LiveObject } from '../providers/provider.js';
import { compileCalls } from './plan-to-calls.js';
import { lagoAdapter } from '../providers/lago/writes.js';
import { executeGraph, type Api, type ExecuteInput } from './execute.js';
import { parseJournal, type JournalRecord } from './journal-records.js';
import { aLiveObject, anAction, aPlan } from '../../test/fixtures/apply/builders.js';

type Fault = 'lost-after-commit' | 'lost-before' | '503' | '422';

function fakeLago(faults: Readonly<Record<number, Fault>> = {}) {
  const coupons = new Map<string, { code: string; owner: string }>();
  const posts: string[] = [];
  const keys: (string | undefined)[] = [];
  let n = 0;
  const deps: HttpDeps = {
    now: () => 0,
    sleep: async () => undefined,
    random: () => 0.5,
    timeout: () => new AbortController().signal,
    fetch: async (url, init) => {
      const fault = faults[n++];
      const body = init.body ? (JSON.parse(String(init.body)) as { coupon: { code: string; name: string } }) : undefined;
      if (fault === 'lost-before') throw new TypeError('fetch failed');
      if (fault === '503') return new Response('{}', { status: 503 });
      if (fault === '422')
        return new Response(JSON.stringify({ error: 'Unprocessable Entity', error_details: { amount_cents: ['value_is_invalid'] } }), { status: 422 });
      if (init.method === 'POST' && body) {
        keys.push((init.headers as Record<string, string>)['idempotency-key']);
        posts.push(body.coupon.code);
        if (coupons.has(body.coupon.code)) return new Response(JSON.stringify({ error_details: { code: ['value_already_exist'] } }), { status: 422 });
        coupons.set(body.coupon.code, { code: body.coupon.code, owner: body.coupon.name });
        if (fault === 'lost-after-commit') throw new TypeError('other side closed');
        return new Response(JSON.stringify({ coupon: { code: body.coupon.code } }), { status: 200 });
      }
      throw new Error(`unexpected ${init.method} ${url}`);
    },
  };
  const client = new HttpClient({ provider: 'lago', baseUrl: 'http://lago', deps });
  const api: Api = {
    client,
    concurrency: 1,
    read: async () => ({ pages: 1, objects: [...coupons.values()].map((c): LiveObject => aLiveObject({ id: c.code, name: c.owner, key: c.code })) }),
  };
  return { api, coupons, posts, keys, deps };
}

const create = (name: string) => anAction({ action: 'create', provider: 'lago', name, key: name.toUpperCase(), payload: { code: name.toUpperCase(), name } });

async function run(fake: ReturnType<typeof fakeLago>, names: string[], prior?: ReturnType<typeof parseJournal>, adapters?: ExecuteInput['adapters']) {
  const { graph } = compileCalls(aPlan(names.map(create)));
  const journal: JournalRecord[] = [];
  const table = await executeGraph({
    graph,
    run: 'r1',
    apis: new Map([['lago', fake.api]]),
    record: async (r) => {
      journal.push(r);
    },
    now: () => new Date(0),
    sleep: fake.deps.sleep,
    random: () => 0.5,
    ...(prior ? { prior } : {}),
    ...(adapters ? { adapters } : {}),
  });
  return { graph, table, journal };
}

describe('executeGraph', () => {
  it('settles a create whose answer was lost by reading: committed means done, never sent twice', async () => {
    const fake = fakeLago({ 0: 'lost-after-commit' });
    const { graph, table, journal } = await run(fake, ['a', 'b']);
    expect(graph.steps.map((s) => table.state(s.id))).toEqual(['done', 'done']);
    expect(fake.posts).toEqual(['A', 'B']);
    expect(journal.filter((r) => r.type === 'reconcile')).toEqual([expect.objectContaining({ step: 's0001', outcome: 'done', liveId: 'A' })]);
  });

  it('sends a create again when the read shows it never arrived', async () => {
    const fake = fakeLago({ 0: 'lost-before', 1: '503' });
    const { graph, table } = await run(fake, ['a', 'b']);
    expect(graph.steps.map((s) => table.state(s.id))).toEqual(['done', 'done']);
    expect([...fake.coupons.keys()].sort()).toEqual(['A', 'B']);
    expect(fake.posts).toEqual(['A', 'B']);
    expect(table.attempts('s0001')).toBe(2);
  });

  it("fails a refused call at once, with the API's words, and goes on with the rest", async () => {
    const fake = fakeLago({ 0: '422' });
    const { graph, table } = await run(fake, ['a', 'b']);
    expect(graph.steps.map((s) => table.state(s.id))).toEqual(['failed', 'done']);
    expect(table.lastError('s0001')).toBe('lago: POST /coupons answered 422: Unprocessable Entity');
  });

  it('where an API takes idempotency keys, lets the client resend a create with the same key', async () => {
    const fake = fakeLago({ 0: 'lost-before' });
    const { table, journal } = await run(fake, ['a'], undefined, () => ({ ...lagoAdapter, idempotencyHeader: 'idempotency-key' }));
    expect(table.state('s0001')).toBe('done');
    expect(fake.keys).toEqual(['promoc-r1-s0001']);
    expect(journal.some((r) => r.type === 'uncertain')).toBe(false);
  });

  it('resumes from a journal: done steps are not sent, started ones are checked before they are', async () => {
    const fake = fakeLago();
    fake.coupons.set('A', { code: 'A', owner: 'a' }); // s0001 was sent before the kill, its answer never journaled
    const lines = [
      {
        type: 'run',
        format: 'promoc-journal/v1',
        run: 'r',
        target: 'local',
        at: 'x',
        pid: 1,
        host: 'h',
        promocVersion: 't',
        graph: compileCalls(aPlan(['a', 'b', 'c'].map(create))).graph,
      },
      { type: 'start', step: 's0001', attempt: 1, at: 'x' },
      { type: 'start', step: 's0002', attempt: 1, at: 'x' },
      { type: 'done', step: 's0002', at: 'x', liveId: 'B' },
    ];
    const prior = parseJournal(`${lines.map((l) => JSON.stringify(l)).join('\n')}\n`, 'j');
    fake.coupons.set('B', { code: 'B', owner: 'b' });
    const { graph, table } = await run(fake, ['a', 'b', 'c'], prior);
    expect(graph.steps.map((s) => table.state(s.id))).toEqual(['done', 'done', 'done']);
    expect(fake.posts).toEqual(['C']);
  });
});
