// The engine's in-memory ledger behind the async UsageStore interface: one process only, no
// expiry (it has no clock). It is the reference the Redis store is held to by the contract suite.
import { memoryUsage, type UsageLedger, type UsageSeed } from '../engine/index.js';
import { notHeld, type CampaignUsage, type UsageStore } from './store.js';

export function memoryStore(seed: Readonly<Record<string, UsageSeed>> = {}): UsageStore & { readonly ledger: UsageLedger } {
  const ledger = memoryUsage(seed);
  // The ledger ignores unknown ids silently; the store reports them, as the Redis store does.
  const held = new Set<string>();
  const settle = (id: string, how: (id: string) => void) => {
    if (!held.delete(id)) return Promise.resolve(notHeld(id));
    how(id);
    return Promise.resolve({ ok: true } as const);
  };
  return {
    ledger,
    reserve(request) {
      const r = ledger.reserve(request);
      if (r.ok) held.add(r.id);
      return Promise.resolve(r);
    },
    commit: (id) => settle(id, (i) => ledger.commit(i)),
    release: (id) => settle(id, (i) => ledger.release(i)),
    read(campaigns, customerId) {
      const out = new Map<string, CampaignUsage>();
      for (const c of campaigns) {
        out.set(c, {
          redemptions: ledger.redemptions(c),
          customerRedemptions: customerId === undefined ? 0 : ledger.customerRedemptions(c, customerId),
          budgetSpent: ledger.budgetSpent(c),
        });
      }
      return Promise.resolve(out);
    },
  };
}
