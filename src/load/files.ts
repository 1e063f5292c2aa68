// Which files are campaign files: explicit paths (files or folders) or the config's globs.
import { existsSync, realpathSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import { isInside, walkGlobs, type WalkedFolder } from './walk.js';

/** Never campaign resources: engine test cases and the config itself. */
const IGNORE = ['**/node_modules/**', '**/*.test.yaml', '**/*.test.yml', '**/promoc.config.yaml', '**/promoc.config.yml'];

export interface FileList {
  /** Absolute paths, sorted. */
  readonly files: readonly string[];
  /** Those of `files` a walk saw as regular files, not symlinks (files named on the command line are not in it). */
  readonly regular: Pick<ReadonlySet<string>, 'has'>;
  readonly diagnostics: readonly Diagnostic[];
  /** From the globs' walk: the folders it read, when the listing follows from them alone (walk.ts). */
  readonly folders?: readonly WalkedFolder[];
  /** `files` as repository paths, when known without `toRepoPath`. */
  readonly repoPaths?: readonly string[];
}

// A segment `path.relative` would resolve (`.`, `..`) or an empty one: such paths take the general way.
const UNNORMALIZED = /(?:^|\/)\.{1,2}(?:\/|$)|\/\/|\/$/;

export function toRepoPath(root: string, abs: string): string {
  // The walk's paths are root + '/' + a normalized rest: the rest is the answer, without path.relative's
  // resolving of both paths (a few per cent of loading 10,000 files).
  if (sep === '/' && root.length > 1 && !root.endsWith('/') && abs.startsWith(root) && abs.charCodeAt(root.length) === 0x2f) {
    const rest = abs.slice(root.length + 1);
    if (rest !== '' && !UNNORMALIZED.test(rest) && !UNNORMALIZED.test(root)) return rest;
  }
  const rel = relative(root, abs);
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

export function expandPaths(root: string, cwd: string, paths: readonly string[]): FileList {
  const files = new Set<string>();
  const regular = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const realRoot = realpathSync.native(root);
  for (const p of paths) {
    const abs = resolve(cwd, p);
    // Named outside the repository (`promoc validate /`): refused before anything there is walked or read.
    if (!isInside(root, abs)) {
      diagnostics.push({
        ruleId: 'load/outside-repo',
        severity: 'error',
        file: p,
        message: `path is outside the repository ${root}`,
        hint: 'Campaign files must live inside the repository; run promoc from the repository that holds them.',
      });
      continue;
    }
    if (!existsSync(abs)) {
      diagnostics.push({
        ruleId: 'load/not-found',
        severity: 'error',
        file: p,
        message: `path does not exist: ${p}`,
        hint: 'Check the spelling, or run promoc from the repository root.',
      });
      continue;
    }
    if (statSync(abs).isDirectory()) {
      const found = walkGlobs({ base: abs, globs: ['**/*.{yaml,yml}'], ignore: IGNORE, realRoot, name: (f) => toRepoPath(root, f) });
      for (const d of found.diagnostics) diagnostics.push(d);
      if (found.files.length === 0 && found.diagnostics.length === 0)
        diagnostics.push({
          ruleId: 'load/no-yaml',
          severity: 'error',
          file: p,
          message: `folder has no .yaml or .yml files: ${p}`,
          hint: 'Point promoc at the folder that holds the campaigns.',
        });
      for (const f of found.files) files.add(f);
      for (const f of found.regular) regular.add(f);
    } else {
      files.add(abs);
    }
  }
  // A folder's file also named on its own stays as the walk saw it: the same path, the same entry.
  return { files: [...files].sort(), regular, diagnostics };
}

/** The campaign files the globs match under root; `configFile` is the promoc.config.yaml in force, if any. */
export function expandGlobs(root: string, globs: readonly string[], configFile?: string): FileList {
  const found = walkGlobs({ base: root, globs, ignore: IGNORE, realRoot: realpathSync.native(root), name: (f) => toRepoPath(root, f) });
  if (found.files.length > 0 || found.diagnostics.length > 0)
    return { files: found.files, regular: found.regular, diagnostics: [...found.diagnostics], ...(found.folders ? { folders: found.folders } : {}) };
  // Without a configuration the default globs are not the author's choice: blaming a file that does not exist
  // would send a new user looking for it.
  const diagnostic: Diagnostic = configFile
    ? {
        ruleId: 'load/no-yaml',
        severity: 'error',
        file: toRepoPath(root, configFile),
        path: ['campaigns'],
        message: `no campaign files match ${globs.join(', ')}`,
        hint: 'Fix `campaigns:` in promoc.config.yaml, or pass paths on the command line.',
      }
    : {
        ruleId: 'load/no-config',
        severity: 'error',
        file: '.',
        message: `no configuration found: no promoc.config.yaml in ${root} or above it, and no campaign files match ${globs.join(', ')}`,
        hint: 'Run `npx promoc init` to scaffold a campaigns repository here, or pass the campaign files or folders on the command line.',
      };
  return { files: [], regular: new Set(), diagnostics: [diagnostic] };
}
