// A hostile or broken API must give a clear error, never a wrong plan: redirects are not followed (they
// could carry credentials to another host), oversized bodies are refused, and pagination that loops or
// never ends stops the read instead of planning against part of the live state.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient, realDeps } from '../src/providers/http/client.js';
import { readCursorPages, readNumberedPages, PaginationError } from '../src/providers/http/paginate.js';
import { ProviderError } from '../src/model/errors.js';

let server: Server;
let base = '';
const seenAuth: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url?.startsWith('/elsewhere')) {
      seenAuth.push(String(req.headers.authorization));
      res.end('{}');
      return;
    }
    if (req.url === '/redirect') {
      res.writeHead(302, { location: `${base}/elsewhere` });
      res.end();
      return;
    }
    if (req.url === '/huge') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`"${'x'.repeat(200_000)}"`);
      return;
    }
    if (req.url === '/huge-chunked') {
      res.writeHead(200, { 'content-type': 'application/json' });
      let sent = 0;
      const push = (): void => {
        if (sent > 400_000 || res.destroyed) {
          res.end();
          return;
        }
        sent += 10_000;
        res.write('x'.repeat(10_000), push);
      };
      push();
      return;
    }
    res.end('{"ok":true}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const client = (): HttpClient =>
  new HttpClient({
    provider: 'test',
    baseUrl: base,
    deps: realDeps(),
    maxResponseBytes: 100_000,
    auth: { headers: async () => ({ authorization: 'Bearer secret-token' }), invalidate: () => false } as never,
  });

describe('hostile API', () => {
  it('refuses to follow a redirect, so credentials never reach another address', async () => {
    await expect(client().request({ method: 'GET', path: '/redirect' })).rejects.toThrow(/302 redirecting to .*does not follow redirects/);
    expect(seenAuth).toEqual([]);
  });

  it('refuses an oversized body, declared or streamed', async () => {
    await expect(client().request({ method: 'GET', path: '/huge' })).rejects.toThrow(ProviderError);
    await expect(client().request({ method: 'GET', path: '/huge-chunked' })).rejects.toThrow(/more than/);
    await expect(client().request({ method: 'GET', path: '/ok' })).resolves.toMatchObject({ status: 200 });
  });

  it('stops on a cursor that repeats, and on endless pagination, instead of reading part of the state', async () => {
    await expect(readCursorPages(async (c) => ({ items: [c ?? 'first'], next: 'same' }))).rejects.toThrow(PaginationError);
    let n = 0;
    await expect(readCursorPages(async () => ({ items: [n], next: `c${(n += 1)}` }), 50)).rejects.toThrow(/past 50 pages/);
    await expect(readNumberedPages(async () => ({ items: [1], totalPages: 1_000_000 }), 1000)).rejects.toThrow(/1000000 pages/);
    await expect(readCursorPages(async (c) => ({ items: [c ?? 'a'], ...(c ? {} : { next: 'b' }) }))).resolves.toEqual({ items: ['a', 'b'], pages: 2 });
  });
});
