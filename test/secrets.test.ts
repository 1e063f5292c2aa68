// Secrets never leak: every target of a repository is configured with a distinctive canary token, the APIs
// demand those tokens, and a hostile API echoes what it was sent (the Authorization header, the sign-in body)
// in error bodies, in a data field and in a redirect. Then the whole flow runs through the CLI's entry with
// debug logging on — validate, plan --out, show, compile, apply (journal), import, report markdown and html,
// an auth failure, a failing write, a 500 and a redirect — and stdout, stderr and every file left in the
// repository are searched for each token, raw, base64- and URL-encoded, and for its random core alone.
// The first suite makes sure the search is not vacuous: the debug log really logs each request.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { startEmulators, type RunningEmulators } from '../src/emulators/index.js';
import type { DebugLog, DebugTopic } from '../src/model/debug-log.js';
import { bearerKey } from '../src/providers/http/auth.js';
import { HttpClient, type HttpDeps } from '../src/providers/http/client.js';
import { HttpStatusError } from '../src/providers/http/errors.js';
import { LOCAL_REFS } from '../src/providers/mobility/refs.js';

const REPO_ROOT = join(import.meta.dirname, '..');
const FIXTURE_REPO = join(REPO_ROOT, 'test/fixtures/apply/repo');

/** A token nobody could mistake: its random core is searched for alone too, so a truncated leak counts. */
function canary(family: string): { token: string; core: string } {
  const core = randomBytes(9).toString('hex');
  // `+`, `/` and `=` make the percent-encoded form differ from the raw one.
  return { token: `tok-LEAK-CANARY-${family}-${core}+/=`, core };
}

describe('the debug log (so the leak search below is not vacuous)', () => {
  const collect = (): DebugLog & { lines: string[] } => {
    const lines: string[] = [];
    return {
      lines,
      enabled: true,
      write: (topic: DebugTopic, message: string) => {
        lines.push(`${topic}: ${message}`);
      },
    };
  };
  const deps = (debug: DebugLog, answer: (url: string, n: number) => Response): HttpDeps => {
    let n = 0;
    return {
      fetch: async (url) => answer(url, n++),
      now: () => 0,
      sleep: async () => undefined,
      random: () => 0,
      timeout: () => new AbortController().signal,
      debug,
    };
  };

  it('logs each request: method, URL (sensitive parameters redacted), status, attempt, headers redacted, retries', async () => {
    const { token } = canary('unit');
    const debug = collect();
    const client = new HttpClient({
      provider: 'lago',
      baseUrl: 'http://api.test/api/v1',
      auth: bearerKey(token),
      secrets: [token],
      deps: deps(debug, (_, n) => (n === 0 ? new Response('{}', { status: 503 }) : new Response('{"coupons":[]}', { status: 200 }))),
    });
    await client.request({ method: 'GET', path: '/coupons', query: { page: 1, access_token: 'not-for-logs' } });
    expect(debug.lines).toEqual([
      'http: lago: GET http://api.test/api/v1/coupons?page=1&access_token=<redacted> ' +
        '→ 503 in 0 ms (attempt 1) [accept: application/json, authorization: <redacted>]',
      'http: lago: retrying GET http://api.test/api/v1/coupons?page=1&access_token=<redacted> in 0 ms (503; retry 1 of 5)',
      'http: lago: GET http://api.test/api/v1/coupons?page=1&access_token=<redacted> ' +
        '→ 200 in 0 ms (attempt 2) [accept: application/json, authorization: <redacted>]',
    ]);
  });

  it('scrubs a credential the API echoes back, from the error message and from the data', async () => {
    const { token } = canary('unit');
    const echo =
      (status: number): ((url: string) => Response) =>
      () =>
        new Response(JSON.stringify({ error: `bad key Bearer ${token}`, name: `seen ${encodeURIComponent(token)}` }), { status });
    const client = (status: number): HttpClient =>
      new HttpClient({ provider: 'lago', baseUrl: 'http://api.test', auth: bearerKey(token), secrets: [token], deps: deps(collect(), echo(status)) });
    const error = await client(401)
      .request({ method: 'GET', path: '/coupons' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpStatusError);
    expect((error as Error).message).toBe('lago: GET /coupons answered 401: bad key Bearer [redacted]');
    expect((await client(200).request({ method: 'GET', path: '/coupons' })).body).toEqual({ error: 'bad key Bearer [redacted]', name: 'seen [redacted]' });
  });

  it('is silent unless asked for', async () => {
    const run = await cliRun(['validate', '--no-cache'], { cwd: FIXTURE_REPO, env: {} });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const on = await cliRun(['validate', '--no-cache', '--debug'], { cwd: FIXTURE_REPO, env: {} });
    expect(on.stderr).toMatch(/^debug config: using .*promoc\.config\.yaml \(searched from .* upwards\)$/m);
    expect((await cliRun(['validate', '--no-cache'], { cwd: FIXTURE_REPO, env: { PROMOC_DEBUG: '1' } })).stderr).toMatch(/^debug cache: off \(--no-cache\)$/m);
  });
});

interface Run {
  readonly args: readonly string[];
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The CLI's entry (`main`) with a captured terminal. Anything written past the injected terminal, straight to
 * the process's streams, is an output channel too: it is captured with the run.
 */
async function cliRun(args: readonly string[], options: { cwd: string; env: Record<string, string> }): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  }) as typeof process.stderr.write;
  try {
    const code = await main(args, {
      cwd: options.cwd,
      env: options.env,
      stdout: (t) => {
        stdout += t;
      },
      stderr: (t) => {
        stderr += t;
      },
      isTTY: false,
      color: false,
    });
    return { args, code, stdout, stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

/** The real process, for the one run whose streams and environment are the operating system's. */
function childRun(args: readonly string[], options: { cwd: string; env: Record<string, string> }): Promise<Run> {
  const tsx = pathToFileURL(join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
  const child = spawn(process.execPath, ['--import', tsx, join(REPO_ROOT, 'test/apply/cli-entry.ts'), ...args], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ args, code: code ?? -1, stdout, stderr }));
  });
}

/**
 * A hostile API in front of the emulators: `/<mode>/<upstream>/<path>`. Every mode echoes what the request
 * carried: the Authorization header, and the body (the mobility sign-in sends the client key in it).
 * - echo: forwards, then writes the Authorization header into every Lago coupon's name (a data field);
 * - deny: 401 with the credentials in the error body;
 * - redirect: 302 to another host with the token in the query, plain and percent-encoded;
 * - deny-writes: reads forwarded, writes refused with 403 quoting the credentials;
 * - flaky-writes: reads forwarded, the first write answers 500 quoting the credentials, later ones forwarded.
 */
function hostileApi(upstreams: Readonly<Record<string, string>>): {
  server: Server;
  seen: string[];
  url: (mode: string, upstream: string) => string;
  start(): Promise<void>;
} {
  const seen: string[] = [];
  const failedOnce = new Set<string>();
  let origin = '';
  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const auth = req.headers.authorization ?? '';
    const [, mode, upstream, ...rest] = (req.url ?? '/').split('/');
    const path = `/${rest.join('/')}`;
    seen.push(`${mode} ${req.method} ${path} ${auth} ${body}`);
    const write = req.method !== 'GET';
    const signIn = path.includes('/auth/sign-in-api-client');
    if (mode === 'deny') {
      if (upstream === 'mobility')
        return send(res, 401, { errorCode: 'A101', userMessage: `unknown API client ${body} (${auth})`, httpStatus: 401, traceId: 't-1' });
      return send(res, 401, { status: 401, error: `Unauthorized: ${auth}`, code: 'invalid_api_key' });
    }
    if (mode === 'redirect') {
      const token = auth.replace(/^Bearer /, '');
      return send(
        res,
        302,
        {},
        { location: `https://collector.invalid/steal?access_token=${encodeURIComponent(token)}&k=${encodeURIComponent(token)}&raw=${token}` },
      );
    }
    if (mode === 'deny-writes' && write && !signIn)
      return send(res, 403, { status: 403, error: `Forbidden: ${auth} may not write ${body}`, code: 'forbidden' });
    if (mode === 'flaky-writes' && write && !signIn && !failedOnce.has(`${req.method} ${path}`)) {
      failedOnce.add(`${req.method} ${path}`);
      return send(res, 500, { status: 500, error: `Internal Server Error while handling ${auth}`, code: 'internal_error' });
    }
    const headers: Record<string, string> = { accept: 'application/json' };
    if (req.headers.authorization) headers.authorization = req.headers.authorization;
    if (body) headers['content-type'] = 'application/json';
    const answer = await fetch(`${upstreams[upstream!]}${path}`, { method: req.method!, headers, ...(body ? { body } : {}) });
    let text = await answer.text();
    if (mode === 'echo' && req.method === 'GET' && text.startsWith('{')) {
      const json = JSON.parse(text) as { coupons?: { name: string }[] };
      for (const coupon of json.coupons ?? []) coupon.name = `${coupon.name} [seen: ${auth}]`;
      text = JSON.stringify(json);
    }
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    res.end(text);
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => send(res, 502, { error: String(e) }));
  });
  return {
    server,
    seen,
    url: (mode, upstream) => `${origin}/${mode}/${upstream}`,
    start: async () => {
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
  };
}

describe('no configured secret leaks into any output channel', () => {
  const ev = canary('ev');
  const mobility = canary('mobility');
  const promotions = canary('promotions');
  const lago = canary('lago');
  const ENV = {
    PROMOC_EV_KEY: ev.token,
    PROMOC_MOBILITY_ID: 'promoc',
    PROMOC_MOBILITY_KEY: mobility.token,
    PROMOC_PROMOTIONS_KEY: promotions.token,
    PROMOC_LAGO_KEY: lago.token,
  };
  const runs: Run[] = [];
  let emulators: RunningEmulators[] = [];
  let hostile: ReturnType<typeof hostileApi>;
  let repo = '';
  const cli = async (...args: string[]): Promise<Run> => {
    const r = await cliRun(args, { cwd: repo, env: ENV });
    runs.push(r);
    return r;
  };

  beforeAll(async () => {
    // One emulator per family, each demanding its own canary; a second Lago for the failing-write runs.
    const start = (provider: 'ev-billing' | 'mobility' | 'promotions' | 'lago', apiKey: string): Promise<RunningEmulators> =>
      startEmulators({ providers: [provider], apiKey });
    emulators = await Promise.all([
      start('ev-billing', ev.token),
      start('mobility', mobility.token),
      start('promotions', promotions.token),
      start('lago', lago.token),
      start('lago', lago.token),
    ]);
    const [evE, mobE, promoE, lagoE, lago2E] = emulators.map((e) => Object.values(e.endpoints)[0]!);
    hostile = hostileApi({ lago: lagoE!.baseUrl, 'lago-2': lago2E!.baseUrl, mobility: mobE!.baseUrl });
    await hostile.start();
    repo = await mkdtemp(join(tmpdir(), 'promoc-secrets-'));
    await cp(FIXTURE_REPO, repo, { recursive: true });
    const lagoTarget = (baseUrl: string): object => ({
      provider: 'lago',
      baseUrl,
      credentials: { apiKeyEnv: 'PROMOC_LAGO_KEY' },
      selector: { target: 'lago' },
    });
    const mobilityTarget = (baseUrl: string): object => ({
      provider: 'mobility',
      baseUrl,
      organization: mobE!.tenant,
      credentials: { clientIdEnv: 'PROMOC_MOBILITY_ID', clientKeyEnv: 'PROMOC_MOBILITY_KEY' },
      selector: { target: 'mobility' },
      ids: LOCAL_REFS,
    });
    const config = {
      apiVersion: 'promoc/v1',
      kind: 'Config',
      campaigns: ['campaigns/**/*.yaml'],
      cache: { enabled: true },
      targets: {
        ev: { provider: 'ev-billing', baseUrl: evE!.apiBaseUrl, credentials: { apiKeyEnv: 'PROMOC_EV_KEY' }, selector: { target: 'ev-billing' } },
        mobility: mobilityTarget(mobE!.baseUrl),
        promotions: {
          provider: 'promotions',
          baseUrl: promoE!.apiBaseUrl,
          credentials: { apiKeyEnv: 'PROMOC_PROMOTIONS_KEY' },
          selector: { target: 'promotions' },
        },
        lago: lagoTarget(lagoE!.apiBaseUrl),
        'lago-echo': lagoTarget(`${hostile.url('echo', 'lago')}/api/v1`),
        'lago-denied': lagoTarget(`${hostile.url('deny', 'lago')}/api/v1`),
        'mobility-denied': mobilityTarget(hostile.url('deny', 'mobility')),
        'lago-redirect': lagoTarget(`${hostile.url('redirect', 'lago')}/api/v1`),
        'lago-forbidden': lagoTarget(`${hostile.url('deny-writes', 'lago-2')}/api/v1`),
        'lago-flaky': lagoTarget(`${hostile.url('flaky-writes', 'lago-2')}/api/v1`),
      },
    };
    await writeFile(join(repo, 'promoc.config.yaml'), `${JSON.stringify(config, null, 2)}\n`);
    await mkdir(join(repo, 'plans'));
  });

  afterAll(async () => {
    await Promise.all(emulators.map((e) => e.close()));
    await new Promise<void>((r) => {
      if (hostile) hostile.server.close(() => r());
      else r();
    });
    if (repo) await rm(repo, { recursive: true, force: true });
  });

  it('runs the whole flow with debug on, every target, and the failure paths', async () => {
    expect((await cli('validate', '--debug')).code).toBe(0);
    for (const t of ['ev', 'mobility', 'promotions', 'lago']) {
      const planned = await cli('plan', '--debug', '--target', t, '--out', `plans/${t}.json`);
      expect(planned.code, planned.stderr).toBe(2);
      // Not vacuous: the debug log shows the target and each request with its URL and its headers.
      expect(planned.stderr).toMatch(new RegExp(`^debug target: ${t} \\(--target\\): `, 'm'));
      expect(planned.stderr).toMatch(
        /^debug http: [a-z-]+: GET http:\/\/127\.0\.0\.1:\d+\/\S+ → 200 in \d+ ms \(attempt 1\) \[accept: application\/json, authorization: .+\]$/m,
      );
      expect((await cli('show', `plans/${t}.json`, '--format', 'markdown', '--debug')).code).toBe(0);
      expect((await cli('compile', '--debug', '--target', t, '--format', 'curl')).code).toBe(0);
      const applied = await cli('apply', `plans/${t}.json`, '--target', t, '--auto-approve', '--debug');
      expect(applied.code, applied.stderr).toBe(0);
      expect((await cli('plan', '--debug', '--target', t, '--format', 'json')).code).toBe(0);
      expect((await cli('import', '--debug', '--target', t, '--out', `imported/${t}`)).code).toBe(0);
    }
    const mobilityPlan = runs.find((r) => r.args.join(' ') === 'plan --debug --target mobility --out plans/mobility.json')!;
    const signIn = /^debug http: mobility: POST http:\/\/127\.0\.0\.1:\d+\/v1\/demo\/auth\/sign-in-api-client → 200 .*$/m.exec(mobilityPlan.stderr)?.[0];
    expect(signIn).toMatch(/\[accept: application\/json, content-type: application\/json\]$/);

    // A hostile API echoing the Authorization header into a field: the plan shows the drift, scrubbed.
    expect((await cli('plan', '--debug', '--target', 'lago-echo', '--out', 'plans/lago-echo.json')).code).toBe(2);
    expect((await cli('show', 'plans/lago-echo.json', '--debug')).code).toBe(0);
    expect((await cli('import', '--debug', '--target', 'lago-echo', '--out', 'imported/lago-echo')).code).toBe(0);
    expect((await cli('compile', '--debug', '--plan', 'plans/lago-echo.json', '--format', 'http')).code).toBe(0);

    // Reports over every saved plan.
    const plans = ['ev', 'mobility', 'promotions', 'lago', 'lago-echo'].flatMap((t) => ['--plan', `plans/${t}.json`]);
    const markdown = await cli('report', ...plans, '--format', 'markdown', '--out-dir', 'report', '--debug');
    expect(markdown.code, markdown.stderr).toBe(0);
    const html = await cli('report', ...plans, '--format', 'html', '--out', 'report/report.html', '--debug');
    expect(html.code, html.stderr).toBe(0);

    // Auth failures: the API quotes the Authorization header, and the mobility sign-in body with the client key.
    expect((await cli('plan', '--debug', '--target', 'lago-denied')).code).toBe(1);
    expect((await cli('apply', '--debug', '--target', 'mobility-denied', '--auto-approve')).code).toBe(1);

    // A redirect carrying the token to another host is refused; the location shown has no token in it.
    expect((await cli('plan', '--debug', '--target', 'lago-redirect')).code).toBe(1);

    // A write refused with the credentials quoted (a definitive failure, journaled), then a 500 on a write
    // that promoc settles by reading back and sends again.
    expect((await cli('apply', '--debug', '--target', 'lago-forbidden', '--auto-approve')).code).toBe(1);
    const flaky = await cli('apply', '--debug', '--target', 'lago-flaky', '--auto-approve');
    expect(flaky.code, flaky.stderr).toBe(0);
    expect(flaky.stderr).toMatch(/^debug http: lago: POST http:\/\/127\.0\.0\.1:\d+\/flaky-writes\/lago-2\/api\/v1\/coupons → 500 /m);

    // The operating system's streams, and PROMOC_DEBUG instead of the flag.
    const child = await childRun(['plan', '--target', 'lago-denied'], { cwd: repo, env: { ...ENV, PROMOC_DEBUG: '1', NO_COLOR: '1' } });
    runs.push(child);
    expect(child.code).toBe(1);
    expect(child.stderr).toMatch(/^debug http: lago: GET http:\/\/127\.0\.0\.1:\d+\/deny\/lago\/api\/v1\/coupons\?page=1&per_page=100 → 401 /m);
  }, 120_000);

  it('finds no token in stdout, stderr or any file written (raw, base64, URL-encoded, or its random core)', async () => {
    expect(runs.length).toBeGreaterThan(30);
    // Tokens the mobility API issued are secrets too (a bearer token is as good as the key for five hours).
    const issued = emulators.flatMap((e) => {
      const state = e.controls.mobility?.snapshot() as { tenants: Record<string, { tokens: Record<string, unknown> }> } | undefined;
      return Object.values(state?.tenants ?? {}).flatMap((t) => Object.keys(t.tokens));
    });
    expect(issued.length).toBeGreaterThan(0);
    const needles = [
      ...[ev, mobility, promotions, lago].flatMap(({ token, core }) => [
        token,
        core,
        Buffer.from(token).toString('base64'),
        Buffer.from(token).toString('base64url'),
        encodeURIComponent(token),
      ]),
      ...issued.flatMap((t) => [t, Buffer.from(t).toString('base64'), encodeURIComponent(t)]),
    ];
    const channels: { where: string; text: string }[] = runs.flatMap((r) => [
      { where: `stdout of promoc ${r.args.join(' ')}`, text: r.stdout },
      { where: `stderr of promoc ${r.args.join(' ')}`, text: r.stderr },
    ]);
    const files = await filesUnder(repo);
    for (const f of files) channels.push({ where: f.slice(repo.length + 1), text: await readFile(f, 'latin1') });
    // Every kind of output was produced and is searched.
    const written = files.map((f) => f.slice(repo.length + 1));
    for (const expected of [
      /^plans\/lago-echo\.json$/,
      /^\.promoc\/journal\/lago\/.+\.ndjson$/,
      /^\.promoc\/journal\/lago-forbidden\/.+\.ndjson$/,
      /^\.promoc\/journal\/lago-flaky\/.+\.ndjson$/,
      /^report\/pr-comment-1\.md$/,
      /^report\/report\.html$/,
      /^imported\/lago-echo\/.+\.yaml$/,
      /^\.promoc-cache\/validate\.bin$/,
    ]) {
      expect(
        written.some((w) => expected.test(w)),
        `${expected} among ${written.join(', ')}`,
      ).toBe(true);
    }
    const leaks = channels.flatMap((c) => needles.filter((n) => c.text.includes(n)).map((n) => `${c.where}: ${excerpt(c.text, n)}`));
    expect(leaks).toEqual([]);
  });

  it('was sent the tokens by promoc and echoed them, and promoc showed the echoes scrubbed (not dropped)', async () => {
    expect(hostile.seen.some((s) => s.startsWith('echo GET /api/v1/coupons') && s.includes(`Bearer ${lago.token}`))).toBe(true);
    expect(hostile.seen.some((s) => s.startsWith('deny POST /v1/demo/auth/sign-in-api-client') && s.includes(JSON.stringify(mobility.token)))).toBe(true);
    const run = (args: string): Run => runs.find((r) => r.args.join(' ') === args)!;
    // Headers: by name, whatever the value.
    const debugHttp = runs.flatMap((r) => r.stderr.split('\n')).filter((l) => l.startsWith('debug http: ') && l.includes('authorization: '));
    expect(debugHttp.length).toBeGreaterThan(50);
    for (const line of debugHttp) expect(line).toMatch(/authorization: <redacted>[,\]]/);
    // A data field: the plan shows the drift, the import writes the field.
    expect(run('plan --debug --target lago-echo --out plans/lago-echo.json').stdout).toContain('"Spring switch [seen: Bearer [redacted]]" → "Spring switch"');
    expect(await readFile(join(repo, 'imported/lago-echo/lago/promotion/spring-switch.yaml'), 'utf8')).toContain('Spring switch [seen: Bearer [redacted]]');
    // Error bodies: the Authorization header, and the client key the mobility sign-in sends in its body.
    expect(run('plan --debug --target lago-denied').stderr).toContain(
      'error: lago: GET /coupons answered 401: Unauthorized: Bearer [redacted] — invalid_api_key',
    );
    expect(run('apply --debug --target mobility-denied --auto-approve').stderr).toContain(
      'answered 401: A101: unknown API client {"clientId":"promoc","clientKey":"[redacted]"}',
    );
    expect(run('apply --debug --target lago-forbidden --auto-approve').stderr).toContain('answered 403: Forbidden: Bearer [redacted] may not write');
    const journal = async (target: string): Promise<string> => {
      const dir = join(repo, '.promoc/journal', target);
      return readFile(
        join(
          dir,
          (await readdir(dir)).find((f) => f.endsWith('.ndjson'))!,
        ),
        'utf8',
      );
    };
    expect(await journal('lago-forbidden')).toContain('Forbidden: Bearer [redacted] may not write');
    expect(await journal('lago-flaky')).toContain('Internal Server Error while handling Bearer [redacted]');
    // A redirect's location: a sensitive parameter by name, the others by value (plain and percent-encoded).
    expect(run('plan --debug --target lago-redirect').stderr).toContain(
      'answered 302 redirecting to https://collector.invalid/steal?access_token=<redacted>&k=[redacted]&raw=[redacted]; promoc does not follow redirects',
    );
  });
});

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out.sort();
}

function excerpt(text: string, needle: string): string {
  const at = text.indexOf(needle);
  return JSON.stringify(text.slice(Math.max(0, at - 80), at + needle.length + 40));
}
