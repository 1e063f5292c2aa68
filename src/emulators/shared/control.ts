// The programmatic test handle of one running family (snapshot, restore, reset, dashboard edits, faults,
// clock). The /__emulator HTTP routes are a thin layer over it.
import type { EmulatorClock } from './clock.js';
import type { EmulatorControl, FamilyState } from './family.js';
import type { FaultLayer } from './fault-layer.js';
import { findCollection, patchObject } from './family-state.js';
import type { ProviderId } from './provider-id.js';
import type { Store } from './store.js';

/** Thrown by control methods for a bad tenant/collection/id; the admin routes turn it into a 404. */
export class ControlError extends Error {
  override readonly name = 'ControlError';
}

export function createControl<T>(provider: ProviderId, store: Store<FamilyState<T>>, faults: FaultLayer, clock: EmulatorClock): EmulatorControl {
  const collection = (tenant: string, name: string): Record<string, unknown> => {
    const found = findCollection(store.state, tenant, name);
    if (!found.ok) throw new ControlError(found.message);
    return found.collection;
  };
  return {
    provider,
    clock,
    snapshot: () => store.snapshot(),
    restore: (snapshot) => store.restore(snapshot),
    reset: () => store.reset(),
    async edit(tenant, name, id, patch) {
      const items = collection(tenant, name);
      if (!Object.hasOwn(items, id)) throw new ControlError(`no object "${id}" in ${tenant}/${name}`);
      const next = patchObject(items, id, patch);
      await store.commit();
      return next;
    },
    async put(tenant, name, id, value) {
      collection(tenant, name)[id] = structuredClone(value);
      await store.commit();
    },
    async remove(tenant, name, id) {
      const items = collection(tenant, name);
      if (!Object.hasOwn(items, id)) return false;
      delete items[id];
      await store.commit();
      return true;
    },
    setFaults: (options) => faults.set(options),
    faults: () => faults.current,
  };
}
