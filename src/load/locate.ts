// Paths → ranges, once, at the edge. Rules and validators report paths; this maps them to
// file:line:col by walking the yaml AST (re-parsing a file only when a diagnostic needs it).
import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { Diagnostic, DocPath, Range } from '../model/diagnostic.js';
import { parseDocuments, rangeOf } from './parse.js';

/** The range of the node at `path` (or its key), falling back to the deepest existing ancestor. */
export function locateInDoc(doc: Document, lc: LineCounter, path: DocPath, atKey = false): Range {
  let node: Node | null = doc.contents;
  let best = rangeOf(node?.range ?? [0, 0], lc);
  for (let i = 0; i < path.length && node; i += 1) {
    const seg = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
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
 * Fill `range` for diagnostics that only carry a path, re-parsing each concerned file once (its
 * Documents only: values are not needed to find a node, and building them was half the cost).
 */
export function locateDiagnostics(diags: readonly Diagnostic[], readText: (file: string) => string): Diagnostic[] {
  const parsed = new Map<string, ReturnType<typeof parseDocuments> | null>();
  const parsedFor = (file: string): ReturnType<typeof parseDocuments> | null => {
    if (!parsed.has(file)) {
      try { parsed.set(file, parseDocuments(readText(file))); } catch { parsed.set(file, null); }
    }
    return parsed.get(file) ?? null;
  };
  const locateOne = <T extends { file: string; range?: Range; path?: DocPath; docIndex?: number; atKey?: boolean }>(d: T): T => {
    if (d.range || !d.file) return d;
    const p = parsedFor(d.file);
    const found = p?.docs[d.docIndex ?? 0];
    const doc = found && found.contents !== null ? found : undefined;
    if (!p || !doc) return { ...d, range: { start: { line: 1, col: 1 }, end: { line: 1, col: 1 } } };
    return { ...d, range: locateInDoc(doc, p.lineCounter, d.path ?? [], d.atKey) };
  };
  return diags.map((d) => {
    const located = locateOne(d);
    return located.related ? { ...located, related: located.related.map((r) => locateOne(r)) } : located;
  });
}
