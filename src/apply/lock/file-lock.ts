// The file lock backend: one file per API in a folder every checkout on the machine shares
// (lock.dir, default <tmp>/promoc-locks). Acquiring is one atomic step: a complete temp file is hard-linked
// into place, which fails if the lock exists. Taking over a lock whose process is gone is atomic too:
// contenders first race for a takeover guard named after the dead holder's token (itself acquired the same
// way), and only the guard's owner, after checking the lock still names that holder, replaces it. No one
// deletes a lock they have not just proved is the dead one, and every winner reads its own token back.
import { randomUUID } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { lockKey, type ApiIdentity } from './identity.js';
import { LockHeldError, parseHolder, type AcquireRequest, type HeldLock, type LockBackend, type LockHolder } from './backend.js';

export interface FileLockOptions {
  readonly dir: string;
  readonly pid: number;
  readonly host: string;
  /** Whether a process of this host still runs (default: signal 0). */
  readonly isAlive?: (pid: number) => boolean;
  /** Default: a random UUID. */
  readonly token?: () => string;
}

/** Takeovers of takeovers (each one a contender killed mid-takeover) before giving up. */
const MAX_DEPTH = 4;
/** How long a contender waits for another one's takeover to finish before naming it as the holder. */
const TAKEOVER_WAIT_MS = 3000;

export function fileLockBackend(options: FileLockOptions): LockBackend {
  return {
    name: options.dir,
    async acquire(request: AcquireRequest): Promise<HeldLock> {
      const file = join(options.dir, `${lockKey(request.api)}.lock`);
      const holder: LockHolder = {
        pid: options.pid,
        host: options.host,
        run: request.run,
        target: request.target,
        since: request.now.toISOString(),
        token: (options.token ?? randomUUID)(),
      };
      await mkdir(options.dir, { recursive: true });
      const replaced = await take(file, holder, request.api, options, 0);
      return { api: request.api, holder, ...(replaced ? { replaced } : {}), check: () => undefined, release: () => releaseFile(file, holder.token) };
    },
    close: async () => undefined,
  };
}

/** Takes `file` for `holder`; resolves with the dead holder it replaced, if any; LockHeldError otherwise. */
async function take(file: string, holder: LockHolder, api: ApiIdentity, options: FileLockOptions, depth: number): Promise<LockHolder | undefined> {
  const temp = `${file}.${holder.token}.tmp`;
  await writeFile(temp, `${JSON.stringify(holder)}\n`, { mode: 0o644 });
  try {
    // A lock released or being taken over between our link and our read is tried again, for a bounded time.
    const deadline = Date.now() + TAKEOVER_WAIT_MS;
    let guardHolder: LockHolder | undefined;
    for (let attempt = 0; attempt < 100 && Date.now() < deadline; attempt += 1) {
      if (await linked(temp, file)) return await confirm(file, holder, api);
      const current = await readHolder(file);
      // Gone between our link and our read (released, or mid-takeover): try again.
      if (current === undefined) continue;
      if (!isStale(current, options)) throw new LockHeldError(api, file, current);
      if (depth >= MAX_DEPTH) throw new LockHeldError(api, file, current);
      // Only the contender holding the guard for this dead holder may replace it.
      const guard = `${file}.takeover-${current.token}`;
      try {
        await take(guard, holder, api, options, depth + 1);
      } catch (error) {
        if (!(error instanceof LockHeldError)) throw error;
        // Another contender is taking it over: wait for it to finish, then name whoever holds the lock.
        guardHolder = error.holder;
        await new Promise((r) => setTimeout(r, Math.min(5 + 5 * attempt, 50)));
        continue;
      }
      try {
        const still = await readHolder(file);
        if (still?.token === current.token) {
          await unlink(file);
          if (await linked(temp, file)) {
            await confirm(file, holder, api);
            return current;
          }
        }
        const now = await readHolder(file);
        throw new LockHeldError(api, file, now);
      } finally {
        await releaseFile(guard, holder.token);
      }
    }
    const last = await readHolder(file);
    throw new LockHeldError(api, file, last && isStale(last, options) && guardHolder ? guardHolder : last);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

async function linked(temp: string, file: string): Promise<boolean> {
  try {
    await link(temp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** The owner token read back after acquiring: the file must be ours, not something that replaced it. */
async function confirm(file: string, holder: LockHolder, api: ApiIdentity): Promise<undefined> {
  const now = await readHolder(file);
  if (now?.token !== holder.token) throw new LockHeldError(api, file, now);
  return undefined;
}

function isStale(h: LockHolder, options: FileLockOptions): boolean {
  if (h.host !== options.host) return false;
  if (h.pid === options.pid) return false;
  return !(options.isAlive ?? processIsAlive)(h.pid);
}

export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readHolder(file: string): Promise<LockHolder | undefined> {
  return parseHolder(await readFile(file, 'utf8').catch(() => undefined));
}

/** Only our own lock: never one another process took over after declaring ours stale. */
async function releaseFile(file: string, token: string): Promise<void> {
  const current = await readHolder(file);
  if (current?.token === token) await unlink(file).catch(() => undefined);
}
