import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLock, LockHeldError } from './lock.js';

let dir: string;
beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'promoc-lock-')); });
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });
const at = new Date('2027-01-15T10:00:00Z');

describe('apply lock', () => {
  it('lets one apply hold a target and names the holder to the next', async () => {
    const file = join(dir, 'apply.lock');
    const lock = await acquireLock(file, 'run-1', at, { pid: 100, host: 'ci-1', isAlive: () => true });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ pid: 100, host: 'ci-1', run: 'run-1', since: at.toISOString() });
    const second = await acquireLock(file, 'run-2', at, { pid: 200, host: 'ci-1', isAlive: () => true }).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(LockHeldError);
    expect((second as LockHeldError).message).toBe('another apply holds the lock on this target: pid 100 on ci-1 since 2027-01-15T10:00:00.000Z (run run-1)');
    await lock.release();
    await (await acquireLock(file, 'run-2', at, { pid: 200, host: 'ci-1' })).release();
  });

  it('takes over a lock whose process is gone on this host, never one held on another host', async () => {
    const file = join(dir, 'apply.lock');
    await acquireLock(file, 'killed', at, { pid: 100, host: 'ci-1' });
    const taken = await acquireLock(file, 'resume', at, { pid: 200, host: 'ci-1', isAlive: (pid) => pid !== 100 });
    expect(taken.replaced).toMatchObject({ pid: 100, run: 'killed' });
    await expect(acquireLock(file, 'other', at, { pid: 300, host: 'ci-2', isAlive: () => false })).rejects.toThrow(/pid 200 on ci-1/);
    await taken.release();
  });

  it('releases only its own lock', async () => {
    const file = join(dir, 'apply.lock');
    const mine = await acquireLock(file, 'a', at, { pid: 1, host: 'h' });
    const theirs = await acquireLock(file, 'b', at, { pid: 2, host: 'h', isAlive: () => false });
    await mine.release();
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ run: 'b' });
    await theirs.release();
  });
});
