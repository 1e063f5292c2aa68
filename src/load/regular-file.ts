// Reading a file a user named: only a regular file, and only after its size is known to be within a limit.
// Reading a FIFO blocks until someone writes to it (for ever, in CI), and /dev/zero never ends; both were
// read as campaign, geometry, key and context files. The file is opened without blocking and checked
// through the open descriptor, so what is checked is what is read.
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { PromocError } from '../model/errors.js';

/** A file refused before reading: not a regular file (EFTYPE) or larger than allowed (EFBIG). */
export class FileRefusal extends PromocError {
  override readonly name = 'FileRefusal';
  declare readonly hint: string;
  constructor(
    message: string,
    readonly code: 'EFTYPE' | 'EFBIG',
    hint: string,
  ) {
    super(message, { hint });
  }
}

// O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Why a file with these stats may not be read, or undefined. `what` names it: "bundle", "context file". */
export function refusal(path: string, st: Stats, maxBytes: number, what: string): FileRefusal | undefined {
  if (!st.isFile())
    return new FileRefusal(
      `${what} ${path} is ${fileType(st)}, not a regular file`,
      'EFTYPE',
      'Give the path of a regular file; promoc never reads pipes, devices or folders, which may never end.',
    );
  if (st.size > maxBytes)
    return new FileRefusal(
      `${what} ${path} is ${formatBytes(st.size)}, over the ${formatBytes(maxBytes)} limit`,
      'EFBIG',
      `Check that ${path} is the ${what} you meant.`,
    );
  return undefined;
}

export function readRegularFileSync(path: string, maxBytes: number, what = 'file'): Buffer {
  const read = readIfSync(path, (st) => refusal(path, st, maxBytes, what));
  if (read instanceof FileRefusal) throw read;
  return read;
}

/**
 * Opens `path` without blocking and shows the descriptor's stat to `check`: its answer, when it gives one,
 * instead of the bytes. At most the size the stat gave is read (size 0, as /proc files report: to the end),
 * so a file that grows after the check is not read past it.
 */
export function readIfSync<T>(path: string, check: (st: Stats) => T | undefined): Buffer | T {
  const fd = openSync(path, FLAGS);
  try {
    const st = fstatSync(fd);
    const answer = check(st);
    if (answer !== undefined) return answer;
    if (st.size === 0) return readFileSync(fd);
    const bytes = Buffer.allocUnsafe(st.size);
    let at = 0;
    for (let n = -1; n !== 0 && at < bytes.length; at += n) n = readSync(fd, bytes, at, bytes.length - at, at);
    return at < bytes.length ? bytes.subarray(0, at) : bytes;
  } finally {
    closeSync(fd);
  }
}

export async function readRegularFile(path: string, maxBytes: number, what = 'file'): Promise<Buffer> {
  const handle = await open(path, FLAGS);
  try {
    const refused = refusal(path, await handle.stat(), maxBytes, what);
    if (refused) throw refused;
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

export function fileType(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  return st.isFile() ? 'a regular file' : 'a special file';
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 * 1024) return `${(n / 1024 / 1024 / 1024).toFixed(1)} GiB`;
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(n / 1024)} KiB`;
}
