// Did a call whose answer never came (a dropped connection, a 5xx, a conflict after our own lost attempt)
// take effect? Decided from a fresh read of the target, never by sending it again blindly: no API here has
// idempotency keys, so a repeated create would be a duplicate. Pure.
import type { LiveObject } from '../providers/provider.js';
import type { CallGraph, Step } from './call-graph.js';
import { isActive, isOwnedBy, sameFields, type LiveIndex } from './live-index.js';
import { resourceKey } from '../model/resource.js';

export type Verdict =
  { readonly outcome: 'done'; readonly liveId?: string } | { readonly outcome: 'retry' } | { readonly outcome: 'failed'; readonly detail: string };

/**
 * `objectId`: the live id the step acts on (known for every op but create). `conflict`: the last answer was
 * a refusal (409, uniqueness) rather than a lost answer, so "not done yet" means someone else is in the way.
 */
export function reconcileStep(graph: CallGraph, step: Step, live: LiveIndex, objectId: string | undefined, conflict: boolean): Verdict {
  const r = graph.resources[step.resource]!;
  if (step.op === 'create') {
    const found = live.current(r.kind, r.key);
    if (found && isOwnedBy(found, r) && step.expectCount !== undefined)
      return countOf(found) >= step.expectCount ? { outcome: 'done', liveId: found.id } : { outcome: 'retry' };
    if (found && isOwnedBy(found, r)) return { outcome: 'done', liveId: found.id };
    if (found && conflict)
      return { outcome: 'failed', detail: `${r.key} is taken by a live ${r.kind} that promoc does not manage as ${resourceKey(r)} (id ${found.id})` };
    return { outcome: 'retry' };
  }
  const o = objectId === undefined ? undefined : live.byId(objectId);
  if (step.op === 'delete') return o ? retryOrFail(conflict, `${objectId} still exists`) : { outcome: 'done' };
  if (!o) return { outcome: 'failed', detail: `${resourceKey(r)} (${objectId ?? 'no id'}) is gone from the target` };
  if (step.op === 'activate') return isActive(o) ? { outcome: 'done' } : retryOrFail(conflict, `${objectId} is still inactive`);
  if (step.op === 'deactivate') return isActive(o) ? retryOrFail(conflict, `${objectId} is still active`) : { outcome: 'done' };
  // update: the fields are as desired (status is a separate call where the API has one).
  if (r.desired && sameFields(o.normalized.fields, r.desired, true)) return { outcome: 'done' };
  return retryOrFail(conflict, `${resourceKey(r)} changed on the target since the plan was made (or the update was refused)`);
}

function countOf(o: LiveObject): number {
  return Number((o.normalized.fields.spec as { count?: unknown } | undefined)?.count ?? 0);
}

function retryOrFail(conflict: boolean, detail: string): Verdict {
  return conflict ? { outcome: 'failed', detail } : { outcome: 'retry' };
}
