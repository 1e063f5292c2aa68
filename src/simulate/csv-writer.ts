// Sessions written as CSV rows in the format csv.ts reads (docs/simulate.md): the sample generator's
// second output. Every line keeps its id (`unlock@UNLOCK_FEE=100`), so a file replays exactly as its
// NDJSON twin. A value the format cannot hold (a `;` inside a list item) is refused, not mangled.
import type { PriceLine } from '../engine/context.js';
import { CSV_COLUMNS, type CsvColumn } from './csv.js';
import type { GeneratedSession } from './generate.js';
import { PromocError } from '../model/errors.js';

export class CsvWriteError extends PromocError {
  override readonly name = 'CsvWriteError';
  constructor(message: string) {
    super(message, { hint: 'Write the sessions as NDJSON instead (--out sessions.ndjson).' });
  }
}

export const csvHeaderRow = (): string => `${CSV_COLUMNS.join(',')}\n`;

export function csvRow(s: GeneratedSession): string {
  const c = s.customer;
  const cells: Record<CsvColumn, string> = {
    id: s.id,
    at: s.at,
    currency: s.currency,
    customer: c.id,
    user_type: c.userType ?? '',
    customer_tags: list(c.tags, 'customer tag'),
    first_purchase: c.firstPurchase === undefined ? '' : String(c.firstPurchase),
    vouchers: list(c.vouchers, 'voucher'),
    codes: list(s.codes, 'code'),
    vehicle: s.vehicle?.id ?? '',
    vehicle_category: s.vehicle?.category ?? '',
    vehicle_tags: list(s.vehicle?.tags, 'vehicle tag'),
    branch: s.rental?.branch ?? '',
    start_lon: number(s.rental?.start.lon),
    start_lat: number(s.rental?.start.lat),
    end_lon: number(s.rental?.end.lon),
    end_lat: number(s.rental?.end.lat),
    plan: s.billing?.plan ?? '',
    billing_usage: number(s.billing?.usage),
    billing_quantity: number(s.billing?.quantity),
    lines: s.lines.map((l) => lineItem(l as unknown as PriceLine)).join(';'),
  };
  return `${CSV_COLUMNS.map((k) => quote(cells[k])).join(',')}\n`;
}

function list(items: readonly string[] | undefined, what: string): string {
  if (items === undefined) return '';
  for (const i of items)
    if (i.includes(';') || i.trim() !== i || i === '')
      throw new CsvWriteError(`the ${what} ${JSON.stringify(i)} cannot be a CSV list item (lists are ;-separated and trimmed)`);
  return items.join(';');
}

const number = (n: number | undefined): string => (n === undefined ? '' : String(n));

/** `id@SELECTOR=AMOUNT[xQUANTITY]`; a line names at most one selector. */
function lineItem(l: PriceLine): string {
  const selectors = [
    l.priceType,
    l.costSource && `${l.costSource.group}/${l.costSource.code}`,
    l.plan !== undefined ? `plan:${l.plan}` : undefined,
    l.metric !== undefined ? `metric:${l.metric}` : undefined,
    l.package !== undefined ? `package:${l.package}` : undefined,
  ].filter((s) => s !== undefined);
  if (selectors.length > 1) throw new CsvWriteError(`line ${JSON.stringify(l.id)} has ${selectors.length} selectors; a CSV price line has one`);
  const selector = selectors[0] ?? '';
  for (const part of [l.id, selector]) {
    if (/[;=@]/.test(part) || part.trim() !== part)
      throw new CsvWriteError(`${JSON.stringify(part)} cannot be written in a CSV price line (it holds ; = or @)`);
  }
  if (!Number.isSafeInteger(l.amount) || l.amount < 0) throw new CsvWriteError(`line ${JSON.stringify(l.id)}: amount ${l.amount} is not minor units`);
  const quantity = l.quantity === undefined ? '' : `x${decimal(l.quantity, l.id)}`;
  return `${l.id}@${selector}=${l.amount}${quantity}`;
}

function decimal(n: number, id: string): string {
  const s = String(n);
  if (!/^\d+(\.\d+)?$/.test(s)) throw new CsvWriteError(`line ${JSON.stringify(id)}: quantity ${s} cannot be written as a CSV decimal`);
  return s;
}

/** RFC 4180: a field holding a comma, quote or line break is quoted, quotes doubled. */
function quote(v: string): string {
  if (/[\r\n]/.test(v)) throw new CsvWriteError(`${JSON.stringify(v)} holds a line break; a CSV session is one line`);
  return /[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
