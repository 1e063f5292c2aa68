// The objects a replay hands the engine, built with every field in one order whatever the input had.
// The engine reads each session's fields on two evaluations; a JSON object's hidden class depends on
// which keys it happens to have and in what order, so parsed sessions of a dozen shapes made those
// reads megamorphic, and the engine's share of a replay grew with it. Values are copied as they are:
// the engine checks them (ContextError), and something that is not an object is passed on unchanged
// for it to refuse with its path.
import type { EvaluationContext, PriceLine } from '../engine/context.js';
import type { Session } from './session.js';

type Customer = NonNullable<EvaluationContext['customer']>;
type Vehicle = NonNullable<EvaluationContext['vehicle']>;
type Rental = NonNullable<EvaluationContext['rental']>;
type Billing = NonNullable<EvaluationContext['billing']>;
type Obj = Record<string, unknown>;

export const session = (
  id: string | undefined,
  at: number,
  currency: string,
  customer: Customer | undefined,
  codes: readonly string[] | undefined,
  lines: readonly PriceLine[],
  rental: Rental | undefined,
  vehicle: Vehicle | undefined,
  billing: Billing | undefined,
): Session => ({ id, at, currency, customer, codes, lines, rental, vehicle, billing, usage: undefined });

export const customer = (
  id: string | undefined,
  userType: string | undefined,
  tags: readonly string[] | undefined,
  attributes: Customer['attributes'],
  firstPurchase: boolean | undefined,
  vouchers: readonly string[] | undefined,
): Customer => ({ id, userType, tags, attributes, firstPurchase, vouchers });

export const vehicle = (id: string | undefined, tags: readonly string[] | undefined, category: string | undefined): Vehicle => ({ id, tags, category });

export const rental = (start: Rental['start'], end: Rental['end'], branch: string | undefined): Rental => ({ start, end, branch });

export const billing = (plan: string | undefined, usage: number | undefined, quantity: number | undefined): Billing => ({ plan, usage, quantity });

export const line = (
  id: string,
  amount: number,
  priceType: string | undefined,
  costSource: PriceLine['costSource'],
  quantity: number | undefined,
  metric: string | undefined,
  plan: string | undefined,
  pack: string | undefined,
): PriceLine => ({ id, amount, priceType, costSource, quantity, metric, plan, package: pack });

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The parts of a parsed JSON session, reshaped; what is not an object stays as it is. */
export function customerFrom(v: unknown): Customer | undefined {
  if (!isObject(v)) return v as Customer | undefined;
  return customer(
    v.id as string,
    v.userType as string,
    v.tags as string[],
    v.attributes as Customer['attributes'],
    v.firstPurchase as boolean,
    v.vouchers as string[],
  );
}

export function vehicleFrom(v: unknown): Vehicle | undefined {
  return isObject(v) ? vehicle(v.id as string, v.tags as string[], v.category as string) : (v as Vehicle | undefined);
}

export function rentalFrom(v: unknown): Rental | undefined {
  return isObject(v) ? rental(pointFrom(v.start), pointFrom(v.end), v.branch as string) : (v as Rental | undefined);
}

function pointFrom(v: unknown): Rental['start'] {
  return isObject(v) ? { lon: v.lon as number, lat: v.lat as number } : (v as Rental['start']);
}

export function billingFrom(v: unknown): Billing | undefined {
  return isObject(v) ? billing(v.plan as string, v.usage as number, v.quantity as number) : (v as Billing | undefined);
}

/** A line object already checked to be one, with its amount in minor units. */
export function lineFrom(v: Obj, amount: number): PriceLine {
  return line(
    v.id as string,
    amount,
    v.priceType as string,
    v.costSource as PriceLine['costSource'],
    v.quantity as number,
    v.metric as string,
    v.plan as string,
    v.package as string,
  );
}
