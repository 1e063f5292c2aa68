// A context written as data (JSON or YAML: `promoc eval` files, test vectors, a service's request
// body) → an EvaluationContext. Amounts may be integers (minor units) or decimal strings in the
// context's currency ("12.50"); usage counters are a plain object turned into an in-memory ledger.
import type { EvaluationContext, LonLat, PriceLine } from './context.js';
import { ContextError } from './errors.js';
import { currencyExponent, parseDecimal } from './money.js';
import { memoryUsage, type UsageSeed } from './usage.js';

type Obj = Record<string, unknown>;

export function contextFromData(data: unknown): EvaluationContext {
  const d = obj(data, '');
  const currency = str(d.currency, 'currency');
  const exponent = /^[A-Z]{3}$/.test(currency) ? currencyExponent(currency) : 2;
  const amount = (v: unknown, path: string): number => toMinor(v, path, exponent);
  const lines = arr(d.lines, 'lines').map((l, i) => line(obj(l, `lines[${i}]`), `lines[${i}]`, amount));
  const at = d.at instanceof Date ? d.at.getTime() : d.at;
  if (typeof at !== 'number' && typeof at !== 'string') throw new ContextError('at', 'is missing', 'Give the evaluation time, e.g. at: 2027-06-01T12:00:00Z.');
  for (const [path, v] of [
    ['codes', d.codes],
    ['customer.tags', (d.customer as Obj | undefined)?.tags],
    ['customer.vouchers', (d.customer as Obj | undefined)?.vouchers],
    ['customer.verifications', (d.customer as Obj | undefined)?.verifications],
    ['billing.products', (d.billing as Obj | undefined)?.products],
    ['vehicle.tags', (d.vehicle as Obj | undefined)?.tags],
  ] as const) {
    if (v !== undefined && !(Array.isArray(v) && v.every((x) => typeof x === 'string')))
      throw new ContextError(path, 'must be a list of strings', `Write e.g. ${path}: [SUMMER25]; quote values YAML would read as numbers.`);
  }
  const rental = d.rental === undefined ? undefined : obj(d.rental, 'rental');
  const usage = d.usage === undefined ? undefined : usageFrom(obj(d.usage, 'usage'), d, amount);
  return {
    ...(d as Partial<EvaluationContext>),
    at,
    currency,
    lines,
    ...(rental ? { rental: { ...rental, start: point(rental.start, 'rental.start'), end: point(rental.end, 'rental.end') } } : {}),
    ...(usage ? { usage } : {}),
  } as EvaluationContext;
}

function line(l: Obj, path: string, amount: (v: unknown, path: string) => number): PriceLine {
  return { ...(l as Partial<PriceLine>), id: str(l.id, `${path}.id`), amount: amount(l.amount, `${path}.amount`) } as PriceLine;
}

/** usage: { Kind/name: { redemptions, customerRedemptions, budgetSpent } } — customerRedemptions counts for customer.id. */
function usageFrom(u: Obj, d: Obj, amount: (v: unknown, path: string) => number): ReturnType<typeof memoryUsage> {
  const customerId = (d.customer as Obj | undefined)?.id;
  const seed: Record<string, UsageSeed> = {};
  for (const [campaign, raw] of Object.entries(u)) {
    const c = obj(raw, `usage.${campaign}`);
    seed[campaign] = {
      ...(typeof c.redemptions === 'number' ? { redemptions: c.redemptions } : {}),
      ...(typeof c.customerRedemptions === 'number' && typeof customerId === 'string' ? { customers: { [customerId]: c.customerRedemptions } } : {}),
      ...(c.budgetSpent !== undefined ? { budgetSpent: amount(c.budgetSpent, `usage.${campaign}.budgetSpent`) } : {}),
    };
  }
  return memoryUsage(seed);
}

/** An integer is minor units; a string is a decimal amount in the currency. */
export function toMinor(v: unknown, path: string, exponent: number): number {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') throw new ContextError(path, `${JSON.stringify(v)} is not an amount`, 'Write minor units (1250) or a decimal string ("12.50").');
  const minor = parseDecimal(v, exponent);
  if (typeof minor !== 'number') throw new ContextError(path, minor.error, 'Write minor units (1250) or a decimal string ("12.50").');
  return minor;
}

function point(v: unknown, path: string): LonLat | undefined {
  if (v === undefined) return undefined;
  const p = obj(v, path);
  if (typeof p.lon !== 'number' || typeof p.lat !== 'number') throw new ContextError(path, 'needs numeric lon and lat', 'Write { lon: 13.40, lat: 52.52 }.');
  return { lon: p.lon, lat: p.lat };
}

function obj(v: unknown, path: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ContextError(path || 'context', 'must be an object');
  return v as Obj;
}

function arr(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) throw new ContextError(path, 'must be a list');
  return v;
}

function str(v: unknown, path: string): string {
  if (typeof v !== 'string') throw new ContextError(path, `${JSON.stringify(v)} is not a string`);
  return v;
}
