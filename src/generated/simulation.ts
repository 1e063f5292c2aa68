// Generated from schemas/ by `npm run gen:types`. Do not edit by hand.
/* eslint-disable */

export type Count = number;
export type Instant = string;
export type CampaignChange = 'added' | 'removed' | 'changed' | 'unchanged';

/**
 * A saved simulation (`promoc simulate --out sim.json`): recorded sessions replayed through the base and the head bundle, per campaign and in total. Written by promoc, versioned by formatVersion; `promoc report --simulation` refuses other versions. Money is integer minor units keyed by ISO 4217 currency (sessions may mix currencies; nothing is converted).
 */
export interface SimulationReport {
  /**
   * Simulation format version. Readers refuse any other value.
   */
  formatVersion: 'promoc-simulation/v1';
  base: SideInfo;
  head: SideInfo;
  sessions: SessionStats;
  /**
   * The first few invalid sessions.
   */
  errors: SessionError[];
  /**
   * Changed campaigns first (largest discount delta first), then by id.
   */
  campaigns: CampaignResult[];
  /**
   * Totals over every session, per side.
   */
  totals: {
    base: SideTotals;
    head: SideTotals;
  };
  /**
   * Geofences whose geometry differs between the sides.
   */
  geofences: GeofenceChange[];
  daily: DailySeries;
}
export interface SideInfo {
  /**
   * What was built: a git ref, "working tree", a directory.
   */
  label: string;
  /**
   * Git commit the side was built from, when known.
   */
  revision: string | null;
  /**
   * Content digest of that side's bundle.
   */
  digest: string;
  campaigns: Count;
}
export interface SessionStats {
  read: Count;
  evaluated: Count;
  invalid: Count;
  outOfOrder: Count;
  first?: Instant;
  last?: Instant;
  customers: Count;
  /**
   * Currencies of the evaluated sessions, sorted.
   */
  currencies: string[];
}
export interface SessionError {
  /**
   * 1-based line number in the input (the CSV header is line 1).
   */
  line: number;
  /**
   * Why the session could not be evaluated.
   */
  message: string;
}
export interface CampaignResult {
  /**
   * Kind/name.
   */
  id: string;
  /**
   * Campaign kind.
   */
  kind: string;
  /**
   * Campaign name.
   */
  name: string;
  /**
   * The code customers present, for a code campaign.
   */
  code?: string;
  /**
   * True for a surcharge: its amounts are fees charged, not discounts.
   */
  fee: boolean;
  change: CampaignChange;
  /**
   * Top-level bundle fields that differ (benefits, limits, window...), for a changed campaign.
   */
  fields?: string[];
  base?: CampaignStats;
  head?: CampaignStats;
}
export interface CampaignStats {
  redemptions: Count;
  amount: MoneyByCurrency;
  credit: MoneyByCurrency;
  customers: Count;
  exhausted?: Exhaustion;
  worst?: WorstCase;
}
/**
 * Minor units per ISO 4217 currency code.
 */
export interface MoneyByCurrency {
  [k: string]: number | undefined;
}
export interface Exhaustion {
  at: Instant;
  /**
   * The limit that ran out.
   */
  by: 'budget' | 'redemptions';
}
/**
 * The session with the largest combined discount share among those the campaign applied to.
 */
export interface WorstCase {
  /**
   * Every discount of the session over everything it was charged (lines and fees), in percent (two decimals).
   */
  percent: number;
  /**
   * The session's id, or its line ("line 12").
   */
  session: string;
  at: Instant;
  /**
   * Currency of that session.
   */
  currency: string;
  /**
   * Lines and fees before discounts, minor units.
   */
  subtotal: number;
  /**
   * Every discount of that session, minor units.
   */
  discount: number;
  /**
   * Every campaign that applied to that session, in application order.
   */
  campaigns: string[];
}
export interface SideTotals {
  discounted: Count;
  discount: MoneyByCurrency;
  fees: MoneyByCurrency;
  credit: MoneyByCurrency;
  worst?: WorstCase;
}
export interface GeofenceChange {
  /**
   * Geofence name.
   */
  name: string;
  /**
   * Added, removed or changed.
   */
  change: 'added' | 'removed' | 'changed';
  before?: GeofenceShape;
  after?: GeofenceShape;
}
export interface GeofenceShape {
  /**
   * Bounding box [west, south, east, north] in degrees.
   *
   * @minItems 4
   * @maxItems 4
   */
  bbox: [number, number, number, number];
  /**
   * GeoJSON MultiPolygon coordinates.
   */
  coordinates: [number, number, ...number[]][][][];
}
/**
 * Discount per UTC day in the main currency, one series per campaign that applied on either side.
 */
export interface DailySeries {
  /**
   * The main currency (the first session's); other currencies are not charted.
   */
  currency: string;
  /**
   * YYYY-MM-DD, consecutive.
   */
  days: string[];
  /**
   * One series per campaign that applied on either side.
   */
  series: {
    /**
     * Campaign id (Kind/name).
     */
    campaign: string;
    /**
     * Discount per day on the base side, minor units, one per day.
     */
    base: number[];
    /**
     * Discount per day on the head side, minor units, one per day.
     */
    head: number[];
  }[];
}
