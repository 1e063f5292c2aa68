// One HTTP exchange, as the client needs it: status, headers and the body read to at most a size. The real
// transport is node:http(s) with keep-alive agents: a plan reads a hundred pages, and fetch's WHATWG layers
// (request and response objects, streams, a body reader) cost two to three times the CPU of node:http for the
// same bytes, on the thread that also plans. An injected `fetch` (tests, the apply bench) goes through
// `fetchTransport` and behaves the same: redirects are answers (never followed), a body over the limit is
// refused without being read, a timeout aborts the attempt.
import * as http from 'node:http';
import * as https from 'node:https';
import type { Readable } from 'node:stream';
import * as zlib from 'node:zlib';

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

export interface Exchange {
  readonly url: string;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Aborts the attempt (the per-attempt timeout). */
  readonly signal: AbortSignal;
  /** Largest body read; past it the answer's text is undefined and the rest is not read. */
  readonly maxBytes: number;
}

export interface AnswerHeaders {
  get(name: string): string | null;
}

export interface Answer {
  readonly status: number;
  readonly headers: AnswerHeaders;
  /** The body as text ('' for a redirect, whose body is discarded); undefined when it passed maxBytes. */
  readonly text: string | undefined;
}

export type Transport = (exchange: Exchange) => Promise<Answer>;

const isRedirect = (status: number): boolean => status >= 300 && status < 400;

// Sockets are kept for the next request (a plan's pages reuse eight connections instead of opening a hundred);
// idle ones do not keep the process alive.
const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };

/** The transport promoc uses against real APIs and the embedded emulators. */
export const nodeTransport: Transport = (x) =>
  new Promise<Answer>((resolve, reject) => {
    const url = new URL(x.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      reject(new TypeError(`cannot send a request to ${url.protocol} URLs`));
      return;
    }
    let settled = false;
    const finish = (outcome: { answer: Answer } | { error: unknown }): void => {
      if (settled) return;
      settled = true;
      x.signal.removeEventListener('abort', onAbort);
      if ('answer' in outcome) resolve(outcome.answer);
      else reject(outcome.error);
    };
    const onAbort = (): void => {
      const error = abortError(x.signal);
      req.destroy(error);
      finish({ error });
    };
    // What fetch asks for: compressed answers (br only over TLS), decoded here as fetch would.
    const headers: Record<string, string> = { 'accept-encoding': url.protocol === 'https:' ? 'br, gzip, deflate' : 'gzip, deflate', ...x.headers };
    if (x.body !== undefined) headers['content-length'] = String(Buffer.byteLength(x.body));
    const send = url.protocol === 'https:' ? https.request : http.request;
    const req = send(url, { method: x.method, headers, agent: agents[url.protocol] }, (res) => {
      const status = res.statusCode ?? 0;
      const answerHeaders = nodeHeaders(res.headers);
      const done = (text: string | undefined): void => finish({ answer: { status, headers: answerHeaders, text } });
      if (isRedirect(status)) {
        res.resume();
        done('');
        return;
      }
      const declared = Number(res.headers['content-length'] ?? NaN);
      if (Number.isFinite(declared) && declared > x.maxBytes) {
        res.destroy();
        done(undefined);
        return;
      }
      const body = decoded(res, res.headers['content-encoding']);
      const chunks: Buffer[] = [];
      let size = 0;
      body.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > x.maxBytes) {
          res.destroy();
          done(undefined);
          return;
        }
        chunks.push(chunk);
      });
      body.on('end', () => done(utf8.decode(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks))));
      body.on('error', (error) => finish({ error }));
      // The connection closed before the whole body came: fetch's "terminated".
      res.on('close', () => {
        if (!res.complete) finish({ error: Object.assign(new Error('the connection closed before the whole answer was read'), { code: 'ECONNRESET' }) });
      });
    });
    req.on('error', (error) => finish({ error }));
    if (x.signal.aborted) {
      onAbort();
      return;
    }
    x.signal.addEventListener('abort', onAbort);
    req.end(x.body);
  });

/** fetch (the injected one) behind the same interface. */
export function fetchTransport(fetchImpl: Fetch): Transport {
  return async (x) => {
    const res = await fetchImpl(x.url, {
      method: x.method,
      headers: x.headers,
      ...(x.body !== undefined ? { body: x.body } : {}),
      // A redirect could carry the credentials to another host: never follow one.
      redirect: 'manual',
      signal: x.signal,
    });
    if (isRedirect(res.status)) {
      void res.body?.cancel();
      return { status: res.status, headers: res.headers, text: '' };
    }
    return { status: res.status, headers: res.headers, text: await readBounded(res, x.maxBytes) };
  };
}

// fetch decodes with a TextDecoder too (a leading byte-order mark is dropped, bad bytes become U+FFFD).
const utf8 = new TextDecoder();

/** The body as text, or undefined once it passes `max` bytes (the rest is not read). */
async function readBounded(res: Response, max: number): Promise<string | undefined> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > max) {
    void res.body?.cancel();
    return undefined;
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      void reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return utf8.decode(Buffer.concat(chunks));
}

/** The body stream decoded as fetch decodes it (content codings it does not know are passed through). */
function decoded(res: http.IncomingMessage, encoding: string | undefined): Readable {
  const codings = (encoding ?? '')
    .toLowerCase()
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '' && c !== 'identity');
  let stream: Readable = res;
  // Codings are listed in the order they were applied: undo them last first.
  for (const coding of codings.reverse()) {
    const decoder =
      coding === 'gzip' || coding === 'x-gzip'
        ? zlib.createGunzip({ flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH })
        : coding === 'deflate'
          ? zlib.createInflate({ flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH })
          : coding === 'br'
            ? zlib.createBrotliDecompress({ flush: zlib.constants.BROTLI_OPERATION_FLUSH, finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH })
            : undefined;
    if (!decoder) return res;
    stream = stream.pipe(decoder);
  }
  return stream;
}

function nodeHeaders(headers: http.IncomingHttpHeaders): AnswerHeaders {
  return {
    get: (name) => {
      const value = headers[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
    },
  };
}

/** The error fetch raises when its signal fires (a TimeoutError from AbortSignal.timeout, else an AbortError). */
function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason;
  return Object.assign(new Error('This operation was aborted'), { name: 'AbortError' });
}
