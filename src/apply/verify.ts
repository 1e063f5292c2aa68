// After the calls: did every touched resource converge? Each is looked up in a fresh read and compared with
// what the plan wanted, field by field. An API that answered 200 but kept the old values (the provider's
// `ignoredUpdate` says why when it knows) is caught here and reported loudly. Pure.
import { ownerDigest } from '../plan/actions.js';
import { diffFields } from '../plan/diff.js';
import type { Json } from '../model/canonical.js';
import { writesFor } from '../providers/index.js';
import type { LiveObject } from '../providers/provider.js';
import { isActive, isOwnedBy, type LiveIndex } from './live-index.js';
import { describeResource, type TouchedResource } from './call-graph.js';

export interface Divergence {
  readonly resource: number;
  readonly message: string;
  readonly fields: readonly string[];
}

/** `resourceId(i)`: the live id resource i has after the run (created or read by the plan). */
export function verifyResource(r: TouchedResource, index: number, live: LiveIndex, resourceId: string | undefined): Divergence | undefined {
  const byId = resourceId === undefined ? undefined : live.byId(resourceId);
  if (r.expect === 'absent') {
    return byId ? { resource: index, message: `${describeResource(r)} (${resourceId}) still exists after its delete was answered`, fields: [] } : undefined;
  }
  if (r.expect === 'released') {
    return byId?.owner
      ? {
          resource: index,
          message: `${describeResource(r)} (${resourceId}) still carries promoc's marker after its release was answered`,
          fields: ['metadata.description'],
        }
      : undefined;
  }
  if (r.expect === 'inactive') {
    if (!byId || !isActive(byId)) return undefined;
    return { resource: index, message: `${describeResource(r)} (${resourceId}) is still active after its deactivation was answered`, fields: ['spec.status'] };
  }
  const claimants = live.claimants(r.kind, r.key, r.name);
  if (claimants.length > 1) {
    const ids = claimants.map((c) => c.id).sort();
    return {
      resource: index,
      message:
        `${describeResource(r)} exists ${ids.length} times on the target after the apply (` +
        `${ids.join(', ')}): keep one and delete or archive the others, then run \`promoc plan\``,
      fields: [],
    };
  }
  const o = pickPresent(r, live, byId);
  if (!o) return { resource: index, message: `${describeResource(r)} is not on the target after the calls that create it were answered`, fields: [] };
  if (!isOwnedBy(o, r))
    return {
      resource: index,
      message: `${describeResource(r)} (${o.id}) does not carry promoc's ownership marker after the apply`,
      fields: ['metadata.description'],
    };
  const changes = diffFields(o.normalized.fields as Json, (r.desired ?? {}) as Json);
  if (changes.length === 0) return undefined;
  if (r.expect === 'scheduled') {
    // Not published yet: the version waiting for effectiveAt must hold exactly what git says.
    const waiting = o.scheduled;
    if (
      waiting &&
      waiting.digest === ownerDigest((r.desired ?? {}) as { readonly [k: string]: Json }) &&
      Date.parse(waiting.at) === Date.parse(r.effectiveAt ?? '')
    )
      return undefined;
    return {
      resource: index,
      message:
        `${describeResource(r)} (${o.id}) has no scheduled version with the planned ` +
        `fields for ${r.effectiveAt ?? '(no instant)'} after the update was answered`,
      fields: changes.map((c) => c.path),
    };
  }
  if (r.expect === 'drafted') {
    // Prepared, not published: the draft version must hold exactly what git says; the live fields stay.
    if (o.draft?.digest === ownerDigest((r.desired ?? {}) as { readonly [k: string]: Json })) return undefined;
    return {
      resource: index,
      message: `${describeResource(r)} (${o.id}) has no draft version with the planned fields after the update was answered`,
      fields: changes.map((c) => c.path),
    };
  }
  const fields = changes.map((c) => c.path);
  return { resource: index, message: divergenceMessage(r, o, fields), fields };
}

function pickPresent(r: TouchedResource, live: LiveIndex, byId: LiveObject | undefined): LiveObject | undefined {
  const current = live.current(r.kind, r.key);
  if (byId && byId.facts.retired !== true) return byId;
  return current ?? byId;
}

function divergenceMessage(r: TouchedResource, o: LiveObject, fields: readonly string[]): string {
  const list = fields.join(', ');
  const known = writesFor(r.provider).ignoredUpdate?.(o, describeResource(r), list);
  if (known) return known;
  return (
    `${describeResource(r)} did not converge: after the calls were answered the ` +
    `target still differs in ${list}. Run \`promoc plan\` to see the difference.`
  );
}
