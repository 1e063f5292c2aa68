// The lock backend promoc.config.yaml chooses (lock.backend): files in a folder shared by the machine's
// checkouts (default), or Redis for applies from several machines.
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import type { PromocConfig } from '../../generated/index.js';
import { InvocationError } from '../../model/errors.js';
import { fileLockBackend } from './file-lock.js';
import type { LockBackend } from './backend.js';

export const DEFAULT_LOCK_DIR = 'promoc-locks';
export const DEFAULT_REDIS_URL_ENV = 'PROMOC_LOCK_REDIS_URL';

export interface OpenLockOptions {
  readonly root: string;
  readonly config: PromocConfig;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly pid: number;
  readonly host: string;
}

/** The folder of the file backend: lock.dir (relative to the config), else <tmp>/promoc-locks. */
export function lockDir(root: string, config: PromocConfig): string {
  const dir = config.lock?.dir;
  return dir ? resolve(root, dir) : resolve(tmpdir(), DEFAULT_LOCK_DIR);
}

export async function openLockBackend(options: OpenLockOptions): Promise<LockBackend> {
  const lock = options.config.lock;
  if (lock?.backend === 'redis') {
    const variable = lock.redisUrlEnv ?? DEFAULT_REDIS_URL_ENV;
    const url = options.env[variable];
    if (!url)
      throw new InvocationError(
        `lock.backend is redis but environment variable ${variable} (lock.redisUrlEnv) is not set`,
        `Export ${variable} with the Redis URL (redis://[user:password@]host:port), or set lock.backend: file.`,
      );
    // Loaded only when chosen: the Redis client is the largest module an apply would otherwise load.
    const { redisLockBackend } = await import('./redis-lock.js');
    return redisLockBackend({ url, pid: options.pid, host: options.host, ...(lock.ttlMs !== undefined ? { ttlMs: lock.ttlMs } : {}) });
  }
  return fileLockBackend({ dir: lockDir(options.root, options.config), pid: options.pid, host: options.host });
}
