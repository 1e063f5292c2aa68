// Sessions as CSV, for exports from a warehouse: a header row names the columns (any order, case-
// insensitive), each row is one session. Lists are `;`-separated; price lines are
// `[ID@]SELECTOR=AMOUNT[xQUANTITY]` items (docs/simulate.md). Fields may be quoted RFC 4180 style, but
// a row is one line.
//
// This is a replay's hot path, so a row is read straight into the context the engine evaluates (in the
// fixed shapes of shapes.ts): no intermediate record, no regex per item.
import type { PriceLine } from '../engine/context.js';
import { readInstant } from '../engine/instant.js';
import type { LineResult } from './read.js';
import { decimalToMinor, SessionError, SessionsFileError, type Session } from './session.js';
import * as shape from './shapes.js';

export const CSV_COLUMNS = [
  'id', 'at', 'currency', 'customer', 'user_type', 'customer_tags', 'first_purchase', 'vouchers', 'codes',
  'vehicle', 'vehicle_category', 'vehicle_tags', 'branch', 'start_lon', 'start_lat', 'end_lon', 'end_lat',
  'plan', 'billing_usage', 'billing_quantity', 'lines',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
const REQUIRED: readonly CsvColumn[] = ['at', 'currency', 'lines'];
const ITEM_SYNTAX = '[ID@]SELECTOR=AMOUNT[xQUANTITY]';

export function csvSessionParser(): (line: string) => LineResult {
  let reader: RowReader | undefined;
  return (line) => {
    if (line === '' || line.trim() === '') return undefined;
    if (!reader) { reader = new RowReader(parseHeader(line)); return undefined; }
    try {
      return reader.read(line);
    } catch (e) {
      if (e instanceof SessionError) return e;
      throw e;
    }
  };
}

function parseHeader(line: string): readonly string[] {
  const names = splitCsvRow(line).map((h) => h.trim().toLowerCase());
  const unknown = names.filter((n) => !(CSV_COLUMNS as readonly string[]).includes(n));
  if (unknown.length > 0) throw new SessionsFileError(`unknown CSV column${unknown.length === 1 ? '' : 's'} ${unknown.map((u) => `"${u}"`).join(', ')}`, `Columns: ${CSV_COLUMNS.join(', ')}.`);
  const missing = REQUIRED.filter((r) => !names.includes(r));
  if (missing.length > 0) throw new SessionsFileError(`the CSV header has no ${missing.join(', ')} column`, 'The first row names the columns; at, currency and lines are required.');
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  if (twice.length > 0) throw new SessionsFileError(`the CSV header names ${twice[0]} twice`, 'Name every column once.');
  return names;
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

/** Reads rows of one header: where each column is (-1: absent) is worked out once. */
class RowReader {
  private readonly width: number;
  private readonly col: Readonly<Record<CsvColumn, number>>;
  private readonly hasCustomer: boolean;
  private readonly hasVehicle: boolean;
  private readonly hasRental: boolean;
  private readonly hasBilling: boolean;

  constructor(names: readonly string[]) {
    this.width = names.length;
    this.col = Object.fromEntries(CSV_COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<CsvColumn, number>;
    const any = (...cols: CsvColumn[]): boolean => cols.some((c) => this.col[c] >= 0);
    this.hasCustomer = any('customer', 'user_type', 'customer_tags', 'vouchers', 'first_purchase');
    this.hasVehicle = any('vehicle', 'vehicle_category', 'vehicle_tags');
    this.hasRental = any('branch', 'start_lon', 'start_lat', 'end_lon', 'end_lat');
    this.hasBilling = any('plan', 'billing_usage', 'billing_quantity');
  }

  read(line: string): Session {
    const cells = splitCsvRow(line);
    if (cells.length > this.width) throw new SessionError(`the row has ${cells.length} fields and the header names ${this.width}; quote a field that holds a comma`);
    const col = this.col;
    const get = (i: number): string | undefined => (i < 0 ? undefined : cellAt(cells, i));
    const atText = get(col.at);
    if (atText === undefined) throw new SessionError('"at" is missing; give RFC 3339 with a zone or epoch ms');
    const at = readInstant(allDigits(atText) ? Number(atText) : atText);
    if (typeof at !== 'number') throw new SessionError(`"at": ${at.error}; give RFC 3339 with a zone or epoch ms`);
    const currency = get(col.currency);
    if (currency === undefined) throw new SessionError('"currency" is missing; give an ISO 4217 code such as EUR');
    const lines = this.lines(get(col.lines), currency);
    let customer: Session['customer'];
    if (this.hasCustomer) {
      const id = get(col.customer);
      const userType = get(col.user_type);
      const tags = list(get(col.customer_tags));
      const vouchers = list(get(col.vouchers));
      const first = get(col.first_purchase);
      if (id !== undefined || userType !== undefined || tags !== undefined || vouchers !== undefined || first !== undefined) {
        customer = shape.customer(id, userType, tags, undefined, first === undefined ? undefined : first === 'true', vouchers);
      }
    }
    let vehicle: Session['vehicle'];
    if (this.hasVehicle) {
      const id = get(col.vehicle);
      const category = get(col.vehicle_category);
      const tags = list(get(col.vehicle_tags));
      if (id !== undefined || category !== undefined || tags !== undefined) vehicle = shape.vehicle(id, tags, category);
    }
    let rental: Session['rental'];
    if (this.hasRental) {
      const branch = get(col.branch);
      const start = point(get(col.start_lon), get(col.start_lat), 'start');
      const end = point(get(col.end_lon), get(col.end_lat), 'end');
      if (branch !== undefined || start !== undefined || end !== undefined) rental = shape.rental(start, end, branch);
    }
    let billing: Session['billing'];
    if (this.hasBilling) {
      const plan = get(col.plan);
      const usage = num(get(col.billing_usage), 'billing_usage');
      const quantity = num(get(col.billing_quantity), 'billing_quantity');
      if (plan !== undefined || usage !== undefined || quantity !== undefined) billing = shape.billing(plan, usage, quantity);
    }
    return shape.session(get(col.id), at, currency, customer, list(get(col.codes)), lines, rental, vehicle, billing);
  }

  private lines(cell: string | undefined, currency: string): PriceLine[] {
    if (cell === undefined) return [];
    const items = cell.split(';');
    const out: PriceLine[] = [];
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!.trim();
      if (item !== '') out.push(this.item(item, out.length, currency));
    }
    return out;
  }

  /** `TIME_PRICE=12.00x30`, `unlock@UNLOCK_FEE=100`, `ADDITION/INSURANCE_PLUS=300`, `plan:pro=49900`, `energy@=1062`. */
  private item(item: string, index: number, currency: string): PriceLine {
    const eq = item.indexOf('=');
    const bad = (): SessionError => new SessionError(`price line "${item}" is not ${ITEM_SYNTAX}`);
    if (eq < 0) throw bad();
    const amountEnd = decimalEnd(item, eq + 1);
    if (amountEnd === eq + 1) throw bad();
    let quantity: number | undefined;
    if (amountEnd < item.length) {
      if (item.charCodeAt(amountEnd) !== 120 /* x */ || decimalEnd(item, amountEnd + 1) !== item.length || amountEnd + 1 === item.length) throw bad();
      quantity = Number(item.slice(amountEnd + 1));
    }
    const named = item.indexOf('@');
    const id = named >= 0 && named < eq ? item.slice(0, named) : `l${index + 1}`;
    if (id === '') throw new SessionError(`price line "${item}" has an empty id before "@"`);
    const selector = item.slice(named >= 0 && named < eq ? named + 1 : 0, eq);
    const text = item.slice(eq + 1, amountEnd);
    const amount = text.includes('.') ? decimalToMinor(text, currency, id) : Number(text);
    let priceType: string | undefined;
    let costSource: PriceLine['costSource'];
    let plan: string | undefined;
    let metric: string | undefined;
    let pack: string | undefined;
    const colon = selector.indexOf(':');
    const slash = selector.indexOf('/');
    if (colon > 0) {
      const key = selector.slice(0, colon);
      const value = selector.slice(colon + 1);
      if (key === 'plan') plan = value;
      else if (key === 'metric') metric = value;
      else if (key === 'package') pack = value;
      else throw new SessionError(`price line selector "${selector}": use plan:, metric: or package:`);
    } else if (slash > 0) {
      costSource = { group: selector.slice(0, slash) as NonNullable<PriceLine['costSource']>['group'], code: selector.slice(slash + 1) };
    } else if (selector !== '') {
      priceType = selector;
    }
    return shape.line(id, amount, priceType, costSource, quantity, metric, plan, pack);
  }
}

function cellAt(cells: readonly string[], i: number): string | undefined {
  const v = cells[i];
  return v === undefined || v === '' ? undefined : v;
}

/** Where the decimal starting at `from` (digits, optionally `.` and digits) ends. */
function decimalEnd(s: string, from: number): number {
  let i = from;
  while (i < s.length && isDigit(s.charCodeAt(i))) i++;
  if (i > from && i < s.length - 1 && s.charCodeAt(i) === 46 /* . */ && isDigit(s.charCodeAt(i + 1))) {
    i += 2;
    while (i < s.length && isDigit(s.charCodeAt(i))) i++;
  }
  return i;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

function allDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return s.length > 0;
}

function list(v: string | undefined): string[] | undefined {
  if (v === undefined) return undefined;
  const out: string[] = [];
  for (const item of v.split(';')) {
    const t = item.trim();
    if (t !== '') out.push(t);
  }
  return out;
}

function num(v: string | undefined, column: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new SessionError(`${column} "${v}" is not a number`);
  return n;
}

function point(lon: string | undefined, lat: string | undefined, which: string): { lon: number; lat: number } | undefined {
  if (lon === undefined && lat === undefined) return undefined;
  return { lon: num(lon, `${which}_lon`) ?? NaN, lat: num(lat, `${which}_lat`) ?? NaN };
}
