// Locating a path without building `yaml` Documents: a line scanner for the plain subset the fast parse
// path reads. Lint findings name most files of a large repository (a stacking warning names several
// campaigns), and composing a Document per file cost more than loading the repository did. The scanner
// answers only where it is sure to give the range `locateInDoc` gives (a key, a one-line scalar or flow
// collection, reached through block and one-line flow collections); anywhere else (a block collection as
// the target, a multi-line scalar, a key that is not a string, a path that is not there) it says
// "unsure" and the caller locates precisely. test/load/fast-locate.test.ts holds the two equal.
import type { DocPath, Range } from '../model/diagnostic.js';
import { fastPathSafe } from './fast-parse.js';

/** The range of `path` in document `docIndex`, or undefined when only the precise locator can say. */
export type Locator = (docIndex: number, path: DocPath, atKey: boolean) => Range | undefined;

// Thrown to leave the scan early and caught in this file only: a sentinel, not an error anyone sees (no stack to build).
class Unsure {}
const unsure = (): never => {
  throw new Unsure();
};

interface Line {
  readonly start: number;
  readonly indent: number;
  readonly end: number;
  readonly blank: boolean;
}

type Node =
  /** Block mapping: keys at column `col` on lines [from, to); line `from` is read from `col` even when it starts with `- `. */
  | { readonly kind: 'map'; readonly col: number; readonly from: number; readonly to: number }
  | { readonly kind: 'seq'; readonly col: number; readonly from: number; readonly to: number }
  | { readonly kind: 'flow-map'; readonly start: number; readonly end: number; readonly entries: readonly FlowEntry[] }
  | { readonly kind: 'flow-seq'; readonly start: number; readonly end: number; readonly items: readonly Node[] }
  | { readonly kind: 'scalar'; readonly start: number; readonly end: number };

interface FlowEntry {
  readonly key: string;
  readonly keyStart: number;
  readonly keyEnd: number;
  readonly value: Node;
}

// Plain scalars the core schema reads as something other than a string: `locateInDoc` compares keys by
// String(value), which for `1.0` or `0x1F` is not the text.
const NOT_STRING = /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|)$|^[-+]?\.?[0-9]|^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$/;

/** A locator for `text`, or undefined when the text is outside the subset the scanner reads. */
export function fastLocator(text: string): Locator | undefined {
  if (!fastPathSafe(text)) return undefined;
  const lines = splitLines(text);
  const docs = splitDocuments(text, lines);
  if (!docs) return undefined;
  const scanner = new Scanner(text, lines);
  return (docIndex, path, atKey) => {
    const doc = docs[docIndex];
    if (!doc || path.length === 0) return undefined;
    try {
      return scanner.locate(doc, path, atKey);
    } catch (e) {
      if (e instanceof Unsure) return undefined;
      throw e;
    }
  };
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let nl = text.indexOf('\n', start);
    if (nl === -1) nl = text.length;
    const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    let i = start;
    while (i < end && text.charCodeAt(i) === 32) i += 1;
    lines.push({ start, indent: i - start, end, blank: i === end || text.charCodeAt(i) === 35 });
    if (nl === text.length) break;
    start = nl + 1;
  }
  return lines;
}

/** Each document's lines [from, to), as `yaml` numbers them; undefined if any document is empty. */
function splitDocuments(text: string, lines: readonly Line[]): [number, number][] | undefined {
  const markers: number[] = [];
  lines.forEach((l, i) => {
    if (l.indent === 0 && text.startsWith('---', l.start) && (l.end === l.start + 3 || text.charCodeAt(l.start + 3) === 32)) markers.push(i);
  });
  const bounds = [-1, ...markers, lines.length];
  const docs: [number, number][] = [];
  for (let k = 0; k + 1 < bounds.length; k += 1) {
    const from = bounds[k]! + 1;
    const to = bounds[k + 1]!;
    const empty = !lines.slice(from, to).some((l) => !l.blank);
    if (empty && k === 0 && markers.length > 0) continue; // comments before the first `---` belong to no document of their own
    if (empty) return undefined;
    docs.push([from, to]);
  }
  return docs;
}

class Scanner {
  constructor(
    private readonly text: string,
    private readonly lines: readonly Line[],
  ) {}

  locate([from, to]: [number, number], path: DocPath, atKey: boolean): Range {
    const first = this.nextContent(from, to);
    if (first === -1) return unsure();
    const l = this.lines[first]!;
    let node: Node = this.startsSeqItem(l.start + l.indent, l.end)
      ? { kind: 'seq', col: l.indent, from: first, to }
      : { kind: 'map', col: l.indent, from: first, to };
    for (let i = 0; i < path.length; i += 1) {
      const seg = path[i]!;
      const last = i === path.length - 1;
      if (node.kind === 'map' || node.kind === 'flow-map') {
        if (typeof seg !== 'string') return unsure();
        const entry: FlowEntry = node.kind === 'map' ? this.blockEntry(node, seg) : (node.entries.find((e) => e.key === seg) ?? unsure());
        if (last && atKey) return this.range(entry.keyStart, entry.keyEnd);
        node = entry.value;
      } else if (node.kind === 'seq' || node.kind === 'flow-seq') {
        if (typeof seg !== 'number') return unsure();
        node = node.kind === 'seq' ? this.blockItem(node, seg) : (node.items[seg] ?? unsure());
      } else {
        return unsure();
      }
    }
    if (node.kind === 'map' || node.kind === 'seq') return unsure();
    return this.range(node.start, node.end);
  }

  private range(s: number, e: number): Range {
    return { start: this.position(s), end: this.position(Math.max(s, e)) };
  }

  /** 1-based line and column of an offset, as yaml's LineCounter counts them. */
  private position(offset: number): { line: number; col: number } {
    let lo = 0;
    let hi = this.lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lines[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - this.lines[lo]!.start + 1 };
  }

  private nextContent(from: number, to: number): number {
    for (let i = from; i < to; i += 1) if (!this.lines[i]!.blank) return i;
    return -1;
  }

  private startsSeqItem(p: number, end: number): boolean {
    return this.text.charCodeAt(p) === 45 && (p + 1 === end || this.text.charCodeAt(p + 1) === 32);
  }

  /** The first entry of a block mapping whose key is `key`. */
  private blockEntry(map: { col: number; from: number; to: number }, key: string): FlowEntry {
    for (let i = map.from; i < map.to; i += 1) {
      const l = this.lines[i]!;
      if (l.blank) continue;
      if (i !== map.from && l.indent !== map.col) {
        if (l.indent < map.col) return unsure();
        continue;
      }
      const p = i === map.from ? l.start + map.col : l.start + l.indent;
      if (i !== map.from && this.startsSeqItem(p, l.end)) continue; // an item of a sequence written at its key's column
      const k = this.readKey(p, l.end) ?? unsure();
      if (k.key !== key) continue;
      const next = this.nextOwnLine(i + 1, map.to, map.col);
      return { key, keyStart: p, keyEnd: k.keyEnd, value: this.valueAt(k.valueStart, l.end, i, next, map.col, map.to) };
    }
    return unsure();
  }

  /** Item `index` of a block sequence. */
  private blockItem(seq: { col: number; from: number; to: number }, index: number): Node {
    let n = -1;
    for (let i = seq.from; i < seq.to; i += 1) {
      const l = this.lines[i]!;
      if (l.blank) continue;
      if (l.indent !== seq.col) {
        if (l.indent < seq.col) return unsure();
        continue;
      }
      const dash = l.start + l.indent;
      if (!this.startsSeqItem(dash, l.end)) return unsure();
      n += 1;
      if (n !== index) continue;
      let p = dash + 1;
      while (p < l.end && this.text.charCodeAt(p) === 32) p += 1;
      const next = this.nextOwnLine(i + 1, seq.to, seq.col);
      if (p < l.end && this.text.charCodeAt(p) !== 35 && this.readKey(p, l.end)) return { kind: 'map', col: p - l.start, from: i, to: next };
      return this.valueAt(p, l.end, i, next, seq.col, undefined);
    }
    return unsure();
  }

  /** The first line at or after `from` (before `to`) that is not blank and not deeper than `col`. */
  private nextOwnLine(from: number, to: number, col: number): number {
    for (let i = from; i < to; i += 1) {
      const l = this.lines[i]!;
      if (!l.blank && l.indent <= col) return i;
    }
    return to;
  }

  /**
   * The value starting at offset `p` on line `line` (ending at `end`), owned by a key or dash at column
   * `col`; lines (line, next) are deeper than `col`. Empty on its line: the block collection below it
   * (for a key's value, `mapEnd` bounds a sequence written at the key's own column).
   */
  private valueAt(p: number, end: number, line: number, next: number, col: number, mapEnd: number | undefined): Node {
    const c = this.text.charCodeAt(p);
    if (p >= end || c === 35) {
      const child = this.nextContent(line + 1, next);
      if (child !== -1) {
        const l = this.lines[child]!;
        return this.startsSeqItem(l.start + l.indent, l.end)
          ? { kind: 'seq', col: l.indent, from: child, to: next }
          : { kind: 'map', col: l.indent, from: child, to: next };
      }
      // `key:` then `- item` at the key's own column: a sequence as the key's value.
      const l = this.lines[next];
      if (mapEnd !== undefined && l && next < mapEnd && l.indent === col && this.startsSeqItem(l.start + l.indent, l.end)) {
        let to = next + 1;
        while (to < mapEnd) {
          const x = this.lines[to]!;
          if (!x.blank && (x.indent < col || (x.indent === col && !this.startsSeqItem(x.start + x.indent, x.end)))) break;
          to += 1;
        }
        return { kind: 'seq', col, from: next, to };
      }
      return unsure(); // a null value
    }
    // Anything on the lines below belongs to this scalar (a continuation) or is a mistake: the precise path decides.
    if (this.nextContent(line + 1, next) !== -1) return unsure();
    const flow = new FlowReader(this.text, p, end);
    const node = flow.node();
    flow.endOfLine();
    return node;
  }

  /** A `key:` at `p`, or undefined when the line holds no mapping entry there. */
  private readKey(p: number, end: number): { key: string; keyEnd: number; valueStart: number } | undefined {
    const t = this.text;
    const c = t.charCodeAt(p);
    if (c === 34 || c === 39) {
      const close = quotedEnd(t, p, end);
      let q = close;
      while (q < end && t.charCodeAt(q) === 32) q += 1;
      if (t.charCodeAt(q) !== 58 || (q + 1 < end && t.charCodeAt(q + 1) !== 32)) return undefined;
      return { key: quotedValue(t, p, close), keyEnd: close, valueStart: skipSpaces(t, q + 1, end) };
    }
    if (c === 91 || c === 123 || (c === 45 && (p + 1 === end || t.charCodeAt(p + 1) === 32)) || c === 35) return undefined;
    for (let q = p; q < end; q += 1) {
      const x = t.charCodeAt(q);
      if (x === 35 && t.charCodeAt(q - 1) === 32) return undefined; // a comment before any `: `
      if (x === 58 && (q + 1 === end || t.charCodeAt(q + 1) === 32)) {
        let keyEnd = q;
        while (keyEnd > p && t.charCodeAt(keyEnd - 1) === 32) keyEnd -= 1;
        const key = t.slice(p, keyEnd);
        if (NOT_STRING.test(key)) return unsure();
        return { key, keyEnd, valueStart: skipSpaces(t, q + 1, end) };
      }
    }
    return undefined;
  }
}

function skipSpaces(t: string, p: number, end: number): number {
  while (p < end && t.charCodeAt(p) === 32) p += 1;
  return p;
}

/** The offset after the closing quote of the quoted scalar at `p`, which must close before `end`. */
function quotedEnd(t: string, p: number, end: number): number {
  const q = t.charCodeAt(p);
  for (let i = p + 1; i < end; i += 1) {
    const c = t.charCodeAt(i);
    if (q === 34 && c === 92) {
      i += 1;
      continue;
    }
    if (c === q) {
      if (q === 39 && t.charCodeAt(i + 1) === 39) {
        i += 1;
        continue;
      }
      return i + 1;
    }
  }
  return unsure();
}

/** The value of a one-line quoted scalar; escapes other than `''` are left to the precise path. */
function quotedValue(t: string, start: number, end: number): string {
  const inner = t.slice(start + 1, end - 1);
  if (t.charCodeAt(start) === 39) return inner.replaceAll("''", "'");
  return inner.includes('\\') ? unsure() : inner;
}

/** One node on one line: a plain or quoted scalar, or a flow collection closing on the same line. */
class FlowReader {
  constructor(
    private readonly t: string,
    private p: number,
    private readonly end: number,
  ) {}

  node(inFlow = false): Node {
    const c = this.t.charCodeAt(this.p);
    if (c === 91 || c === 123) return this.collection(c === 123);
    if (c === 34 || c === 39) {
      const start = this.p;
      this.p = quotedEnd(this.t, start, this.end);
      return { kind: 'scalar', start, end: this.p };
    }
    // Block scalars, indicators the fast path already refuses, and plain scalars starting oddly.
    if (
      c === 124 ||
      c === 62 ||
      c === 44 ||
      c === 93 ||
      c === 125 ||
      c === 35 ||
      c === 58 ||
      c === 63 ||
      (c === 45 && (this.t.charCodeAt(this.p + 1) === 32 || this.p + 1 === this.end))
    )
      return unsure();
    const start = this.p;
    let last = this.p;
    for (let q = this.p; q < this.end; q += 1) {
      const x = this.t.charCodeAt(q);
      if (x === 35 && this.t.charCodeAt(q - 1) === 32) break;
      if (x === 58) {
        const n = this.t.charCodeAt(q + 1);
        if (q + 1 === this.end || n === 32 || (inFlow && (n === 44 || n === 91 || n === 93 || n === 123 || n === 125))) break;
        if (inFlow) unsure(); // `a:b` in a flow collection: left to the precise path
      }
      if (inFlow && (x === 44 || x === 91 || x === 93 || x === 123 || x === 125)) break;
      if (x !== 32) last = q + 1;
    }
    this.p = last;
    if (last === start) return unsure();
    return { kind: 'scalar', start, end: last };
  }

  private collection(isMap: boolean): Node {
    const start = this.p;
    const close = isMap ? 125 : 93;
    this.p += 1;
    const items: Node[] = [];
    const entries: FlowEntry[] = [];
    this.spaces();
    while (this.t.charCodeAt(this.p) !== close) {
      if (this.p >= this.end) return unsure();
      if (isMap) {
        const keyStart = this.p;
        const key = this.node(true);
        if (key.kind !== 'scalar') return unsure();
        const raw = this.t.slice(key.start, key.end);
        const quoted = raw[0] === '"' || raw[0] === "'";
        if (!quoted && NOT_STRING.test(raw)) return unsure();
        this.spaces();
        if (this.t.charCodeAt(this.p) !== 58) return unsure();
        this.p += 1;
        if (this.t.charCodeAt(this.p) !== 32) return unsure();
        this.spaces();
        entries.push({ key: quoted ? quotedValue(this.t, key.start, key.end) : raw, keyStart, keyEnd: key.end, value: this.node(true) });
      } else {
        items.push(this.node(true));
      }
      this.spaces();
      const c = this.t.charCodeAt(this.p);
      if (c === 44) {
        this.p += 1;
        this.spaces();
        if (this.t.charCodeAt(this.p) === 44) return unsure();
      } else if (c !== close) return unsure();
    }
    this.p += 1;
    return isMap ? { kind: 'flow-map', start, end: this.p, entries } : { kind: 'flow-seq', start, end: this.p, items };
  }

  private spaces(): void {
    while (this.p < this.end && this.t.charCodeAt(this.p) === 32) this.p += 1;
  }

  /** Only spaces and a comment may follow the node on its line. */
  endOfLine(): void {
    this.spaces();
    if (this.p < this.end && !(this.t.charCodeAt(this.p) === 35 && this.t.charCodeAt(this.p - 1) === 32)) unsure();
  }
}
