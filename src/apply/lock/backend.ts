// What every apply lock backend promises: one holder per API at a time, acquired atomically or refused with
// the holder named; released only by its owner (checked by a token only the owner knows).
import { PromocError } from '../../model/errors.js';
import { describeApi, type ApiIdentity } from './identity.js';

export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  /** The apply run (journal) that holds it. */
  readonly run: string;
  /** The target name the holder was run with (for the message; not part of the identity). */
  readonly target: string;
  /** ISO time the lock was taken. */
  readonly since: string;
  /** Random per acquisition: only the owner can release or renew it. */
  readonly token: string;
  /** Redis backend: increases with every acquisition of the API's lock. */
  readonly fence?: number;
}

export class LockHeldError extends PromocError {
  override readonly name = 'LockHeldError';
  constructor(
    readonly api: ApiIdentity,
    readonly where: string,
    readonly holder: LockHolder | undefined,
  ) {
    super(
      holder
        ? `another apply holds the lock on ${describeApi(api)}: pid ${holder.pid} on ` +
            `${holder.host} since ${holder.since} (run ${holder.run}, target ${holder.target})`
        : `the apply lock on ${describeApi(api)} (${where}) exists but cannot be read`,
      { hint: `Wait for it to finish, then plan again. If that process is gone on another machine, remove ${where} and run \`promoc apply --resume\`.` },
    );
  }
}

/** The lock was lost while applying (its Redis key expired or was taken): no further call is sent. */
export class LockLostError extends PromocError {
  override readonly name = 'LockLostError';
  constructor(
    readonly api: ApiIdentity,
    detail: string,
  ) {
    super(`lost the apply lock on ${describeApi(api)} while applying (${detail}); no further call was sent`, {
      hint: 'Check the lock backend (Redis reachable, lock.ttlMs long enough), then run `promoc apply --resume`.',
    });
  }
}

export interface HeldLock {
  readonly api: ApiIdentity;
  readonly holder: LockHolder;
  /** Set when a lock left by a process that is gone was taken over. */
  readonly replaced?: LockHolder;
  /** Throws LockLostError once the lock is known to be lost (Redis: a renewal failed). */
  check(): void;
  release(): Promise<void>;
}

export interface AcquireRequest {
  readonly api: ApiIdentity;
  readonly run: string;
  readonly target: string;
  readonly now: Date;
}

export interface LockBackend {
  /** Where locks live, for messages (a folder, a Redis URL without its password). */
  readonly name: string;
  acquire(request: AcquireRequest): Promise<HeldLock>;
  close(): Promise<void>;
}

export function parseHolder(text: string | null | undefined): LockHolder | undefined {
  if (!text) return undefined;
  try {
    const h = JSON.parse(text) as Partial<LockHolder>;
    if (typeof h.pid !== 'number' || typeof h.host !== 'string' || typeof h.token !== 'string') return undefined;
    return {
      pid: h.pid,
      host: h.host,
      run: String(h.run ?? ''),
      target: String(h.target ?? ''),
      since: String(h.since ?? ''),
      token: h.token,
      ...(typeof h.fence === 'number' ? { fence: h.fence } : {}),
    };
  } catch {
    return undefined;
  }
}
