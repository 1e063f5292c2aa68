// One family's state: in memory, and with a data directory one JSON file written atomically
// (write-file-atomic: temp file + fsync + rename, so a crash never leaves a torn file).
//
// Writes are group-committed: a request mutates memory synchronously, then awaits `commit()`, which resolves
// once a write that includes its mutation is on disk. Concurrent requests share one write, so 500 parallel
// creates cost a handful of writes, none is lost, and no response is sent before its change is durable.
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';

export interface StoreOptions<S> {
  /** Where to persist; undefined keeps state in memory only. */
  file?: string;
  /** Fresh state (used at first start and by reset). */
  initial: () => S;
  /** Checks a loaded or restored document and fills in what a newer emulator expects. */
  upgrade: (loaded: unknown) => S;
}

interface Waiter {
  resolve: () => void;
  reject: (e: unknown) => void;
  promise: Promise<void>;
}

function waiter(): Waiter {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { resolve, reject, promise };
}

export class Store<S> {
  private current: S;
  private pending: Waiter | undefined;
  private writing: Promise<void> | undefined;
  writes = 0;
  private changes = 0;

  constructor(private readonly options: StoreOptions<S>) {
    this.current = options.initial();
  }

  get state(): S {
    return this.current;
  }

  /**
   * Counts changes: every mutation is followed by `commit()` (or replaces the state), which bumps it in the
   * same tick, so a value derived from the state at one revision is current until the revision moves.
   */
  get revision(): number {
    return this.changes;
  }

  get file(): string | undefined {
    return this.options.file;
  }

  /** Reads the file if there is one; a corrupt or foreign file is an error, never silently replaced. */
  async load(): Promise<void> {
    const file = this.options.file;
    if (!file) return;
    await mkdir(dirname(file), { recursive: true });
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return this.commit();
      throw error;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new Error(`emulator state file ${file} is not valid JSON; move it away or delete it to start empty`, { cause: error });
    }
    try {
      this.current = this.options.upgrade(parsed);
      this.changes++;
    } catch (error) {
      throw new Error(`emulator state file ${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }

  /** Resolves when the state as it is now is on disk (immediately without a data directory). */
  commit(): Promise<void> {
    this.changes++;
    if (!this.options.file) return Promise.resolve();
    this.pending ??= waiter();
    const done = this.pending.promise;
    this.writing ??= this.drain();
    return done;
  }

  /** Replaces everything (restore a snapshot, reset) and persists it. */
  replace(next: S): Promise<void> {
    this.current = next;
    return this.commit();
  }

  reset(): Promise<void> {
    return this.replace(this.options.initial());
  }

  restore(document: unknown): Promise<void> {
    return this.replace(this.options.upgrade(structuredClone(document)));
  }

  snapshot(): S {
    return structuredClone(this.current);
  }

  /** Waits for every pending write (used by close, so a shutdown keeps the last change). */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async drain(): Promise<void> {
    const file = this.options.file;
    // Always yield first, so `writing` is assigned before this function can reach `finally`.
    await Promise.resolve();
    try {
      while (this.pending && file) {
        const batch = this.pending;
        this.pending = undefined;
        try {
          // Serialized at write time: includes every mutation made before this point.
          await writeFileAtomic(file, `${JSON.stringify(this.current)}\n`);
          this.writes++;
          batch.resolve();
        } catch (error) {
          batch.reject(error);
        }
      }
    } finally {
      this.writing = undefined;
    }
  }
}
