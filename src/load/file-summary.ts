// What the project-wide stage reads of a checked file without its resources: per document its index, kind,
// name and code, whether it is a valid resource, and the references it makes. The validation cache stores it
// beside each result, so a warm load sorts, cross-checks and counts without materialising the resources.
import type { DocPath } from '../model/diagnostic.js';
import type { AnyResource, Kind } from '../model/resource.js';
import type { CheckedFile } from './check-file.js';
import { codeOf, refsOf, type Ref } from './cross-checks.js';
import { sha256Bytes } from '../model/canonical.js';
import { createHash } from 'node:crypto';

/** [kind, name, ...path] */
export type SummaryRef = [string, string, ...(string | number)[]];

/** [index, kind, name, code, 1 when a valid resource, refs]; kind null when nothing identifies the document. */
export type DocSummary = [number, string | null, string | null, string | null, 0 | 1, SummaryRef[]];

export type FileSummary = DocSummary[];

/** A result that carries the summary stored with it (the cache's): its JSON text and its parse (undefined when damaged), its digest. */
export interface StoredSummary {
  storedSummaryText(): string | undefined;
  storedSummary(): FileSummary | undefined;
  /** Writes the sha-256 of the summary's JSON text (32 bytes) into `into` at `at`. */
  copySummaryDigest(into: Buffer, at: number): void;
}

function stored(result: CheckedFile): StoredSummary | undefined {
  return typeof (result as Partial<StoredSummary>).storedSummary === 'function' ? (result as unknown as StoredSummary) : undefined;
}

// Kept only for a result whose summary text was asked for (a load with the cache, which digests the texts and
// may then index the summaries): without the cache the index reads each summary once, and a kept one (about
// five arrays a document, 4.8 MB for the bench repository) would live as long as the model.
const summaries = new WeakMap<CheckedFile, FileSummary>();
const texts = new WeakMap<CheckedFile, string>();

/** The summary of a result: the one stored with it, else the one kept with its text, else made from its documents. */
export function summaryOf(result: CheckedFile): FileSummary {
  return stored(result)?.storedSummary() ?? summaries.get(result) ?? summarize(result);
}

/** Its JSON text, as stored (so a digest of the texts needs no parse). */
export function summaryTextOf(result: CheckedFile): string {
  const own = stored(result)?.storedSummaryText();
  if (own !== undefined) return own;
  let t = texts.get(result);
  if (t === undefined) {
    const made = summaryOf(result);
    summaries.set(result, made);
    t = JSON.stringify(made);
    texts.set(result, t);
  }
  return t;
}

/**
 * The digest the cross-file results are kept under: the files' paths as a JSON array (text or its UTF-8), then
 * their summary digests (32 bytes each, in the same order). One definition for the results and for the cache's
 * table, which holds both.
 */
export function summariesDigestOf(pathsJson: string | Uint8Array, summaryDigests: Uint8Array): string {
  return createHash('sha256').update(pathsJson).update(summaryDigests).digest('hex');
}

/** Writes the sha-256 of its summary's JSON text into `into` at `at`: the stored digest, else made from the text. */
export function copySummaryDigest(result: CheckedFile, into: Buffer, at: number): void {
  const own = stored(result);
  if (own) own.copySummaryDigest(into, at);
  else sha256Bytes(summaryTextOf(result)).copy(into, at);
}

function summarize(result: CheckedFile): FileSummary {
  return result.docs.map((d): DocSummary => {
    if (d.resource !== undefined) {
      const r = d.resource as AnyResource;
      const refs = refsOf(r).map((x): SummaryRef => [x.kind, x.name, ...x.path]);
      return [d.index, r.kind, r.metadata.name, codeOf(r) ?? null, 1, refs];
    }
    return [d.index, d.identity?.kind ?? null, d.identity?.name ?? null, d.identity?.code ?? null, 0, []];
  });
}

export function refsOfSummary(s: DocSummary): Ref[] {
  return s[5].map(([kind, name, ...path]) => ({ kind: kind as Kind, name, path: path as DocPath }));
}

/** Shape check of a summary read back from the cache file (anything else is a damaged entry). */
export function isFileSummary(v: unknown): v is FileSummary {
  if (!Array.isArray(v)) return false;
  for (const d of v) {
    if (!Array.isArray(d) || d.length !== 6 || typeof d[0] !== 'number' || (d[4] !== 0 && d[4] !== 1) || !Array.isArray(d[5])) return false;
    for (let i = 1; i <= 3; i += 1) if (d[i] !== null && typeof d[i] !== 'string') return false;
    if (d[4] === 1 && (d[1] === null || d[2] === null)) return false;
    for (const r of d[5] as unknown[]) {
      if (!Array.isArray(r) || r.length < 2 || typeof r[0] !== 'string' || typeof r[1] !== 'string') return false;
      for (let i = 2; i < r.length; i += 1) if (typeof r[i] !== 'string' && typeof r[i] !== 'number') return false;
    }
  }
  return true;
}
