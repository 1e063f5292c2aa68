// What an apply did, as data: what changed, what failed (and what was therefore not attempted), what did not
// converge, and what was left untouched. Pure; rendered by render/apply-outcome-text.ts.
import type { Divergence } from './verify.js';
import { describeResource, stepsByResource, type CallGraph } from './call-graph.js';
import type { StepTable } from './step-table.js';
import { resourceKey } from '../model/resource.js';

export interface OutcomeEntry {
  readonly resource: string;
  readonly action: string;
  readonly liveId?: string;
  readonly error?: string;
  readonly hint?: string;
  readonly reason?: string;
}

export interface ApplyOutcome {
  readonly run: string;
  readonly target: string;
  readonly journal: string;
  readonly resumed: boolean;
  readonly changed: readonly OutcomeEntry[];
  readonly failed: readonly OutcomeEntry[];
  readonly diverged: readonly OutcomeEntry[];
  readonly untouched: readonly OutcomeEntry[];
  readonly calls: { readonly total: number; readonly sent: number; readonly retried: number };
  readonly ok: boolean;
}

export interface OutcomeInput {
  readonly run: string;
  readonly journal: string;
  readonly resumed: boolean;
  readonly graph: CallGraph;
  readonly table: StepTable;
  readonly divergences: readonly Divergence[];
  /** Actions the plan wanted that no call carries out. */
  readonly unsupported?: readonly { provider: string; kind: string; name: string; action: string; reason?: string }[];
}

export function buildOutcome(input: OutcomeInput): ApplyOutcome {
  const { graph, table } = input;
  const changed: OutcomeEntry[] = [];
  const failed: OutcomeEntry[] = [];
  const diverged: OutcomeEntry[] = [];
  let sent = 0;
  let retried = 0;
  for (const s of graph.steps) {
    const n = table.attempts(s.id);
    sent += n;
    retried += Math.max(0, n - 1);
  }
  const divergent = new Map(input.divergences.map((d) => [d.resource, d]));
  const byResource = stepsByResource(graph);
  graph.resources.forEach((r, i) => {
    const steps = byResource.get(i) ?? [];
    const bad = steps.find((s) => table.state(s.id) === 'failed') ?? steps.find((s) => table.state(s.id) !== 'done');
    const liveId = table.resourceId(i);
    const head = { resource: describeResource(r), action: r.action, ...(liveId !== undefined && r.expect === 'present' ? { liveId } : {}) };
    if (bad) {
      const hint = table.hint(bad.id);
      failed.push({ ...head, error: `${bad.id} ${bad.method} ${bad.path}: ${table.lastError(bad.id)}`, ...(hint ? { hint } : {}) });
      return;
    }
    const d = divergent.get(i);
    if (d) {
      diverged.push({ ...head, error: d.message });
      return;
    }
    changed.push(head);
  });
  for (const u of input.unsupported ?? [])
    failed.push({ resource: `${u.provider} ${resourceKey(u)}`, action: u.action, error: u.reason ?? 'no API call carries out this action' });
  const untouched = graph.untouched.map((u) => ({ resource: describeResource(u), action: u.action, ...(u.reason ? { reason: u.reason } : {}) }));
  return {
    run: input.run,
    target: graph.target,
    journal: input.journal,
    resumed: input.resumed,
    changed,
    failed,
    diverged,
    untouched,
    calls: { total: graph.steps.length, sent, retried },
    ok: failed.length === 0 && diverged.length === 0,
  };
}
