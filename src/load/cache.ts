// Validation cache, like ESLint's --cache: per file, keyed by content hash (with a size+mtime
// fast path so unchanged files are not even read), invalidated by schema or tool version.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { CheckedFile } from './check-file.js';

export interface CacheEntry {
  readonly hash: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly result: CheckedFile;
}

interface CacheFile {
  readonly key: string;
  readonly entries: Record<string, CacheEntry>;
}

export class ValidationCache {
  private readonly next: Record<string, CacheEntry> = {};
  private constructor(private readonly file: string, private readonly key: string, private readonly entries: Record<string, CacheEntry>) {}

  static open(file: string, key: string): ValidationCache {
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
      if (data.key === key && data.entries && typeof data.entries === 'object') return new ValidationCache(file, key, data.entries);
    } catch { /* missing or corrupt: start empty */ }
    return new ValidationCache(file, key, {});
  }

  /** A hit without reading the file: same size and mtime as when it was checked. */
  byStat(repoPath: string, size: number, mtimeMs: number): CheckedFile | undefined {
    const e = this.entries[repoPath];
    if (e && e.size === size && e.mtimeMs === mtimeMs) { this.next[repoPath] = e; return e.result; }
    return undefined;
  }

  byHash(repoPath: string, hash: string, size: number, mtimeMs: number): CheckedFile | undefined {
    const e = this.entries[repoPath];
    if (e && e.hash === hash) { this.next[repoPath] = { ...e, size, mtimeMs }; return e.result; }
    return undefined;
  }

  put(repoPath: string, hash: string, size: number, mtimeMs: number, result: CheckedFile): void {
    this.next[repoPath] = { hash, size, mtimeMs, result };
  }

  /** Keeps only the files seen in this run. */
  save(): void {
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileAtomic.sync(this.file, JSON.stringify({ key: this.key, entries: this.next } satisfies CacheFile));
  }
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
