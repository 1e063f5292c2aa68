// A value derived from one tenant's state, kept until the store's revision moves (every mutation commits,
// which bumps it in the same tick). Listings use it: gathering 10,000 objects for every page made the
// emulator, not the client, the bottleneck of a large plan.

export function perRevision<K extends object, V>(derive: (key: K) => V): (key: K, revision: number) => V {
  const kept = new WeakMap<K, { readonly revision: number; readonly value: V }>();
  return (key, revision) => {
    const hit = kept.get(key);
    if (hit?.revision === revision) return hit.value;
    const value = derive(key);
    kept.set(key, { revision, value });
    return value;
  };
}
