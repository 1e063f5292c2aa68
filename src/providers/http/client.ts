// The one HTTP client every provider uses: auth (incl. token refresh on 401), client-side pacing, bounded
// concurrency, timeouts, and retries with exponential backoff + full jitter that honour Retry-After.
// fetch, the clock, sleep, randomness and the debug log are injected so tests are deterministic and never sleep.
// Whatever a server answers passes through the secret scrubber before anything else sees it: an API may echo
// the credentials it was sent (in an error, in a field), and that text goes on into plans, journals and errors.
import { backoffDelay, DEFAULT_BACKOFF, parseRetryAfter, verdictFor, type BackoffPolicy } from './backoff.js';
import { NO_DEBUG, type DebugLog } from '../../model/debug-log.js';
import { ProviderError } from '../../model/errors.js';
import { secretScrubber, secretsOf } from '../../model/secret-scrubber.js';
import type { Connection } from '../provider.js';
import { HttpStatusError, hintForStatus, NetworkError } from './errors.js';
import { Gate, TokenBucket } from './pacing.js';
import { describeHeaders, redactUrl } from './redact.js';
import { fetchTransport, nodeTransport, type AnswerHeaders, type Fetch, type Transport } from './transport.js';

export type { Fetch };

export interface HttpDeps {
  readonly fetch: Fetch;
  /** Sends one request; when set it is used instead of `fetch` (realDeps() sets node:http's). */
  readonly transport?: Transport;
  /** Milliseconds since the epoch. */
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  /** Uniform in [0, 1). */
  readonly random: () => number;
  /** An AbortSignal that fires after `ms` (default AbortSignal.timeout). */
  readonly timeout?: (ms: number) => AbortSignal;
  /** One line per attempt (method, URL, status, duration), per retry and per sign-in; default: none. */
  readonly debug?: DebugLog;
}

/** The real clock and randomness, and node:http as the transport (or `fetchImpl`, when given, instead). */
export function realDeps(fetchImpl?: Fetch): HttpDeps {
  return {
    fetch: fetchImpl ?? ((i, init) => fetch(i, init)),
    ...(fetchImpl ? {} : { transport: nodeTransport }),
    now: () => Date.now(),
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    random: Math.random,
  };
}

export interface Auth {
  /** Headers that authenticate a request; may sign in first (cached). */
  headers(client: HttpClient): Promise<Record<string, string>>;
  /** Drop a cached token after a 401. Returns false when there is nothing to refresh (static keys). */
  invalidate(): boolean;
  /** Tokens obtained at run time (not configured), kept out of what the client logs and reads back. */
  secrets?(): readonly string[];
}

export interface HttpClientOptions {
  readonly provider: string;
  /** Where the documented paths start, without a trailing slash. */
  readonly baseUrl: string;
  readonly auth?: Auth;
  /** The configured credentials, scrubbed from every answer, error and debug line (see connectionOptions). */
  readonly secrets?: readonly string[];
  readonly deps: HttpDeps;
  /** Requests per second; Infinity (default) disables pacing. */
  readonly rateLimitPerSecond?: number;
  /** Requests in flight at once (default 8). */
  readonly concurrency?: number;
  /** Per-attempt timeout (default 15 s). */
  readonly timeoutMs?: number;
  readonly backoff?: BackoffPolicy;
  /** The server's own message from an error body, for error messages. */
  readonly describeError?: (body: unknown) => string | undefined;
  /** Largest response body read (default 64 MiB); a larger one is refused, never truncated. */
  readonly maxResponseBytes?: number;
}

export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Relative to baseUrl, starting with '/'. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number | readonly string[] | undefined>>;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Safe to repeat after a 5xx or a lost connection (default: true except POST). */
  readonly idempotent?: boolean;
  /** Send without credentials (the sign-in call itself). */
  readonly anonymous?: boolean;
  /** Statuses that are answers, not errors (e.g. 404 on a lookup). */
  readonly accept?: readonly number[];
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: AnswerHeaders;
  readonly body: unknown;
}

export interface HttpStats {
  requests: number;
  retries: number;
  throttled: number;
}

export class HttpClient {
  readonly stats: HttpStats = { requests: 0, retries: 0, throttled: 0 };
  private readonly bucket: TokenBucket;
  private readonly gate: Gate;
  private readonly backoff: BackoffPolicy;
  private readonly transport: Transport;

  constructor(readonly options: HttpClientOptions) {
    const { deps } = options;
    this.transport = deps.transport ?? fetchTransport(deps.fetch);
    this.bucket = new TokenBucket(options.rateLimitPerSecond ?? Infinity, { now: deps.now, sleep: deps.sleep });
    this.gate = new Gate(options.concurrency ?? 8);
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
  }

  get provider(): string {
    return this.options.provider;
  }

  get debug(): DebugLog {
    return this.options.deps.debug ?? NO_DEBUG;
  }

  request(req: HttpRequest): Promise<HttpResponse> {
    // Sign-in calls happen while a gated request waits for its credentials: gating them too could deadlock.
    return req.anonymous ? this.attempts(req) : this.gate.run(() => this.attempts(req));
  }

  private async attempts(req: HttpRequest): Promise<HttpResponse> {
    const idempotent = req.idempotent ?? req.method !== 'POST';
    let refreshed = false;
    for (let attempt = 0; ; attempt += 1) {
      await this.bucket.take();
      const outcome = await this.once(req, attempt);
      if ('refused' in outcome) throw outcome.refused; // redirects and oversized bodies are never retried
      const status = 'response' in outcome ? outcome.response.status : 'network';
      if ('response' in outcome && (status as number) < 400) return outcome.response;
      if ('response' in outcome && req.accept?.includes(status as number)) return outcome.response;
      const verdict = verdictFor(status, idempotent, refreshed);
      if (verdict === 'refresh-auth' && this.options.auth?.invalidate()) {
        this.log(() => `${req.method} ${this.shownUrl(req)} answered 401: dropping the cached token to sign in again`);
        refreshed = true;
        continue;
      }
      const retryAfter = 'response' in outcome ? parseRetryAfter(outcome.response.headers.get('retry-after'), this.options.deps.now()) : undefined;
      const canRetry = verdict === 'retry' && attempt < this.backoff.retries && (retryAfter ?? 0) <= this.backoff.maxRetryAfterMs;
      if (!canRetry) throw this.failure(req, outcome);
      if (status === 429) {
        this.stats.throttled += 1;
        if (retryAfter !== undefined) this.bucket.pause(retryAfter);
      }
      this.stats.retries += 1;
      const delay = backoffDelay(this.backoff, attempt, this.options.deps.random, retryAfter);
      this.log(
        () =>
          `retrying ${req.method} ${this.shownUrl(req)} in ${delay} ms (${status}` +
          `${retryAfter !== undefined ? `, Retry-After ${retryAfter} ms` : ''}; retry ${attempt + 1} of ${this.backoff.retries})`,
      );
      await this.options.deps.sleep(delay);
    }
  }

  private async once(req: HttpRequest, attempt: number): Promise<{ response: HttpResponse } | { error: unknown; reason: string } | { refused: ProviderError }> {
    const { deps } = this.options;
    this.stats.requests += 1;
    const headers: Record<string, string> = { accept: 'application/json', ...req.headers };
    if (req.body !== undefined) headers['content-type'] = 'application/json';
    if (!req.anonymous && this.options.auth) Object.assign(headers, await this.options.auth.headers(this));
    const timeoutMs = this.options.timeoutMs ?? 15_000;
    const started = deps.now();
    // Bodies are never logged: the sign-in body carries the client key, and campaign payloads are in the plan.
    const sent = (outcome: string): void =>
      this.log(() => `${req.method} ${this.shownUrl(req)} → ${outcome} in ${deps.now() - started} ms (attempt ${attempt + 1}) [${describeHeaders(headers)}]`);
    try {
      const maxBytes = this.options.maxResponseBytes ?? MAX_RESPONSE_BYTES;
      const res = await this.transport({
        url: this.url(req),
        method: req.method,
        headers,
        ...(req.body !== undefined ? { body: JSON.stringify(req.body) } : {}),
        signal: (deps.timeout ?? ((ms) => AbortSignal.timeout(ms)))(timeoutMs),
        maxBytes,
      });
      if (res.status >= 300 && res.status < 400) {
        // The location may carry what the request did (a token in the query): redacted and scrubbed like a URL we sent.
        const location = res.headers.get('location');
        const shown = location === null ? '(no location)' : this.scrub(redactUrl(location), true);
        sent(`${res.status} redirecting to ${shown}, not followed`);
        return {
          refused: new ProviderError(
            `${this.provider}: ${req.method} ${req.path} answered ${res.status} redirecting to ${shown}; promoc does not follow redirects`,
            { provider: this.provider, status: res.status, hint: "Point the target's baseUrl at the final address." },
          ),
        };
      }
      const text = res.text;
      if (text === undefined) {
        sent(`${res.status} with a body over the limit, refused`);
        return {
          refused: new ProviderError(`${this.provider}: ${req.method} ${req.path} answered more than ${maxBytes / 1024 / 1024} MiB`, {
            provider: this.provider,
            hint: "Lower the target's pageSize, or check the baseUrl points at the API.",
          }),
        };
      }
      sent(`${res.status}`);
      // Sign-in and refresh answers (anonymous) legitimately carry the tokens they issue; everything else is
      // scrubbed of them too. The configured credentials are never a legitimate part of an answer.
      return { response: { status: res.status, headers: res.headers, body: parseBody(this.scrub(text, !req.anonymous)) } };
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      const reason = this.scrub(timedOut ? `no answer within ${timeoutMs} ms` : describeNetworkError(error), true);
      sent(`failed: ${reason}`);
      return { error, reason };
    }
  }

  /** The secrets removed from `text`: the configured credentials, and the tokens issued so far if `issued`. */
  private scrub(text: string, issued: boolean): string {
    const secrets = [...(this.options.secrets ?? []), ...(issued ? (this.options.auth?.secrets?.() ?? []) : [])];
    return secretScrubber(secrets)(text);
  }

  /** The request URL as it may be shown: sensitive query parameters redacted by name. */
  private shownUrl(req: HttpRequest): string {
    return redactUrl(this.url(req));
  }

  /**
   * Built only when someone listens: redacting and scrubbing every URL would cost each request. Lines are
   * built from redacted parts already; scrubbing the whole line catches a secret in a part nobody expected
   * (a cursor that echoes the key).
   */
  private log(message: () => string): void {
    if (this.debug.enabled) this.debug.write('http', this.scrub(`${this.provider}: ${message()}`, true));
  }

  private url(req: HttpRequest): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(req.query ?? {})) {
      if (value === undefined) continue;
      if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
      else params.append(key, String(value));
    }
    const qs = params.toString();
    return `${this.options.baseUrl}${req.path}${qs ? `?${qs}` : ''}`;
  }

  private failure(req: HttpRequest, outcome: { response: HttpResponse } | { error: unknown; reason: string }): Error {
    if ('error' in outcome) return new NetworkError(this.provider, req.method, req.path, outcome.reason, outcome.error);
    const { status, body } = outcome.response;
    return new HttpStatusError(
      this.provider,
      req.method,
      req.path,
      status,
      body,
      this.options.describeError?.(body) ?? genericMessage(body),
      hintForStatus(status),
    );
  }
}

/** The client settings every provider takes from a target connection. */
export function connectionOptions(connection: Connection): Pick<HttpClientOptions, 'baseUrl' | 'secrets' | 'rateLimitPerSecond' | 'timeoutMs' | 'concurrency'> {
  return {
    baseUrl: connection.baseUrl.replace(/\/+$/, ''),
    secrets: secretsOf([connection.credentials]),
    ...(connection.rateLimitPerSecond !== undefined ? { rateLimitPerSecond: connection.rateLimitPerSecond } : {}),
    ...(connection.timeoutMs !== undefined ? { timeoutMs: connection.timeoutMs } : {}),
    ...(connection.concurrency !== undefined ? { concurrency: connection.concurrency } : {}),
  };
}

/** A response larger than this is refused: no page of campaigns is anywhere near it. */
export const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // fetch puts the system error in `cause` ("fetch failed"); node:http raises it itself ("connect ECONNREFUSED …").
  const cause = (error as { cause?: unknown }).cause;
  const of = (e: unknown): string | undefined => (e && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : undefined);
  const code = of(cause) ?? of(error);
  return code && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
}

function genericMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return body.slice(0, 200);
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    for (const key of ['detail', 'message', 'userMessage', 'error']) if (typeof b[key] === 'string') return b[key] as string;
  }
  return undefined;
}
