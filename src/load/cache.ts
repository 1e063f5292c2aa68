// Validation cache, like ESLint's --cache: one snapshot file of every checked file's result, read with one
// JSON.parse at the start of a run. An entry is trusted by its stat (size, mtime, ctime, inode) without
// reading the file, unless the file's times fall inside the window of the run that checked it: a write in
// the same clock tick as that run's read leaves the stat unchanged, so such an entry is confirmed by the
// content hash (the "racily clean" case of git's index). ctime cannot be set back, so a restored mtime is
// still a change. Keyed by tool version, build, schema digest and config digest: any change starts empty.
// A run that changed a few entries appends them (later lines win; a deleted file gets a tombstone) instead
// of rewriting megabytes; the file is rewritten whole when the appended lines grow or a line was damaged.
import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { CheckedFile } from './check-file.js';

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
  readonly result: CheckedFile;
}

/** Clock granularity and the lag of the kernel's coarse file-time clock behind Date.now(). */
const RACY_SLACK_MS = 2_000;

type Line = [string, number, number, number, number, string, number, unknown] | [string, null];

export class ValidationCache {
  private readonly seen = new Set<string>();
  private readonly changed: Entry[] = [];
  private readonly changedPaths: string[] = [];
  private readonly since: number;

  private constructor(
    private readonly file: string,
    private readonly key: string,
    private readonly entries: Map<string, Entry>,
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
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return new ValidationCache(file, key, entries, 0, true, now);
    }
    const nl = text.indexOf('\n');
    if (nl < 0 || text.slice(0, nl) !== JSON.stringify(key)) return new ValidationCache(file, key, entries, 0, true, now);
    const body = text.slice(nl + 1).replace(/\n+$/, '');
    let lines: unknown[] | undefined;
    let damaged = false;
    // One parse of the whole body (the lines joined as one array); a torn or damaged line falls back to
    // reading line by line, skipping what does not parse, and the file is rewritten at the end.
    try {
      lines = body === '' ? [] : (JSON.parse(`[${body.replaceAll('\n', ',')}]`) as unknown[]);
    } catch {
      damaged = true;
      lines = [];
      for (const l of body.split('\n')) {
        try {
          lines.push(JSON.parse(l));
        } catch {
          /* skipped */
        }
      }
    }
    for (const l of lines) {
      if (!Array.isArray(l) || typeof l[0] !== 'string') {
        damaged = true;
        continue;
      }
      const line = l as Line;
      if (line.length === 2 && line[1] === null) {
        entries.delete(line[0]);
        continue;
      }
      const [path, size, mtimeMs, ctimeMs, ino, hash, since, result] = line as Extract<Line, { length: 8 }>;
      if (![size, mtimeMs, ctimeMs, ino, since].every((n) => typeof n === 'number') || typeof hash !== 'string' || !isCheckedFile(result, path)) {
        damaged = true;
        entries.delete(path);
        continue;
      }
      entries.set(path, { size, mtimeMs, ctimeMs, ino, hash, since, result });
    }
    return new ValidationCache(file, key, entries, lines.length, damaged, now);
  }

  /**
   * The cached result if the file is unchanged: by its stat alone, or, when its times fall in the window of
   * the run that checked it, by its content hash (`readBytes` is called only then).
   */
  lookup(repoPath: string, st: FileStat, readBytes: () => Uint8Array): CheckedFile | undefined {
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
      this.put(repoPath, e.hash, st, e.result);
      return e.result;
    }
    this.seen.add(repoPath);
    return e.result;
  }

  /** `st`: the file's stat taken before it was read. */
  put(repoPath: string, hash: string, st: FileStat, result: CheckedFile): void {
    this.seen.add(repoPath);
    this.changedPaths.push(repoPath);
    this.changed.push({ size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino, hash, since: this.since, result });
  }

  /** Keeps only the files seen in this run; writes nothing when nothing changed. */
  save(): void {
    const gone = [...this.entries.keys()].filter((p) => !this.seen.has(p));
    if (!this.rewrite && gone.length === 0 && this.changed.length === 0) return;
    const live = this.entries.size - gone.length + this.changedPaths.filter((p) => !this.entries.has(p)).length;
    const appended = this.lineCount + gone.length + this.changed.length;
    mkdirSync(dirname(this.file), { recursive: true });
    if (!this.rewrite && appended <= live * 1.25 + 16) {
      const lines = gone.map((p) => JSON.stringify([p, null]));
      this.changed.forEach((e, i) => lines.push(lineOf(this.changedPaths[i]!, e)));
      appendFileSync(this.file, `${lines.join('\n')}\n`);
      return;
    }
    const all = new Map<string, Entry>();
    for (const [p, e] of this.entries) if (this.seen.has(p)) all.set(p, e);
    this.changed.forEach((e, i) => all.set(this.changedPaths[i]!, e));
    const lines = [JSON.stringify(this.key)];
    for (const [p, e] of all) lines.push(lineOf(p, e));
    writeFileAtomic.sync(this.file, `${lines.join('\n')}\n`);
  }
}

function lineOf(path: string, e: Entry): string {
  return JSON.stringify([path, e.size, e.mtimeMs, e.ctimeMs, e.ino, e.hash, e.since, e.result]);
}

function isCheckedFile(v: unknown, repoPath: string): v is CheckedFile {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return o.file === repoPath && Array.isArray(o.docs) && Array.isArray(o.diagnostics);
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
