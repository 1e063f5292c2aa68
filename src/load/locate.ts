// Paths → ranges, once, at the edge. Rules and validators report paths; this maps them to
// file:line:col with a line scanner where it is sure, else by walking the yaml AST (re-parsing a file
// only when a diagnostic needs it).
import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Diagnostic, DocPath, Range, RelatedLocation } from '../model/diagnostic.js';
import { fastLocator } from './fast-locate.js';
import { parseDocuments, rangeOf } from './parse.js';

// Each mapping's pairs by key, built on first use: a file with thousands of diagnostics in one mapping of
// thousands of keys searched the mapping once per diagnostic (10,000 unknown keys took seconds).
const keyIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();
function keyIndex(map: YAMLMap): Map<string, Pair> {
  let index = keyIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items) {
      if (!isPair(p) || !isScalar(p.key)) continue;
      const k = String(p.key.value);
      if (!index.has(k)) index.set(k, p); // the first, as a search from the start finds it
    }
    keyIndexes.set(map, index);
  }
  return index;
}

/** The range of the node at `path` (or its key), falling back to the deepest existing ancestor. */
export function locateInDoc(doc: Document, lc: LineCounter, path: DocPath, atKey = false): Range {
  let node: Node | null = doc.contents;
  let best = rangeOf(node?.range ?? [0, 0], lc);
  for (let i = 0; i < path.length && node; i += 1) {
    const seg = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = keyIndex(node).get(String(seg));
      if (!pair) return best;
      if (last && atKey && isScalar(pair.key) && pair.key.range) return rangeOf(pair.key.range, lc);
      node = (pair.value as Node | null) ?? null;
      const r = node?.range ?? (isScalar(pair.key) ? pair.key.range : undefined);
      if (r) best = rangeOf(r, lc);
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item) return best;
      node = item;
      if (item.range) best = rangeOf(item.range, lc);
    } else {
      return best;
    }
  }
  return best;
}

/**
 * Fill `range` for diagnostics that only carry a path. Each concerned file is read once and located by the
 * line scanner where it is sure; a file where it is not is parsed into Documents (no values: finding a node
 * needs none). Files are done one at a time, so at most one file's Documents are held.
 */
export function locateDiagnostics(diags: readonly Diagnostic[], readText: (file: string) => string): Diagnostic[] {
  type Place = { file: string; range?: Range; path?: DocPath; docIndex?: number; atKey?: boolean };
  const unlocated = (p: Place): boolean => !p.range && !!p.file;
  // Places without a range, numbered in the order of the walk below (each diagnostic, then its related
  // locations): ranges[n] is the range of the n-th. Numbers rather than a Map keyed by the objects, which
  // gave each of them an identity hash.
  const places: Place[] = [];
  const byFile = new Map<string, number[]>();
  const want = (p: Place): void => {
    if (!unlocated(p)) return;
    const n = places.push(p) - 1;
    const list = byFile.get(p.file);
    if (list) list.push(n);
    else byFile.set(p.file, [n]);
  };
  // A related location several diagnostics share (lint hands out one object per distinct location) is
  // located once, and its located copy is shared in turn.
  const copies = new Map<RelatedLocation, RelatedLocation | undefined>();
  for (const d of diags) {
    want(d);
    if (d.related)
      for (const r of d.related) {
        if (copies.has(r)) continue;
        copies.set(r, undefined);
        want(r);
      }
  }
  if (places.length === 0) return [...diags];
  const ranges: Range[] = new Array<Range>(places.length);
  for (const [file, numbers] of byFile) {
    let text: string | undefined;
    try {
      text = readText(file);
    } catch {
      text = undefined;
    }
    const fast = text === undefined ? undefined : fastLocator(text);
    let precise: ReturnType<typeof parseDocuments> | null | undefined;
    for (const n of numbers) {
      const p = places[n]!;
      const found = fast?.(p.docIndex ?? 0, p.path ?? [], p.atKey ?? false);
      if (found) {
        ranges[n] = found;
        continue;
      }
      if (precise === undefined) {
        try {
          precise = text === undefined ? null : parseDocuments(text);
        } catch {
          precise = null;
        }
      }
      const doc = precise?.docs[p.docIndex ?? 0];
      ranges[n] =
        precise && doc && doc.contents !== null
          ? locateInDoc(doc, precise.lineCounter, p.path ?? [], p.atKey)
          : { start: { line: 1, col: 1 }, end: { line: 1, col: 1 } };
    }
  }
  let next = 0;
  const locatedCopy = (r: RelatedLocation): RelatedLocation => {
    let copy = copies.get(r);
    if (copy === undefined) {
      copy = copyWith(r, ranges[next++]!);
      copies.set(r, copy);
    }
    return copy;
  };
  return diags.map((d) => {
    const range = unlocated(d) ? ranges[next++] : undefined;
    let related: RelatedLocation[] | undefined;
    if (d.related?.some(unlocated)) related = d.related.map((r) => (unlocated(r) ? locatedCopy(r) : r));
    return range || related ? copyWith(d, range, related) : d;
  });
}

/**
 * `{ ...d, range, related }` (a value undefined: left as it is). Spreading gave every copy a hidden class of
 * its own in V8 (28,000 maps and descriptor arrays, 7 MB, for the bench repository's findings) and was the
 * slowest part of locating; a copy key by key shares one per shape.
 */
function copyWith<T extends object>(d: T, range: Range | undefined, related?: readonly RelatedLocation[]): T {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(d)) {
    if (key === '__proto__') return { ...d, ...(range ? { range } : {}), ...(related ? { related } : {}) };
    copy[key] = (d as Record<string, unknown>)[key];
  }
  if (range) copy.range = range;
  if (related) copy.related = related;
  return copy as T;
}
