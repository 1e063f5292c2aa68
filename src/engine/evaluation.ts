// What evaluate() returns. All amounts are integer minor units of the context's currency.
import type { BundleCampaign } from '../generated/bundle.js';

export interface AdjustedLine {
  readonly id: string;
  /** The amount before any benefit (for a fee: the fee charged). */
  readonly original: number;
  readonly discount: number;
  /** What the customer pays for this line: original − discount, never below zero. */
  readonly amount: number;
  /** true for fees added by surcharges and for context lines of the SURCHARGE cost-source group. */
  readonly fee: boolean;
}

export interface LineAmount {
  readonly line: string;
  readonly amount: number;
}

export interface AppliedCampaign {
  /** Kind/name. */
  readonly campaign: string;
  readonly kind: BundleCampaign['kind'];
  readonly name: string;
  readonly code?: string;
  /** Total discount. */
  readonly amount: number;
  readonly lines: readonly LineAmount[];
  /** How often its zone phase was met (2 for START_PLUS_END_RENTAL at both ends), else 1. */
  readonly times: number;
}

export interface AppliedFee {
  readonly campaign: string;
  readonly name: string;
  /** The fee line added to `lines`. */
  readonly line: string;
  readonly amount: number;
  readonly times: number;
}

/** Effects outside the price: wallet credit, trial days. */
export type Grant =
  | { readonly campaign: string; readonly type: 'credit'; readonly amount: number; readonly currency: string }
  | { readonly campaign: string; readonly type: 'trialExtension'; readonly days: number };

export interface Rejection {
  readonly campaign: string;
  /** A sentence: "window ends 2027-06-01", "requires tag staff", "exclusive campaign X applied first". */
  readonly reason: string;
}

export interface Evaluation {
  /** The evaluation instant, epoch ms. */
  readonly at: number;
  readonly currency: string;
  /** Context lines in their order, then one line per fee. */
  readonly lines: readonly AdjustedLine[];
  /** Sum of the context's lines. */
  readonly subtotal: number;
  /** Sum of the fees added. */
  readonly surcharges: number;
  /** Sum of every discount (fee waivers included). */
  readonly discounts: number;
  /** subtotal + surcharges − discounts. */
  readonly total: number;
  /** In the order they applied. */
  readonly applied: readonly AppliedCampaign[];
  readonly fees: readonly AppliedFee[];
  readonly grants: readonly Grant[];
  /** Every campaign the context reached that did not apply, in evaluation order. */
  readonly rejected: readonly Rejection[];
  /** Presented codes no campaign has. */
  readonly unknownCodes: readonly string[];
}
