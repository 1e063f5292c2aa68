import { colors, type Io } from './io.js';

// What the file system refuses is the user's to fix, not a bug: the one kind of expected failure that does not
// come from promoc's own error family (PromocError), because Node throws it.
const FILE_SYSTEM_REFUSALS = new Set(['ENOENT', 'EACCES', 'EISDIR', 'ENOTDIR', 'EPERM', 'EROFS', 'ENOSPC', 'EEXIST', 'ELOOP', 'ENAMETOOLONG']);

/** A missing folder, a file where a folder should be, permissions, a full or read-only disk, a symlink loop, a name too long. */
export function isFileSystemRefusal(error: unknown): error is NodeJS.ErrnoException {
  const e = error as NodeJS.ErrnoException | null;
  return e instanceof Error && typeof e.code === 'string' && FILE_SYSTEM_REFUSALS.has(e.code);
}

/** One line for a file-system refusal. */
export function printRefusal(io: Io, error: NodeJS.ErrnoException): void {
  io.stderr(`${colors(io).red('error')}: ${error.message}\n`);
}
