// node:http's transport and fetch's, against one real server: the client must see the same answer either
// way (status, headers, text), the same refusals (redirects, oversized bodies) and the same failures.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync, deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchTransport, nodeTransport, type Exchange, type Transport } from './transport.js';

let server: Server;
let base = '';
const sockets = new Set<unknown>();

beforeAll(async () => {
  server = createServer((req, res) => {
    sockets.add(req.socket);
    const body: Buffer[] = [];
    req.on('data', (c: Buffer) => body.push(c));
    req.on('end', () => {
      const url = req.url ?? '/';
      if (url === '/echo') {
        res.writeHead(201, { 'content-type': 'application/json', 'x-seen': `${req.method} ${req.headers['content-type']} ${req.headers.authorization}` });
        res.end(JSON.stringify({ got: Buffer.concat(body).toString('utf8') }));
      } else if (url === '/gzip') {
        res.writeHead(200, { 'content-encoding': 'gzip' });
        res.end(gzipSync('{"packed":"gzip ✓"}'));
      } else if (url === '/deflate') {
        res.writeHead(200, { 'content-encoding': 'deflate' });
        res.end(deflateSync('{"packed":"deflate"}'));
      } else if (url === '/bom') {
        res.end(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}'), Buffer.from([0xff])]));
      } else if (url === '/redirect') {
        res.writeHead(307, { location: '/elsewhere?token=abc' });
        res.end('moved');
      } else if (url === '/declared-big') {
        res.writeHead(200, { 'content-length': 5000 });
        res.end('x'.repeat(5000));
      } else if (url === '/streamed-big') {
        res.writeHead(200);
        for (let i = 0; i < 10; i++) res.write('y'.repeat(1000));
        res.end();
      } else if (url === '/cut') {
        res.writeHead(200, { 'content-length': 1000 });
        res.write('z'.repeat(100), () => res.destroy());
      } else if (url === '/slow') {
        setTimeout(() => res.end('late'), 2000).unref();
      } else {
        res.writeHead(404, { 'retry-after': '3', 'set-cookie': ['a=1', 'b=2'] });
        res.end('');
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const exchange = (path: string, more: Partial<Exchange> = {}): Exchange => ({
  url: `${base}${path}`,
  method: 'GET',
  headers: { accept: 'application/json' },
  signal: AbortSignal.timeout(5000),
  maxBytes: 4096,
  ...more,
});

const transports: [string, Transport][] = [
  ['node:http', nodeTransport],
  ['fetch', fetchTransport((i, init) => fetch(i, init))],
];

async function seen(t: Transport, x: Exchange): Promise<unknown> {
  const a = await t(x);
  return {
    status: a.status,
    text: a.text,
    headers: ['content-type', 'retry-after', 'location', 'x-seen', 'set-cookie', 'missing'].map((h) => a.headers.get(h)),
  };
}

describe('transports', () => {
  it('give the same answers as fetch: bodies, codings, headers, redirects and limits', async () => {
    const cases: Exchange[] = [
      exchange('/echo', { method: 'POST', body: '{"name":"été"}', headers: { 'content-type': 'application/json', authorization: 'Bearer k' } }),
      exchange('/gzip'),
      exchange('/deflate'),
      exchange('/bom'),
      exchange('/redirect'),
      exchange('/declared-big'),
      exchange('/streamed-big'),
      exchange('/missing'),
    ];
    for (const x of cases) expect(await seen(nodeTransport, x), x.url).toEqual(await seen(transports[1]![1], x));
    expect(await seen(nodeTransport, cases[0]!)).toMatchObject({ status: 201, text: '{"got":"{\\"name\\":\\"été\\"}"}' });
    expect((await nodeTransport(exchange('/gzip'))).text).toBe('{"packed":"gzip ✓"}');
    expect((await nodeTransport(exchange('/redirect'))).text).toBe('');
    expect((await nodeTransport(exchange('/streamed-big'))).text).toBeUndefined();
  });

  it.each(transports)('%s fails on a cut connection and on its signal, as a timeout', async (_, t) => {
    await expect(t(exchange('/cut'))).rejects.toThrow();
    const error: unknown = await t(exchange('/slow', { signal: AbortSignal.timeout(50) })).catch((e: unknown) => e);
    expect((error as Error).name).toMatch(/^(TimeoutError|AbortError)$/);
  });

  it('reuses its connections', async () => {
    sockets.clear();
    for (let i = 0; i < 5; i++) await nodeTransport(exchange('/missing'));
    expect(sockets.size).toBe(1);
  });

  it('refuses a URL that is not http(s)', async () => {
    await expect(nodeTransport(exchange('', { url: 'ftp://example.com/x' }))).rejects.toThrow(/ftp:/);
  });
});
