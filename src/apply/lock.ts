// One apply per target at a time: `.promoc/journal/<target>/apply.lock`, created atomically (a complete temp
// file hard-linked into place, which fails if the lock exists) and holding who took it. A lock left by a
// process that no longer runs on this host is stale and taken over; a live holder, or one on another host
// (whose process cannot be checked from here), is reported with its pid, host and start time.
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PromocError } from '../model/errors.js';

export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly run: string;
  /** ISO time the lock was taken. */
  readonly since: string;
}

export class LockHeldError extends PromocError {
  override readonly name = 'LockHeldError';
  constructor(readonly file: string, readonly holder: LockHolder | undefined) {
    super(holder
      ? `another apply holds the lock on this target: pid ${holder.pid} on ${holder.host} since ${holder.since} (run ${holder.run})`
      : `the apply lock ${file} exists but cannot be read`,
    { hint: `Wait for it to finish. If that process is gone (another machine, a container), delete ${file} and run \`promoc apply --resume\`.` });
  }
}

export interface LockDeps {
  readonly pid: number;
  readonly host: string;
  /** Whether a process of this host still runs (default: signal 0). */
  readonly isAlive?: (pid: number) => boolean;
}

export interface Lock {
  readonly file: string;
  /** Set when a stale lock was taken over. */
  readonly replaced?: LockHolder;
  release(): Promise<void>;
}

export function lockFile(dir: string): string {
  return join(dir, 'apply.lock');
}

export async function acquireLock(file: string, run: string, now: Date, deps: LockDeps): Promise<Lock> {
  const holder: LockHolder = { pid: deps.pid, host: deps.host, run, since: now.toISOString() };
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.${deps.pid}.${run}.tmp`;
  await writeFile(temp, `${JSON.stringify(holder)}\n`);
  try {
    let replaced: LockHolder | undefined;
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        await link(temp, file);
        return { file, ...(replaced ? { replaced } : {}), release: () => release(file, holder) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const current = await readHolder(file);
      if (!current || !isStale(current, deps)) throw new LockHeldError(file, current);
      replaced = current;
      await unlink(file).catch(() => undefined);
    }
    throw new LockHeldError(file, await readHolder(file));
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

function isStale(h: LockHolder, deps: LockDeps): boolean {
  if (h.host !== deps.host) return false;
  if (h.pid === deps.pid) return false;
  return !(deps.isAlive ?? processIsAlive)(h.pid);
}

export function processIsAlive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
}

async function readHolder(file: string): Promise<LockHolder | undefined> {
  try {
    const h = JSON.parse(await readFile(file, 'utf8')) as Partial<LockHolder>;
    return typeof h.pid === 'number' && typeof h.host === 'string' ? { pid: h.pid, host: h.host, run: String(h.run ?? ''), since: String(h.since ?? '') } : undefined;
  } catch {
    return undefined;
  }
}

async function release(file: string, holder: LockHolder): Promise<void> {
  // Only our own lock: never remove one another process took over after declaring ours stale.
  const current = await readHolder(file);
  if (current && current.pid === holder.pid && current.run === holder.run && current.host === holder.host) await unlink(file).catch(() => undefined);
}
