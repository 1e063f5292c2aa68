// What `promoc bundle`, `eval` and `test` share: the engine to run (a bundle file, or one built in
// memory from the campaigns) and how expected failures are printed. main.ts maps only its own
// error types to exit codes, so bundle and context errors are printed and mapped here.
import { join, resolve } from 'node:path';
import { statSync } from 'node:fs';
import { EXIT } from '../context.js';
import { colors, type Io } from '../io.js';
import { readSmallText } from '../read-small-text.js';
import { BundleError } from '../../engine/errors.js';
import type { Engine } from '../../engine/load.js';
import { loadProject } from '../../load/project.js';
import { locateDiagnostics } from '../../load/locate.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../../model/diagnostic.js';
import { renderText } from '../../render/diagnostics-text.js';
import { buildBundle, type BuildOptions, type BuildResult } from '../../bundle/build.js';
import { BUNDLE_FILE, readBundleFiles } from '../../bundle/io.js';
import { openBundle, type OpenOptions } from '../../bundle/verify.js';
import { readKeyFile } from '../../bundle/sign.js';
import { parseInstant } from '../../engine/freshness.js';
import { InvocationError } from '../../model/errors.js';

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly code: number };

/** A bundle path may name the file or the folder holding bundle.json. */
export function bundlePath(cwd: string, path: string): string {
  const abs = resolve(cwd, path);
  try {
    if (statSync(abs).isDirectory()) return join(abs, BUNDLE_FILE);
  } catch {
    /* reported when read */
  }
  return abs;
}

/** Load the campaigns and build their bundle; errors are printed. */
export async function buildFromProject(
  io: Io,
  paths: readonly string[],
  provenance: (root: string) => BuildOptions,
): Promise<Outcome<Extract<BuildResult, { ok: true }>>> {
  const loaded = await loadProject({ cwd: io.cwd, paths });
  const readText = (file: string): string => readSmallText(join(loaded.root, file)) ?? '';
  if (hasErrors(loaded.diagnostics))
    return {
      ok: false,
      code: printDiagnostics(
        io,
        loaded.diagnostics.filter((d) => d.severity === 'error'),
        loaded.root,
      ),
    };
  const built = buildBundle(loaded.model, provenance(loaded.root));
  if (!built.ok) return { ok: false, code: printDiagnostics(io, sortDiagnostics(locateDiagnostics(built.diagnostics, readText)), loaded.root) };
  return { ok: true, value: built };
}

/** The engine for eval/test: --bundle FILE when given, else the campaigns built in memory. */
export async function engineFor(
  io: Io,
  options: { paths: readonly string[]; bundle?: string; publicKey?: string; notBefore?: string },
): Promise<Outcome<Engine>> {
  if (options.bundle !== undefined) {
    const freshness = await freshnessFor(io, options.notBefore, options.publicKey);
    const { bytes, signature } = await readBundleFiles(bundlePath(io.cwd, options.bundle));
    const publicKey = options.publicKey !== undefined ? await readKeyFile(resolve(io.cwd, options.publicKey), 'public key') : undefined;
    return { ok: true, value: openBundle(bytes, { signature, ...(publicKey ? { publicKey } : {}), ...freshness }) };
  }
  if (options.notBefore !== undefined)
    throw new InvocationError(
      '--not-before needs --bundle: campaigns built in memory have no creation time',
      'Pass --bundle dist/ (the bundle to check), or drop --not-before.',
    );
  const built = await buildFromProject(io, options.paths, () => ({ revision: null, createdAt: null }));
  if (!built.ok) return built;
  return { ok: true, value: openBundle(built.value.bytes) };
}

export type Freshness = Pick<OpenOptions, 'notBefore' | 'replaces'>;

/**
 * --not-before VALUE: an RFC 3339 instant (a date alone is midnight UTC), or the bundle running now
 * (file or folder), which the new one must not be older than. Replay protection rests on the signature,
 * the only check covering the manifest, so without --public-key it is said to catch accidents only.
 */
export async function freshnessFor(io: Io, value: string | undefined, publicKey: string | undefined): Promise<Freshness> {
  if (value === undefined) return {};
  if (publicKey === undefined)
    io.stderr(
      `${colors(io).yellow('warning')}: --not-before without --public-key checks an unsigned creation ` +
        `time (the digest does not cover the manifest): it catches accidents, not a replayed bundle\n`,
    );
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return { notBefore: `${value}T00:00:00Z` };
  if (/^\d{4}-\d{2}-\d{2}[Tt ]/.test(value)) {
    if (parseInstant(value) === undefined)
      throw new InvocationError(
        `--not-before "${value}" is not an RFC 3339 date-time`,
        'Give a date-time with a zone, such as 2027-06-01T12:00:00Z, a date (midnight UTC), or the bundle running now.',
      );
    return { notBefore: value };
  }
  try {
    const { bytes } = await readBundleFiles(bundlePath(io.cwd, value));
    return { replaces: openBundle(bytes).manifest };
  } catch (error) {
    if (!(error instanceof BundleError)) throw error;
    throw new BundleError(
      error.code,
      `--not-before ${value}: ${error.message}`,
      'Give the bundle running now (file or folder), or an RFC 3339 instant such as 2027-06-01T12:00:00Z.',
      { cause: error },
    );
  }
}

function printDiagnostics(io: Io, diags: readonly Diagnostic[], root: string): number {
  io.stderr(renderText(diags, { color: io.color, readText: (f) => readSmallText(join(root, f)) }));
  io.stderr(`${colors(io).red('✖')} cannot build the bundle: fix the ${diags.length === 1 ? 'error' : `${diags.length} errors`} above.\n`);
  return EXIT.failure;
}
