// Sessions as CSV, for exports from a warehouse: a header row names the columns (any order, case-
// insensitive), each row is one session. Lists are `;`-separated; price lines are
// `[ID@]SELECTOR=AMOUNT[xQUANTITY]` items (docs/simulate.md). Fields may be quoted RFC 4180 style, but
// a row is one line.
//
// This is a replay's hot path, so a row is read straight into the context the engine evaluates (in the
// fixed shapes of shapes.ts): no intermediate record, no regex per item.
import type { PriceLine } from '../engine/context.js';
import { readInstant, readInstantIn } from '../engine/instant.js';
import type { LineResult } from './read.js';
import { decimalToMinor, SessionError, SessionsFileError, type Session } from './session.js';
import { holding } from './grow.js';
import * as shape from './shapes.js';

export const CSV_COLUMNS = [
  'id',
  'at',
  'currency',
  'customer',
  'user_type',
  'customer_tags',
  'first_purchase',
  'vouchers',
  'codes',
  'vehicle',
  'vehicle_category',
  'vehicle_tags',
  'branch',
  'start_lon',
  'start_lat',
  'end_lon',
  'end_lat',
  'plan',
  'billing_usage',
  'billing_quantity',
  'lines',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
const REQUIRED: readonly CsvColumn[] = ['at', 'currency', 'lines'];
const ITEM_SYNTAX = '[ID@]SELECTOR=AMOUNT[xQUANTITY]';

export function csvSessionParser(): (line: string) => LineResult {
  let reader: RowReader | undefined;
  return (line) => {
    if (line === '' || line.trim() === '') return undefined;
    if (!reader) {
      reader = new RowReader(parseHeader(line));
      return undefined;
    }
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
  if (unknown.length > 0)
    throw new SessionsFileError(
      `unknown CSV column${unknown.length === 1 ? '' : 's'} ${unknown.map((u) => `"${u}"`).join(', ')}`,
      `Columns: ${CSV_COLUMNS.join(', ')}.`,
    );
  const missing = REQUIRED.filter((r) => !names.includes(r));
  if (missing.length > 0)
    throw new SessionsFileError(`the CSV header has no ${missing.join(', ')} column`, 'The first row names the columns; at, currency and lines are required.');
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
        if (line[q + 1] === '"') {
          v += '"';
          i = q + 2;
          continue;
        }
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

/** Names of unnamed lines: l1, l2, ... made once. */
const LINE_IDS = Array.from({ length: 32 }, (_, i) => `l${i + 1}`);

/**
 * Reads rows of one header: where each column is (-1: absent) is worked out once. A row is not split
 * into an array of strings: its fields are located (text, from, to) and read in place, numbers and
 * amounts straight from the characters; a value becomes a string only where the session holds one.
 */
class RowReader {
  private readonly width: number;
  private readonly col: Readonly<Record<CsvColumn, number>>;
  private readonly hasCustomer: boolean;
  private readonly hasVehicle: boolean;
  private readonly hasRental: boolean;
  private readonly hasBilling: boolean;
  /** Field i of the row being read is src[i] from index from[i] to to[i] (empty: from = to). */
  private readonly src: string[];
  private readonly from: Int32Array;
  private readonly to: Int32Array;
  /** Item i of the list being read is itemSrc[i] from itemFrom[i] to itemTo[i]. */
  private readonly itemSrc: string[] = [];
  private itemFrom: Int32Array<ArrayBuffer> = new Int32Array(8);
  private itemTo: Int32Array<ArrayBuffer> = new Int32Array(8);

  constructor(names: readonly string[]) {
    this.width = names.length;
    this.col = Object.fromEntries(CSV_COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<CsvColumn, number>;
    const any = (...cols: CsvColumn[]): boolean => cols.some((c) => this.col[c] >= 0);
    this.hasCustomer = any('customer', 'user_type', 'customer_tags', 'vouchers', 'first_purchase');
    this.hasVehicle = any('vehicle', 'vehicle_category', 'vehicle_tags');
    this.hasRental = any('branch', 'start_lon', 'start_lat', 'end_lon', 'end_lat');
    this.hasBilling = any('plan', 'billing_usage', 'billing_quantity');
    this.src = new Array<string>(this.width).fill('');
    this.from = new Int32Array(this.width);
    this.to = new Int32Array(this.width);
  }

  read(line: string): Session {
    this.locate(line);
    const col = this.col;
    const k = col.at;
    if (!this.filled(k)) throw new SessionError('"at" is missing; give RFC 3339 with a zone or epoch ms');
    const atSrc = this.src[k]!;
    const atFrom = this.from[k]!;
    const atTo = this.to[k]!;
    // Epoch ms as digits, else an instant read in place (the row is not sliced for it).
    const at = allDigits(atSrc, atFrom, atTo) ? readInstant(Number(atSrc.slice(atFrom, atTo))) : readInstantIn(atSrc, atFrom, atTo);
    if (typeof at !== 'number') throw new SessionError(`"at": ${at.error}; give RFC 3339 with a zone or epoch ms`);
    const currency = this.text(col.currency);
    if (currency === undefined) throw new SessionError('"currency" is missing; give an ISO 4217 code such as EUR');
    const lines = this.lines(col.lines, currency);
    let customer: Session['customer'];
    if (this.hasCustomer) {
      const id = this.text(col.customer);
      const userType = this.text(col.user_type);
      const tags = this.list(col.customer_tags);
      const vouchers = this.list(col.vouchers);
      const first = this.text(col.first_purchase);
      if (id !== undefined || userType !== undefined || tags !== undefined || vouchers !== undefined || first !== undefined) {
        customer = shape.customer(id, userType, tags, undefined, first === undefined ? undefined : first === 'true', vouchers);
      }
    }
    let vehicle: Session['vehicle'];
    if (this.hasVehicle) {
      const id = this.text(col.vehicle);
      const category = this.text(col.vehicle_category);
      const tags = this.list(col.vehicle_tags);
      if (id !== undefined || category !== undefined || tags !== undefined) vehicle = shape.vehicle(id, tags, category);
    }
    let rental: Session['rental'];
    if (this.hasRental) {
      const branch = this.text(col.branch);
      const start = this.point(col.start_lon, col.start_lat, 'start');
      const end = this.point(col.end_lon, col.end_lat, 'end');
      if (branch !== undefined || start !== undefined || end !== undefined) rental = shape.rental(start, end, branch);
    }
    let billing: Session['billing'];
    if (this.hasBilling) {
      const plan = this.text(col.plan);
      const usage = this.number(col.billing_usage, 'billing_usage');
      const quantity = this.number(col.billing_quantity, 'billing_quantity');
      if (plan !== undefined || usage !== undefined || quantity !== undefined) billing = shape.billing(plan, usage, quantity);
    }
    return shape.session(this.text(col.id), at, currency, customer, this.list(col.codes), lines, rental, vehicle, billing);
  }

  /** Where each field of the row is; a row with a quote goes through splitCsvRow. */
  private locate(line: string): void {
    const { src, from, to, width } = this;
    let n = 0;
    if (line.indexOf('"') === -1) {
      let start = 0;
      for (;;) {
        const comma = line.indexOf(',', start);
        const end = comma === -1 ? line.length : comma;
        if (n < width) {
          src[n] = line;
          from[n] = start;
          to[n] = end;
        }
        n++;
        if (comma === -1) break;
        start = comma + 1;
      }
    } else {
      const cells = splitCsvRow(line);
      n = cells.length;
      for (let i = 0; i < Math.min(n, width); i++) {
        src[i] = cells[i]!;
        from[i] = 0;
        to[i] = cells[i]!.length;
      }
    }
    if (n > width) throw new SessionError(`the row has ${n} fields and the header names ${width}; quote a field that holds a comma`);
    // Missing trailing fields read as empty.
    for (let i = n; i < width; i++) {
      src[i] = '';
      from[i] = 0;
      to[i] = 0;
    }
  }

  /** Is column k present and non-empty in this row? */
  private filled(k: number): boolean {
    return k >= 0 && this.to[k]! > this.from[k]!;
  }

  /** Column k as a string; undefined when empty. */
  private text(k: number): string | undefined {
    return this.filled(k) ? this.src[k]!.slice(this.from[k]!, this.to[k]!) : undefined;
  }

  private number(k: number, column: string): number | undefined {
    if (!this.filled(k)) return undefined;
    const text = this.src[k]!;
    const n = decimalAt(text, this.from[k]!, this.to[k]!);
    if (!Number.isFinite(n)) throw new SessionError(`${column} "${text.slice(this.from[k]!, this.to[k]!)}" is not a number`);
    return n;
  }

  private point(lon: number, lat: number, which: string): { lon: number; lat: number } | undefined {
    if (!this.filled(lon) && !this.filled(lat)) return undefined;
    return { lon: this.number(lon, `${which}_lon`) ?? NaN, lat: this.number(lat, `${which}_lat`) ?? NaN };
  }

  /** A `;`-separated list: items trimmed, empty ones skipped; undefined when the field is empty. */
  private list(k: number): string[] | undefined {
    if (!this.filled(k)) return undefined;
    const n = this.items(k);
    const out = new Array<string>(n);
    for (let i = 0; i < n; i++) out[i] = this.itemSrc[i]!.slice(this.itemFrom[i]!, this.itemTo[i]!);
    return out;
  }

  private lines(k: number, currency: string): PriceLine[] {
    if (!this.filled(k)) return [];
    const n = this.items(k);
    const out = new Array<PriceLine>(n);
    for (let i = 0; i < n; i++) out[i] = this.item(this.itemSrc[i]!, this.itemFrom[i]!, this.itemTo[i]!, i, currency);
    return out;
  }

  /**
   * Locates the non-empty `;`-separated items of column k, trimmed, in itemSrc/itemFrom/itemTo, and
   * says how many there are: the lists are then made at their exact length (a list grown by push
   * reserves room for 17), without a callback per item.
   */
  private items(k: number): number {
    const text = this.src[k]!;
    const end = this.to[k]!;
    let start = this.from[k]!;
    let n = 0;
    for (;;) {
      const semi = text.indexOf(';', start);
      const stop = semi === -1 || semi > end ? end : semi;
      // Trimming in place covers plain spaces; anything else trim() removes takes the slow road.
      let a = start;
      let b = stop;
      while (a < b && text.charCodeAt(a) === 32) a++;
      while (b > a && text.charCodeAt(b - 1) === 32) b--;
      if (a < b) {
        if (mayBeSpace(text.charCodeAt(a)) || mayBeSpace(text.charCodeAt(b - 1))) {
          const item = text.slice(a, b).trim();
          if (item !== '') n = this.itemAt(n, item, 0, item.length);
        } else n = this.itemAt(n, text, a, b);
      }
      if (stop === end) return n;
      start = stop + 1;
    }
  }

  private itemAt(n: number, text: string, from: number, to: number): number {
    this.itemFrom = holding(this.itemFrom, n);
    this.itemTo = holding(this.itemTo, n);
    this.itemSrc[n] = text;
    this.itemFrom[n] = from;
    this.itemTo[n] = to;
    return n + 1;
  }

  /** `TIME_PRICE=12.00x30`, `unlock@UNLOCK_FEE=100`, `ADDITION/INSURANCE_PLUS=300`, `plan:pro=49900`, `energy@=1062`. */
  private item(text: string, from: number, to: number, index: number, currency: string): PriceLine {
    const eq = text.indexOf('=', from);
    if (eq < 0 || eq >= to) throw badItem(text, from, to);
    const amountEnd = decimalEnd(text, eq + 1, to);
    if (amountEnd === eq + 1) throw badItem(text, from, to);
    let quantity: number | undefined;
    if (amountEnd < to) {
      if (text.charCodeAt(amountEnd) !== 120 /* x */ || decimalEnd(text, amountEnd + 1, to) !== to || amountEnd + 1 === to) throw badItem(text, from, to);
      quantity = decimalAt(text, amountEnd + 1, to);
    }
    const at = text.indexOf('@', from);
    const named = at >= 0 && at < eq;
    if (named && at === from) throw new SessionError(`price line "${text.slice(from, to)}" has an empty id before "@"`);
    const id = named ? text.slice(from, at) : (LINE_IDS[index] ?? `l${index + 1}`);
    const amount = wholeAt(text, eq + 1, amountEnd) ?? decimalToMinor(text.slice(eq + 1, amountEnd), currency, id);
    // The selector: a price type, a cost source (GROUP/CODE), plan:, metric:, package:, or nothing.
    const selFrom = named ? at + 1 : from;
    let priceType: string | undefined;
    let costSource: PriceLine['costSource'];
    let plan: string | undefined;
    let metric: string | undefined;
    let pack: string | undefined;
    const colon = indexIn(text, 58 /* : */, selFrom, eq);
    const slash = indexIn(text, 47 /* / */, selFrom, eq);
    if (colon > selFrom) {
      const key = text.slice(selFrom, colon);
      const value = text.slice(colon + 1, eq);
      if (key === 'plan') plan = value;
      else if (key === 'metric') metric = value;
      else if (key === 'package') pack = value;
      else throw new SessionError(`price line selector "${text.slice(selFrom, eq)}": use plan:, metric: or package:`);
    } else if (slash > selFrom) {
      costSource = { group: text.slice(selFrom, slash) as NonNullable<PriceLine['costSource']>['group'], code: text.slice(slash + 1, eq) };
    } else if (eq > selFrom) {
      priceType = text.slice(selFrom, eq);
    }
    return shape.line(id, amount, priceType, costSource, quantity, metric, plan, pack);
  }
}

const badItem = (text: string, from: number, to: number): SessionError => new SessionError(`price line "${text.slice(from, to)}" is not ${ITEM_SYNTAX}`);

/** The first index of the character `code` in s[from, to), or -1. */
function indexIn(s: string, code: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (s.charCodeAt(i) === code) return i;
  return -1;
}

/** Characters trim() may remove besides the plain space: controls, and anything past ASCII. */
const mayBeSpace = (c: number): boolean => c < 32 || c > 126;

/** Where the decimal starting at `from` (digits, optionally `.` and digits) ends, before `to`. */
function decimalEnd(s: string, from: number, to: number): number {
  let i = from;
  while (i < to && isDigit(s.charCodeAt(i))) i++;
  if (i > from && i < to - 1 && s.charCodeAt(i) === 46 /* . */ && isDigit(s.charCodeAt(i + 1))) {
    i += 2;
    while (i < to && isDigit(s.charCodeAt(i))) i++;
  }
  return i;
}

/** 10^0 … 10^15, exact in a double. */
const POWERS = Array.from({ length: 16 }, (_, i) => 10 ** i);

/**
 * Number(s.slice(from, to)), without the slice for the plain decimals rows hold (13.40025, -0.5, 30):
 * up to 15 digits the digits are an exact integer and 10^k an exact power, so one division rounds
 * exactly as parsing the text does. Anything else (exponents, more digits, spaces) is left to Number.
 */
function decimalAt(s: string, from: number, to: number): number {
  let i = from;
  const negative = s.charCodeAt(i) === 45; /* - */
  if (negative) i++;
  let whole = 0;
  let count = 0;
  let point = -1;
  for (; i < to; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) {
      whole = whole * 10 + (c - 48);
      count++;
    } else if (c === 46 && point < 0) point = count;
    else break;
  }
  if (i < to || count === 0 || count > 15 || point === 0 || point === count) return Number(s.slice(from, to));
  const value = point < 0 ? whole : whole / POWERS[count - point]!;
  return negative ? -value : value;
}

/** An amount decimalEnd() accepted, as minor units when it is digits only; undefined when it has a point. */
function wholeAt(s: string, from: number, to: number): number | undefined {
  if (to - from > 15) {
    const point = s.indexOf('.', from);
    return point >= 0 && point < to ? undefined : Number(s.slice(from, to));
  }
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (!isDigit(c)) return undefined;
    n = n * 10 + (c - 48);
  }
  return n;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

function allDigits(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return to > from;
}
