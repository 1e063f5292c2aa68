// Runs a call graph: every step once its dependencies are done, at most `concurrency` at a time per API,
// each recorded in the journal before it is sent. The HTTP client already paces, retries 429s and repeats
// idempotent calls; a call whose outcome stays unknown (a lost answer, a 5xx on a create, a conflict that may
// be our own earlier attempt) is parked as uncertain and, once nothing else can run, decided from a fresh
// read of the target (./reconcile.ts): done, sent again after a jittered backoff, or failed.
import type { Json } from '../model/canonical.js';
import { backoffDelay, type BackoffPolicy } from '../providers/http/backoff.js';
import type { HttpClient } from '../providers/http/client.js';
import { HttpStatusError, NetworkError } from '../providers/http/errors.js';
import type { LiveObject, LiveRead, ProviderId } from '../providers/provider.js';
import { PromocError, ProviderError } from '../model/errors.js';
import { writesFor, type ApiAdapter } from '../providers/index.js';
import { knownIds } from './plan-to-calls.js';
import type { JournalRecord, Replay } from './journal-records.js';
import { indexLive, type LiveIndex } from './live-index.js';
import type { CallGraph, Step } from './call-graph.js';
import { reconcileStep } from './reconcile.js';
import { StepTable, type StepState } from './step-table.js';
import { resourceKey } from '../model/resource.js';

export interface Api {
  readonly client: HttpClient;
  /** Everything the target holds, as the planner reads it. */
  read(): Promise<LiveRead>;
  /** The version waiting on the target for its effective instant (APIs with scheduled versions). */
  scheduled?(liveId: string): Promise<LiveObject['scheduled']>;
  /** The draft version prepared beside the live fields (APIs with draft versions). */
  draft?(liveId: string): Promise<LiveObject['draft']>;
  /** Steps of this API in flight at once (default 8). */
  readonly concurrency?: number;
}

export type ExecuteEvent =
  | { readonly type: 'step'; readonly step: Step; readonly state: StepState; readonly error?: string }
  | { readonly type: 'reconcile'; readonly provider: ProviderId; readonly steps: number };

export interface ExecuteInput {
  readonly graph: CallGraph;
  /** The run id: part of idempotency keys, so a resumed run repeats the keys of the killed one. */
  readonly run?: string;
  readonly apis: ReadonlyMap<ProviderId, Api>;
  readonly record: (r: JournalRecord) => Promise<void>;
  readonly now: () => Date;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  /** Where a resumed run got to. */
  readonly prior?: Replay;
  /** Sends of one step before it is given up (default 6). */
  readonly maxAttempts?: number;
  readonly backoff?: BackoffPolicy;
  readonly onEvent?: (e: ExecuteEvent) => void;
  /** Called before each call is sent; throws to stop it (the apply lock was lost). */
  readonly guard?: () => void;
  /** The write side of each API (default: each provider's `writes`). */
  readonly adapters?: (provider: ProviderId) => ApiAdapter;
}

const RECONCILE_BACKOFF: BackoffPolicy = { baseMs: 200, capMs: 5_000, maxRetryAfterMs: 120_000, retries: 10 };

export function executeGraph(input: ExecuteInput): Promise<StepTable> {
  return new Execution(input).run();
}

class Execution {
  private readonly table: StepTable;
  /** Per API, `Kind/name` → live id: what the plan read, plus what this run created. */
  private readonly known: Map<ProviderId, Map<string, string>>;
  private readonly adapterFor: (provider: ProviderId) => ApiAdapter;
  private readonly active = new Map<ProviderId, number>();
  private readonly inflight = new Set<Promise<void>>();

  constructor(private readonly input: ExecuteInput) {
    this.table = new StepTable(input.graph, input.prior);
    this.known = knownIds(input.graph);
    this.adapterFor = input.adapters ?? writesFor;
  }

  async run(): Promise<StepTable> {
    for (let round = 0; ;) {
      this.launch();
      if (this.inflight.size > 0) {
        await Promise.race(this.inflight);
        continue;
      }
      if (this.table.parked().length === 0) break;
      await this.reconcile(round);
      round += 1;
    }
    for (const s of this.table.stranded()) {
      await this.input.record({ type: 'skip', step: s.id, at: this.at(), reason: 'its dependencies never finished' });
      this.emit(s);
    }
    return this.table;
  }

  private at(): string {
    return this.input.now().toISOString();
  }
  private provider(step: Step): ProviderId {
    return this.input.graph.resources[step.resource]!.provider;
  }
  private full(p: ProviderId): boolean {
    return (this.active.get(p) ?? 0) >= (this.input.apis.get(p)?.concurrency ?? 8);
  }

  private emit(step: Step, error?: string): void {
    this.input.onEvent?.({ type: 'step', step, state: this.table.state(step.id), ...(error ? { error } : {}) });
  }

  /** Starts every ready step its API has room for. */
  private launch(): void {
    for (const step of this.table.ready()) {
      const provider = this.provider(step);
      if (this.input.apis.has(provider) && this.full(provider)) {
        if ([...this.input.apis.keys()].every((p) => this.full(p))) return;
        continue;
      }
      this.table.claim(step.id);
      this.active.set(provider, (this.active.get(provider) ?? 0) + 1);
      const api = this.input.apis.get(provider);
      const work = api ? this.send(step, api) : this.fail(step, `no connection to ${provider} on this target`);
      const p: Promise<void> = work
        .catch(async (error: unknown) => {
          await this.fail(step, `internal error: ${error instanceof Error ? error.message : String(error)}`);
        })
        .finally(() => {
          this.active.set(provider, (this.active.get(provider) ?? 1) - 1);
          this.inflight.delete(p);
        });
      this.inflight.add(p);
    }
  }

  private async send(step: Step, api: Api): Promise<void> {
    // A lost lock (another writer may be on this API now) stops every further call before it is sent.
    try {
      this.input.guard?.();
    } catch (error) {
      return this.fail(step, error instanceof Error ? error.message : String(error), hintOf(error));
    }
    const r = this.input.graph.resources[step.resource]!;
    const adapter = this.adapterFor(r.provider);
    this.table.start(step.id);
    await this.input.record({ type: 'start', step: step.id, attempt: this.table.attempts(step.id), at: this.at() });
    try {
      const objectId = this.table.objectId(step);
      if (step.target !== 'none' && objectId === undefined)
        throw new ProviderError(`no live id for ${resourceKey(r)}: ${step.target === 'created' ? 'its create step' : 'the plan'} did not record one`);
      const path = step.path.replace('{id}', objectId === undefined ? '' : adapter.pathId(objectId));
      const body =
        step.body !== undefined && adapter.resolveBody
          ? await adapter.resolveBody(step.body, { client: api.client, known: this.known.get(r.provider) ?? new Map() })
          : step.body;
      const keyed = adapter.idempotencyHeader !== undefined && step.op === 'create';
      const headers = keyed
        ? { [adapter.idempotencyHeader!]: `promoc-${this.input.run ?? this.input.graph.planFingerprint.slice(0, 16)}-${step.id}` }
        : undefined;
      const res = await api.client.request({
        method: step.method,
        path,
        ...(body !== undefined ? { body: body as Json } : {}),
        ...(headers ? { headers } : {}),
        idempotent: step.idempotent || keyed,
      });
      const liveId = step.op === 'create' ? adapter.createdId(r.kind, res.body) : undefined;
      // A create that answered without an id is settled by reading, like a lost answer.
      if (step.op === 'create' && liveId === undefined) return await this.park(step, `${step.method} ${path} answered ${res.status} without an id`, false);
      await this.succeed(step, { type: 'done', step: step.id, at: this.at(), status: res.status, ...(liveId !== undefined ? { liveId } : {}) }, liveId);
    } catch (error) {
      const kind = classify(error, step, adapter.isConflict);
      const message = error instanceof Error ? error.message : String(error);
      if (kind === 'definitive') await this.fail(step, message, hintOf(error));
      else await this.park(step, message, kind === 'conflict');
    }
  }

  private async succeed(step: Step, record: JournalRecord, liveId: string | undefined): Promise<void> {
    await this.input.record(record);
    if (liveId !== undefined) {
      const r = this.input.graph.resources[step.resource]!;
      const m = this.known.get(r.provider) ?? new Map<string, string>();
      m.set(resourceKey(r), liveId);
      this.known.set(r.provider, m);
    }
    this.table.done(step.id, liveId);
    this.emit(step);
  }

  private async fail(step: Step, error: string, hint?: string): Promise<void> {
    this.table.fail(step.id, error, hint);
    await this.input.record({ type: 'fail', step: step.id, at: this.at(), error, ...(hint ? { hint } : {}) });
    this.emit(step, error);
    for (const s of this.table.skipDependents(step.id)) {
      await this.input.record({ type: 'skip', step: s.id, at: this.at(), reason: `depends on ${step.id}, which failed` });
      this.emit(s);
    }
  }

  private async park(step: Step, error: string, conflict: boolean): Promise<void> {
    this.table.park(step.id, error, conflict);
    await this.input.record({ type: 'uncertain', step: step.id, at: this.at(), error });
    this.emit(step, error);
  }

  /** Settles every parked step from one fresh read per API; waits a jittered backoff before resending. */
  private async reconcile(round: number): Promise<void> {
    const byProvider = new Map<ProviderId, Step[]>();
    for (const s of this.table.parked()) byProvider.set(this.provider(s), [...(byProvider.get(this.provider(s)) ?? []), s]);
    let retrying = false;
    for (const [provider, steps] of byProvider) {
      this.input.onEvent?.({ type: 'reconcile', provider, steps: steps.length });
      if (await this.settle(provider, steps)) retrying = true;
    }
    if (retrying) await this.input.sleep(backoffDelay(this.input.backoff ?? RECONCILE_BACKOFF, round, this.input.random));
  }

  /** Returns whether any step goes back to be sent again. */
  private async settle(provider: ProviderId, steps: readonly Step[]): Promise<boolean> {
    const maxAttempts = this.input.maxAttempts ?? 6;
    let live: LiveIndex;
    try {
      live = indexLive((await this.input.apis.get(provider)!.read()).objects);
    } catch (error) {
      // Cannot read now: try again next round, or give up once the steps are out of attempts.
      for (const s of steps) {
        if (this.table.attempts(s.id) >= maxAttempts)
          await this.fail(s, `${this.table.lastError(s.id)}; then reading the target to check failed: ${(error as Error).message}`);
        else this.table.requeue(s.id);
      }
      return steps.some((s) => this.table.state(s.id) === 'pending');
    }
    let retrying = false;
    for (const s of steps) {
      const verdict = reconcileStep(this.input.graph, s, live, this.table.objectId(s), this.table.wasConflict(s.id));
      if (verdict.outcome === 'done') {
        await this.succeed(
          s,
          { type: 'reconcile', step: s.id, at: this.at(), outcome: 'done', ...(verdict.liveId !== undefined ? { liveId: verdict.liveId } : {}) },
          verdict.liveId,
        );
      } else if (verdict.outcome === 'failed' || this.table.attempts(s.id) >= maxAttempts) {
        const detail = verdict.outcome === 'failed' ? verdict.detail : `gave up after ${this.table.attempts(s.id)} attempts`;
        await this.input.record({ type: 'reconcile', step: s.id, at: this.at(), outcome: 'failed', detail });
        await this.fail(s, `${this.table.lastError(s.id)} — ${detail}`);
      } else {
        await this.input.record({ type: 'reconcile', step: s.id, at: this.at(), outcome: 'retry' });
        this.table.requeue(s.id);
        retrying = true;
      }
    }
    return retrying;
  }
}

type Kind = 'definitive' | 'lost' | 'conflict';

function classify(error: unknown, step: Step, isConflict: ((e: HttpStatusError) => boolean) | undefined): Kind {
  if (error instanceof NetworkError) return 'lost';
  if (!(error instanceof HttpStatusError)) return 'definitive';
  if (error.status >= 500 || error.status === 429) return 'lost';
  if (error.status === 409 || isConflict?.(error)) return 'conflict';
  // A 404 on an object we act on may be our own delete that went through before its answer was lost.
  if (error.status === 404 && step.op !== 'create') return 'conflict';
  return 'definitive';
}

/** Every expected error carries its hint (an API's refusal, a lost lock); anything else has none. */
function hintOf(error: unknown): string | undefined {
  return error instanceof PromocError ? error.hint : undefined;
}
