// evaluate() is synchronous and reads counters on demand; a shared store answers over the network.
// Rather than read every limited campaign of the bundle before each evaluation, run it once with
// counters that read zero and record which campaigns it asked about (only the campaigns the context
// reaches), read those in one batch, and run it again. Evaluation is pure and takes microseconds,
// so the extra pass is cheaper than a round trip. A second pass can ask about a campaign the
// first did not (a counter changed which campaign applied first), hence the loop; it ends because
// the set of known campaigns only grows and the reached campaigns are finite.
import type { UsageCounters } from '../engine/index.js';
import { InternalError } from '../model/errors.js';
import type { CampaignUsage, UsageStore } from './store.js';

/** More passes than this means the evaluation asks about campaigns without end: a bug. */
const MAX_PASSES = 8;

export async function withUsage<T>(store: Pick<UsageStore, 'read'>, customerId: string | undefined, run: (usage: UsageCounters) => T): Promise<T> {
  const known = new Map<string, CampaignUsage>();
  for (let pass = 1; ; pass++) {
    const missing = new Set<string>();
    const result = run(countersOf(known, customerId, missing));
    if (missing.size === 0) return result;
    if (pass === MAX_PASSES) throw new InternalError(`withUsage: still asking about ${[...missing].join(', ')} after ${MAX_PASSES} passes`);
    for (const [campaign, usage] of await store.read([...missing], customerId)) known.set(campaign, usage);
  }
}

function countersOf(known: ReadonlyMap<string, CampaignUsage>, customerId: string | undefined, missing: Set<string>): UsageCounters {
  const get = (campaign: string): CampaignUsage | undefined => {
    const u = known.get(campaign);
    if (!u) missing.add(campaign);
    return u;
  };
  return {
    redemptions: (campaign) => get(campaign)?.redemptions ?? 0,
    customerRedemptions(campaign, customer) {
      // The store was read for one customer; any other would read a wrong count.
      if (customer !== customerId)
        throw new InternalError(`withUsage: read for customer ${JSON.stringify(customerId)}, asked about ${JSON.stringify(customer)}`);
      return get(campaign)?.customerRedemptions ?? 0;
    },
    budgetSpent: (campaign) => get(campaign)?.budgetSpent ?? 0,
  };
}
