// A throwaway redis-server for tests: a free loopback port, a temp dir, no persistence. Debian's
// redis-server refuses --port 0, so the port is found by binding one with node:net first (and the
// start retried if something takes it in between).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RedisServer {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

const MISSING =
  'redis-server is not installed, and the usage store tests need a real one. ' +
  'Install it: apt-get install -y redis-server (CI does this in .ci/run before npm test).';

export async function startRedis(): Promise<RedisServer> {
  const dir = await mkdtemp(join(tmpdir(), 'promoc-redis-'));
  let last: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (b: Buffer) => {
      output += b.toString();
    });
    child.stderr!.on('data', (b: Buffer) => {
      output += b.toString();
    });
    try {
      await whenReady(child, port, () => output);
      return { url: `redis://127.0.0.1:${port}`, port, stop: () => stop(child, dir) };
    } catch (error) {
      await stop(child, undefined);
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        await rm(dir, { recursive: true, force: true });
        throw new Error(MISSING, { cause: error });
      }
      last = error;
    }
  }
  await rm(dir, { recursive: true, force: true });
  throw last;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Resolves once the server answers PING; rejects if it exits (or never starts) first. */
async function whenReady(child: ChildProcess, port: number, output: () => string): Promise<void> {
  let exited: Error | undefined;
  child.once('error', (e) => {
    exited = e;
  });
  child.once('exit', (code) => {
    exited ??= new Error(`redis-server exited with ${code}:\n${output()}`);
  });
  for (let i = 0; i < 200; i++) {
    if (exited) throw exited;
    if (await pings(port)) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`redis-server did not answer PING on port ${port} within 5 s:\n${output()}`);
}

function pings(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    let reply = '';
    socket.setTimeout(500, () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (b) => {
      reply += b.toString();
      if (reply.includes('\r\n')) {
        socket.destroy();
        resolve(reply.startsWith('+PONG'));
      }
    });
  });
}

async function stop(child: ChildProcess, dir: string | undefined): Promise<void> {
  if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  if (dir) await rm(dir, { recursive: true, force: true });
}
