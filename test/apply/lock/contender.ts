// One lock contender in its own process (run under tsx). It reads one JSON command per line on stdin:
// {"op":"acquire", ...} tries once and answers {"ok":true,"token"} or {"ok":false,"holder"}; {"op":"release"}
// gives back what it holds; {"op":"exit"} ends it. Tests start several and send them "acquire" together.
import { createInterface } from 'node:readline';
import { hostname } from 'node:os';
import { fileLockBackend } from '../../../src/apply/lock/file-lock.js';
import type { ApiIdentity } from '../../../src/apply/lock/identity.js';
import { LockHeldError, type HeldLock, type LockBackend } from '../../../src/apply/lock/backend.js';
import { redisLockBackend } from '../../../src/apply/lock/redis-lock.js';

interface Command {
  readonly op: 'acquire' | 'release' | 'exit';
  readonly backend?: 'file' | 'redis';
  readonly dir?: string;
  readonly url?: string;
  readonly api?: ApiIdentity;
  readonly run?: string;
}

const backends = new Map<string, LockBackend>();
let held: HeldLock | undefined;

async function backendFor(c: Command): Promise<LockBackend> {
  const key = `${c.backend}:${c.dir ?? c.url}`;
  let b = backends.get(key);
  if (!b) {
    b =
      c.backend === 'redis'
        ? await redisLockBackend({ url: c.url!, pid: process.pid, host: hostname(), ttlMs: 5000 })
        : fileLockBackend({ dir: c.dir!, pid: process.pid, host: hostname() });
    backends.set(key, b);
  }
  return b;
}

const say = (o: unknown): void => {
  process.stdout.write(`${JSON.stringify(o)}\n`);
};

for await (const line of createInterface({ input: process.stdin })) {
  const c = JSON.parse(line) as Command;
  if (c.op === 'exit') break;
  if (c.op === 'release') {
    await held?.release();
    held = undefined;
    say({ released: true });
    continue;
  }
  const backend = await backendFor(c);
  try {
    held = await backend.acquire({ api: c.api!, run: c.run ?? 'race', target: `t-${process.pid}`, now: new Date() });
    say({ ok: true, pid: process.pid, token: held.holder.token, ...(held.replaced ? { replaced: held.replaced.token } : {}) });
  } catch (error) {
    if (error instanceof LockHeldError) say({ ok: false, pid: process.pid, holder: error.holder ?? null, message: error.message });
    else say({ ok: false, pid: process.pid, error: (error as Error).message });
  }
}
for (const b of backends.values()) await b.close();
process.exit(0);
