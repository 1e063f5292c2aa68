// The walk behind campaign globs and folder arguments. A glob library follows a symlink before anyone can
// look at it (`campaigns/x -> /` walked the host), so this walk looks at every symlink when it meets it:
// one that leaves the repository or loops is reported and never entered, a folder reached twice (`loop -> .`)
// is read once, and the whole walk stops after MAX_WALK_ENTRIES entries. picomatch does the matching.
import { lstatSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, posix, sep } from 'node:path';
import picomatch from 'picomatch';
import type { Diagnostic } from '../model/diagnostic.js';

/** Directory entries one walk may visit; a repository's campaign folders hold far fewer. */
export const MAX_WALK_ENTRIES = 100_000;

export interface WalkOptions {
  /** The folder the globs are relative to. */
  readonly base: string;
  readonly globs: readonly string[];
  readonly ignore?: readonly string[];
  /** The repository's real path: symlinks resolving outside it are refused. */
  readonly realRoot: string;
  /** How a path is named in diagnostics. */
  readonly name: (abs: string) => string;
}

export interface WalkResult {
  /** Absolute paths as reached (a symlinked file keeps its link's path), sorted. */
  readonly files: readonly string[];
  /** Those of `files` whose directory entry said regular file (not a symlink): no lstat is needed to know it. */
  readonly regular: ReadonlySet<string>;
  readonly diagnostics: readonly Diagnostic[];
  /**
   * Every folder read, with its stat from before the read, when the walk met no symlink and nothing to report:
   * then the listing follows from those folders' entries alone, and is the same while none of them changes.
   */
  readonly folders?: readonly WalkedFolder[];
}

export interface WalkedFolder {
  readonly abs: string;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
  readonly ino: number;
}

/** Whether `path` is `root` or below it (`/` holds everything). */
export function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

export function walkGlobs(options: WalkOptions): WalkResult {
  const match = picomatch([...options.globs], { dot: false });
  const ignored = options.ignore && options.ignore.length > 0 ? picomatch([...options.ignore], { dot: true }) : () => false;
  const files = new Set<string>();
  const regular = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const visited = new Set<string>();
  const refuse = (abs: string, ruleId: string, message: string, hint: string): void => {
    diagnostics.push({ ruleId, severity: 'error', file: options.name(abs), message, hint });
  };
  let entries = 0;
  const folders: WalkedFolder[] = [];
  // Plain: no symlink met, every start folder where the repository's real path says it is.
  let plain = true;
  const queue: { abs: string; real: string; rel: string }[] = [];
  for (const start of startFolders(options.globs)) {
    const abs = join(options.base, start);
    let real: string;
    try {
      real = realpathSync.native(abs);
    } catch {
      plain = false;
      continue;
    } // a glob whose folder does not exist matches nothing
    if (real !== join(options.realRoot, start)) plain = false;
    if (!statSync(real).isDirectory()) {
      plain = false;
      continue;
    }
    queue.push({ abs, real, rel: start });
  }
  while (queue.length > 0) {
    const dir = queue.pop()!;
    if (visited.has(dir.real)) continue;
    visited.add(dir.real);
    let list: Dirent[];
    try {
      if (plain) {
        const st = lstatSync(dir.abs);
        folders.push({ abs: dir.abs, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino });
      }
      list = readdirSync(dir.abs, { withFileTypes: true });
    } catch {
      plain = false;
      continue;
    } // unreadable folders hold no campaigns we could read
    list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of list) {
      entries += 1;
      if (entries > MAX_WALK_ENTRIES) {
        refuse(
          dir.abs,
          'load/walk-too-large',
          `stopped after ${MAX_WALK_ENTRIES.toLocaleString('en-US')} files and folders while walking ${options.name(dir.abs)}; this is not a campaign folder`,
          'Narrow `campaigns:` in promoc.config.yaml, or pass the campaign folder on the command line.',
        );
        return { files: [...files].sort(), regular, diagnostics };
      }
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const abs = join(dir.abs, entry.name);
      const rel = dir.rel === '' ? entry.name : `${dir.rel}/${entry.name}`;
      if (entry.isSymbolicLink()) {
        plain = false;
        let real: string;
        try {
          real = realpathSync.native(abs);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (code === 'ELOOP')
            refuse(
              abs,
              'load/symlink-loop',
              'symlink refers to itself (directly or through other links); nothing to read',
              'Point the symlink at a real file or folder, or delete it.',
            );
          else if (match(rel) && !ignored(rel))
            refuse(abs, 'load/not-found', 'symlink points to a file that does not exist', 'Point the symlink at an existing file, or delete it.');
          continue;
        }
        const isDir = statSync(real).isDirectory();
        if (!isInside(options.realRoot, real)) {
          // A file link is listed, so the loader refuses it by name with the rest; a folder is never entered.
          if (isDir)
            refuse(
              abs,
              'load/outside-repo',
              `symlink resolves to ${real}, outside the repository ${options.realRoot}; not followed`,
              'Campaign files must live inside the repository; symlinks out of it are refused.',
            );
          else if (match(rel) && !ignored(rel)) files.add(abs);
          continue;
        }
        if (isDir) queue.push({ abs, real, rel });
        else if (match(rel) && !ignored(rel)) files.add(abs);
      } else if (entry.isDirectory()) {
        queue.push({ abs, real: join(dir.real, entry.name), rel });
      } else if (match(rel) && !ignored(rel)) {
        files.add(abs); // FIFOs and devices too: the loader refuses them by name rather than skipping them silently
        if (entry.isFile()) regular.add(abs);
        else plain = false;
      }
    }
  }
  const sorted = [...files].sort();
  return { files: sorted, regular, diagnostics, ...(plain && diagnostics.length === 0 ? { folders } : {}) };
}

/** The static folders the globs start in (`campaigns/**\/*.yaml` → `campaigns`), without ones inside another. */
function startFolders(globs: readonly string[]): string[] {
  const bases = [
    ...new Set(
      globs.map((g) => {
        const s = picomatch.scan(g);
        return (s.isGlob ? s.base : posix.dirname(g)).replace(/^\.(?:\/|$)/, '').replace(/\/$/, '');
      }),
    ),
  ].sort();
  return bases.filter((b) => !bases.some((o) => o !== b && (o === '' || b.startsWith(`${o}/`))));
}
