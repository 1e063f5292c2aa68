// Validation cache, like ESLint's --cache: a snapshot of every checked file's result, read at the start of a run.
// An entry is trusted by its stat (size, mtime, ctime, inode) without reading the file, unless the file's times
// fall inside the window of the run that checked it: a write in the same clock tick as that run's read could
// leave the stat unchanged, so such an entry is confirmed by its content hash, like git's racily clean index
// entries. ctime cannot be set back, so a restored mtime or a same-size rewrite is still a change. Only such
// racy entries store a content hash (the others' is zero and never read: their stat alone decides).
//
// A warm run with a few files changed must cost little more than a stat per file, so what it reads for every file
// is one table (`validate.bin`): a JSON header (key, checksum), the paths as one JSON array, the few files'
// diagnostics, then per file eight float64s (stat, racy window, where its summary and documents are) and two
// sha-256 digests (the file's bytes, its summary's JSON) as raw bytes, read in place. Nothing per file is
// allocated for an unchanged file but its small result object. The summaries and documents live in a second,
// append-only file (`validate.<n>.docs`), each file's summary JSON followed by its documents' JSON, read only
// when wanted: a document when a resource is read (`promoc validate` reads none but the geofences), a summary
// when the cross-file results must be made again. The table is checked whole (its sha-256); a damaged one is
// not believed and every file is checked again. A run that changed a few rows of the same files appends them
// to the table's journal (`validate.log`, cache-journal.ts) instead of rewriting it; other changes, or a
// journal grown large or damaged, rewrite the table whole.
import { appendFileSync, closeSync, lstatSync, mkdirSync, openSync, readFileSync, readSync, rmSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { CheckedDoc, CheckedFile } from './check-file.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { sha256Bytes as sha256 } from '../model/canonical.js';
import { isFileSummary, summariesDigestOf, summaryTextOf, type FileSummary, type StoredSummary } from './file-summary.js';
import { BlobWriter } from './blob-writer.js';
import { journalHeader, journalLine, readJournal, type JournalRow } from './cache-journal.js';

/** What identifies a file's version without reading it. */
export interface FileStat {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
  readonly ino: number;
}

/** Clock granularity and the lag of the kernel's coarse file-time clock behind Date.now(). */
const RACY_SLACK_MS = 2_000;

const MAGIC = Buffer.from('promoc validation cache 2\n', 'latin1');
/** Per file: size, mtimeMs, ctimeMs, ino, since (racy window start), blob offset, summary bytes, documents bytes. */
const FIELDS = 8;
const DIGEST = 32;
const EMPTY_DIAGNOSTICS: readonly Diagnostic[] = Object.freeze([]);
const ZERO_DIGEST = Buffer.alloc(DIGEST);
/** A journal past this size is folded into a rewritten table. */
const JOURNAL_LIMIT = 256 * 1024;

interface Head {
  readonly key: string;
  /** The documents file's number, -1 when there is none. */
  readonly docs: number;
  readonly count: number;
  /** Byte lengths of the paths', the diagnostics' and the walk's JSON. */
  readonly paths: number;
  readonly diagnostics: number;
  readonly walk: number;
  /** sha-256 of everything after the header. */
  readonly check: string;
}

/**
 * The globs' last walk: the folders it read ([repository path, mtimeMs, ctimeMs, ino], stat taken before the
 * read), the start of that run's window, and what it listed (null: the table's paths).
 */
interface Walk {
  readonly folders: readonly (readonly [string, number, number, number])[];
  readonly since: number;
  readonly files: readonly string[] | null;
}

/** The stored table, read in place. */
interface Table {
  readonly paths: readonly string[];
  /** Their JSON as stored, written again as is when they are unchanged. */
  readonly pathsJson?: Buffer;
  readonly diagnostics: Readonly<Record<string, readonly Diagnostic[]>>;
  readonly rows: Float64Array;
  /** count × 32 bytes of content hashes, then count × 32 bytes of summary digests. */
  readonly digests: Buffer;
}

/** A file's entry written in this run: its stat, and its blob as text or (unchanged) where it already is. */
interface Fresh {
  /** Its row in the stored table, -1 when it has none. */
  readonly at: number;
  readonly st: FileStat;
  readonly hash: Buffer;
  readonly diagnostics: readonly Diagnostic[];
  readonly summaryDigest: Buffer;
  /** Where its blob is: an unchanged one's stored row, or this run's new bytes (offset and lengths in `blobs`). */
  blob: { readonly row: number } | { readonly at: number; readonly summary: number; readonly docs: number };
}

/** Writes a file checked in this run into row `k` of a table of `count` rows: its stat, digests and diagnostics. */
function writeFreshRow(
  fresh: Fresh,
  k: number,
  count: number,
  since: number,
  out: Float64Array,
  outDigests: Buffer,
  outDiagnostics: Record<string, readonly Diagnostic[]>,
): void {
  const o = k * FIELDS;
  out[o] = fresh.st.size;
  out[o + 1] = fresh.st.mtimeMs;
  out[o + 2] = fresh.st.ctimeMs;
  out[o + 3] = fresh.st.ino;
  out[o + 4] = since;
  fresh.hash.copy(outDigests, k * DIGEST);
  fresh.summaryDigest.copy(outDigests, (count + k) * DIGEST);
  if (fresh.diagnostics.length > 0) outDiagnostics[k] = fresh.diagnostics;
}

/** Documents of a cached result read back: a damaged text (or one the summary does not describe) is re-checked. */
export type Recheck = (repoPath: string) => CheckedFile;

const EMPTY_TABLE: Table = { paths: [], diagnostics: {}, rows: new Float64Array(0), digests: Buffer.alloc(0) };

export class ValidationCache {
  private readonly seen: Uint8Array;
  private readonly changed = new Map<string, Fresh>();
  /** The blobs of files checked in this run, appended to the documents file on save. */
  private readonly blobs = new BlobWriter();
  private readonly since: number;
  /** The last row found: lookups come in path order, as the rows are. */
  private cursor = 0;
  /** This run's walk: null when it cannot be kept (the stored one is dropped), undefined when none was made. */
  private walked?: { readonly folders: Walk['folders']; readonly files: readonly string[] } | null;

  private constructor(
    private readonly file: string,
    readonly key: string,
    private readonly table: Table,
    private readonly docs: DocsFile,
    private rewrite: boolean,
    now: number,
    private readonly walk?: Walk,
    /** The table's checksum and its journal's size (-1: none, or not this table's; undefined: damaged). */
    private readonly journal: { readonly check: string; readonly bytes: number | undefined } = { check: '', bytes: undefined },
  ) {
    this.since = now - RACY_SLACK_MS;
    this.seen = new Uint8Array(table.paths.length);
  }

  /** `now`: the run's start, Date.now(); file times after it minus the slack are racy. */
  static open(file: string, key: string, now: number): ValidationCache {
    const empty = (): ValidationCache => new ValidationCache(file, key, EMPTY_TABLE, new DocsFile(file, -1), true, now);
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      return empty();
    }
    const parsed = parseTable(bytes, key);
    if (!parsed) return empty();
    const journal = applyJournal(journalPath(file), parsed);
    const docs = new DocsFile(file, parsed.docs);
    // Blobs past the documents file's end (it was replaced or cut): no entry is believed.
    const docsSize = docs.size();
    const { rows } = parsed.table;
    for (let i = 0; i < parsed.table.paths.length; i += 1) {
      const r = i * FIELDS;
      if (rows[r + 5]! + rows[r + 6]! + rows[r + 7]! > docsSize) return empty();
    }
    return new ValidationCache(file, key, parsed.table, docs, false, now, parsed.walk, journal);
  }

  /**
   * The repository paths the globs' walk listed in an earlier run, if every folder it read is as it was then
   * and was not changed in that run's window: a folder's entries (names and types) change its mtime. One
   * lstat a folder instead of reading and matching every entry.
   */
  listing(root: string): readonly string[] | undefined {
    const walk = this.walk;
    if (!walk) return undefined;
    for (const [rel, mtimeMs, ctimeMs, ino] of walk.folders) {
      let st: Stats;
      try {
        st = lstatSync(join(root, rel));
      } catch {
        return undefined;
      }
      if (!st.isDirectory() || st.mtimeMs !== mtimeMs || st.ctimeMs !== ctimeMs || st.ino !== ino || Math.max(mtimeMs, ctimeMs) >= walk.since) return undefined;
    }
    return walk.files ?? this.table.paths;
  }

  /** Keeps a walk's folders (repository paths and their stats) and what it listed, for `listing`; undefined: a walk that cannot be kept. */
  putListing(walked: { readonly folders: Walk['folders']; readonly files: readonly string[] } | undefined): void {
    this.walked = walked ?? null;
  }

  /** Whether the cache holds an entry for `repoPath` at all (a file without one needs no stat before it is read). */
  has(repoPath: string): boolean {
    return this.rowOf(repoPath) >= 0;
  }

  /**
   * The cached result if the file is unchanged: by its stat alone, or, when its times fall in the window of
   * the run that checked it, by its content hash (`readBytes` is called only then).
   */
  lookup(repoPath: string, st: FileStat, readBytes: () => Uint8Array, recheck?: Recheck): CheckedFile | undefined {
    const i = this.rowOf(repoPath);
    if (i < 0) return undefined;
    const { rows, digests } = this.table;
    const r = i * FIELDS;
    if (rows[r] !== st.size || rows[r + 1] !== st.mtimeMs || rows[r + 2] !== st.ctimeMs || rows[r + 3] !== st.ino) return undefined;
    if (Math.max(st.mtimeMs, st.ctimeMs) >= rows[r + 4]!) {
      let read: Uint8Array;
      try {
        read = readBytes();
      } catch {
        return undefined;
      }
      const hash = sha256(read);
      if (!hash.equals(digests.subarray(i * DIGEST, (i + 1) * DIGEST))) return undefined;
      // Confirmed in this run: stored again with this run's window, which it may now be outside of.
      const result = new CachedResult(repoPath, this, i, recheck);
      this.changed.set(repoPath, {
        at: i,
        st: statOf(st),
        hash,
        diagnostics: result.diagnostics,
        summaryDigest: this.summaryDigest(i),
        blob: { row: i },
      });
      this.seen[i] = 1;
      return result;
    }
    this.seen[i] = 1;
    return new CachedResult(repoPath, this, i, recheck);
  }

  /**
   * Whether a file with stat `st`, read in this run, must be stored with its content hash: its times fall in this
   * run's window, so a later write in the same clock tick could leave the stat unchanged. Outside the window the
   * stat alone decides every later lookup (the hash is never read), so it need not be computed.
   */
  needsHash(st: FileStat): boolean {
    return Math.max(st.mtimeMs, st.ctimeMs) >= this.since;
  }

  /** `st`: the file's stat taken before it was read; `hash`: its content hash, or '' when `needsHash(st)` said no. */
  put(repoPath: string, hash: string, st: FileStat, result: CheckedFile): void {
    const i = this.rowOf(repoPath);
    const hashed = /^[0-9a-f]{64}$/.test(hash);
    if (!hashed && this.needsHash(st)) {
      // A racy entry without its hash could not be confirmed: not stored (the file is checked again next run).
      this.changed.delete(repoPath);
      if (i >= 0) this.seen[i] = 0;
      return;
    }
    if (i >= 0) this.seen[i] = 1;
    const own = result instanceof CachedResult && result.cache === this ? result.row : -1;
    const summary = own >= 0 ? undefined : summaryTextOf(result);
    let blob: Fresh['blob'] = { row: own };
    if (summary !== undefined) {
      const at = this.blobs.length;
      blob = { at, summary: this.blobs.write(summary), docs: this.blobs.write(JSON.stringify(result.docs)) };
    }
    this.changed.set(repoPath, {
      at: i,
      st: statOf(st),
      hash: hashed ? Buffer.from(hash, 'hex') : ZERO_DIGEST,
      diagnostics: result.diagnostics,
      summaryDigest: summary === undefined ? this.summaryDigest(own) : sha256(summary),
      blob,
    });
  }

  /** Keeps only the files seen in this run; writes nothing when nothing changed. */
  save(): void {
    const { paths, rows, digests, diagnostics } = this.table;
    let gone = false;
    for (let i = 0; i < paths.length && !gone; i += 1) if (this.seen[i] === 0) gone = true;
    if (!this.rewrite && !gone && this.changed.size === 0 && (this.walked === undefined || (this.walked === null && !this.walk))) return;
    const docsSize = this.docs.size();
    let referenced = 0;
    for (let i = 0; i < paths.length; i += 1) if (this.seen[i] === 1) referenced += rows[i * FIELDS + 6]! + rows[i * FIELDS + 7]!;
    const compact = docsSize < 0 || this.rewrite || docsSize - referenced > referenced + 1_048_576;
    let samePaths = !gone && !compact;
    for (const f of this.changed.values()) if (f.at < 0) samePaths = false;
    if (samePaths) {
      this.saveInPlace(docsSize);
      return;
    }
    // The rows to write, by path: a changed entry replaces the stored one.
    const kept: string[] = [];
    for (let i = 0; i < paths.length; i += 1) if (this.seen[i] === 1 && !this.changed.has(paths[i]!)) kept.push(paths[i]!);
    const all = [...kept, ...this.changed.keys()].sort();
    const count = all.length;
    const out = new Float64Array(count * FIELDS);
    const outDigests = Buffer.alloc(count * DIGEST * 2);
    const outDiagnostics: Record<string, readonly Diagnostic[]> = {};
    // Blobs of changed files are appended to the documents file; a rewrite (no documents file, or mostly
    // garbage in it) copies every live blob into the next one, after this run's.
    const target = compact ? new DocsFile(this.file, this.docs.number + 1) : this.docs;
    const base = compact ? 0 : docsSize;
    let offset = base + this.blobs.length;
    const copied: Buffer[] = [];
    const place = (bytes: Buffer): number => {
      const at = offset;
      copied.push(bytes);
      offset += bytes.length;
      return at;
    };
    const lookupStored = new Map<string, number>();
    for (let i = 0; i < paths.length; i += 1) if (this.seen[i] === 1) lookupStored.set(paths[i]!, i);
    for (let k = 0; k < count; k += 1) {
      const path = all[k]!;
      const o = k * FIELDS;
      const fresh = this.changed.get(path);
      const from = fresh ? ('row' in fresh.blob ? fresh.blob.row : -1) : lookupStored.get(path)!;
      if (fresh) writeFreshRow(fresh, k, count, this.since, out, outDigests, outDiagnostics);
      else {
        out.set(rows.subarray(from * FIELDS, from * FIELDS + 5), o);
        digests.copy(outDigests, k * DIGEST, from * DIGEST, (from + 1) * DIGEST);
        const n = paths.length;
        digests.copy(outDigests, (count + k) * DIGEST, (n + from) * DIGEST, (n + from + 1) * DIGEST);
        const d = diagnostics[from];
        if (d && d.length > 0) outDiagnostics[k] = d;
      }
      if (fresh && !('row' in fresh.blob)) {
        out[o + 5] = base + fresh.blob.at;
        out[o + 6] = fresh.blob.summary;
        out[o + 7] = fresh.blob.docs;
      } else {
        const r = from * FIELDS;
        out[o + 6] = rows[r + 6]!;
        out[o + 7] = rows[r + 7]!;
        if (!compact) out[o + 5] = rows[r + 5]!;
        else {
          let blob: Buffer;
          try {
            blob = this.docs.bytes(rows[r + 5]!, rows[r + 6]! + rows[r + 7]!);
          } catch {
            // The old documents file is gone (another run replaced it): an entry nothing can be read for.
            out[o] = -1;
            out[o + 5] = 0;
            out[o + 6] = 0;
            out[o + 7] = 0;
            continue;
          }
          out[o + 5] = place(blob);
        }
      }
    }
    mkdirSync(dirname(this.file), { recursive: true });
    // The documents first: a table never points at what is not written yet. Neither is fsynced: a cache lost to
    // a crash is damaged or missing on the next read, and rebuilt from the sources.
    const written = copied.length === 0 ? this.blobs.bytes() : Buffer.concat([this.blobs.bytes(), ...copied]);
    if (compact) writeFileAtomic.sync(target.path, written, { fsync: false });
    else if (written.length > 0) appendFileSync(target.path, written);
    writeFileAtomic.sync(this.file, tableBytes(this.key, target.number, all, outDiagnostics, out, outDigests, this.walkToSave()), { fsync: false });
    // Void already (it names the old table's checksum); removed so it is not read again.
    rmSync(journalPath(this.file), { force: true });
    if (compact && this.docs.number >= 0 && this.docs.path !== target.path) rmSync(this.docs.path, { force: true });
  }

  /**
   * The common save of a warm run: the same files as stored, a few of them changed. The rows are copied whole
   * and the changed ones overwritten; their blobs are appended to the documents file.
   */
  private saveInPlace(docsSize: number): void {
    if (this.journal.bytes !== undefined && this.journal.bytes < JOURNAL_LIMIT) {
      this.appendToJournal(docsSize);
      return;
    }
    const { paths, rows, digests, diagnostics } = this.table;
    const count = paths.length;
    const out = rows.slice();
    const outDigests = Buffer.from(digests);
    const outDiagnostics: Record<string, readonly Diagnostic[]> = { ...diagnostics };
    for (const fresh of this.changed.values()) {
      const k = fresh.at;
      const o = k * FIELDS;
      delete outDiagnostics[k];
      writeFreshRow(fresh, k, count, this.since, out, outDigests, outDiagnostics);
      if (!('row' in fresh.blob)) {
        out[o + 5] = docsSize + fresh.blob.at;
        out[o + 6] = fresh.blob.summary;
        out[o + 7] = fresh.blob.docs;
      }
    }
    mkdirSync(dirname(this.file), { recursive: true });
    // The documents first: a table never points at what is not written yet.
    if (this.blobs.length > 0) appendFileSync(this.docs.path, this.blobs.bytes());
    writeFileAtomic.sync(this.file, tableBytes(this.key, this.docs.number, paths, outDiagnostics, out, outDigests, this.walkToSave(), this.table.pathsJson), {
      fsync: false,
    });
    rmSync(journalPath(this.file), { force: true });
  }

  /** The changed rows (and the walk, when it changed) as one journal record; the table stays as it is. */
  private appendToJournal(docsSize: number): void {
    const rows: JournalRow[] = [];
    const diagnostics: Record<string, readonly Diagnostic[]> = {};
    for (const fresh of this.changed.values()) {
      const k = fresh.at;
      const r = k * FIELDS;
      const stored = this.table.rows;
      const [offset, summary, docs] =
        'row' in fresh.blob ? [stored[r + 5]!, stored[r + 6]!, stored[r + 7]!] : [docsSize + fresh.blob.at, fresh.blob.summary, fresh.blob.docs];
      const { size, mtimeMs, ctimeMs, ino } = fresh.st;
      rows.push([k, size, mtimeMs, ctimeMs, ino, this.since, offset, summary, docs, fresh.hash.toString('hex'), fresh.summaryDigest.toString('hex')]);
      if (fresh.diagnostics.length > 0) diagnostics[k] = fresh.diagnostics;
    }
    const walk = this.walked
      ? { folders: this.walked.folders, since: this.since, files: sameList(this.walked.files, this.table.paths) ? null : this.walked.files }
      : this.walked;
    const line = journalLine({ rows, diagnostics, ...(walk === undefined ? {} : { walk }) });
    mkdirSync(dirname(this.file), { recursive: true });
    // The documents first: a record never points at what is not written yet.
    if (this.blobs.length > 0) appendFileSync(this.docs.path, this.blobs.bytes());
    if (this.journal.bytes! > 0) appendFileSync(journalPath(this.file), line);
    else writeFileAtomic.sync(journalPath(this.file), journalHeader(this.journal.check) + line, { fsync: false });
  }

  /** The walk to store with a table of `paths`: this run's, none, or the stored one. */
  private walkToSave(): Walk | undefined {
    if (this.walked) return { folders: this.walked.folders, since: this.since, files: this.walked.files };
    if (this.walked === null || !this.walk) return undefined;
    return { ...this.walk, files: this.walk.files ?? this.table.paths };
  }

  /**
   * `summariesDigest` of this run's results, made from the table itself (its paths' JSON as stored and its summary
   * digests, this run's changes put in) when they are exactly the table's files: `count` results, every row seen,
   * none new. Undefined otherwise: the caller digests the results.
   */
  summariesDigest(count: number): string | undefined {
    const { paths, pathsJson, digests } = this.table;
    const n = paths.length;
    if (count !== n || this.rewrite || pathsJson === undefined) return undefined;
    for (let i = 0; i < n; i += 1) if (this.seen[i] !== 1) return undefined;
    for (const fresh of this.changed.values()) if (fresh.at < 0) return undefined;
    const summaries = Buffer.from(digests.subarray(n * DIGEST, 2 * n * DIGEST));
    for (const fresh of this.changed.values()) fresh.summaryDigest.copy(summaries, fresh.at * DIGEST);
    return summariesDigestOf(pathsJson, summaries);
  }

  /** Copies row `i`'s summary digest into `into` at `at`. */
  copySummaryDigest(i: number, into: Buffer, at: number): void {
    const n = this.table.paths.length;
    this.table.digests.copy(into, at, (n + i) * DIGEST, (n + i + 1) * DIGEST);
  }

  diagnosticsOf(i: number): readonly Diagnostic[] {
    return this.table.diagnostics[i] ?? EMPTY_DIAGNOSTICS;
  }

  /** The summary's JSON text of row `i`, or undefined when it cannot be read or is not what its digest says. */
  summaryText(i: number): string | undefined {
    const r = i * FIELDS;
    let text: Buffer;
    try {
      text = this.docs.bytes(this.table.rows[r + 5]!, this.table.rows[r + 6]!);
    } catch {
      return undefined;
    }
    return this.checkedSummary(i, text);
  }

  /** Row `i`'s summary (as `summaryText`) and documents' JSON text, in one read (throws when it cannot be read). */
  blob(i: number): { readonly summary: string | undefined; readonly docs: string } {
    const r = i * FIELDS;
    const { rows } = this.table;
    const bytes = this.docs.bytes(rows[r + 5]!, rows[r + 6]! + rows[r + 7]!);
    return { summary: this.checkedSummary(i, bytes.subarray(0, rows[r + 6]!)), docs: bytes.toString('utf8', rows[r + 6]!) };
  }

  private checkedSummary(i: number, text: Buffer): string | undefined {
    const n = this.table.paths.length;
    return sha256(text).equals(this.table.digests.subarray((n + i) * DIGEST, (n + i + 1) * DIGEST)) ? text.toString('utf8') : undefined;
  }

  private summaryDigest(i: number): Buffer {
    const b = Buffer.alloc(DIGEST);
    this.copySummaryDigest(i, b, 0);
    return b;
  }

  /** The row of `repoPath`, -1 when there is none. */
  private rowOf(repoPath: string): number {
    const { paths, rows } = this.table;
    let i = this.cursor;
    if (paths[i] !== repoPath) {
      i += 1;
      // Lookups mostly come in path order, as the rows are; else a binary search (the paths are sorted).
      if (paths[i] !== repoPath) {
        let lo = 0;
        let hi = paths.length - 1;
        i = -1;
        while (lo <= hi) {
          const mid = (lo + hi) >>> 1;
          const p = paths[mid]!;
          if (p === repoPath) {
            i = mid;
            break;
          }
          if (p < repoPath) lo = mid + 1;
          else hi = mid - 1;
        }
        if (i < 0) return -1;
      }
    }
    this.cursor = i;
    // A row written with a size of -1 lost its blob: no entry.
    return rows[i * FIELDS]! < 0 ? -1 : i;
  }
}

function statOf(st: FileStat): FileStat {
  return { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino };
}

function tableBytes(
  key: string,
  docs: number,
  paths: readonly string[],
  diagnostics: Record<string, readonly Diagnostic[]>,
  rows: Float64Array,
  digests: Buffer,
  walk: Walk | undefined,
  storedPaths?: Buffer,
): Buffer {
  const pathsJson = storedPaths ?? Buffer.from(JSON.stringify(paths), 'utf8');
  const diagnosticsJson = Buffer.from(JSON.stringify(diagnostics), 'utf8');
  const walkJson = Buffer.from(JSON.stringify(walk ? (walk.files !== null && sameList(walk.files, paths) ? { ...walk, files: null } : walk) : null), 'utf8');
  const textEnd = pathsJson.length + diagnosticsJson.length + walkJson.length;
  // The float64s start at a multiple of 8 from the start of the body, which itself starts at one.
  const pad = (8 - (textEnd % 8)) % 8;
  const body = Buffer.concat([pathsJson, diagnosticsJson, walkJson, Buffer.alloc(pad), Buffer.from(rows.buffer, rows.byteOffset, rows.byteLength), digests]);
  const head: Head = {
    key,
    docs,
    count: paths.length,
    paths: pathsJson.length,
    diagnostics: diagnosticsJson.length,
    walk: walkJson.length,
    check: sha256(body).toString('hex'),
  };
  const headJson = Buffer.from(JSON.stringify(head), 'utf8');
  const headPad = (8 - ((MAGIC.length + 4 + headJson.length) % 8)) % 8;
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headJson.length + headPad);
  return Buffer.concat([MAGIC, length, headJson, Buffer.alloc(headPad, 0x20), body]);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

function isWalk(w: unknown): w is Walk {
  if (typeof w !== 'object' || w === null) return false;
  const { folders, since, files } = w as Walk;
  return (
    typeof since === 'number' &&
    Array.isArray(folders) &&
    folders.every((f) => Array.isArray(f) && f.length === 4 && typeof f[0] === 'string' && f.slice(1).every((n) => typeof n === 'number')) &&
    (files === null || (Array.isArray(files) && files.every((f) => typeof f === 'string')))
  );
}

interface ParsedTable {
  readonly table: Table;
  readonly docs: number;
  walk?: Walk;
  /** The table's checksum, which its journal names. */
  readonly check: string;
}

function parseTable(bytes: Buffer, key: string): ParsedTable | undefined {
  if (bytes.length < MAGIC.length + 4 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const headLength = bytes.readUInt32LE(MAGIC.length);
  const bodyStart = MAGIC.length + 4 + headLength;
  if (bodyStart > bytes.length) return undefined;
  let head: Head;
  try {
    head = JSON.parse(bytes.toString('utf8', MAGIC.length + 4, bodyStart)) as Head;
  } catch {
    return undefined;
  }
  if (typeof head !== 'object' || head === null || head.key !== key) return undefined;
  const { count, docs } = head;
  if (![count, docs, head.paths, head.diagnostics, head.walk].every(Number.isInteger) || count < 0) return undefined;
  const textEnd = bodyStart + head.paths + head.diagnostics + head.walk;
  const rowsStart = textEnd + ((8 - ((head.paths + head.diagnostics + head.walk) % 8)) % 8);
  const digestsStart = rowsStart + count * FIELDS * 8;
  if (digestsStart + count * DIGEST * 2 !== bytes.length) return undefined;
  const body = bytes.subarray(bodyStart);
  if (sha256(body).toString('hex') !== head.check) return undefined;
  let paths: unknown;
  let diagnostics: unknown;
  let walk: unknown;
  try {
    paths = JSON.parse(bytes.toString('utf8', bodyStart, bodyStart + head.paths));
    diagnostics = JSON.parse(bytes.toString('utf8', bodyStart + head.paths, bodyStart + head.paths + head.diagnostics));
    walk = JSON.parse(bytes.toString('utf8', bodyStart + head.paths + head.diagnostics, textEnd));
  } catch {
    return undefined;
  }
  if (!Array.isArray(paths) || paths.length !== count || typeof diagnostics !== 'object' || diagnostics === null) return undefined;
  // In place when aligned (a file read whole is its own allocation); copied otherwise.
  const at = bytes.byteOffset + rowsStart;
  const rows = at % 8 === 0 ? new Float64Array(bytes.buffer, at, count * FIELDS) : new Float64Array(bytes.buffer.slice(at, at + count * FIELDS * 8));
  const table = {
    paths: paths as string[],
    pathsJson: bytes.subarray(bodyStart, bodyStart + head.paths),
    diagnostics: diagnostics as Table['diagnostics'],
    rows,
    digests: bytes.subarray(digestsStart),
  };
  return isWalk(walk) ? { table, docs, walk, check: head.check } : { table, docs, check: head.check };
}

const journalPath = (table: string): string => join(dirname(table), `${basename(table, extname(table))}.log`);

/**
 * Applies the journal of the parsed table to it (rows, digests and diagnostics in place, the walk); returns
 * the journal's state for the save: its size (-1: none for this table), undefined when a record was damaged.
 */
function applyJournal(path: string, parsed: ParsedTable): { check: string; bytes: number | undefined } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { check: parsed.check, bytes: -1 };
  }
  const { table } = parsed;
  const n = table.paths.length;
  const journal = readJournal(text, parsed.check, n);
  if (!journal) return { check: parsed.check, bytes: -1 };
  const diagnostics = table.diagnostics as Record<string, readonly Diagnostic[]>;
  for (const { rows, diagnostics: changed, walk } of journal.records) {
    for (const row of rows) {
      const k = row[0];
      for (let f = 0; f < FIELDS; f += 1) table.rows[k * FIELDS + f] = row[1 + f] as number;
      table.digests.write(row[9], k * DIGEST, 'hex');
      table.digests.write(row[10], (n + k) * DIGEST, 'hex');
      delete diagnostics[k];
      const d = changed[k];
      if (d && d.length > 0) diagnostics[k] = d;
    }
    if (isWalk(walk)) parsed.walk = walk;
    else if (walk !== undefined) delete parsed.walk;
  }
  return { check: parsed.check, bytes: journal.damaged ? undefined : Buffer.byteLength(text) };
}

/** The summaries and documents of the entries, at offsets; read a slice at a time, or whole once many are wanted. */
class DocsFile {
  readonly path: string;
  private whole?: Buffer;
  private reads = 0;
  constructor(
    table: string,
    /** -1: none yet. */
    readonly number: number,
  ) {
    this.path = join(dirname(table), `${basename(table, extname(table))}.${number}.docs`);
  }

  /** Its size in bytes, -1 when there is none. */
  size(): number {
    if (this.number < 0) return -1;
    try {
      return statSync(this.path).size;
    } catch {
      return -1;
    }
  }

  bytes(offset: number, length: number): Buffer {
    this.reads += 1;
    // Slices for a few hundred (the geofences), the whole file once most are wanted (lint reads every resource).
    if (!this.whole && this.reads > 1024) this.whole = readFileSync(this.path);
    if (this.whole) {
      if (offset + length > this.whole.length) throw new Error('short read');
      return this.whole.subarray(offset, offset + length);
    }
    const fd = openSync(this.path, 'r');
    try {
      const bytes = Buffer.alloc(length);
      if (readSync(fd, bytes, 0, length, offset) !== length) throw new Error('short read');
      return bytes;
    } finally {
      closeSync(fd);
    }
  }
}

/** A cached result: its documents are parsed on first read; its summary stands for them until then. */
class CachedResult implements CheckedFile, StoredSummary {
  private parsed?: readonly CheckedDoc[];
  private summary?: FileSummary | null;
  private summaryJson?: string | null;
  readonly diagnostics: readonly Diagnostic[];
  constructor(
    readonly file: string,
    readonly cache: ValidationCache,
    readonly row: number,
    private readonly recheck: Recheck | undefined,
  ) {
    this.diagnostics = cache.diagnosticsOf(row);
  }
  get docs(): readonly CheckedDoc[] {
    this.parsed ??= this.parseDocs();
    return this.parsed;
  }
  storedSummaryText(): string | undefined {
    if (this.summaryJson === undefined) this.summaryJson = this.cache.summaryText(this.row) ?? null;
    return this.summaryJson ?? undefined;
  }
  storedSummary(): FileSummary | undefined {
    if (this.summary === undefined) {
      const text = this.storedSummaryText();
      let parsed: unknown;
      try {
        parsed = text === undefined ? undefined : JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      this.summary = isFileSummary(parsed) ? parsed : null;
    }
    return this.summary ?? undefined;
  }
  copySummaryDigest(into: Buffer, at: number): void {
    this.cache.copySummaryDigest(this.row, into, at);
  }
  private parseDocs(): readonly CheckedDoc[] {
    let docs: unknown;
    try {
      const blob = this.cache.blob(this.row);
      if (this.summaryJson === undefined) this.summaryJson = blob.summary ?? null;
      docs = JSON.parse(blob.docs);
    } catch {
      docs = undefined;
    }
    const summary = this.storedSummary();
    if (describes(summary, docs)) return docs;
    // Damaged (or the documents file replaced by another run): the file's own text, checked again, is the truth.
    const fresh = this.recheck?.(this.file).docs;
    if (fresh && describes(summary, fresh)) return fresh;
    throw new Error(`the validation cache entry of ${this.file} is damaged; delete the cache folder (.promoc-cache) and run again`);
  }
}

/** Documents that are what the summary says (when it is intact), each with its index. */
function describes(summary: FileSummary | undefined, docs: unknown): docs is CheckedDoc[] {
  if (!Array.isArray(docs) || (summary && docs.length !== summary.length)) return false;
  return docs.every((d: CheckedDoc | null, i) => {
    if (typeof d !== 'object' || d === null || typeof d.index !== 'number') return false;
    const s = summary?.[i];
    return !s || (d.index === s[0] && (d.resource !== undefined) === (s[4] === 1));
  });
}

export function contentHash(bytes: Uint8Array): string {
  return sha256(bytes).toString('hex');
}
