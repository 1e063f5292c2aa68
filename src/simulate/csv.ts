// Sessions as CSV, for exports from a warehouse: a header row names the columns (any order, case-
// insensitive), each row is one session. Lists are `;`-separated; price lines are `SELECTOR=AMOUNT`
// items (docs/simulate.md). Fields may be quoted RFC 4180 style, but a row is one line.
import { SessionError, SessionsFileError, sessionFromObject, type Session } from './session.js';
import type { LineResult } from './read.js';

const COLUMNS = [
  'id', 'at', 'currency', 'customer', 'user_type', 'customer_tags', 'first_purchase', 'vouchers', 'codes',
  'vehicle', 'vehicle_category', 'vehicle_tags', 'branch', 'start_lon', 'start_lat', 'end_lon', 'end_lat',
  'plan', 'billing_usage', 'billing_quantity', 'lines',
] as const;
type Column = (typeof COLUMNS)[number];
const REQUIRED: readonly Column[] = ['at', 'currency', 'lines'];

export function csvSessionParser(): (line: string) => LineResult {
  let header: (Column | undefined)[] | undefined;
  return (line) => {
    if (line.trim() === '') return undefined;
    if (!header) { header = parseHeader(line); return undefined; }
    try {
      const cells = splitCsvRow(line);
      const row: Partial<Record<Column, string>> = {};
      header.forEach((col, i) => { const v = cells[i]; if (col && v !== undefined && v !== '') row[col] = v; });
      return sessionFromObject(toObject(row));
    } catch (e) {
      if (e instanceof SessionError) return e;
      throw e;
    }
  };
}

function parseHeader(line: string): (Column | undefined)[] {
  const names = splitCsvRow(line).map((h) => h.trim().toLowerCase());
  const unknown = names.filter((n) => !(COLUMNS as readonly string[]).includes(n));
  if (unknown.length > 0) throw new SessionsFileError(`unknown CSV column${unknown.length === 1 ? '' : 's'} ${unknown.map((u) => `"${u}"`).join(', ')}`, `Columns: ${COLUMNS.join(', ')}.`);
  const missing = REQUIRED.filter((r) => !names.includes(r));
  if (missing.length > 0) throw new SessionsFileError(`the CSV header has no ${missing.join(', ')} column`, 'The first row names the columns; at, currency and lines are required.');
  return names as Column[];
}

/** RFC 4180 fields of one row: commas separate, double quotes quote, "" is a quote inside quotes. */
export function splitCsvRow(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let v = '';
      i += 1;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q === -1) throw new SessionError('unterminated quoted CSV field (a row must be one line)');
        v += line.slice(i, q);
        if (line[q + 1] === '"') { v += '"'; i = q + 2; continue; }
        i = q + 1;
        break;
      }
      out.push(v);
      if (i < line.length && line[i] !== ',') throw new SessionError(`unexpected text after a quoted CSV field at column ${i + 1}`);
      i += 1;
    } else {
      const c = line.indexOf(',', i);
      const end = c === -1 ? line.length : c;
      out.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return out;
}

const list = (v: string | undefined): string[] | undefined => (v === undefined ? undefined : v.split(';').map((x) => x.trim()).filter((x) => x !== ''));

function num(v: string | undefined, column: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new SessionError(`${column} "${v}" is not a number`);
  return n;
}

function toObject(r: Partial<Record<Column, string>>): Record<string, unknown> {
  const at = r.at !== undefined && /^\d+$/.test(r.at) ? Number(r.at) : r.at;
  const point = (lon: string | undefined, lat: string | undefined, which: string) =>
    lon === undefined && lat === undefined ? undefined : { lon: num(lon, `${which}_lon`) ?? NaN, lat: num(lat, `${which}_lat`) ?? NaN };
  const start = point(r.start_lon, r.start_lat, 'start');
  const end = point(r.end_lon, r.end_lat, 'end');
  const customer = r.customer ?? r.user_type ?? r.customer_tags ?? r.vouchers ?? r.first_purchase;
  const vehicle = r.vehicle ?? r.vehicle_category ?? r.vehicle_tags;
  const billing = r.plan ?? r.billing_usage ?? r.billing_quantity;
  return strip({
    id: r.id,
    at,
    currency: r.currency,
    customer: customer === undefined ? undefined : strip({ id: r.customer, userType: r.user_type, tags: list(r.customer_tags), vouchers: list(r.vouchers), firstPurchase: r.first_purchase === undefined ? undefined : r.first_purchase === 'true' }),
    codes: list(r.codes),
    vehicle: vehicle === undefined ? undefined : strip({ id: r.vehicle, category: r.vehicle_category, tags: list(r.vehicle_tags) }),
    rental: r.branch ?? start ?? end ? strip({ branch: r.branch, start, end }) : undefined,
    billing: billing === undefined ? undefined : strip({ plan: r.plan, usage: num(r.billing_usage, 'billing_usage'), quantity: num(r.billing_quantity, 'billing_quantity') }),
    lines: (list(r.lines) ?? []).map(lineItem),
  });
}

/** `TIME_PRICE=12.00x30`, `ADDITION/INSURANCE_PLUS=300`, `plan:fleet-pro-monthly=49900`, `metric:api_calls=1200`, `package:minute-pack-100=999`. */
function lineItem(item: string, i: number): Record<string, unknown> {
  const m = /^([^=]+)=(\d+(?:\.\d+)?)(?:x(\d+(?:\.\d+)?))?$/.exec(item);
  if (!m) throw new SessionError(`price line "${item}" is not SELECTOR=AMOUNT[xQUANTITY]`);
  const [, selector = '', amount = '', quantity] = m;
  const line: Record<string, unknown> = { id: `l${i + 1}`, amount: amount.includes('.') ? amount : Number(amount) };
  if (quantity !== undefined) line.quantity = Number(quantity);
  const colon = selector.indexOf(':');
  const slash = selector.indexOf('/');
  if (colon > 0) {
    const key = selector.slice(0, colon);
    if (key !== 'plan' && key !== 'metric' && key !== 'package') throw new SessionError(`price line selector "${selector}": use plan:, metric: or package:`);
    line[key] = selector.slice(colon + 1);
  } else if (slash > 0) {
    line.costSource = { group: selector.slice(0, slash), code: selector.slice(slash + 1) };
  } else {
    line.priceType = selector;
  }
  return line;
}

function strip(o: Record<string, unknown>): Record<string, unknown> {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}
