// Holding the locks of every API a target writes, for the whole of an apply (from before its plan is checked
// against live state until the last call is verified). Locks are taken in one fixed order and given back if
// one of them is held elsewhere, so two applies never each hold half.
import type { Binding } from '../../plan/targets.js';
import { apiIdentity, lockKey, type ApiIdentity } from './identity.js';
import type { HeldLock, LockBackend, LockHolder } from './backend.js';

export function bindingApi(b: Binding): ApiIdentity {
  return apiIdentity(b.provider, b.instance ?? b.connection.baseUrl, b.connection.organization);
}

export interface HeldLocks {
  readonly locks: readonly HeldLock[];
  /** Dead holders whose locks were taken over. */
  readonly replaced: readonly LockHolder[];
  /** Throws LockLostError if any lock was lost. */
  check(): void;
  release(): Promise<void>;
}

export async function holdApis(backend: LockBackend, bindings: readonly Binding[], request: { run: string; target: string; now: Date }): Promise<HeldLocks> {
  const apis = [
    ...new Map(
      bindings.map((b) => {
        const api = bindingApi(b);
        return [lockKey(api), api] as const;
      }),
    ).entries(),
  ]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, api]) => api);
  const locks: HeldLock[] = [];
  try {
    for (const api of apis) locks.push(await backend.acquire({ api, ...request }));
  } catch (error) {
    await Promise.all(locks.map((l) => l.release()));
    throw error;
  }
  return {
    locks,
    replaced: locks.flatMap((l) => (l.replaced ? [l.replaced] : [])),
    check: () => {
      for (const l of locks) l.check();
    },
    release: async () => {
      await Promise.all(locks.map((l) => l.release()));
    },
  };
}
