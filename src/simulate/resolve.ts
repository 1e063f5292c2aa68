// Which two projects a simulation or a report compares: the base (a git ref, or a folder) and the head
// (the working tree, optionally with an overlay of changed files). The bundles and engines are in memory;
// the temporary folders stay until `dispose()` so the caller can still read source text (lint, frames).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readProvenance } from '../bundle/provenance.js';
import { loadProject, type LoadResult } from '../load/project.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { SimulationSide } from './replay.js';
import { buildLoaded, buildSide, nodeGit, treeAtRef, treeWithOverlay, type BuiltSide, type Git } from './sides.js';

export interface SideOptions {
  /** A git ref for the base. */
  readonly base?: string;
  /** A project folder for the base instead of a git ref. */
  readonly baseDir?: string;
  /** A folder whose files are laid over the working tree to make the head. */
  readonly overlay?: string;
}

export interface Resolved {
  readonly ok: true;
  readonly head: SimulationSide;
  readonly headLoaded: LoadResult;
  readonly base?: SimulationSide;
  readonly baseLoaded?: LoadResult;
  /** Removes the temporary folders. */
  dispose(): void;
}

export type ResolveResult =
  Resolved | { readonly ok: false; readonly side: 'base' | 'head'; readonly diagnostics: readonly Diagnostic[]; readonly root: string };

export async function resolveSides(
  cwd: string,
  env: Readonly<Record<string, string | undefined>>,
  options: SideOptions,
  git: Git = nodeGit,
): Promise<ResolveResult> {
  const tmp = mkdtempSync(join(tmpdir(), 'promoc-sides-'));
  const dispose = (): void => rmSync(tmp, { recursive: true, force: true });
  try {
    const working = await loadProject({ cwd });
    const revision = readProvenance(working.root, env).revision;
    const head =
      options.overlay !== undefined
        ? await buildSide(
            treeWithOverlay(working, resolve(cwd, options.overlay), join(tmp, 'head')),
            `working tree + ${options.overlay}`,
            revision === null ? null : `${revision}+overlay`,
          )
        : buildLoaded(working, 'working tree', revision);
    if (!head.ok) {
      dispose();
      return failed('head', head);
    }
    const base = await baseSide(cwd, working, options, git, join(tmp, 'base'));
    if (base && !base.ok) {
      dispose();
      return failed('base', base);
    }
    return { ok: true, head: head.side, headLoaded: head.loaded, ...(base ? { base: base.side, baseLoaded: base.loaded } : {}), dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}

async function baseSide(cwd: string, working: LoadResult, options: SideOptions, git: Git, into: string): Promise<BuiltSide | undefined> {
  if (options.baseDir !== undefined) return buildSide(resolve(cwd, options.baseDir), options.baseDir, null);
  if (options.base === undefined) return undefined;
  const tree = await treeAtRef(git, working, options.base, into);
  return buildSide(tree.dir, options.base, tree.revision);
}

function failed(side: 'base' | 'head', r: Extract<BuiltSide, { ok: false }>): ResolveResult {
  return { ok: false, side, diagnostics: r.diagnostics, root: r.root };
}
