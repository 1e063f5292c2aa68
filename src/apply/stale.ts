// A saved plan is applied only while live state is what the plan read: every provider is read again and its
// per-object fingerprints compared with the plan's. Anything created, deleted or edited since is named.
import type { Plan } from '../generated/plan.js';
import { StalePlanError } from '../model/errors.js';
import { desiredStateChanges, type DesiredState } from '../plan/desired-state.js';
import { objectFingerprints, stalePlanChanges } from '../plan/fingerprint.js';
import { readBinding } from '../plan/run.js';
import type { Binding } from '../plan/targets.js';
import type { HttpDeps } from '../providers/http/client.js';

export async function assertPlanIsCurrent(plan: Plan, bindings: readonly Binding[], deps: HttpDeps): Promise<void> {
  const planned = new Set(plan.sources.map((s) => s.provider));
  const fresh = await Promise.all(
    bindings
      .filter((b) => planned.has(b.provider))
      .map(async (b) => {
        const live = await readBinding(b, deps);
        return { provider: b.provider, objectFingerprints: objectFingerprints(live.objects) };
      }),
  );
  const changes = stalePlanChanges(plan.sources, fresh);
  if (changes.length > 0) {
    throw new StalePlanError(
      `the saved plan is stale: live state on target ${plan.target} changed since it ` +
        `was made (${plan.createdAt}); run \`promoc plan --out\` again and review it`,
      changes,
    );
  }
}

/**
 * A saved plan is applied only while the working tree still asks for what the plan was computed from: the
 * reviewed plan is what gets applied. Every resource added, removed or changed since is named.
 */
export function assertPlanMatchesTree(plan: Plan, current: DesiredState): void {
  if (!plan.desiredState) {
    throw new StalePlanError(
      `the saved plan for target ${plan.target} carries no desired-state digest (an older promoc wrote ` +
        `it), so it cannot be checked against the working tree; run \`promoc plan --out\` again and review it`,
    );
  }
  const changes = desiredStateChanges(plan.desiredState, current);
  if (changes.length > 0) {
    throw new StalePlanError(
      `the saved plan does not match the working tree: the campaigns for target ${plan.target} ` +
        `changed since the plan was made (${plan.createdAt}` +
        `${plan.revision ? `, at ${plan.revision}` : ''}); run \`promoc plan --out\` again and review it`,
      changes,
    );
  }
}

/** A plan in which live objects conflict cannot be applied: which object is the resource is a human's call. */
export function assertNoConflicts(plan: Plan): void {
  const conflicts = plan.conflicts ?? [];
  if (conflicts.length > 0)
    throw new StalePlanError(
      `the plan for target ${plan.target} has ${conflicts.length} conflict${conflicts.length === 1 ? '' : 's'}` +
        ` (several live objects claim one resource); resolve ${conflicts.length === 1 ? 'it' : 'them'} first`,
      conflicts.map((c) => c.message),
    );
}
