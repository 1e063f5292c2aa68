// Which usage counters a campaign's evaluation reads (limitReason, freePeriodReason, budgetLeft and a
// ladder's step in evaluate.ts): none, only its redemptions by the context's customer, or also its
// totals (redemptions, budget spent). A replay that keeps two ledgers apart (the simulator) needs to know
// which counters must agree between them for a campaign to evaluate alike on both.
import type { BundleCampaign } from '../generated/bundle.js';
import { freePeriodsOf } from './runtime-campaigns.js';

export type CountersRead = 'none' | 'customer' | 'all';

export function countersRead(c: BundleCampaign): CountersRead {
  const l = c.limits;
  if (l.redemptions !== undefined || l.budget !== undefined) return 'all';
  // A ladder's step and a free period count the customer's redemptions; a per-customer limit too.
  if (l.perCustomer !== undefined || c.ladder !== undefined || freePeriodsOf(c) !== undefined) return 'customer';
  return 'none';
}
