import { EXIT } from './context.js';
import { colors, type Io } from './io.js';

type Hinted = Error & { readonly hint?: string | undefined };

/**
 * Prints an expected failure (one of `kinds`, or a file that cannot be read) with its hint and returns
 * the failure exit code; anything else is a bug and is rethrown to the top-level handler.
 */
// EFTYPE and EFBIG: a file refused before reading (src/load/regular-file.ts), a FIFO, a device or too large.
const FILE_SYSTEM_REFUSALS = new Set(['ENOENT', 'EACCES', 'EISDIR', 'ENOTDIR', 'EPERM', 'EROFS', 'ENOSPC', 'EEXIST', 'ELOOP', 'ENAMETOOLONG', 'EFTYPE', 'EFBIG']);

/** What the file system refuses (a missing folder, a file where a folder should be, permissions, a full or read-only disk): the user's to fix, not a bug. */
export function isFileSystemRefusal(error: unknown): error is NodeJS.ErrnoException {
  const e = error as NodeJS.ErrnoException | null;
  return e instanceof Error && typeof e.code === 'string' && FILE_SYSTEM_REFUSALS.has(e.code);
}

export function reportExpectedFailure(io: Io, error: unknown, kinds: readonly (abstract new (...args: never[]) => Hinted)[]): number {
  const c = colors(io);
  if (kinds.some((k) => error instanceof k)) {
    const e = error as Hinted;
    io.stderr(`${c.red('error')}: ${e.message}\n${e.hint ? `${c.dim('hint')}: ${e.hint}\n` : ''}`);
    return EXIT.failure;
  }
  if (isFileSystemRefusal(error)) {
    printRefusal(io, error);
    return EXIT.failure;
  }
  throw error;
}

/** One line for a file-system refusal, and its hint when it has one. */
export function printRefusal(io: Io, error: NodeJS.ErrnoException & { readonly hint?: string }): void {
  const c = colors(io);
  io.stderr(`${c.red('error')}: ${error.message}\n${typeof error.hint === 'string' ? `${c.dim('hint')}: ${error.hint}\n` : ''}`);
}
