// A saved plan is applied only while live state is what the plan read: every provider is read again and its
// per-object fingerprints compared with the plan's. Anything created, deleted or edited since is named.
import type { Plan } from '../generated/plan.js';
import { StalePlanError } from '../model/errors.js';
import { objectFingerprints, stalePlanChanges } from '../plan/fingerprint.js';
import { readBinding } from '../plan/run.js';
import type { Binding } from '../plan/targets.js';
import type { HttpDeps } from '../providers/http/client.js';

export async function assertPlanIsCurrent(plan: Plan, bindings: readonly Binding[], deps: HttpDeps): Promise<void> {
  const planned = new Set(plan.sources.map((s) => s.provider));
  const fresh = await Promise.all(bindings.filter((b) => planned.has(b.provider)).map(async (b) => {
    const live = await readBinding(b, deps);
    return { provider: b.provider, objectFingerprints: objectFingerprints(live.objects) };
  }));
  const changes = stalePlanChanges(plan.sources, fresh);
  if (changes.length > 0) {
    throw new StalePlanError(`the saved plan is stale: live state on target ${plan.target} changed since it was made (${plan.createdAt}); run \`promoc plan --out\` again and review it`, changes);
  }
}
