// One side of a replay: evaluations in, per-campaign tallies out. Pure apart from its own state; the
// memory it holds is per campaign (and per day, per distinct customer), never per session. This runs
// once per session and side, so tallies are created up front and the main currency has its own field.
import type { Evaluation } from '../engine/evaluation.js';
import type { BundleCampaign } from '../generated/bundle.js';
import type { CustomerCampaigns, Interner } from './distinct.js';
import { SimulationLedger } from './ledger.js';
import type { CampaignStats, Exhaustion, SideTotals, WorstCase } from './types.js';

/** What the aggregator needs to know about the session besides its evaluation. */
export interface SessionMeta {
  /** The session's id, if it has one, and its line in the input. */
  readonly id: string | undefined;
  readonly line: number;
  /** The interned index of customer.id (-1 without one). */
  readonly customer: number;
  /** Epoch ms. */
  readonly at: number;
  readonly day: number;
}

class Tally {
  redemptions = 0;
  /** In the main currency; other currencies in `other`. */
  amount = 0;
  readonly other = new Map<string, number>();
  readonly credit = new Map<string, number>();
  exhausted: Exhaustion | undefined;
  worst: WorstCase | undefined;
  /** Amount in the main currency per UTC day, indexed from `firstDay`. */
  daily: number[] = [];
  firstDay = -1;

  /** `column`: this campaign's column in the replay's CustomerCampaigns. */
  constructor(readonly column: number) {}

  addDaily(day: number, amount: number): void {
    if (this.firstDay < 0) this.firstDay = day;
    if (day < this.firstDay) {
      this.daily = [...new Array<number>(this.firstDay - day).fill(0), ...this.daily];
      this.firstDay = day;
    }
    const i = day - this.firstDay;
    while (this.daily.length <= i) this.daily.push(0);
    this.daily[i]! += amount;
  }
}

const add = (m: Map<string, number>, k: string, v: number): void => {
  m.set(k, (m.get(k) ?? 0) + v);
};

export class SideAggregator {
  readonly ledger: SimulationLedger;
  private readonly tallies = new Map<string, Tally>();
  private discounted = 0;
  /** Discounts and fees in the main currency, and in any other (a map lookup per session was measurable). */
  private mainDiscount = 0;
  private mainFees = 0;
  private readonly discount = new Map<string, number>();
  private readonly fees = new Map<string, number>();
  private readonly credit = new Map<string, number>();
  private worst: WorstCase | undefined;
  /** Set from the first session: `amount` fields and the daily series are in this currency. */
  mainCurrency: string | undefined;

  /** `columns` holds both sides' campaigns; this side's start at column `first`. */
  constructor(
    readonly campaigns: readonly BundleCampaign[],
    customers: Interner,
    private readonly columns: CustomerCampaigns,
    first: number,
  ) {
    this.ledger = new SimulationLedger(campaigns, customers);
    campaigns.forEach((c, i) => this.tallies.set(c.id, new Tally(first + i)));
  }

  add(e: Evaluation, s: SessionMeta): void {
    const cur = e.currency;
    const main = cur === this.mainCurrency;
    // Over everything charged (fees included): a waived fee is a discount too, and the share stays ≤ 100%.
    const charged = e.subtotal + e.surcharges;
    const percent = charged > 0 && e.discounts > 0 ? Math.round((e.discounts * 10_000) / charged) / 100 : 0;
    if (e.discounts > 0) {
      this.discounted += 1;
      if (main) this.mainDiscount += e.discounts;
      else add(this.discount, cur, e.discounts);
    }
    if (e.surcharges > 0) {
      if (main) this.mainFees += e.surcharges;
      else add(this.fees, cur, e.surcharges);
    }
    const applied = e.applied;
    for (let i = 0; i < applied.length; i++) {
      const a = applied[i]!;
      const t = this.tallies.get(a.campaign)!;
      this.count(t, a.campaign, s, a.amount, cur, main, true);
      if (percent > (t.worst?.percent ?? 0)) t.worst = worstCase(e, s, percent);
    }
    const fees = e.fees;
    for (let i = 0; i < fees.length; i++) this.count(this.tallies.get(fees[i]!.campaign)!, fees[i]!.campaign, s, fees[i]!.amount, cur, main, false);
    const grants = e.grants;
    for (let i = 0; i < grants.length; i++) {
      const g = grants[i]!;
      if (g.type !== 'credit') continue;
      add(this.tallies.get(g.campaign)!.credit, g.currency, g.amount);
      add(this.credit, g.currency, g.amount);
    }
    if (percent > (this.worst?.percent ?? 0)) this.worst = worstCase(e, s, percent);
  }

  private count(t: Tally, id: string, s: SessionMeta, amount: number, cur: string, main: boolean, limited: boolean): void {
    t.redemptions += 1;
    if (amount > 0) {
      if (main) {
        t.amount += amount;
        t.addDaily(s.day, amount);
      } else add(t.other, cur, amount);
    }
    if (s.customer >= 0) this.columns.add(s.customer, t.column);
    if (!limited) return;
    const reached = this.ledger.record(id, s.customer, amount);
    if (reached && !t.exhausted) t.exhausted = { at: new Date(s.at).toISOString(), by: reached };
  }

  /** Stats of every campaign of this side (zeros for those that never applied). */
  stats(): Map<string, CampaignStats> {
    const out = new Map<string, CampaignStats>();
    for (const c of this.campaigns) {
      const t = this.tallies.get(c.id)!;
      const amount = new Map(t.other);
      if (t.amount > 0 && this.mainCurrency !== undefined) amount.set(this.mainCurrency, t.amount);
      out.set(c.id, {
        redemptions: t.redemptions,
        amount: sorted(amount),
        credit: sorted(t.credit),
        customers: this.columns.count(t.column),
        ...(t.exhausted ? { exhausted: t.exhausted } : {}),
        ...(t.worst ? { worst: t.worst } : {}),
      });
    }
    return out;
  }

  /** The campaign's amount in the main currency on UTC day `day`. */
  dailyAmount(id: string, day: number): number {
    const t = this.tallies.get(id);
    return t && t.firstDay >= 0 ? (t.daily[day - t.firstDay] ?? 0) : 0;
  }

  hasDaily(id: string): boolean {
    return (this.tallies.get(id)?.firstDay ?? -1) >= 0;
  }

  totals(): SideTotals {
    return {
      discounted: this.discounted,
      discount: sorted(this.withMain(this.discount, this.mainDiscount)),
      fees: sorted(this.withMain(this.fees, this.mainFees)),
      credit: sorted(this.credit),
      ...(this.worst ? { worst: this.worst } : {}),
    };
  }

  private withMain(others: ReadonlyMap<string, number>, main: number): Map<string, number> {
    const all = new Map(others);
    if (main > 0 && this.mainCurrency !== undefined) all.set(this.mainCurrency, main);
    return all;
  }
}

function worstCase(e: Evaluation, s: SessionMeta, percent: number): WorstCase {
  return {
    percent,
    session: s.id ?? `line ${s.line}`,
    at: new Date(s.at).toISOString(),
    currency: e.currency,
    subtotal: e.subtotal + e.surcharges,
    discount: e.discounts,
    campaigns: e.applied.map((a) => a.campaign),
  };
}

function sorted(m: ReadonlyMap<string, number>): Record<string, number> {
  return Object.fromEntries([...m].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}
