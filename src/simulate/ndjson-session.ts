// A reader for the one JSON shape nearly every recorded session has, building the session's shapes
// (shapes.ts) straight from the characters: JSON.parse followed by sessionFromObject made every object
// and key twice and was a third of an NDJSON replay. It reads the known keys with values of the types
// the engine expects, strings without escapes and numbers in JSON's grammar; anything else (an escape,
// an unknown or repeated key, a null, a nested object where a string belongs, a syntax error, a value
// the session check refuses) makes it answer undefined, and the line goes to JSON.parse and
// sessionFromObject (read.ts), which give the value or the error message. So a line it accepts reads
// exactly as the reference reads it (ndjson-session.test.ts holds them equal on generated and
// hostile lines), and every error is the reference's.
import type { PriceLine } from '../engine/context.js';
import { readInstant, readInstantIn } from '../engine/instant.js';
import { decimalToMinor, type Session } from './session.js';
import * as shape from './shapes.js';

/** Thrown (never escaping this file) when the line is not the common shape; no stack is taken. */
const NOT_COMMON = Object.freeze({ notCommon: true });

const bail = (): never => {
  throw NOT_COMMON;
};

/** 10^0 … 10^15, exact in a double. */
const POWERS = Array.from({ length: 16 }, (_, i) => 10 ** i);

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

type Point = { lon: number; lat: number };

/**
 * One reader, reused: the line and the position are fields (a closure's or a module's variables are
 * context slots, read and written through memory with checks on every access, and were slower than
 * JSON.parse). Each object is read by a loop of its own, its fields held in locals.
 */
class CommonSessionReader {
  private s = '';
  private p = 0;
  private e = 0;
  /** Where the last key read starts (after its quote). */
  private k = 0;

  read(text: string, from: number, to: number): Session | undefined {
    this.s = text;
    this.p = from;
    this.e = to;
    try {
      this.space();
      const session = this.session();
      this.space();
      return this.p === this.e ? session : undefined;
    } catch {
      // NOT_COMMON, or decimalToMinor's SessionError: the reference reads the line and words any error.
      return undefined;
    } finally {
      this.s = '';
    }
  }

  /** JSON whitespace. */
  private space(): void {
    const s = this.s;
    let p = this.p;
    while (p < this.e) {
      const c = s.charCodeAt(p);
      if (c !== 32 && c !== 10 && c !== 13 && c !== 9) break;
      p++;
    }
    this.p = p;
  }

  /** The character at the reading position, after whitespace; NaN at the end. */
  private peek(): number {
    this.space();
    return this.p < this.e ? this.s.charCodeAt(this.p) : NaN;
  }

  /**
   * Reads the key at the position (its first character then at `k`), and the colon after it, and says
   * where the key ends (its closing quote); keys are compared in place by `is`.
   */
  private key(): number {
    if (this.peek() !== 34) bail();
    const close = this.stringEnd((this.k = this.p + 1));
    this.p = close + 1;
    if (this.peek() !== 58 /* : */) bail();
    this.p++;
    this.space();
    return close;
  }

  /** Enters the object at the position: its first key's end, or -1 when it is empty. */
  private open(): number {
    if (this.peek() !== 123 /* { */) bail();
    this.p++;
    if (this.peek() === 125) {
      this.p++;
      return -1;
    }
    return this.key();
  }

  /** After a value: the next key's end, or -1 after the closing brace. */
  private next(): number {
    const c = this.peek();
    this.p++;
    if (c === 44) return this.key();
    if (c !== 125) bail();
    return -1;
  }

  /** Is the key just read (from `k` to the quote at `close`) the word? */
  private is(close: number, word: string): boolean {
    const from = this.k;
    if (close - from !== word.length) return false;
    for (let i = 0; i < word.length; i++) if (this.s.charCodeAt(from + i) !== word.charCodeAt(i)) return false;
    return true;
  }

  /** The closing quote of the string whose characters start at `from`; an escape or a control character bails. */
  private stringEnd(from: number): number {
    const s = this.s;
    for (let i = from; i < this.e; i++) {
      const c = s.charCodeAt(i);
      if (c === 34) return i;
      if (c === 92 || c < 32) bail();
    }
    return bail();
  }

  private string(): string {
    if (this.p >= this.e || this.s.charCodeAt(this.p) !== 34) bail();
    const from = this.p + 1;
    const close = this.stringEnd(from);
    this.p = close + 1;
    return this.s.slice(from, close);
  }

  /**
   * A number in JSON's grammar, -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?, as JSON.parse reads it: up to 15
   * digits without an exponent, the digits are an exact integer and 10^k an exact power, so one division
   * rounds as reading the text does; anything else is read by Number from the text the grammar accepted.
   */
  private number(): number {
    const s = this.s;
    const e = this.e;
    const from = this.p;
    let i = from;
    const negative = i < e && s.charCodeAt(i) === 45;
    if (negative) i++;
    const first = i < e ? s.charCodeAt(i) : NaN;
    if (!isDigit(first)) bail();
    let whole = first - 48;
    let count = 1;
    i++;
    if (first !== 48) {
      for (let c; i < e && isDigit((c = s.charCodeAt(i))); i++) {
        whole = whole * 10 + (c - 48);
        count++;
      }
    }
    let decimals = 0;
    if (i < e && s.charCodeAt(i) === 46) {
      i++;
      if (!(i < e && isDigit(s.charCodeAt(i)))) bail();
      for (let c; i < e && isDigit((c = s.charCodeAt(i))); i++) {
        whole = whole * 10 + (c - 48);
        count++;
        decimals++;
      }
    }
    let exponent = false;
    if (i < e && (s.charCodeAt(i) | 32) === 101 /* e */) {
      exponent = true;
      i++;
      if (i < e && (s.charCodeAt(i) === 43 || s.charCodeAt(i) === 45)) i++;
      if (!(i < e && isDigit(s.charCodeAt(i)))) bail();
      while (i < e && isDigit(s.charCodeAt(i))) i++;
    }
    this.p = i;
    if (exponent || count > 15) return Number(s.slice(from, i));
    const value = decimals === 0 ? whole : whole / POWERS[decimals]!;
    return negative ? -value : value;
  }

  private boolean(): boolean {
    const s = this.s;
    const p = this.p;
    if (p + 4 <= this.e && s.charCodeAt(p) === 116 && s.charCodeAt(p + 1) === 114 && s.charCodeAt(p + 2) === 117 && s.charCodeAt(p + 3) === 101) {
      this.p += 4;
      return true;
    }
    if (p + 5 <= this.e && s.startsWith('false', p)) {
      this.p += 5;
      return false;
    }
    return bail();
  }

  /** Enters the array at the position: false when it is empty (and then passed). */
  private openArray(): boolean {
    if (this.peek() !== 91 /* [ */) bail();
    this.p++;
    if (this.peek() === 93) {
      this.p++;
      return false;
    }
    return true;
  }

  /** After an element: true when another follows, false after the closing bracket. */
  private nextElement(): boolean {
    const c = this.peek();
    this.p++;
    if (c === 44) {
      this.space();
      return true;
    }
    if (c !== 93) bail();
    return false;
  }

  /** An array of strings. */
  private strings(): string[] {
    const out: string[] = [];
    if (this.openArray())
      do out.push(this.string());
      while (this.nextElement());
    return out;
  }

  /** A key seen twice bails: JSON.parse keeps the last value, this reader would keep the first. */
  private static once(seen: number, bit: number): number {
    if ((seen & bit) !== 0) bail();
    return seen | bit;
  }

  private session(): Session {
    let id: string | undefined;
    let at: number | undefined;
    let currency: string | undefined;
    let customer: Session['customer'];
    let codes: string[] | undefined;
    let vehicle: Session['vehicle'];
    let rental: Session['rental'];
    let billing: Session['billing'];
    let lines: PriceLine[] | undefined;
    let seen = 0;
    for (let close = this.open(); close >= 0; close = this.next()) {
      let bit: number;
      switch (close - this.k) {
        case 2:
          if (this.is(close, 'id')) {
            id = this.string();
            bit = 1;
          } else if (this.is(close, 'at')) {
            at = this.instant();
            bit = 2;
          } else bit = bail();
          break;
        case 8:
          if (this.is(close, 'currency')) {
            currency = this.string();
            bit = 4;
          } else if (this.is(close, 'customer')) {
            customer = this.customer();
            bit = 8;
          } else bit = bail();
          break;
        case 5:
          if (this.is(close, 'codes')) {
            codes = this.strings();
            bit = 16;
          } else if (this.is(close, 'lines')) {
            lines = this.lines(currency);
            bit = 32;
          } else bit = bail();
          break;
        case 7:
          if (this.is(close, 'vehicle')) {
            vehicle = this.vehicle();
            bit = 64;
          } else if (this.is(close, 'billing')) {
            billing = this.billing();
            bit = 128;
          } else bit = bail();
          break;
        case 6:
          if (this.is(close, 'rental')) {
            rental = this.rental();
            bit = 256;
          } else bit = bail();
          break;
        default:
          bit = bail();
      }
      seen = CommonSessionReader.once(seen, bit);
    }
    if (at === undefined || currency === undefined || lines === undefined) return bail();
    return shape.session(id, at, currency, customer, codes, lines, rental, vehicle, billing);
  }

  /** `at` as a string or epoch ms, read by the engine's own reader; one it refuses bails. */
  private instant(): number {
    let at;
    if (this.p < this.e && this.s.charCodeAt(this.p) === 34) {
      const from = this.p + 1;
      const close = this.stringEnd(from);
      this.p = close + 1;
      at = readInstantIn(this.s, from, close);
    } else at = readInstant(this.number());
    return typeof at === 'number' ? at : bail();
  }

  private customer(): Session['customer'] {
    let id: string | undefined;
    let userType: string | undefined;
    let tags: string[] | undefined;
    let vouchers: string[] | undefined;
    let first: boolean | undefined;
    let seen = 0;
    for (let close = this.open(); close >= 0; close = this.next()) {
      let bit: number;
      if (this.is(close, 'id')) {
        id = this.string();
        bit = 1;
      } else if (this.is(close, 'userType')) {
        userType = this.string();
        bit = 2;
      } else if (this.is(close, 'tags')) {
        tags = this.strings();
        bit = 4;
      } else if (this.is(close, 'vouchers')) {
        vouchers = this.strings();
        bit = 8;
      } else if (this.is(close, 'firstPurchase')) {
        first = this.boolean();
        bit = 16;
      } else bit = bail();
      seen = CommonSessionReader.once(seen, bit);
    }
    return shape.customer(id, userType, tags, undefined, first, vouchers);
  }

  private vehicle(): Session['vehicle'] {
    let id: string | undefined;
    let category: string | undefined;
    let tags: string[] | undefined;
    let seen = 0;
    for (let close = this.open(); close >= 0; close = this.next()) {
      let bit: number;
      if (this.is(close, 'id')) {
        id = this.string();
        bit = 1;
      } else if (this.is(close, 'category')) {
        category = this.string();
        bit = 2;
      } else if (this.is(close, 'tags')) {
        tags = this.strings();
        bit = 4;
      } else bit = bail();
      seen = CommonSessionReader.once(seen, bit);
    }
    return shape.vehicle(id, tags, category);
  }

  private rental(): Session['rental'] {
    let branch: string | undefined;
    let start: Point | undefined;
    let end: Point | undefined;
    let seen = 0;
    for (let close = this.open(); close >= 0; close = this.next()) {
      let bit: number;
      if (this.is(close, 'branch')) {
        branch = this.string();
        bit = 1;
      } else if (this.is(close, 'start')) {
        start = this.point();
        bit = 2;
      } else if (this.is(close, 'end')) {
        end = this.point();
        bit = 4;
      } else bit = bail();
      seen = CommonSessionReader.once(seen, bit);
    }
    return shape.rental(start, end, branch);
  }

  /** A point as shapes.ts's pointFrom makes it: lon, then lat, undefined where missing. */
  private point(): Point {
    let lon: number | undefined;
    let lat: number | undefined;
    let seen = 0;
    for (let close = this.open(); close >= 0; close = this.next()) {
      let bit: number;
      if (this.is(close, 'lon')) {
        lon = this.number();
        bit = 1;
      } else if (this.is(close, 'lat')) {
        lat = this.number();
        bit = 2;
      } else bit = bail();
      seen = CommonSessionReader.once(seen, bit);
    }
    return { lon: lon as number, lat: lat as number };
  }

  private billing(): Session['billing'] {
    let plan: string | undefined;
    let usage: number | undefined;
    let quantity: number | undefined;
    let seen = 0;
    for (let close = this.open(); close >= 0; close = this.next()) {
      let bit: number;
      if (this.is(close, 'plan')) {
        plan = this.string();
        bit = 1;
      } else if (this.is(close, 'usage')) {
        usage = this.number();
        bit = 2;
      } else if (this.is(close, 'quantity')) {
        quantity = this.number();
        bit = 4;
      } else bit = bail();
      seen = CommonSessionReader.once(seen, bit);
    }
    return shape.billing(plan, usage, quantity);
  }

  /** `currency`: the session's, when it came before the lines (a decimal amount needs it). */
  private lines(currency: string | undefined): PriceLine[] {
    const out: PriceLine[] = [];
    if (this.openArray())
      do out.push(this.line(currency));
      while (this.nextElement());
    return out;
  }

  private line(currency: string | undefined): PriceLine {
    let id: string | undefined;
    let amount: number | undefined;
    /** A decimal amount's text, converted when the line is done (its id words the error); -1: none. */
    let amountFrom = -1;
    let amountTo = -1;
    let priceType: string | undefined;
    let costSource: PriceLine['costSource'];
    let quantity: number | undefined;
    let metric: string | undefined;
    let plan: string | undefined;
    let pack: string | undefined;
    let seen = 0;
    for (let close = this.open(); close >= 0; close = this.next()) {
      let bit: number;
      if (this.is(close, 'id')) {
        id = this.string();
        bit = 1;
      } else if (this.is(close, 'amount')) {
        if (this.p < this.e && this.s.charCodeAt(this.p) === 34) {
          amountFrom = this.p + 1;
          amountTo = this.stringEnd(amountFrom);
          this.p = amountTo + 1;
        } else amount = this.number();
        bit = 2;
      } else if (this.is(close, 'priceType')) {
        priceType = this.string();
        bit = 4;
      } else if (this.is(close, 'quantity')) {
        quantity = this.number();
        bit = 8;
      } else if (this.is(close, 'costSource')) {
        costSource = this.costSource();
        bit = 16;
      } else if (this.is(close, 'metric')) {
        metric = this.string();
        bit = 32;
      } else if (this.is(close, 'plan')) {
        plan = this.string();
        bit = 64;
      } else if (this.is(close, 'package')) {
        pack = this.string();
        bit = 128;
      } else bit = bail();
      seen = CommonSessionReader.once(seen, bit);
    }
    if (amountFrom >= 0) {
      // The reference converts with the session's currency, so here it must have come first.
      if (currency === undefined) bail();
      amount = decimalToMinor(this.s.slice(amountFrom, amountTo), currency!, id);
    }
    // A missing id or amount stays undefined, as the reference passes it on for the engine to refuse.
    return shape.line(id as string, amount as number, priceType, costSource, quantity, metric, plan, pack);
  }

  /** `{"group": ..., "code": ...}` in that order, as the reference passes the parsed object on. */
  private costSource(): PriceLine['costSource'] {
    let close = this.open();
    if (close < 0 || !this.is(close, 'group')) bail();
    const group = this.string();
    close = this.next();
    if (close < 0 || !this.is(close, 'code')) bail();
    const code = this.string();
    if (this.next() !== -1) bail();
    return { group: group as NonNullable<PriceLine['costSource']>['group'], code };
  }
}

const reader = new CommonSessionReader();

/** The session in text[from, to), when it has the common shape; undefined: read it with the reference. */
export function readCommonSession(text: string, from = 0, to = text.length): Session | undefined {
  return reader.read(text, from, to);
}
