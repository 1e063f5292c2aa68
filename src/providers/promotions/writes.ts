// Subscription-billing promotions (Kontorion style). Create makes a draft, so an active campaign is create
// then /activate. Updates carry `expected_version` (the version the plan read): a change made by anyone
// since is a 409, never a silent overwrite. `phases` only change on a draft, so an update of an active
// promotion leaves them out (a change to them is planned as a replace). There is no delete: archive.
import type { Action } from '../../generated/plan.js';
import type { Json } from '../../model/canonical.js';
import type { ApiAdapter, CallDraft } from '../writes.js';
import { desiredStatus, liveStatus, payloadOf } from '../writes.js';

const transition = (op: 'activate' | 'deactivate', target: CallDraft['target']): CallDraft => ({
  op,
  method: 'POST',
  path: `/promotions/{id}/${op}`,
  target,
  idempotent: true,
});

function create(a: Action): CallDraft[] {
  const steps: CallDraft[] = [{ op: 'create', method: 'POST', path: '/promotions', body: payloadOf(a), target: 'none', idempotent: false }];
  if (desiredStatus(a) === 'active') steps.push(transition('activate', 'created'));
  return steps;
}

function update(a: Action): CallDraft {
  const { phases, ...rest } = payloadOf(a) as { readonly [k: string]: Json };
  const body: { [k: string]: Json } = liveStatus(a) === 'active' ? { ...rest } : { ...rest, ...(phases !== undefined ? { phases } : {}) };
  // Prepared as a draft version of the active promotion: the API records it and leaves the live fields alone.
  if (a.draft === true) body.save_as_draft = true;
  if (a.liveVersion !== undefined) body.expected_version = a.liveVersion;
  // A change the author dated: the API keeps it as a scheduled version and publishes it at that instant.
  if (a.schedule?.native && a.schedule.op === 'update') body.effective_at = a.schedule.at;
  return { op: 'update', method: 'PATCH', path: '/promotions/{id}', body, target: 'live', idempotent: true };
}

/** A draft cannot be archived: its description is written back without promoc's marker instead. */
function release(a: Action): CallDraft {
  const meta = (a.live as { metadata?: { description?: Json } } | undefined)?.metadata;
  const body: { [k: string]: Json } = { description: typeof meta?.description === 'string' ? meta.description : '' };
  if (a.liveVersion !== undefined) body.expected_version = a.liveVersion;
  return { op: 'update', method: 'PATCH', path: '/promotions/{id}', body, target: 'live', idempotent: true };
}

const isArchived = (a: Action): boolean => (a.counters ?? []).some((c) => c.name === 'status' && c.value === 'archived');

export const promotionsAdapter: ApiAdapter = {
  provider: 'promotions',
  calls(a) {
    switch (a.action) {
      case 'create':
        return create(a);
      case 'update':
        return [update(a), ...(a.activation ? [transition(a.activation, 'live')] : [])];
      case 'activate':
      case 'deactivate':
        return a.release ? [release(a)] : [transition(a.action, 'live')];
      // The archived promotion keeps its redemptions; the new one takes over the code.
      case 'replace':
        return isArchived(a) ? create(a) : [transition('deactivate', 'live'), ...create(a)];
      default:
        return undefined;
    }
  },
  createdId(_kind, body) {
    const id = (body as { data?: { id?: unknown } } | undefined)?.data?.id;
    return typeof id === 'string' ? id : undefined;
  },
  pathId: (liveId) => encodeURIComponent(liveId),
};
