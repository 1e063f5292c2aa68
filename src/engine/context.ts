// What a pricing service hands to evaluate(): one rental, purchase or invoice at one instant.
// Amounts are integer minor units of `currency`; the engine never reads a clock, so `at` is required.
import { ContextError } from './errors.js';
import { INSTANT_HINT, MAX_INSTANT, readInstant } from './instant.js';
import type { UsageCounters } from './usage.js';

export type CostSourceGroup = 'RENTAL' | 'ADDITION' | 'SURCHARGE';

export const CONTEXT_PRODUCTS = ['ev-charging', 'vehicle-rental', 'subscription-billing'] as const;
export type ContextProduct = (typeof CONTEXT_PRODUCTS)[number];

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
  /**
   * The product priced: campaigns of another product never apply. Absent: vehicle-rental when the context
   * names a vehicle or a rental, subscription-billing when it names billing, else any product.
   */
  readonly product?: ContextProduct;
  readonly customer?: {
    readonly id?: string;
    readonly userType?: string;
    readonly tags?: readonly string[];
    readonly attributes?: Readonly<Record<string, string>>;
    /** true when this is the customer's first purchase (audience.firstPurchaseOnly). */
    readonly firstPurchase?: boolean;
    /** Campaign ids (Kind/name) the customer holds an active voucher of: packages, subscriptions, rewards... */
    readonly vouchers?: readonly string[];
    /** Outside verifiers that have verified the customer (conditions.externalVerification), e.g. ["sheerid"]. */
    readonly verifications?: readonly string[];
  };
  /** Codes the customer presented; matched case-insensitively. */
  readonly codes?: readonly string[];
  readonly lines: readonly PriceLine[];
  readonly rental?: { readonly start?: LonLat; readonly end?: LonLat; readonly branch?: string };
  readonly vehicle?: { readonly id?: string; readonly tags?: readonly string[]; readonly category?: string };
  readonly billing?: {
    readonly plan?: string;
    readonly usage?: number;
    readonly quantity?: number;
    /** Usage in the billing period per billable metric (conditions.usageThresholds). */
    readonly metrics?: Readonly<Record<string, number>>;
    /** Products in the purchase (conditions.productCombination). */
    readonly products?: readonly string[];
  };
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
  /** Given or implied; undefined: any product. */
  readonly product: ContextProduct | undefined;
}

/**
 * A part of the context that must be an object when given. Callers that hand evaluate() parsed JSON
 * directly (the simulator, a pricing service) can send null or a string where an object belongs.
 */
function object<T>(v: T | undefined, path: string): T | undefined {
  if (v === undefined) return undefined;
  // The sentences are built only when thrown: this runs several times per evaluation.
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new ContextError(path, `${quote(v)} is not an object`, `Leave ${path} out, or give an object (see the context format in docs/engine.md).`);
  return v;
}

const LINE_HINT = 'Give every price line as an object with an id and an amount in minor units.';

/** A NaN or out-of-range position would pass some geometry tests and fail others; refused instead. */
function position(given: LonLat | undefined, path: string): void {
  const p = object(given, path);
  if (p === undefined) return;
  if (!(typeof p.lon === 'number' && Math.abs(p.lon) <= 180))
    throw new ContextError(
      `${path}.lon`,
      p.lon === undefined ? 'is missing' : `${quote(p.lon)} is not a longitude`,
      'Longitudes are degrees from -180 to 180, e.g. 13.40.',
    );
  if (!(typeof p.lat === 'number' && Math.abs(p.lat) <= 90))
    throw new ContextError(
      `${path}.lat`,
      p.lat === undefined ? 'is missing' : `${quote(p.lat)} is not a latitude`,
      'Latitudes are degrees from -90 to 90, e.g. 52.52.',
    );
}

/** A list of strings, or none. A bare string would be matched by substring in one strategy and not the other. */
function strings(v: readonly string[] | undefined, path: string): readonly string[] {
  if (v === undefined) return EMPTY;
  if (!Array.isArray(v)) throw new ContextError(path, `${quote(v)} is not a list`, `Write a list of strings, e.g. ${path}: ["a"].`);
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') throw new ContextError(`${path}[${i}]`, `${quote(v[i])} is not a string`);
  return v;
}

const quote = (v: unknown): string => (typeof v === 'number' ? String(v) : (JSON.stringify(v) ?? String(v)));

/**
 * Validates what types cannot (integers, finite numbers, unique line ids) and normalizes. One pass over
 * the context in the order its parts are reported; the common case (a valid context) runs no regex, makes
 * no intermediate object and builds no message.
 */
export function prepare(ctx: EvaluationContext): Prepared {
  const given = ctx.at;
  // Epoch milliseconds in range are the usual `at`; anything else is read (or refused) by readInstant.
  const at = typeof given === 'number' && Math.abs(given) <= MAX_INSTANT ? given : readInstant(given);
  if (typeof at !== 'number') throw new ContextError('at', at.error, INSTANT_HINT);
  const currency = ctx.currency;
  if (!knownCurrencies.has(currency)) {
    if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency))
      throw new ContextError('currency', `${JSON.stringify(currency)} is not an ISO 4217 code`, 'Use three uppercase letters, e.g. EUR.');
    knownCurrencies.add(currency);
  }
  const lines = ctx.lines;
  if (!Array.isArray(lines)) throw new ContextError('lines', 'is missing', 'Give the price lines, each with an id and an amount in minor units.');
  let subtotal = 0;
  for (let i = 0; i < lines.length; i++) {
    const line: PriceLine = lines[i];
    if (typeof line !== 'object' || line === null || Array.isArray(line))
      throw new ContextError(`lines[${i}]`, line === undefined ? 'is missing' : `${quote(line)} is not an object`, LINE_HINT);
    const amount = line.amount;
    if (!Number.isSafeInteger(amount) || amount < 0)
      throw new ContextError(`lines[${i}].amount`, `${JSON.stringify(amount)} is not a non-negative integer`, 'Amounts are minor units: 12.50 EUR is 1250.');
    const quantity = line.quantity;
    if (quantity !== undefined && !(Number.isFinite(quantity) && quantity >= 0))
      throw new ContextError(`lines[${i}].quantity`, `${JSON.stringify(quantity)} is not a non-negative number`);
    const id = line.id;
    for (let j = 0; j < i; j++) if (lines[j]!.id === id) throw new ContextError(`lines[${i}].id`, `"${id}" is used twice`, 'Give every line its own id.');
    subtotal += amount;
  }
  // Past 2^53 − 1 a sum of minor units is no longer exact (2^53 + 1 reads as 2^53); once past, it stays past.
  if (!Number.isSafeInteger(subtotal))
    throw new ContextError('lines', `add up to more than ${Number.MAX_SAFE_INTEGER} minor units`, 'No price is that large; check the amounts are minor units.');
  const rental = object(ctx.rental, 'rental');
  if (rental !== undefined) {
    if (rental.start !== undefined) position(rental.start, 'rental.start');
    if (rental.end !== undefined) position(rental.end, 'rental.end');
  }
  const customer = object(ctx.customer, 'customer');
  const vehicle = object(ctx.vehicle, 'vehicle');
  const billing = object(ctx.billing, 'billing');
  if (customer?.verifications !== undefined) strings(customer.verifications, 'customer.verifications');
  if (billing !== undefined) {
    if (billing.products !== undefined) strings(billing.products, 'billing.products');
    const metrics = object(billing.metrics, 'billing.metrics');
    if (metrics !== undefined)
      for (const [k, v] of Object.entries(metrics))
        if (!(typeof v === 'number' && Number.isFinite(v)))
          throw new ContextError(
            `billing.metrics.${k}`,
            `${quote(v)} is not a number`,
            "Give each metric's usage as a number, e.g. telematics_api_calls: 12000.",
          );
  }
  return new PreparedContext(
    at,
    ctx,
    currency,
    customer?.userType,
    customer === undefined ? EMPTY : strings(customer.tags, 'customer.tags'),
    vehicle?.id,
    vehicle === undefined ? EMPTY : strings(vehicle.tags, 'vehicle.tags'),
    vehicle?.category,
    rental?.branch,
    strings(ctx.codes, 'codes'),
    customer === undefined ? EMPTY : strings(customer.vouchers, 'customer.vouchers'),
    subtotal,
    productOf(ctx.product, vehicle !== undefined || rental !== undefined, billing !== undefined),
  );
}

function productOf(given: unknown, rents: boolean, bills: boolean): ContextProduct | undefined {
  if (given !== undefined) {
    if (!(CONTEXT_PRODUCTS as readonly unknown[]).includes(given))
      throw new ContextError('product', `${quote(given)} is not a product`, `Write one of ${CONTEXT_PRODUCTS.join(', ')}, or leave product out.`);
    return given as ContextProduct;
  }
  // A context naming both is ambiguous: it reaches every product, as before products existed.
  return rents === bills ? undefined : rents ? 'vehicle-rental' : 'subscription-billing';
}

/**
 * A context checked once, to evaluate against several bundles (a simulator's base and head, a shadow
 * bundle beside the live one) without checking it again. It holds the caller's context, not a copy:
 * usage counters are read from it when evaluating, so each evaluation may bring its own, and a context
 * changed after preparing must be prepared again.
 */
export class PreparedContext implements Prepared {
  constructor(
    readonly at: number,
    readonly ctx: EvaluationContext,
    readonly currency: string,
    readonly userType: string | undefined,
    readonly customerTags: readonly string[],
    readonly vehicleId: string | undefined,
    readonly vehicleTags: readonly string[],
    readonly category: string | undefined,
    readonly branch: string | undefined,
    readonly codes: readonly string[],
    readonly vouchers: readonly string[],
    readonly subtotal: number,
    readonly product: ContextProduct | undefined,
  ) {}
}
