import { EXIT } from './context.js';
import { colors, type Io } from './io.js';

type Hinted = Error & { readonly hint?: string | undefined };

/**
 * Prints an expected failure (one of `kinds`, or a file that cannot be read) with its hint and returns
 * the failure exit code; anything else is a bug and is rethrown to the top-level handler.
 */
const FILE_SYSTEM_REFUSALS = new Set(['ENOENT', 'EACCES', 'EISDIR', 'ENOTDIR', 'EPERM', 'EROFS', 'ENOSPC', 'EEXIST']);

export function reportExpectedFailure(io: Io, error: unknown, kinds: readonly (abstract new (...args: never[]) => Hinted)[]): number {
  const c = colors(io);
  if (kinds.some((k) => error instanceof k)) {
    const e = error as Hinted;
    io.stderr(`${c.red('error')}: ${e.message}\n${e.hint ? `${c.dim('hint')}: ${e.hint}\n` : ''}`);
    return EXIT.failure;
  }
  const code = (error as NodeJS.ErrnoException | null)?.code;
  // What the file system refuses (a missing folder, permissions, a full or read-only disk) is not a bug.
  if (code !== undefined && FILE_SYSTEM_REFUSALS.has(code)) {
    io.stderr(`${c.red('error')}: ${(error as Error).message}\n`);
    return EXIT.failure;
  }
  throw error;
}
