// What a pricing service hands to evaluate(): one rental, purchase or invoice at one instant.
// Amounts are integer minor units of `currency`; the engine never reads a clock, so `at` is required.
import { ContextError } from './errors.js';
import type { UsageCounters } from './usage.js';

export type CostSourceGroup = 'RENTAL' | 'ADDITION' | 'SURCHARGE';

export interface PriceLine {
  /** Unique within the context; results refer to lines by it. */
  readonly id: string;
  /** Integer minor units, ≥ 0. */
  readonly amount: number;
  /** TIME_PRICE, DRIVING_PRICE, PARKING_PRICE, DISTANCE_PRICE, RESERVATION_PRICE, UNLOCK_FEE. */
  readonly priceType?: string;
  readonly costSource?: { readonly group: CostSourceGroup; readonly code: string };
  /** Minutes on time-priced lines (what free minutes consume); units otherwise. */
  readonly quantity?: number;
  /** Billable metric code (billing). */
  readonly metric?: string;
  /** Plan code of this line's subscription, when it differs from billing.plan. */
  readonly plan?: string;
  /** Set on a package purchase line: only package discounts reduce it. */
  readonly package?: string;
}

export interface LonLat {
  readonly lon: number;
  readonly lat: number;
}

export interface EvaluationContext {
  /** The evaluation instant: epoch milliseconds or an RFC 3339 string with a zone. */
  readonly at: number | string;
  /** ISO 4217 code of every amount in the context. */
  readonly currency: string;
  readonly customer?: {
    readonly id?: string;
    readonly userType?: string;
    readonly tags?: readonly string[];
    readonly attributes?: Readonly<Record<string, string>>;
    /** true when this is the customer's first purchase (audience.firstPurchaseOnly). */
    readonly firstPurchase?: boolean;
    /** Campaign ids (Kind/name) the customer holds an active voucher of: packages, subscriptions, rewards... */
    readonly vouchers?: readonly string[];
  };
  /** Codes the customer presented; matched case-insensitively. */
  readonly codes?: readonly string[];
  readonly lines: readonly PriceLine[];
  readonly rental?: { readonly start?: LonLat; readonly end?: LonLat; readonly branch?: string };
  readonly vehicle?: { readonly id?: string; readonly tags?: readonly string[]; readonly category?: string };
  readonly billing?: { readonly plan?: string; readonly usage?: number; readonly quantity?: number };
  /** Redemption and budget counters; absent: every counter reads zero. */
  readonly usage?: UsageCounters;
}

const EMPTY: readonly string[] = [];
/** Currencies already seen valid: a regex per evaluation showed up in profiles. */
const knownCurrencies = new Set<string>();

/** The context checked once and flattened for the hot loop. */
export interface Prepared {
  readonly at: number;
  readonly ctx: EvaluationContext;
  readonly currency: string;
  readonly userType: string | undefined;
  readonly customerTags: readonly string[];
  readonly vehicleId: string | undefined;
  readonly vehicleTags: readonly string[];
  readonly category: string | undefined;
  readonly branch: string | undefined;
  readonly codes: readonly string[];
  readonly vouchers: readonly string[];
  readonly subtotal: number;
}

/** Validates what types cannot (integers, finite numbers, unique line ids) and normalizes. */
export function prepare(ctx: EvaluationContext): Prepared {
  const at = typeof ctx.at === 'number' ? ctx.at : Date.parse(ctx.at);
  if (!Number.isFinite(at)) throw new ContextError('at', `${JSON.stringify(ctx.at)} is not an instant`, 'Give epoch milliseconds or an RFC 3339 date-time such as 2027-06-01T12:00:00Z.');
  if (!knownCurrencies.has(ctx.currency)) {
    if (typeof ctx.currency !== 'string' || !/^[A-Z]{3}$/.test(ctx.currency)) throw new ContextError('currency', `${JSON.stringify(ctx.currency)} is not an ISO 4217 code`, 'Use three uppercase letters, e.g. EUR.');
    knownCurrencies.add(ctx.currency);
  }
  if (!Array.isArray(ctx.lines)) throw new ContextError('lines', 'is missing', 'Give the price lines, each with an id and an amount in minor units.');
  let subtotal = 0;
  for (let i = 0; i < ctx.lines.length; i++) {
    const line = ctx.lines[i]!;
    if (!Number.isSafeInteger(line.amount) || line.amount < 0) throw new ContextError(`lines[${i}].amount`, `${JSON.stringify(line.amount)} is not a non-negative integer`, 'Amounts are minor units: 12.50 EUR is 1250.');
    if (line.quantity !== undefined && !(Number.isFinite(line.quantity) && line.quantity >= 0)) throw new ContextError(`lines[${i}].quantity`, `${JSON.stringify(line.quantity)} is not a non-negative number`);
    for (let j = 0; j < i; j++) if (ctx.lines[j]!.id === line.id) throw new ContextError(`lines[${i}].id`, `"${line.id}" is used twice`, 'Give every line its own id.');
    subtotal += line.amount;
  }
  return {
    at,
    ctx,
    currency: ctx.currency,
    userType: ctx.customer?.userType,
    customerTags: ctx.customer?.tags ?? EMPTY,
    vehicleId: ctx.vehicle?.id,
    vehicleTags: ctx.vehicle?.tags ?? EMPTY,
    category: ctx.vehicle?.category,
    branch: ctx.rental?.branch,
    codes: ctx.codes ?? EMPTY,
    vouchers: ctx.customer?.vouchers ?? EMPTY,
    subtotal,
  };
}
