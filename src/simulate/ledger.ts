// Usage counters for a replay: the engine reads them (limits, budgets), the simulator records every
// application after it happened. One ledger per side, so base and head exhaust their limits on their
// own. Per-customer counts are kept only for campaigns that have a per-customer limit: that is the
// only counter whose size grows with the number of customers.
import type { BundleLimits } from '../generated/bundle.js';
import type { UsageCounters } from '../engine/usage.js';

interface Counter {
  redemptions: number;
  spent: number;
  readonly limits: BundleLimits;
  readonly perCustomer: Map<string, number> | undefined;
}

export type LimitReached = 'budget' | 'redemptions' | undefined;

export class SimulationLedger implements UsageCounters {
  private readonly counters = new Map<string, Counter>();

  constructor(campaigns: readonly { readonly id: string; readonly limits: BundleLimits }[]) {
    for (const c of campaigns) {
      this.counters.set(c.id, { redemptions: 0, spent: 0, limits: c.limits, perCustomer: c.limits.perCustomer !== undefined ? new Map() : undefined });
    }
  }

  redemptions(campaign: string): number {
    return this.counters.get(campaign)?.redemptions ?? 0;
  }

  customerRedemptions(campaign: string, customerId: string): number {
    return this.counters.get(campaign)?.perCustomer?.get(customerId) ?? 0;
  }

  budgetSpent(campaign: string): number {
    return this.counters.get(campaign)?.spent ?? 0;
  }

  /** Counts one application; says which limit this one used up, if any (the moment of exhaustion). */
  record(campaign: string, customerId: string | undefined, amount: number): LimitReached {
    const c = this.counters.get(campaign);
    if (!c) return undefined;
    c.redemptions += 1;
    c.spent += amount;
    if (c.perCustomer && customerId !== undefined) c.perCustomer.set(customerId, (c.perCustomer.get(customerId) ?? 0) + 1);
    const { budget, redemptions } = c.limits;
    // The engine caps a discount at what is left of the budget, so the last one lands exactly on it.
    if (budget !== undefined && amount > 0 && c.spent >= budget.minor) return 'budget';
    if (redemptions !== undefined && c.redemptions === redemptions) return 'redemptions';
    return undefined;
  }
}
