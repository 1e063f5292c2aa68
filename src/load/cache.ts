// Validation cache, like ESLint's --cache: one snapshot file of every checked file's result, read at the
// start of a run. An entry is trusted by its stat (size, mtime, ctime, inode) without reading the file, unless
// the file's times fall inside the window of the run that checked it: a write in the same clock tick as that
// run's read leaves the stat unchanged, so such an entry is confirmed by the content hash (the "racily clean"
// case of git's index). ctime cannot be set back, so a restored mtime is still a change. Keyed by tool
// version, build, schema digest and config digest: any change starts empty.
// A line is a JSON header (path, stat, hash, window, diagnostics, where the rest is), a tab, and the JSON of
// the file's summary (file-summary.ts). The documents' JSON lives in a second file (validate.<n>.docs) read at
// the offsets the headers give, only when a resource is read (`promoc validate` reads none but the geofences):
// reading and parsing every resource was most of a warm run. The headers are parsed at once. The header file
// is read as bytes and decoded as Latin-1 when it is ASCII: UTF-8 decoding of megabytes cost more than the parse.
// A run that changed a few entries appends them, their documents first (later lines win; a deleted file gets a
// tombstone), instead of rewriting megabytes; both files are rewritten (the documents under the next number)
// when the appended lines grow or a line was damaged.
import { createHash } from 'node:crypto';
import { appendFileSync, closeSync, mkdirSync, openSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { CheckedDoc, CheckedFile } from './check-file.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { isAscii } from 'node:buffer';
import { isFileSummary, summaryTextOf, type FileSummary, type StoredSummary } from './file-summary.js';

/** What identifies a file's version without reading it. */
export interface FileStat {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
  readonly ino: number;
}

interface Entry extends FileStat {
  readonly hash: string;
  /** File times at or after this (ms, minus slack) were set while or after the file was read: check the hash. */
  readonly since: number;
  readonly diagnostics: readonly Diagnostic[];
  /** The JSON of the file's summary, parsed on first use. */
  readonly summaryText: string;
  /** The JSON of its documents: held (fresh, or read back for a rewrite), or where it is in the documents file. */
  docs: { text: string } | { offset: number; length: number };
  summary?: FileSummary | null;
  result?: CheckedFile;
}

/** Clock granularity and the lag of the kernel's coarse file-time clock behind Date.now(). */
const RACY_SLACK_MS = 2_000;

type Header = [string, number, number, number, number, string, number, unknown, number, number, number] | [string, null];

/** Documents of a cached result read back: a damaged text (or one the summary does not describe) is re-checked. */
export type Recheck = () => CheckedFile;

export class ValidationCache {
  private readonly seen = new Set<string>();
  private readonly changed: Entry[] = [];
  private readonly changedPaths: string[] = [];
  private readonly since: number;

  private constructor(
    private readonly file: string,
    readonly key: string,
    private readonly entries: Map<string, Entry>,
    /** The documents file the headers point into, and its number. */
    private readonly docs: DocsFile,
    /** Lines in the file, live or not; a rewrite when they outnumber the live entries by far. */
    private readonly lineCount: number,
    private rewrite: boolean,
    now: number,
  ) {
    this.since = now - RACY_SLACK_MS;
  }

  /** `now`: the run's start, Date.now(); file times after it minus the slack are racy. */
  static open(file: string, key: string, now: number): ValidationCache {
    const entries = new Map<string, Entry>();
    const empty = (): ValidationCache => new ValidationCache(file, key, entries, new DocsFile(file, -1), 0, true, now);
    let text: string;
    try {
      const bytes = readFileSync(file);
      text = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
    } catch {
      return empty();
    }
    const nl = text.indexOf('\n');
    if (nl < 0) return empty();
    let first: unknown;
    try {
      first = JSON.parse(text.slice(0, nl));
    } catch {
      return empty();
    }
    if (!Array.isArray(first) || first[0] !== key || !Number.isInteger(first[1])) return empty();
    const docs = new DocsFile(file, first[1] as number);
    const docsSize = docs.size();
    const body = text.slice(nl + 1).replace(/\n+$/, '');
    const lines = body === '' ? [] : body.split('\n');
    const tabs: number[] = [];
    const heads = lines.map((l) => {
      const tab = l.indexOf('\t');
      tabs.push(tab);
      return tab < 0 ? l : l.slice(0, tab);
    });
    let headers: unknown[];
    let damaged = false;
    // One parse of every header (joined as one array); a torn or damaged line falls back to reading line by
    // line, skipping what does not parse, and the file is then rewritten at the end.
    try {
      headers = JSON.parse(`[${heads.join(',')}]`) as unknown[];
    } catch {
      damaged = true;
      headers = heads.map((h) => {
        try {
          return JSON.parse(h) as unknown;
        } catch {
          return undefined;
        }
      });
    }
    headers.forEach((h, i) => {
      if (!Array.isArray(h) || typeof h[0] !== 'string') {
        damaged = true;
        return;
      }
      const header = h as Header;
      if (header.length === 2 && header[1] === null) {
        entries.delete(header[0]);
        return;
      }
      const [path, size, mtimeMs, ctimeMs, ino, hash, since, diagnostics, summaryLength, offset, length] = header as Extract<Header, { length: 11 }>;
      const line = lines[i]!;
      const tab = tabs[i]!;
      // A torn line (its summary cut short, or run into the next append), or documents past the file's end.
      const intact =
        [size, mtimeMs, ctimeMs, ino, since, summaryLength, offset, length].every((n) => typeof n === 'number') &&
        typeof hash === 'string' &&
        Array.isArray(diagnostics) &&
        tab >= 0 &&
        line.length === tab + 1 + summaryLength &&
        line[tab + 1] === '[' &&
        line[line.length - 1] === ']' &&
        offset + length <= docsSize;
      if (!intact) {
        damaged = true;
        entries.delete(path);
        return;
      }
      const summaryText = line.slice(tab + 1);
      entries.set(path, { size, mtimeMs, ctimeMs, ino, hash, since, diagnostics: diagnostics as Diagnostic[], summaryText, docs: { offset, length } });
    });
    return new ValidationCache(file, key, entries, docs, lines.length, damaged, now);
  }

  /** Whether the cache holds an entry for `repoPath` at all (a file without one needs no stat before it is read). */
  has(repoPath: string): boolean {
    return this.entries.has(repoPath);
  }

  /**
   * The cached result if the file is unchanged: by its stat alone, or, when its times fall in the window of
   * the run that checked it, by its content hash (`readBytes` is called only then).
   */
  lookup(repoPath: string, st: FileStat, readBytes: () => Uint8Array, recheck?: Recheck): CheckedFile | undefined {
    const e = this.entries.get(repoPath);
    if (!e || e.size !== st.size || e.mtimeMs !== st.mtimeMs || e.ctimeMs !== st.ctimeMs || e.ino !== st.ino) return undefined;
    if (Math.max(st.mtimeMs, st.ctimeMs) >= e.since) {
      let bytes: Uint8Array;
      try {
        bytes = readBytes();
      } catch {
        return undefined;
      }
      if (contentHash(bytes) !== e.hash) return undefined;
      // Confirmed in this run: stored again with this run's window, which it may now be outside of.
      const result = this.resultOf(repoPath, e, recheck);
      this.put(repoPath, e.hash, st, result);
      return result;
    }
    this.seen.add(repoPath);
    return this.resultOf(repoPath, e, recheck);
  }

  /** `st`: the file's stat taken before it was read. */
  put(repoPath: string, hash: string, st: FileStat, result: CheckedFile): void {
    this.seen.add(repoPath);
    this.changedPaths.push(repoPath);
    const stored = this.entries.get(repoPath);
    // A result served from this cache keeps where its documents are: stored again without reading them.
    const docs = stored?.result === result ? stored.docs : { text: JSON.stringify(result.docs) };
    this.changed.push({
      size: st.size,
      mtimeMs: st.mtimeMs,
      ctimeMs: st.ctimeMs,
      ino: st.ino,
      hash,
      since: this.since,
      diagnostics: result.diagnostics,
      summaryText: summaryTextOf(result),
      docs,
    });
  }

  /** Keeps only the files seen in this run; writes nothing when nothing changed. */
  save(): void {
    const gone = [...this.entries.keys()].filter((p) => !this.seen.has(p));
    if (!this.rewrite && gone.length === 0 && this.changed.length === 0) return;
    const live = this.entries.size - gone.length + this.changedPaths.filter((p) => !this.entries.has(p)).length;
    const appended = this.lineCount + gone.length + this.changed.length;
    mkdirSync(dirname(this.file), { recursive: true });
    const docsSize = this.docs.size();
    if (!this.rewrite && appended <= live * 1.25 + 16 && docsSize >= 0) {
      // The documents first: a header is never written before what it points at.
      const texts: string[] = [];
      let offset = docsSize;
      const lines = gone.map((p) => JSON.stringify([p, null]));
      this.changed.forEach((e, i) => {
        if ('text' in e.docs) {
          const length = Buffer.byteLength(e.docs.text, 'utf8');
          texts.push(e.docs.text);
          e.docs = { offset, length };
          offset += length;
        }
        lines.push(lineOf(this.changedPaths[i]!, e));
      });
      if (texts.length > 0) appendFileSync(this.docs.path, texts.join(''));
      appendFileSync(this.file, `${lines.join('\n')}\n`);
      return;
    }
    const all = new Map<string, Entry>();
    for (const [p, e] of this.entries) if (this.seen.has(p)) all.set(p, e);
    this.changed.forEach((e, i) => all.set(this.changedPaths[i]!, e));
    const next = new DocsFile(this.file, this.docs.number + 1);
    const texts: string[] = [];
    let offset = 0;
    const lines = [JSON.stringify([this.key, next.number])];
    for (const [p, e] of all) {
      let text: string | undefined;
      try {
        text = 'text' in e.docs ? e.docs.text : this.docs.read(e.docs.offset, e.docs.length);
      } catch {
        continue; // the old documents file is gone (another run rewrote it): this file is checked again next time
      }
      // Results still to be read take their documents from the text now, not the old file.
      e.docs = { text };
      const length = Buffer.byteLength(text, 'utf8');
      texts.push(text);
      lines.push(lineOf(p, { ...e, docs: { offset, length } }));
      offset += length;
    }
    // Renamed into place, so never seen half-written; not fsynced: a cache lost to a crash is damaged or
    // missing on the next read, and rebuilt from the sources.
    writeFileAtomic.sync(next.path, texts.join(''), { fsync: false });
    writeFileAtomic.sync(this.file, `${lines.join('\n')}\n`, { fsync: false });
    if (this.docs.number >= 0) rmSync(this.docs.path, { force: true });
  }

  private resultOf(repoPath: string, e: Entry, recheck: Recheck | undefined): CheckedFile {
    e.result ??= new CachedResult(repoPath, e, this.docs, recheck);
    return e.result;
  }
}

/** The documents of the entries, at offsets; read a slice at a time, or whole once many are wanted. */
class DocsFile {
  readonly path: string;
  private whole?: Buffer;
  private reads = 0;
  constructor(
    headers: string,
    /** -1: none yet. */
    readonly number: number,
  ) {
    this.path = join(dirname(headers), `${basename(headers, '.json')}.${number}.docs`);
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

  read(offset: number, length: number): string {
    this.reads += 1;
    // Slices for a few hundred (the geofences), the whole file once most are wanted (lint reads every resource).
    if (!this.whole && this.reads > 1024) this.whole = readFileSync(this.path);
    if (this.whole) return this.whole.toString('utf8', offset, offset + length);
    const fd = openSync(this.path, 'r');
    try {
      const bytes = Buffer.alloc(length);
      if (readSync(fd, bytes, 0, length, offset) !== length) throw new Error('short read');
      return bytes.toString('utf8');
    } finally {
      closeSync(fd);
    }
  }
}

function lineOf(path: string, e: Entry): string {
  if ('text' in e.docs) throw new Error('documents not yet written');
  const header = JSON.stringify([
    path,
    e.size,
    e.mtimeMs,
    e.ctimeMs,
    e.ino,
    e.hash,
    e.since,
    e.diagnostics,
    e.summaryText.length,
    e.docs.offset,
    e.docs.length,
  ]);
  return `${header}\t${e.summaryText}`;
}

/** A cached result: its documents are parsed on first read; its summary stands for them until then. */
class CachedResult implements CheckedFile, StoredSummary {
  private parsed?: readonly CheckedDoc[];
  readonly diagnostics: readonly Diagnostic[];
  constructor(
    readonly file: string,
    private readonly entry: Entry,
    private readonly docsFile: DocsFile,
    private readonly recheck: Recheck | undefined,
  ) {
    this.diagnostics = entry.diagnostics;
  }
  get docs(): readonly CheckedDoc[] {
    this.parsed ??= parseDocs(this.entry, this.docsFile, this.file, this.recheck);
    return this.parsed;
  }
  storedSummaryText(): string {
    return this.entry.summaryText;
  }
  storedSummary(): FileSummary | undefined {
    return summaryOfEntry(this.entry);
  }
}

function summaryOfEntry(e: Entry): FileSummary | undefined {
  if (e.summary === undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(e.summaryText);
    } catch {
      parsed = undefined;
    }
    e.summary = isFileSummary(parsed) ? parsed : null;
  }
  return e.summary ?? undefined;
}

function parseDocs(e: Entry, file: DocsFile, repoPath: string, recheck: Recheck | undefined): readonly CheckedDoc[] {
  let docs: unknown;
  try {
    docs = JSON.parse('text' in e.docs ? e.docs.text : file.read(e.docs.offset, e.docs.length));
  } catch {
    docs = undefined;
  }
  const summary = summaryOfEntry(e);
  if (describes(summary, docs)) return docs;
  // Damaged (or the documents file replaced by another run): the file's own text, checked again, is the truth.
  const fresh = recheck?.().docs;
  if (fresh && describes(summary, fresh)) return fresh;
  throw new Error(`the validation cache entry of ${repoPath} is damaged; delete the cache folder (.promoc-cache) and run again`);
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
  return createHash('sha256').update(bytes).digest('hex');
}
