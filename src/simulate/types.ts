// The simulation as data: what `promoc simulate --json` writes and `promoc report` reads. Versioned
// like a plan file; a reader refuses any other formatVersion. Money is integer minor units, keyed by
// currency (recorded sessions may mix currencies; the engine never converts).

export const SIMULATION_FORMAT = 'promoc-simulation/v1' as const;

/** Minor units per ISO 4217 currency code. */
export type MoneyByCurrency = Readonly<Record<string, number>>;

export interface Exhaustion {
  /** RFC 3339 instant of the session that used the last of the limit. */
  readonly at: string;
  readonly by: 'budget' | 'redemptions';
}

/** The session with the largest combined discount share among those the campaign applied to. */
export interface WorstCase {
  /** Every discount of the session over everything it was charged (lines and fees), in percent (two decimals). */
  readonly percent: number;
  readonly session: string;
  readonly at: string;
  readonly currency: string;
  /** Lines and fees before discounts, minor units. */
  readonly subtotal: number;
  readonly discount: number;
  /** Every campaign that applied to that session, in application order. */
  readonly campaigns: readonly string[];
}

export interface CampaignStats {
  /** Sessions it applied to (or, for a surcharge, charged). */
  readonly redemptions: number;
  /** Discount given, or for a surcharge the fees charged. */
  readonly amount: MoneyByCurrency;
  /** Wallet credit granted (outside the price). */
  readonly credit: MoneyByCurrency;
  /** Distinct customer ids among those sessions. */
  readonly customers: number;
  readonly exhausted?: Exhaustion;
  readonly worst?: WorstCase;
}

export type CampaignChange = 'added' | 'removed' | 'changed' | 'unchanged';

export interface CampaignResult {
  /** Kind/name. */
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  readonly code?: string;
  readonly fee: boolean;
  readonly change: CampaignChange;
  /** Top-level bundle fields that differ (benefits, limits, window...), for a changed campaign. */
  readonly fields?: readonly string[];
  /** Absent when the campaign does not exist on that side. */
  readonly base?: CampaignStats;
  readonly head?: CampaignStats;
}

export interface SideInfo {
  /** What was built: a git ref, "working tree", a directory. */
  readonly label: string;
  readonly revision: string | null;
  readonly digest: string;
  readonly campaigns: number;
}

export interface SideTotals {
  /** Sessions with at least one discount. */
  readonly discounted: number;
  readonly discount: MoneyByCurrency;
  readonly fees: MoneyByCurrency;
  readonly credit: MoneyByCurrency;
  readonly worst?: WorstCase;
}

export interface SessionStats {
  /** Non-empty lines or rows read. */
  readonly read: number;
  readonly evaluated: number;
  readonly invalid: number;
  /** Sessions earlier than the one before them: limits are consumed in file order. */
  readonly outOfOrder: number;
  readonly first?: string;
  readonly last?: string;
  readonly customers: number;
  readonly currencies: readonly string[];
}

export interface SessionError {
  /** 1-based line number in the input (the CSV header is line 1). */
  readonly line: number;
  readonly message: string;
}

export interface GeofenceChange {
  readonly name: string;
  readonly change: Exclude<CampaignChange, 'unchanged'>;
  readonly before?: GeofenceShape;
  readonly after?: GeofenceShape;
}

export interface GeofenceShape {
  readonly bbox: readonly number[];
  /** GeoJSON MultiPolygon coordinates. */
  readonly coordinates: readonly (readonly (readonly (readonly number[])[])[])[];
}

/** Discount per UTC day in the main currency, one series per campaign that applied on either side. */
export interface DailySeries {
  readonly currency: string;
  /** YYYY-MM-DD, consecutive. */
  readonly days: readonly string[];
  readonly series: readonly { readonly campaign: string; readonly base: readonly number[]; readonly head: readonly number[] }[];
}

export interface SimulationReport {
  readonly formatVersion: typeof SIMULATION_FORMAT;
  readonly base: SideInfo;
  readonly head: SideInfo;
  readonly sessions: SessionStats;
  /** The first few invalid sessions. */
  readonly errors: readonly SessionError[];
  /** Changed campaigns first (largest discount delta first), then by id. */
  readonly campaigns: readonly CampaignResult[];
  readonly totals: { readonly base: SideTotals; readonly head: SideTotals };
  readonly geofences: readonly GeofenceChange[];
  readonly daily: DailySeries;
}
