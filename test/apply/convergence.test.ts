// Convergence on each emulator: apply the example campaigns planned on that API, then a fresh plan has no
// changes (exit code 0). Examples a provider cannot express yet (compile errors) are left out and listed.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../../src/model/resource.js';
import { planExitCode } from '../../src/plan/build.js';
import { PROVIDER_IDS, type ProviderId } from '../../src/providers/index.js';
import { changesOf, modelOf, plannable, REPO_ROOT, startApplyHarness, type ApplyHarness } from './harness.js';

let examples: Model;
let h: ApplyHarness | undefined;
beforeAll(async () => {
  examples = await modelOf(REPO_ROOT);
});
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const only = (model: Model, provider: ProviderId): Model => ({
  ...model,
  resources: model.resources.filter((l) => l.resource.metadata.labels?.target === provider || l.resource.kind === 'Geofence'),
});

describe.each(PROVIDER_IDS)('apply the examples to the %s emulator', (provider) => {
  it('creates everything, verifies it, and a re-plan has no changes', async () => {
    h = await startApplyHarness({ providers: [provider] });
    const { model, dropped } = await plannable(h, only(examples, provider));
    if (dropped.length > 0) console.warn(`${provider}: ${dropped.length} example(s) not plannable yet, left out: ${dropped.join(', ')}`);
    expect(model.resources.filter((l) => l.resource.metadata.labels?.target === provider).length).toBeGreaterThan(0);
    const first = (await h.plan(model)).plan!;
    expect(first.summary.create).toBeGreaterThan(0);
    const report = await h.apply(first);
    expect({ failed: report.failed, diverged: report.diverged }).toEqual({ failed: [], diverged: [] });
    expect(report.changed.length).toBe(first.summary.changes);
    const again = (await h.plan(model)).plan!;
    expect(changesOf(again)).toEqual([]);
    expect(planExitCode(again)).toBe(0);
  });
});
