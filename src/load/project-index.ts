// The project-wide part of a load: which documents are resources and in what order (kind, then name), how
// many documents there are, and the cross-file findings (before locating). All of it follows from every
// file's path and summary (file-summary.ts), so the validation cache keeps it beside itself under a digest
// of those: a warm load whose changes left every summary as it was (an edited description, another limit)
// neither parses the summaries nor runs the cross-file checks. Any change to a name, a code, a reference or
// a document's validity changes the digest, and the index is made again.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { sha256Text } from '../model/canonical.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { CheckedFile } from './check-file.js';
import { crossCheckSummaries, type Identified, type Referring } from './cross-checks.js';
import { copySummaryDigest, refsOfSummary, summariesDigestOf, summaryOf } from './file-summary.js';

export interface ProjectIndex {
  readonly documents: number;
  /** Per resource in model order: the file's position in the (sorted) file list, the document's position in it, its index. */
  readonly order: readonly number[];
  /** Positions in `order` of the geofences. */
  readonly geofences: readonly number[];
  /** Cross-file findings, located by path only. */
  readonly findings: readonly Diagnostic[];
}

/** `files` sorted by path, as the load orders them. */
export function projectIndex(files: readonly CheckedFile[]): ProjectIndex {
  const valid: { at: [number, number, number]; key: string; referring: Referring }[] = [];
  const invalid: Identified[] = [];
  let documents = 0;
  files.forEach((f, fi) => {
    const summary = summaryOf(f);
    documents += summary.length;
    summary.forEach((s, pos) => {
      const [docIndex, kind, name, code] = s;
      if (kind === null) return;
      const source = { file: f.file, docIndex };
      if (s[4] === 1) {
        const referring = { kind, name: name!, ...(code !== null ? { code } : {}), source, refs: refsOfSummary(s) };
        valid.push({ at: [fi, pos, docIndex], key: `${kind}\0${name!}`, referring });
      } else invalid.push({ kind, ...(name !== null ? { name } : {}), ...(code !== null ? { code } : {}), source });
    });
  });
  // By kind, then name; each key built once, not once per comparison.
  valid.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const geofences: number[] = [];
  valid.forEach((v, i) => {
    if (v.referring.kind === 'Geofence') geofences.push(i);
  });
  return {
    documents,
    order: valid.flatMap((v) => v.at),
    geofences,
    findings: crossCheckSummaries(
      valid.map((v) => v.referring),
      invalid,
    ),
  };
}

/**
 * Digest of every file's path and summary, in order: of the paths' JSON and the summaries' digests (the cache
 * stores one per file, so an unchanged file's summary is neither read nor hashed).
 */
export function summariesDigest(files: readonly CheckedFile[]): string {
  const digests = Buffer.alloc(files.length * 32);
  files.forEach((f, i) => copySummaryDigest(f, digests, i * 32));
  return summariesDigestOf(JSON.stringify(files.map((f) => f.file)), digests);
}

/**
 * The index stored for this cache key and digest, if the file is intact. Line one holds the key, the digest
 * and a digest of line two (so a damaged or torn file is not believed), line two the index.
 */
export function readProjectIndex(file: string, key: string, digest: string, fileCount: number): ProjectIndex | undefined {
  try {
    const text = readFileSync(file, 'utf8');
    const nl = text.indexOf('\n');
    const head = JSON.parse(text.slice(0, nl)) as unknown;
    const body = text.slice(nl + 1);
    if (!Array.isArray(head) || head[0] !== key || head[1] !== digest || head[2] !== sha256Text(body)) return undefined;
    const index = JSON.parse(body) as ProjectIndex;
    const ints = (xs: unknown, below: number): boolean => {
      if (!Array.isArray(xs)) return false;
      for (const x of xs as unknown[]) if (typeof x !== 'number' || !(x >= 0 && x < below) || x % 1 !== 0) return false;
      return true;
    };
    if (!Number.isInteger(index.documents) || !Array.isArray(index.findings) || index.order.length % 3 !== 0) return undefined;
    if (!ints(index.order, Number.MAX_SAFE_INTEGER) || !ints(index.geofences, index.order.length / 3)) return undefined;
    for (let i = 0; i < index.order.length; i += 3) if (index.order[i]! >= fileCount) return undefined;
    return index;
  } catch {
    return undefined;
  }
}

export function writeProjectIndex(file: string, key: string, digest: string, index: ProjectIndex): void {
  const body = JSON.stringify(index);
  mkdirSync(dirname(file), { recursive: true });
  writeFileAtomic.sync(file, `${JSON.stringify([key, digest, sha256Text(body)])}\n${body}`);
}
