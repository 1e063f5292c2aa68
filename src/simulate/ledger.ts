// Usage counters for a replay: the engine reads them (limits, budgets), the simulator records every
// application after it happened. One ledger per side, so base and head exhaust their limits on their
// own. Per-customer counts are kept only for campaigns that have a per-customer limit: that is the
// only counter whose size grows with the number of customers. They are indexed by the replay's
// interned customer index, so the hot path reads an array slot instead of hashing the id.
import type { BundleLimits } from '../generated/bundle.js';
import type { UsageCounters } from '../engine/usage.js';
import type { Interner } from './distinct.js';
import { holding } from './grow.js';

interface Counter {
  redemptions: number;
  spent: number;
  readonly limits: BundleLimits;
  /** Redemptions per interned customer; undefined without a per-customer limit. */
  perCustomer: Uint32Array<ArrayBuffer> | undefined;
}

export type LimitReached = 'budget' | 'redemptions' | undefined;

export class SimulationLedger implements UsageCounters {
  private readonly counters = new Map<string, Counter>();
  // The engine asks about one campaign several times in a row (its redemptions, its customer's, its
  // budget), then the replay records it: the last counter is kept for the same id string.
  private lastId: string | undefined;
  private lastCounter: Counter | undefined;

  constructor(
    campaigns: readonly { readonly id: string; readonly limits: BundleLimits }[],
    private readonly customers: Interner,
  ) {
    for (const c of campaigns) {
      this.counters.set(c.id, {
        redemptions: 0,
        spent: 0,
        limits: c.limits,
        perCustomer: c.limits.perCustomer !== undefined ? new Uint32Array(64) : undefined,
      });
    }
  }

  private counter(campaign: string): Counter | undefined {
    if (campaign !== this.lastId) {
      this.lastId = campaign;
      this.lastCounter = this.counters.get(campaign);
    }
    return this.lastCounter;
  }

  redemptions(campaign: string): number {
    return this.counter(campaign)?.redemptions ?? 0;
  }

  customerRedemptions(campaign: string, customerId: string): number {
    const counts = this.counter(campaign)?.perCustomer;
    if (counts === undefined) return 0;
    // Asked before the replay interns the session's customer: one never seen has redeemed nothing.
    const customer = this.customers.find(customerId);
    return customer < 0 ? 0 : (counts[customer] ?? 0);
  }

  budgetSpent(campaign: string): number {
    return this.counter(campaign)?.spent ?? 0;
  }

  /**
   * Whether the campaign's total redemptions or budget are used up: the engine refuses it on this side from
   * now on (limitReason compares the same counters the same way, and they never go down).
   */
  exhausted(campaign: string): boolean {
    const c = this.counter(campaign);
    if (!c) return false;
    const { budget, redemptions } = c.limits;
    return (redemptions !== undefined && c.redemptions >= redemptions) || (budget !== undefined && c.spent >= budget.minor);
  }

  /**
   * Counts one application by the customer of interned index `customer` (-1: none); says which limit this
   * one used up, if any (the moment of exhaustion).
   */
  record(campaign: string, customer: number, amount: number): LimitReached {
    const c = this.counter(campaign);
    if (!c) return undefined;
    c.redemptions += 1;
    c.spent += amount;
    if (c.perCustomer && customer >= 0) {
      c.perCustomer = holding(c.perCustomer, customer);
      c.perCustomer[customer]! += 1;
    }
    const { budget, redemptions } = c.limits;
    // The engine caps a discount at what is left of the budget, so the last one lands exactly on it.
    if (budget !== undefined && amount > 0 && c.spent >= budget.minor) return 'budget';
    if (redemptions !== undefined && c.redemptions === redemptions) return 'redemptions';
    return undefined;
  }
}
