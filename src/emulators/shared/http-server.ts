// Starts one family's Hono app on a real Node HTTP server (loopback by default) behind the fault layer.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import type { FaultLayer } from './fault-layer.js';

export interface HttpHandle {
  readonly port: number;
  readonly origin: string;
  close(): Promise<void>;
}

export async function listen(app: Hono, faults: FaultLayer, port: number, host: string): Promise<HttpHandle> {
  // overrideGlobalObjects: false keeps node-server from replacing the process's Request/Response,
  // which matters because tests and the CLI share the process with these servers.
  const listener = getRequestListener(app.fetch, { overrideGlobalObjects: false });
  const server = createServer(faults.wrap(listener));
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  const hostForUrl = host.includes(':') ? `[${host}]` : host;
  return {
    port: bound,
    origin: `http://${hostForUrl}:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
