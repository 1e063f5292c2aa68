// Live objects indexed the way the planner matches them (kind + natural key, case-insensitively; the current
// object before an archived one) and by id. Pure. Used to decide whether a call whose answer was lost took
// effect, and to verify convergence after apply.
import { statusOf } from '../plan/actions.js';
import type { LiveObject } from '../providers/provider.js';
import type { TouchedResource } from './call-graph.js';

export interface LiveIndex {
  byId(id: string): LiveObject | undefined;
  /** The current (not archived) object with this kind and key, if any. */
  current(kind: string, key: string): LiveObject | undefined;
  /** Every current object that claims the resource: same kind and key, or promoc's marker for its kind and name. */
  claimants(kind: string, key: string, name: string): LiveObject[];
}

const keyOf = (kind: string, key: string): string => `${kind}/${key.toLowerCase()}`;

export function indexLive(objects: readonly LiveObject[]): LiveIndex {
  const ids = new Map<string, LiveObject>();
  const keys = new Map<string, LiveObject>();
  const current = objects.filter((o) => o.facts.retired !== true);
  for (const o of objects) {
    ids.set(o.id, o);
    if (o.facts.retired === true) continue;
    const k = keyOf(o.normalized.kind, o.normalized.key);
    const seen = keys.get(k);
    // Where an API lets a key repeat, prefer the object promoc manages.
    if (!seen || (!seen.owner && o.owner)) keys.set(k, o);
  }
  return {
    byId: (id) => ids.get(id),
    current: (kind, key) => keys.get(keyOf(kind, key)),
    claimants: (kind, key, name) =>
      current.filter(
        (o) => (o.normalized.kind === kind && o.normalized.key.toLowerCase() === key.toLowerCase()) || (o.owner?.kind === kind && o.owner.name === name),
      ),
  };
}

export const isOwnedBy = (o: LiveObject, r: Pick<TouchedResource, 'kind' | 'name'>): boolean => o.owner?.kind === r.kind && o.owner.name === r.name;

export const isActive = (o: LiveObject): boolean => statusOf(o.normalized.fields) === 'active';

/** Normalized documents have sorted keys, so equal text is equal value. `spec.status` is left out when asked. */
export function sameFields(a: { readonly [k: string]: unknown }, b: { readonly [k: string]: unknown }, ignoreStatus: boolean): boolean {
  return JSON.stringify(ignoreStatus ? withoutStatus(a) : a) === JSON.stringify(ignoreStatus ? withoutStatus(b) : b);
}

function withoutStatus(fields: { readonly [k: string]: unknown }): { readonly [k: string]: unknown } {
  const spec = fields.spec as { readonly [k: string]: unknown } | undefined;
  if (!spec || !('status' in spec)) return fields;
  const { status: _status, ...rest } = spec;
  return { ...fields, spec: rest };
}
