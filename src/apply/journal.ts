// The append-only journal of one apply run: `.promoc/journal/<target>/<run>.ndjson`, one record per line,
// each durable (fsync) before apply acts on it. Appends that arrive while a sync is in flight are written and
// synced together (group commit), so a step's "start" is on disk before its request is sent without
// serialising the run on the disk. Every line passes through `scrub` (secrets never reach the file).
import { mkdir, open, readdir, readFile, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseJournal, type JournalRecord, type Replay } from './journal-records.js';

export class JournalWriter {
  private queue: { line: string; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private flushing: Promise<void> | undefined;
  private running = false;

  private constructor(
    private readonly handle: FileHandle,
    readonly file: string,
    private readonly scrub: (text: string) => string,
  ) {}

  /** A new journal whose first record is written and synced before this resolves. */
  static async create(file: string, header: JournalRecord, scrub: (text: string) => string = (t) => t): Promise<JournalWriter> {
    await mkdir(dirname(file), { recursive: true });
    const handle = await open(file, 'wx');
    const writer = new JournalWriter(handle, file, scrub);
    await writer.append(header);
    await syncDirectory(dirname(file));
    return writer;
  }

  /**
   * Appends to an existing journal (resume). A last line cut short by a crash was never a record (its
   * append never completed, so nothing acted on it): it is cut off before anything is appended.
   */
  static async reopen(file: string, torn: boolean, scrub: (text: string) => string = (t) => t): Promise<JournalWriter> {
    const handle = await open(file, 'a');
    if (torn) {
      const bytes = await readFile(file);
      await handle.truncate(bytes.lastIndexOf(0x0a) + 1);
      await handle.datasync();
    }
    return new JournalWriter(handle, file, scrub);
  }

  append(record: JournalRecord): Promise<void> {
    const line = `${this.scrub(JSON.stringify(record))}\n`;
    return new Promise((resolve, reject) => {
      this.queue.push({ line, resolve, reject });
      if (!this.running) {
        this.running = true;
        this.flushing = this.flush();
      }
    });
  }

  /** Runs until the queue is empty; `running` drops in the same tick the queue is seen empty, so no append is stranded. */
  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      try {
        await this.handle.write(batch.map((b) => b.line).join(''));
        await this.handle.datasync();
        for (const b of batch) b.resolve();
      } catch (error) {
        for (const b of batch) b.reject(error);
      }
    }
    this.running = false;
  }

  async close(): Promise<void> {
    await this.flushing;
    await this.handle.close();
  }
}

async function syncDirectory(dir: string): Promise<void> {
  // A new file's directory entry must be durable too; some platforms cannot open a directory (ignored there).
  try {
    const d = await open(dir, 'r');
    try {
      await d.sync();
    } finally {
      await d.close();
    }
  } catch {
    /* NOTE: best effort (Windows) */
  }
}

export function journalDir(root: string, target: string): string {
  return join(root, '.promoc', 'journal', target.replace(/[^A-Za-z0-9._-]/g, '_'));
}

export async function readJournal(file: string): Promise<Replay> {
  return parseJournal(await readFile(file, 'utf8'), file);
}

/** The newest run of the target that has no `end` record (killed or crashed), if any. */
export async function latestUnfinished(dir: string): Promise<{ file: string; replay: Replay } | undefined> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return undefined;
  }
  // Run ids start with a UTC timestamp, so names sort by time.
  for (const name of names
    .filter((n) => n.endsWith('.ndjson'))
    .sort()
    .reverse()) {
    const file = join(dir, name);
    const replay = await readJournal(file);
    if (!replay.ended) return { file, replay };
  }
  return undefined;
}

/** `20270115T100000Z-1a2b3c`: sortable by time, unique enough for one target. */
export function newRunId(now: Date, random: () => number): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const suffix = Math.floor(random() * 0xffffff)
    .toString(16)
    .padStart(6, '0');
  return `${stamp}-${suffix}`;
}
