// Reads files on a thread of its own while the main thread checks the ones already read. On a cold run the
// open/fstat/read/close calls for 10,000 files are about a tenth of the main thread's time, and unlike
// parsing they need nothing copied back but the bytes, which are moved, not cloned. The reader takes only
// what the caller's own read would accept without a word (a regular file, not empty, within the size limit,
// read whole); anything else, an error included, it leaves to the caller, so every refusal and its message
// stays where it is.
import { Worker } from 'node:worker_threads';

/** Files per message: few enough messages to cost nothing, early enough for the main thread never to wait long. */
const BATCH = 100;
/** Files read and not yet taken, at most (about 0.6 MB of campaign files). */
const AHEAD = 1000;

// Plain CommonJS, evaluated: it loads the same from the TypeScript sources, dist/ and the bundled CLI.
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { openSync, fstatSync, readSync, closeSync, constants } = require('node:fs');
const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK || 0);
const { paths, maxBytes, batch, ahead, taken } = workerData;
const consumed = new Int32Array(taken);
function read(path) {
  let fd;
  try {
    fd = openSync(path, FLAGS);
    const st = fstatSync(fd);
    if (!st.isFile() || st.size === 0 || st.size > maxBytes) return null;
    const bytes = new Uint8Array(st.size);
    let at = 0;
    for (let n = -1; n !== 0 && at < bytes.length; at += n) n = readSync(fd, bytes, at, bytes.length - at, at);
    return at === bytes.length ? bytes : null;
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
for (let from = 0; from < paths.length; from += batch) {
  // No further ahead of the checks than the window: what is read waits in memory until it is checked.
  for (let seen = Atomics.load(consumed, 0); from - seen > ahead; seen = Atomics.load(consumed, 0)) Atomics.wait(consumed, 0, seen, 1000);
  const files = [];
  const moved = [];
  for (let i = from; i < Math.min(paths.length, from + batch); i += 1) {
    const bytes = paths[i] === null ? null : read(paths[i]);
    files.push(bytes);
    if (bytes) moved.push(bytes.buffer);
  }
  parentPort.postMessage({ from, files }, moved);
}
`;

interface Batch {
  readonly from: number;
  readonly files: readonly (Uint8Array | null)[];
}

export class ReaderThread {
  private readonly files: (Uint8Array | null | undefined)[];
  private received = 0;
  private ended = false;
  private wake: (() => void) | undefined;
  private readonly worker: Worker;
  private readonly taken = new Int32Array(new SharedArrayBuffer(4));

  /** `paths[i]` null: not to be read here. */
  constructor(paths: readonly (string | null)[], maxBytes: number) {
    this.files = new Array<Uint8Array | null | undefined>(paths.length);
    this.worker = new Worker(SOURCE, {
      eval: true,
      workerData: { paths, maxBytes, batch: BATCH, ahead: AHEAD, taken: this.taken.buffer },
      // It holds a batch at a time and moves it out: a small heap keeps the thread's memory small.
      resourceLimits: { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 16 },
    });
    // Never what keeps the process alive: a load that stopped early leaves it to finish or be cut off.
    this.worker.unref();
    this.worker.on('message', (m: Batch) => {
      for (let i = 0; i < m.files.length; i += 1) this.files[m.from + i] = m.files[i];
      this.received = m.from + m.files.length;
      this.wake?.();
    });
    const end = (): void => {
      this.ended = true;
      this.wake?.();
    };
    this.worker.on('error', end);
    this.worker.on('exit', end);
  }

  /** Whether file `i` has arrived (or never will); until then `take` cannot answer. */
  has(i: number): boolean {
    return i < this.received || this.ended;
  }

  /** Resolves once `has(i)`. */
  async until(i: number): Promise<void> {
    while (!this.has(i)) await new Promise<void>((resolve) => (this.wake = resolve));
  }

  /** Once `has(i)`: the bytes of file `i` as read there, or undefined when the caller is to read it itself. */
  take(i: number): Buffer | undefined {
    const bytes = this.files[i];
    this.files[i] = undefined;
    if (i % BATCH === 0) {
      Atomics.store(this.taken, 0, i);
      Atomics.notify(this.taken, 0);
    }
    return bytes ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : undefined;
  }

  close(): void {
    void this.worker.terminate();
  }
}
