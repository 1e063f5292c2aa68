// Creating, checking and editing a family's persisted state generically (tenants → collections → objects).
import { deriveSeed } from './random.js';
import { STATE_FORMAT, type FamilyState } from './family.js';
import { isRecord } from './input.js';
import { mergePatch } from './merge-patch.js';
import type { ProviderId } from './provider-id.js';

/**
 * A map keyed by client-chosen ids without a prototype: `items["__proto__"]`, `items.constructor` or
 * `items.toString` are then unknown ids like any other, never Object.prototype's members, and storing under
 * "__proto__" stores an object instead of replacing the prototype.
 */
export function idMap<V>(entries: Readonly<Record<string, V>>): Record<string, V> {
  const map = Object.create(null) as Record<string, V>;
  for (const key of Object.keys(entries)) map[key] = entries[key] as V;
  return map;
}

/** Every collection of a tenant (its object-valued fields) as an id map. */
function withIdMaps<T>(tenant: T): T {
  const result = idMap(tenant as Record<string, unknown>);
  for (const key of Object.keys(result)) {
    const value = result[key];
    if (isRecord(value)) result[key] = idMap(value);
  }
  return result as T;
}

export function initialState<T>(provider: ProviderId, tenantIds: readonly string[], emptyTenant: () => T, seed: number): FamilyState<T> {
  return {
    format: STATE_FORMAT,
    provider,
    random: deriveSeed(seed, provider),
    tenants: idMap(Object.fromEntries(tenantIds.map((id) => [id, withIdMaps(emptyTenant())]))),
  };
}

/**
 * Accepts a loaded or restored document if it is this family's state; fills in tenants and collections a
 * newer emulator expects. Anything else is refused with a message saying what the file is.
 */
export function upgradeState<T>(loaded: unknown, provider: ProviderId, tenantIds: readonly string[], emptyTenant: () => T): FamilyState<T> {
  if (!isRecord(loaded) || loaded.format !== STATE_FORMAT) {
    throw new Error(`not a promoc emulator state document (expected "format": "${STATE_FORMAT}")`);
  }
  if (loaded.provider !== provider) {
    throw new Error(`this state belongs to the ${String(loaded.provider)} emulator, not ${provider}`);
  }
  if (!isRecord(loaded.tenants) || typeof loaded.random !== 'number') {
    throw new Error('emulator state is missing "tenants" or "random"');
  }
  const tenants: Record<string, unknown> = idMap(loaded.tenants);
  for (const id of tenantIds) tenants[id] ??= {};
  for (const [id, tenant] of Object.entries(tenants)) {
    if (!isRecord(tenant)) throw new Error(`tenant "${id}" in the emulator state is not an object`);
    tenants[id] = withIdMaps({ ...(emptyTenant() as Record<string, unknown>), ...tenant });
  }
  return { format: STATE_FORMAT, provider, random: loaded.random, tenants: tenants as Record<string, T> };
}

export type CollectionLookup = { readonly ok: true; readonly collection: Record<string, unknown> } | { readonly ok: false; readonly message: string };

export function findCollection<T>(state: FamilyState<T>, tenant: string, collection: string): CollectionLookup {
  const t = state.tenants[tenant];
  if (!isRecord(t)) return { ok: false, message: `unknown tenant "${tenant}"; known: ${Object.keys(state.tenants).join(', ')}` };
  const c = t[collection];
  if (!isRecord(c)) return { ok: false, message: `unknown collection "${collection}"; known: ${Object.keys(t).join(', ')}` };
  return { ok: true, collection: c };
}

/** Applies a merge patch to one stored object; the id field itself is kept. */
export function patchObject(collection: Record<string, unknown>, id: string, patch: unknown): unknown {
  const next = mergePatch(collection[id], patch);
  collection[id] = next;
  return next;
}
