// The Redis lock backend, for applies from several machines: one key per API, taken with SET NX PX (so a
// holder that dies stops renewing and its key expires), a fencing token from a counter that only grows,
// renewed every third of its time-to-live while the apply runs and deleted at the end. Renewal and release
// check the owner token in one script, so a holder never extends or deletes a lock that is no longer its own.
import { randomUUID } from 'node:crypto';
import { createClient } from '@redis/client';
import { lockKey } from './identity.js';
import { LockHeldError, LockLostError, parseHolder, type AcquireRequest, type HeldLock, type LockBackend, type LockHolder } from './backend.js';

export interface RedisLockOptions {
  /** redis://[user:password@]host:port[/db] or rediss:// */
  readonly url: string;
  readonly pid: number;
  readonly host: string;
  /** Time-to-live of a key that is not renewed (default 30 s). */
  readonly ttlMs?: number;
  /** Key prefix (default promoc:apply-lock:). */
  readonly prefix?: string;
  readonly token?: () => string;
}

// KEYS[1] lock, KEYS[2] fence counter; ARGV[1] holder JSON, ARGV[2] ttl ms.
const ACQUIRE = `
local current = redis.call('GET', KEYS[1])
if current then return {0, current} end
local fence = redis.call('INCR', KEYS[2])
local holder = cjson.decode(ARGV[1])
holder['fence'] = fence
local value = cjson.encode(holder)
if redis.call('SET', KEYS[1], value, 'NX', 'PX', tonumber(ARGV[2])) then return {1, value} end
return {0, redis.call('GET', KEYS[1])}`;

// ARGV[1] owner token, ARGV[2] ttl ms. 1 when still ours and extended.
const RENEW = `
local current = redis.call('GET', KEYS[1])
if not current then return 0 end
if cjson.decode(current)['token'] ~= ARGV[1] then return 0 end
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
return 1`;

const RELEASE = `
local current = redis.call('GET', KEYS[1])
if not current then return 0 end
if cjson.decode(current)['token'] ~= ARGV[1] then return 0 end
return redis.call('DEL', KEYS[1])`;

export async function redisLockBackend(options: RedisLockOptions): Promise<LockBackend> {
  const ttl = options.ttlMs ?? 30_000;
  const prefix = options.prefix ?? 'promoc:apply-lock:';
  let connected = false;
  const client = createClient({
    url: options.url,
    disableOfflineQueue: true,
    socket: { connectTimeout: 2000, reconnectStrategy: (retries: number, cause: Error) => (connected ? Math.min(50 * 2 ** retries, 1000) : cause) },
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    connected = true;
  } catch (cause) {
    client.destroy();
    throw new Error(`cannot connect to the Redis lock backend at ${redact(options.url)}: ${(cause as Error).message}`, { cause });
  }
  const send = (args: string[]): Promise<unknown> => client.sendCommand<unknown>(args);
  return {
    name: redact(options.url),
    async acquire(request: AcquireRequest): Promise<HeldLock> {
      const key = `${prefix}${lockKey(request.api)}`;
      const where = `Redis key ${key} at ${redact(options.url)}`;
      const wanted = {
        pid: options.pid,
        host: options.host,
        run: request.run,
        target: request.target,
        since: request.now.toISOString(),
        token: (options.token ?? randomUUID)(),
      };
      const [ok, value] = (await send(['EVAL', ACQUIRE, '2', key, `${key}:fence`, JSON.stringify(wanted), String(ttl)])) as [number, string];
      const holder = parseHolder(value);
      if (ok !== 1 || !holder) throw new LockHeldError(request.api, where, holder);
      if (holder.token !== wanted.token) throw new LockHeldError(request.api, where, holder);
      let lost: string | undefined;
      let renewing: Promise<unknown> = Promise.resolve();
      const timer = setInterval(
        () => {
          renewing = send(['EVAL', RENEW, '1', key, holder.token, String(ttl)]).then(
            (r) => {
              if (r !== 1) lost ??= 'its key expired or was taken by another holder';
            },
            (e: unknown) => {
              lost ??= `renewal failed: ${(e as Error).message}`;
            },
          );
        },
        Math.max(50, Math.floor(ttl / 3)),
      );
      timer.unref();
      return {
        api: request.api,
        holder: holder as LockHolder,
        check: () => {
          if (lost) throw new LockLostError(request.api, lost);
        },
        release: async () => {
          clearInterval(timer);
          await renewing;
          await send(['EVAL', RELEASE, '1', key, holder.token]);
        },
      };
    },
    close: async () => {
      await client.close();
    },
  };
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}
