// Redemption counters come from outside: the engine reads them, it never counts by itself, so
// limits hold however many engine instances a pricing service runs. The in-memory ledger here is
// for tests, tools and single-process services; a shared store implements the same two interfaces.
import type { BundleLimits } from '../generated/bundle.js';

/** What evaluate() reads. Campaigns are named by id (Kind/name). Missing counters read as zero. */
export interface UsageCounters {
  /** Redemptions so far across all customers. */
  redemptions(campaign: string): number;
  /** Redemptions so far by one customer. */
  customerRedemptions(campaign: string, customerId: string): number;
  /** Discount already paid from the campaign's budget, in the budget currency's minor units. */
  budgetSpent(campaign: string): number;
}

export interface ReservationRequest {
  readonly campaign: string;
  readonly customerId?: string;
  /** Discount to take from the budget, minor units of the budget currency. */
  readonly amount: number;
  readonly limits: BundleLimits;
}

export type Reservation = { readonly ok: true; readonly id: string } | { readonly ok: false; readonly reason: string };

/** Take a redemption before charging, then commit it (charged) or release it (abandoned). */
export interface UsageLedger extends UsageCounters {
  reserve(request: ReservationRequest): Reservation;
  commit(reservationId: string): void;
  release(reservationId: string): void;
}

export interface UsageSeed {
  readonly redemptions?: number;
  readonly customers?: Readonly<Record<string, number>>;
  readonly budgetSpent?: number;
}

interface Counter {
  redemptions: number;
  customers: Map<string, number>;
  budgetSpent: number;
}

/** An in-memory ledger; reserved uses count as taken until released, so no limit is oversold. */
export function memoryUsage(seed: Readonly<Record<string, UsageSeed>> = {}): UsageLedger {
  const counters = new Map<string, Counter>();
  const pending = new Map<string, ReservationRequest>();
  let next = 0;
  const counter = (campaign: string): Counter => {
    let c = counters.get(campaign);
    if (!c) {
      c = { redemptions: 0, customers: new Map(), budgetSpent: 0 };
      counters.set(campaign, c);
    }
    return c;
  };
  const add = (r: ReservationRequest, sign: 1 | -1): void => {
    const c = counter(r.campaign);
    c.redemptions += sign;
    c.budgetSpent += sign * r.amount;
    if (r.customerId !== undefined) c.customers.set(r.customerId, (c.customers.get(r.customerId) ?? 0) + sign);
  };
  for (const [campaign, s] of Object.entries(seed)) {
    const c = counter(campaign);
    c.redemptions = s.redemptions ?? 0;
    c.budgetSpent = s.budgetSpent ?? 0;
    for (const [id, n] of Object.entries(s.customers ?? {})) c.customers.set(id, n);
  }
  return {
    redemptions: (campaign) => counters.get(campaign)?.redemptions ?? 0,
    customerRedemptions: (campaign, customerId) => counters.get(campaign)?.customers.get(customerId) ?? 0,
    budgetSpent: (campaign) => counters.get(campaign)?.budgetSpent ?? 0,
    reserve(request) {
      const c = counter(request.campaign);
      const { redemptions, perCustomer, budget } = request.limits;
      if (redemptions !== undefined && c.redemptions >= redemptions) return { ok: false, reason: `redemption limit ${redemptions} reached` };
      if (perCustomer !== undefined) {
        if (request.customerId === undefined) return { ok: false, reason: 'a per-customer limit needs a customer id' };
        if ((c.customers.get(request.customerId) ?? 0) >= perCustomer) return { ok: false, reason: `per-customer limit ${perCustomer} reached` };
      }
      if (budget !== undefined && c.budgetSpent + request.amount > budget.minor) return { ok: false, reason: 'budget spent' };
      const id = `r${++next}`;
      pending.set(id, request);
      add(request, 1);
      return { ok: true, id };
    },
    commit(id) {
      pending.delete(id);
    },
    release(id) {
      const r = pending.get(id);
      if (!r) return;
      pending.delete(id);
      add(r, -1);
    },
  };
}
