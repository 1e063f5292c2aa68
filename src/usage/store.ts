// The shared usage store: the engine's UsageLedger made asynchronous, because a store that many
// engine instances share (Redis) answers over the network. The engine itself stays synchronous
// and reads counters from a snapshot (see with-usage.ts); only reserve/commit/release are the
// authority on whether a redemption may be taken.
import type { Reservation, ReservationRequest } from '../engine/index.js';

/** What commit/release report: a reservation that expired or was already settled is not held. */
export type Settlement = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** One campaign's counters as read for one customer; held reservations count as taken. */
export interface CampaignUsage {
  readonly redemptions: number;
  /** Redemptions by the customer named in the read (0 when none was named). */
  readonly customerRedemptions: number;
  /** Minor units of the budget currency. */
  readonly budgetSpent: number;
}

export interface UsageStore {
  /** Take a redemption (and `amount` of the budget) if every limit in `request.limits` allows it. */
  reserve(request: ReservationRequest): Promise<Reservation>;
  /** The redemption was charged: the reservation becomes a permanent count. */
  commit(reservationId: string): Promise<Settlement>;
  /** The redemption was abandoned: its capacity returns. */
  release(reservationId: string): Promise<Settlement>;
  /** Counters of these campaigns, for one customer (or none), read for evaluate(). */
  read(campaigns: readonly string[], customerId?: string): Promise<ReadonlyMap<string, CampaignUsage>>;
}

export const notHeld = (id: string): Settlement => ({
  ok: false,
  reason: `reservation ${JSON.stringify(id)} is not held: it expired, was already committed or released, or never existed`,
});
