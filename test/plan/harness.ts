// Test harness for plan end-to-end tests: the fixture repository, the four emulators in memory, and a
// `plan()` that runs the real planner against them with a fixed clock.
import { join } from 'node:path';
import { startEmulators, type RunningEmulators } from '../../src/emulators/index.js';
import { loadProject } from '../../src/load/project.js';
import { type Model, resourceKey } from '../../src/model/resource.js';
import { planBindings, realDeps, type PlanResult } from '../../src/plan/run.js';
import { localBindings, type Binding } from '../../src/plan/targets.js';

export const FIXTURE_REPO = join(import.meta.dirname, '../fixtures/plan/repo');

export async function fixtureModel(): Promise<Model> {
  const loaded = await loadProject({ cwd: FIXTURE_REPO, cache: false, workers: 1 });
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`fixture repo invalid: ${errors.map((d) => `${d.file}: ${d.message}`).join('; ')}`);
  return loaded.model;
}

export interface Harness {
  readonly emulators: RunningEmulators;
  readonly bindings: readonly Binding[];
  plan(options?: { model?: Model; prune?: boolean; force?: boolean }): Promise<PlanResult>;
  close(): Promise<void>;
}

export async function startHarness(model: Model): Promise<Harness> {
  const emulators = await startEmulators({ now: () => new Date('2027-01-15T10:00:00Z') });
  const bindings = localBindings(emulators.endpoints);
  return {
    emulators,
    bindings,
    plan: (o = {}) =>
      planBindings({
        targetName: 'local',
        model: o.model ?? model,
        bindings,
        deps: realDeps(),
        now: () => new Date('2027-01-15T10:00:00Z'),
        promocVersion: '0.0.0-test',
        options: { prune: o.prune ?? false, force: o.force ?? false },
      }),
    close: () => emulators.close(),
  };
}

/** The model without the named resources (kind/name). */
export function without(model: Model, ...keys: string[]): Model {
  return { ...model, resources: model.resources.filter((l) => !keys.includes(resourceKey(l.resource))) };
}
