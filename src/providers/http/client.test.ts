// The HTTP client with injected fetch, clock, sleep and randomness: no real time passes, no network.
import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF, parseRetryAfter } from './backoff.js';
import { bearerKey, tokenAuth } from './auth.js';
import { HttpClient, type Fetch, type HttpDeps } from './client.js';
import { HttpStatusError, NetworkError } from './errors.js';
import { readCursorPages, readNumberedPages } from './paginate.js';

interface Call {
  url: string;
  init: RequestInit;
}

function fakeDeps(answers: ((call: Call) => Response | Error)[]): HttpDeps & { calls: Call[]; slept: number[]; clock: { t: number } } {
  const calls: Call[] = [];
  const slept: number[] = [];
  const clock = { t: 1_000_000 };
  const fetch: Fetch = async (url, init) => {
    const call = { url, init };
    calls.push(call);
    const answer = (answers[calls.length - 1] ?? answers[answers.length - 1]!)(call);
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return {
    fetch,
    now: () => clock.t,
    sleep: async (ms) => {
      slept.push(ms);
      clock.t += ms;
    },
    random: () => 0.5,
    timeout: () => new AbortController().signal,
    calls,
    slept,
    clock,
  };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('HttpClient', () => {
  it('authenticates, builds URLs and parses JSON', async () => {
    const deps = fakeDeps([() => json(200, { ok: true })]);
    const client = new HttpClient({ provider: 'test', baseUrl: 'http://api', auth: bearerKey('k1'), deps });
    const res = await client.request({ method: 'GET', path: '/things', query: { page: 2, tag: ['a', 'b'], skip: undefined } });
    expect(res.body).toEqual({ ok: true });
    expect(deps.calls[0]!.url).toBe('http://api/things?page=2&tag=a&tag=b');
    expect((deps.calls[0]!.init.headers as Record<string, string>).authorization).toBe('Bearer k1');
  });

  it('retries 429 honouring Retry-After, and 503 on idempotent requests with jittered backoff', async () => {
    const deps = fakeDeps([() => json(429, {}, { 'retry-after': '3' }), () => json(503, {}), () => json(200, { done: 1 })]);
    const client = new HttpClient({ provider: 'test', baseUrl: 'http://api', deps });
    await expect(client.request({ method: 'GET', path: '/x' })).resolves.toMatchObject({ status: 200 });
    expect(deps.slept[0]).toBe(3000);
    expect(deps.slept.at(-1)).toBe(backoffDelay(DEFAULT_BACKOFF, 1, () => 0.5));
    expect(client.stats).toEqual({ requests: 3, retries: 2, throttled: 1 });
  });

  it('does not repeat a POST after a 500 or a lost connection (it may have been applied)', async () => {
    const deps = fakeDeps([() => json(500, { message: 'boom' })]);
    const client = new HttpClient({ provider: 'test', baseUrl: 'http://api', deps });
    await expect(client.request({ method: 'POST', path: '/x', body: {} })).rejects.toThrow(HttpStatusError);
    expect(deps.calls).toHaveLength(1);
    const lost = fakeDeps([() => new TypeError('fetch failed')]);
    await expect(new HttpClient({ provider: 'test', baseUrl: 'http://api', deps: lost }).request({ method: 'POST', path: '/x', body: {} })).rejects.toThrow(
      NetworkError,
    );
    expect(lost.calls).toHaveLength(1);
  });

  it('gives up after the retry budget with the server message and a hint', async () => {
    const deps = fakeDeps([() => json(503, { detail: 'maintenance' })]);
    const client = new HttpClient({ provider: 'test', baseUrl: 'http://api', deps, backoff: { ...DEFAULT_BACKOFF, retries: 2 } });
    const error = await client.request({ method: 'GET', path: '/x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpStatusError);
    expect((error as Error).message).toBe('test: GET /x answered 503: maintenance');
    expect(deps.calls).toHaveLength(3);
  });

  it('treats a timeout as a network failure and retries it when idempotent', async () => {
    const timeout = Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' });
    const deps = fakeDeps([() => timeout, () => json(200, {})]);
    const client = new HttpClient({ provider: 'test', baseUrl: 'http://api', deps, timeoutMs: 50 });
    await expect(client.request({ method: 'GET', path: '/x' })).resolves.toMatchObject({ status: 200 });
  });

  it('signs in once for concurrent requests and again after a 401', async () => {
    let tokens = 0;
    const deps = fakeDeps([]);
    const answers = (call: Call): Response => {
      if (call.url.endsWith('/sign-in')) return json(200, { accessToken: `t${++tokens}` });
      const auth = (call.init.headers as Record<string, string>).authorization;
      return auth === 'Bearer t1' && tokens === 1 && deps.calls.filter((c) => !c.url.endsWith('/sign-in')).length > 2 ? json(401, {}) : json(200, { auth });
    };
    const client = new HttpClient({
      provider: 'test',
      baseUrl: 'http://api',
      deps: {
        ...deps,
        fetch: async (url, init) => {
          deps.calls.push({ url, init });
          return answers({ url, init });
        },
      },
      auth: tokenAuth({
        now: deps.now,
        signIn: async (c) => ({
          accessToken: String(((await c.request({ method: 'POST', path: '/sign-in', anonymous: true })).body as { accessToken: string }).accessToken),
        }),
      }),
    });
    await Promise.all([client.request({ method: 'GET', path: '/a' }), client.request({ method: 'GET', path: '/b' })]);
    expect(tokens).toBe(1);
    const third = await client.request({ method: 'GET', path: '/c' });
    expect(tokens).toBe(2);
    expect(third.body).toEqual({ auth: 'Bearer t2' });
  });

  it('signs in outside the concurrency gate (no deadlock with one slot)', async () => {
    const deps = fakeDeps([() => json(200, { accessToken: 'a' }), () => json(200, { ok: 1 })]);
    const client = new HttpClient({
      provider: 'test',
      baseUrl: 'http://api',
      deps,
      concurrency: 1,
      auth: tokenAuth({
        now: deps.now,
        signIn: async (c) => ({
          accessToken: String(((await c.request({ method: 'POST', path: '/sign-in', anonymous: true })).body as { accessToken: string }).accessToken),
        }),
      }),
    });
    await expect(client.request({ method: 'GET', path: '/x' })).resolves.toMatchObject({ body: { ok: 1 } });
  });

  it('paces requests to the rate limit on the injected clock', async () => {
    const deps = fakeDeps([() => json(200, {})]);
    const client = new HttpClient({ provider: 'test', baseUrl: 'http://api', deps, rateLimitPerSecond: 2, concurrency: 1 });
    const start = deps.clock.t;
    for (let i = 0; i < 6; i += 1) await client.request({ method: 'GET', path: '/x' });
    expect(deps.clock.t - start).toBeGreaterThanOrEqual(2000);
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('2', 0)).toBe(2000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
  });
});

describe('pagination', () => {
  it('reads numbered pages after the first in parallel, in order', async () => {
    const seen: number[] = [];
    const r = await readNumberedPages(async (i) => {
      seen.push(i);
      return { items: [i * 10, i * 10 + 1], totalPages: 3 };
    });
    expect(r).toEqual({ items: [0, 1, 10, 11, 20, 21], pages: 3 });
    expect(seen[0]).toBe(0);
  });
  it('follows cursors and refuses a repeated one (a partial read would plan phantom creates)', async () => {
    await expect(readCursorPages(async (c) => ({ items: [c ?? 'start'], next: 'a' }))).rejects.toThrow(/returned cursor "a" twice/);
    const r = await readCursorPages(async (c) => ({ items: [c ?? 'start'], ...(c === undefined ? { next: 'a' } : {}) }));
    expect(r).toEqual({ items: ['start', 'a'], pages: 2 });
  });
});
