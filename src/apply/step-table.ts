// The state of every step of a run: pending → running → done | parked (outcome unknown) | failed, and
// skipped when something it depends on failed. Tracks which steps are ready (every dependency done) and the
// live id each resource's create answered. A resumed run starts from the journal's replay: steps done stay
// done, steps that were sent without a recorded answer start parked (decided by reading, never resent blindly).
import type { Replay } from './journal-records.js';
import type { CallGraph, Step } from './call-graph.js';
import { append } from '../model/append.js';

export type StepState = 'pending' | 'running' | 'parked' | 'done' | 'failed' | 'skipped';

interface Entry {
  state: StepState;
  attempts: number;
  waitingOn: number;
  error?: string;
  hint?: string;
  conflict?: boolean;
  liveId?: string;
}

export class StepTable {
  private readonly entries = new Map<string, Entry>();
  private readonly dependents = new Map<string, Step[]>();
  private readonly steps = new Map<string, Step>();
  private readonly readySet = new Set<string>();
  private readonly created = new Map<number, string>();

  constructor(
    readonly graph: CallGraph,
    prior?: Replay,
  ) {
    for (const s of graph.steps) {
      this.steps.set(s.id, s);
      for (const d of s.after) this.dependents.set(d, [...(this.dependents.get(d) ?? []), s]);
      const done = prior?.done.get(s.id);
      const started = prior?.started.has(s.id) ?? false;
      this.entries.set(s.id, {
        state: done ? 'done' : started ? 'parked' : 'pending',
        attempts: started ? 1 : 0,
        waitingOn: 0,
        ...(started ? { error: 'the run stopped before this call was answered' } : {}),
      });
      if (done?.liveId !== undefined) this.created.set(s.resource, done.liveId);
    }
    for (const s of graph.steps) {
      const e = this.entry(s.id);
      e.waitingOn = s.after.filter((d) => this.entries.get(d)?.state !== 'done').length;
      if (e.state === 'pending' && e.waitingOn === 0) this.readySet.add(s.id);
    }
  }

  private entry(id: string): Entry {
    const e = this.entries.get(id);
    if (!e) throw new Error(`unknown step ${id}`);
    return e;
  }

  state(id: string): StepState {
    return this.entry(id).state;
  }
  attempts(id: string): number {
    return this.entry(id).attempts;
  }
  lastError(id: string): string {
    return this.entry(id).error ?? 'unknown error';
  }
  hint(id: string): string | undefined {
    return this.entry(id).hint;
  }
  wasConflict(id: string): boolean {
    return this.entry(id).conflict === true;
  }

  /** Pending steps whose dependencies are all done, in the order they became ready. */
  *ready(): Generator<Step> {
    // A Set may change while it is iterated: claimed steps drop out, newly ready ones are visited too.
    for (const id of this.readySet) yield this.steps.get(id)!;
  }

  claim(id: string): void {
    this.readySet.delete(id);
    this.entry(id).state = 'running';
  }

  start(id: string): void {
    this.entry(id).attempts += 1;
  }

  done(id: string, liveId?: string): void {
    const e = this.entry(id);
    e.state = 'done';
    const step = this.steps.get(id)!;
    if (liveId !== undefined && step.op === 'create') this.created.set(step.resource, liveId);
    for (const d of this.dependents.get(id) ?? []) {
      const de = this.entry(d.id);
      de.waitingOn -= 1;
      if (de.waitingOn === 0 && de.state === 'pending') this.readySet.add(d.id);
    }
  }

  fail(id: string, error: string, hint?: string): void {
    const e = this.entry(id);
    this.readySet.delete(id);
    Object.assign(e, { state: 'failed', error, ...(hint ? { hint } : {}) });
  }

  park(id: string, error: string, conflict: boolean): void {
    Object.assign(this.entry(id), { state: 'parked', error, conflict });
  }

  requeue(id: string): void {
    this.entry(id).state = 'pending';
    this.readySet.add(id);
  }

  parked(): Step[] {
    return this.graph.steps.filter((s) => this.entry(s.id).state === 'parked');
  }

  /** Marks every step that (transitively) waits on `id` as skipped; returns them. */
  skipDependents(id: string): Step[] {
    const out: Step[] = [];
    const queue = [...(this.dependents.get(id) ?? [])];
    while (queue.length > 0) {
      const s = queue.shift()!;
      const e = this.entry(s.id);
      if (e.state !== 'pending') continue;
      e.state = 'skipped';
      e.error = `not sent: it depends on ${id}, which failed`;
      this.readySet.delete(s.id);
      out.push(s);
      append(queue, this.dependents.get(s.id) ?? []);
    }
    return out;
  }

  /** Steps still pending once nothing can run (a dependency that never finished); marked skipped. */
  stranded(): Step[] {
    const out = this.graph.steps.filter((s) => this.entry(s.id).state === 'pending');
    for (const s of out) Object.assign(this.entry(s.id), { state: 'skipped', error: 'not sent: its dependencies never finished' });
    return out;
  }

  /** The live id `{id}` names for this step. */
  objectId(step: Step): string | undefined {
    if (step.target === 'created') return this.created.get(step.resource);
    if (step.target === 'live') return this.graph.resources[step.resource]?.liveId;
    return this.created.get(step.resource);
  }

  /** The live id of a resource after the run: what it created, else what the plan read. */
  resourceId(resource: number): string | undefined {
    return this.created.get(resource) ?? this.graph.resources[resource]?.liveId;
  }
}
