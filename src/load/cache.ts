// Validation cache, like ESLint's --cache: per file, keyed by content hash (with a size+mtime
// fast path so unchanged files are not even read), invalidated by schema or tool version.
// One line per file: an unchanged entry is written back as the same string, so a warm run
// serialises only what changed (re-stringifying 10k results cost more than the changes did).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { CheckedFile } from './check-file.js';

interface Entry {
  readonly hash: string;
  readonly size: number;
  readonly mtimeMs: number;
  /** The CheckedFile as JSON. */
  readonly json: string;
}

export class ValidationCache {
  private readonly next = new Map<string, Entry>();
  private constructor(private readonly file: string, private readonly key: string, private readonly entries: ReadonlyMap<string, Entry>) {}

  static open(file: string, key: string): ValidationCache {
    const entries = new Map<string, Entry>();
    try {
      const lines = readFileSync(file, 'utf8').split('\n');
      if (lines[0] === JSON.stringify(key)) {
        for (const line of lines.slice(1)) {
          const m = /^([^\t]+)\t([0-9a-f]*)\t(\d+)\t([\d.]+)\t(.*)$/.exec(line);
          if (m) entries.set(JSON.parse(m[1]!) as string, { hash: m[2]!, size: Number(m[3]), mtimeMs: Number(m[4]), json: m[5]! });
        }
      }
    } catch { /* missing or corrupt: start empty */ }
    return new ValidationCache(file, key, entries);
  }

  /** A hit without reading the file: same size and mtime as when it was checked. */
  byStat(repoPath: string, size: number, mtimeMs: number): CheckedFile | undefined {
    const e = this.entries.get(repoPath);
    if (!e || e.size !== size || e.mtimeMs !== mtimeMs) return undefined;
    try {
      const result = JSON.parse(e.json) as unknown;
      // A damaged entry that still parses is a miss too: the file is checked again.
      if (!isCheckedFile(result, repoPath)) return undefined;
      this.next.set(repoPath, e);
      return result;
    } catch { return undefined; }
  }

  put(repoPath: string, hash: string, size: number, mtimeMs: number, result: CheckedFile): void {
    this.next.set(repoPath, { hash, size, mtimeMs, json: JSON.stringify(result) });
  }

  /** Keeps only the files seen in this run. */
  save(): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const lines = [JSON.stringify(this.key)];
    for (const [path, e] of this.next) lines.push(`${JSON.stringify(path)}\t${e.hash}\t${e.size}\t${e.mtimeMs}\t${e.json}`);
    writeFileAtomic.sync(this.file, `${lines.join('\n')}\n`);
  }
}

function isCheckedFile(v: unknown, repoPath: string): v is CheckedFile {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return o.file === repoPath && Array.isArray(o.docs) && Array.isArray(o.diagnostics);
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
