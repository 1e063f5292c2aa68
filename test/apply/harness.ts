// Test harness for apply: emulators (in memory, fixed clock), the real planner, compile and apply, and a
// journal directory of its own per test.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileCalls } from '../../src/apply/plan-to-calls.js';
import type { ExecuteEvent } from '../../src/apply/execute.js';
import type { ApplyOutcome } from '../../src/apply/outcome.js';
import { applyGraph } from '../../src/apply/run.js';
import { startEmulators, type FaultOptions, type RunningEmulators } from '../../src/emulators/index.js';
import type { Plan } from '../../src/generated/plan.js';
import { loadProject } from '../../src/load/project.js';
import { type Model, resourceKey } from '../../src/model/resource.js';
import { planBindings, realDeps, type PlanResult } from '../../src/plan/run.js';
import { localBindings, type Binding } from '../../src/plan/targets.js';
import type { ProviderId } from '../../src/providers/provider.js';

export const NOW = new Date('2027-01-15T10:00:00Z');
export const REPO_ROOT = join(import.meta.dirname, '../..');

export async function modelOf(cwd: string, paths?: readonly string[]): Promise<Model> {
  const loaded = await loadProject({ cwd, cache: false, workers: 1, ...(paths ? { paths } : {}) });
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`invalid campaigns: ${errors.map((d) => `${d.file}: ${d.message}`).join('; ')}`);
  return loaded.model;
}

export interface ApplyHarness {
  readonly emulators: RunningEmulators;
  readonly bindings: readonly Binding[];
  readonly dir: string;
  plan(model: Model, options?: { prune?: boolean; force?: boolean }): Promise<PlanResult>;
  apply(plan: Plan, options?: { onEvent?: (e: ExecuteEvent) => void; dueOnly?: boolean }): Promise<ApplyOutcome>;
  /** The instant the planner and the emulators see (moved with setNow). */
  now(): Date;
  setNow(at: Date): void;
  close(): Promise<void>;
}

export async function startApplyHarness(
  options: { providers?: readonly ProviderId[]; faults?: FaultOptions; seed?: number; concurrency?: number } = {},
): Promise<ApplyHarness> {
  let clock = NOW;
  const emulators = await startEmulators({
    now: () => clock,
    ...(options.providers ? { providers: options.providers } : {}),
    ...(options.faults ? { faults: options.faults } : {}),
    seed: options.seed ?? 1,
  });
  const bindings = localBindings(emulators.endpoints).map((b) =>
    options.concurrency ? { ...b, connection: { ...b.connection, concurrency: options.concurrency } } : b,
  );
  const dir = await mkdtemp(join(tmpdir(), 'promoc-apply-'));
  return {
    emulators,
    bindings,
    dir,
    now: () => clock,
    setNow: (at) => {
      clock = at;
    },
    plan: (model, o = {}) =>
      planBindings({
        targetName: 'local',
        model,
        bindings,
        deps: realDeps(),
        now: () => clock,
        promocVersion: '0.0.0-test',
        options: { prune: o.prune ?? false, force: o.force ?? false },
      }),
    apply: (plan, o = {}) => {
      const { graph, unsupported } = compileCalls(plan, { dueOnly: o.dueOnly ?? false });
      return applyGraph({
        graph,
        unsupported,
        bindings,
        journalDir: join(dir, 'journal', 'local'),
        deps: realDeps(),
        process: { pid: process.pid, host: 'test-host' },
        promocVersion: '0.0.0-test',
        ...(o.onEvent ? { onEvent: o.onEvent } : {}),
      });
    },
    close: async () => {
      await emulators.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The resources of a model that lower without errors for their target (the plannable ones). */
export async function plannable(h: ApplyHarness, model: Model): Promise<{ model: Model; dropped: string[] }> {
  const r = await h.plan(model);
  const bad = new Set(r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}#${d.docIndex}`));
  const keep = model.resources.filter((l) => !bad.has(`${l.source.file}#${l.source.docIndex}`));
  const dropped = model.resources.filter((l) => bad.has(`${l.source.file}#${l.source.docIndex}`)).map((l) => resourceKey(l.resource));
  return { model: { ...model, resources: keep }, dropped };
}

export function changesOf(plan: Plan): string[] {
  return plan.actions
    .filter((a) => a.action !== 'noop')
    .map(
      (a) =>
        `${a.action} ${a.provider} ${resourceKey(a)}` +
        `${a.changes.length > 0 ? `: ${a.changes.map((c) => c.path).join(', ')}` : ''}${a.reason ? ` (${a.reason})` : ''}`,
    );
}
