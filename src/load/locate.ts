// Paths → ranges, once, at the edge. Rules and validators report paths; this maps them to
// file:line:col with a line scanner where it is sure, else by walking the yaml AST (re-parsing a file
// only when a diagnostic needs it).
import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Diagnostic, DocPath, Range } from '../model/diagnostic.js';
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
  const byFile = new Map<string, Place[]>();
  const want = (d: Place): void => {
    if (d.range || !d.file) return;
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  };
  for (const d of diags) {
    want(d);
    d.related?.forEach(want);
  }
  const ranges = new Map<Place, Range>();
  for (const [file, places] of byFile) {
    let text: string | undefined;
    try {
      text = readText(file);
    } catch {
      text = undefined;
    }
    const fast = text === undefined ? undefined : fastLocator(text);
    let precise: ReturnType<typeof parseDocuments> | null | undefined;
    for (const p of places) {
      const found = fast?.(p.docIndex ?? 0, p.path ?? [], p.atKey ?? false);
      if (found) {
        ranges.set(p, found);
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
      ranges.set(
        p,
        precise && doc && doc.contents !== null
          ? locateInDoc(doc, precise.lineCounter, p.path ?? [], p.atKey)
          : { start: { line: 1, col: 1 }, end: { line: 1, col: 1 } },
      );
    }
  }
  const locateOne = <T extends Place>(d: T): T => {
    const range = ranges.get(d);
    return range ? { ...d, range } : d;
  };
  return diags.map((d) => {
    const located = locateOne(d);
    return located.related ? { ...located, related: located.related.map((r) => locateOne(r)) } : located;
  });
}
