// The edge of `promoc simulate` and `promoc report`: the campaigns at a git ref (read with
// `git archive` into a temporary folder; git is injected), the working tree, or the working tree with
// an overlay of changed files, each loaded and built into a bundle and an engine in memory.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { buildBundle } from '../bundle/build.js';
import { openBundle } from '../bundle/verify.js';
import { DEFAULT_CAMPAIGN_GLOBS, findConfigFile } from '../load/config.js';
import { loadProject, type LoadResult } from '../load/project.js';
import { locateDiagnostics } from '../load/locate.js';
import { hasErrors, type Diagnostic } from '../model/diagnostic.js';
import type { SimulationSide } from './replay.js';
import { extractTar } from './untar.js';
import { PromocError } from '../model/errors.js';

/** Runs git with `args` in `cwd` and resolves with its stdout; rejects with its stderr. */
export type Git = (args: readonly string[], cwd: string) => Promise<Uint8Array>;

export const nodeGit: Git = (args, cwd) =>
  new Promise((resolve, reject) => {
    execFile('git', [...args], { cwd, encoding: 'buffer', maxBuffer: 1024 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error)
        reject(
          new SideError(
            `git ${args.join(' ')} failed: ${String(stderr).trim() || error.message}`,
            'Check that this is a git checkout and the ref exists (a shallow CI clone may need fetch-depth: 0).',
          ),
        );
      else resolve(stdout);
    });
  });

/** An expected failure of the edge: git, a missing folder. Printed with its hint. */
export class SideError extends PromocError {
  override readonly name = 'SideError';
  constructor(message: string, hint?: string) {
    super(message, { hint });
  }
}

const text = async (git: Git, args: readonly string[], cwd: string): Promise<string> => new TextDecoder().decode(await git(args, cwd)).trim();

/** The folder part of a glob before its first wildcard ('campaigns/**\/*.yaml' → 'campaigns'). */
export function staticPrefix(glob: string): string {
  const parts = glob.split('/');
  const i = parts.findIndex((p) => /[*?[{]/.test(p));
  return (i === -1 ? parts.slice(0, -1) : parts.slice(0, i)).join('/');
}

/** The config file and the folders the campaign globs can match; [] means the whole tree. */
function projectPaths(loaded: Pick<LoadResult, 'configFile' | 'config'>): string[] {
  const prefixes = (loaded.config.campaigns ?? DEFAULT_CAMPAIGN_GLOBS).map(staticPrefix);
  if (prefixes.some((p) => p === '')) return [];
  return [...new Set([...(loaded.configFile ? [basename(loaded.configFile)] : []), ...prefixes])].sort();
}

/** The project's files at `ref`, unpacked into `into`; the resolved commit is the bundle's revision. */
export async function treeAtRef(
  git: Git,
  loaded: Pick<LoadResult, 'root' | 'configFile' | 'config'>,
  ref: string,
  into: string,
): Promise<{ dir: string; revision: string }> {
  if (ref.startsWith('-')) throw new SideError(`"${ref}" is not a git ref`, 'Pass a branch, tag or commit, e.g. --base origin/main.');
  const revision = await text(git, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], loaded.root).catch(() => {
    throw new SideError(`git cannot resolve "${ref}" to a commit`, 'Fetch it first (git fetch origin main), or check the spelling.');
  });
  const prefix = await text(git, ['rev-parse', '--show-prefix'], loaded.root);
  const tree = `${revision}:${prefix.replace(/\/$/, '')}`;
  const wanted = projectPaths(loaded);
  const present =
    wanted.length === 0 ? [] : (await text(git, ['ls-tree', '--name-only', tree, '--', ...wanted], loaded.root)).split('\n').filter((p) => p !== '');
  if (wanted.length > 0 && present.length === 0)
    throw new SideError(`${ref} has none of ${wanted.join(', ')}`, 'The base must be a commit where the campaigns already existed.');
  mkdirSync(into, { recursive: true });
  extractTar(await git(['archive', '--format=tar', tree, ...(present.length > 0 ? ['--', ...present] : [])], loaded.root), into);
  return { dir: into, revision };
}

/** A copy of the working tree's project files in `into`, with the files of `overlay` laid over them. */
export function treeWithOverlay(loaded: Pick<LoadResult, 'root' | 'configFile' | 'config'>, overlay: string, into: string): string {
  if (!existsSync(overlay))
    throw new SideError(`overlay folder ${overlay} does not exist`, 'Pass a folder laid out like the repository (e.g. campaigns/mobility/summer-25.yaml).');
  mkdirSync(into, { recursive: true });
  const paths = projectPaths(loaded);
  const skip = (src: string): boolean => !/[\\/](node_modules|\.git|\.promoc-cache|\.promoc)([\\/]|$)/.test(src.slice(loaded.root.length));
  for (const p of paths.length > 0 ? paths : ['.']) {
    if (existsSync(join(loaded.root, p))) cpSync(join(loaded.root, p), join(into, p), { recursive: true, filter: skip });
  }
  cpSync(overlay, into, { recursive: true, force: true });
  return into;
}

export type BuiltSide =
  | { readonly ok: true; readonly side: SimulationSide; readonly loaded: LoadResult }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[]; readonly root: string };

/** Load a project folder and build its bundle and engine in memory. */
export async function buildSide(dir: string, label: string, revision: string | null): Promise<BuiltSide> {
  if (!existsSync(dir)) throw new SideError(`folder ${label} does not exist`, 'Pass the folder of a checkout that holds promoc.config.yaml and the campaigns.');
  const config = findConfigFile(dir);
  // The search goes upwards: a config above the folder belongs to another project.
  if (config !== undefined && relative(dir, config).startsWith('..'))
    throw new SideError(
      `folder ${label} has no promoc.config.yaml of its own`,
      `Found ${config} above it instead; pass the folder that holds the project's promoc.config.yaml.`,
    );
  return buildLoaded(await loadProject({ cwd: dir, cache: false }), label, revision);
}

/** Build the bundle and engine of a project already loaded. */
export function buildLoaded(loaded: LoadResult, label: string, revision: string | null): BuiltSide {
  if (hasErrors(loaded.diagnostics)) return { ok: false, diagnostics: loaded.diagnostics.filter((d) => d.severity === 'error'), root: loaded.root };
  const built = buildBundle(loaded.model, { revision, createdAt: null });
  if (!built.ok) return { ok: false, diagnostics: locateDiagnostics(built.diagnostics, (file) => readText(join(loaded.root, file))), root: loaded.root };
  return { ok: true, side: { engine: openBundle(built.bytes), bundle: built.bundle, label, geometries: loaded.model.geometries }, loaded };
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
