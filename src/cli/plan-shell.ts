// The one shell `plan`, `apply`, `compile` and `import` share: find the config, load the repository (with an
// overlay laid over it, for `plan --overlay`), open the target (starting the embedded emulators for `local`),
// read its live state through the providers and plan. The planning itself is plan/run.ts; this file wires it
// to the working tree, the environment and the terminal, and prints the located errors that stop it.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import type { PromocConfig } from '../generated/index.js';
import type { Plan } from '../generated/plan.js';
import { configSearchLine, EMPTY_CONFIG, findConfigFile, parseConfig } from '../load/config.js';
import { toRepoPath } from '../load/files.js';
import { locateDiagnostics } from '../load/locate.js';
import { defaultValidator, loadProject } from '../load/project.js';
import { decodeSource, MAX_FILE_BYTES } from '../load/read.js';
import { readRegularFileSync } from '../load/regular-file.js';
import { promocVersion } from '../load/version.js';
import { NO_DEBUG, type DebugLog } from '../model/debug-log.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../model/diagnostic.js';
import { InvocationError } from '../model/errors.js';
import { openTarget, planBindings, realDeps, type OpenTarget } from '../plan/run.js';
import { pruneSetting, type Access } from '../plan/targets.js';
import { renderText, summaryLine } from '../render/diagnostics-text.js';
import { treeWithOverlay } from '../simulate/sides.js';
import { EXIT } from './context.js';
import type { Io } from './io.js';
import { readSmallText } from './read-small-text.js';

type Loaded = Awaited<ReturnType<typeof loadProject>>;

/** The config alone (a saved plan or a journal holds everything else). A broken config is a usage error. */
export async function configOnly(cwd: string, debug: DebugLog = NO_DEBUG): Promise<{ root: string; config: PromocConfig }> {
  const file = findConfigFile(cwd);
  debug.write('config', configSearchLine(cwd, file));
  if (!file) return { root: resolve(cwd), config: EMPTY_CONFIG };
  const root = dirname(file);
  const name = toRepoPath(root, file);
  const decoded = decodeSource(name, readRegularFileSync(file, MAX_FILE_BYTES, 'config file'));
  if ('diagnostic' in decoded) throw new InvocationError(`${name}: ${decoded.diagnostic.message}`, decoded.diagnostic.hint);
  const parsed = parseConfig(name, decoded.text, await defaultValidator());
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new InvocationError(`${name} is invalid: ${errors.map((d) => d.message).join('; ')}`, 'Run `promoc validate` to see where.');
  return { root, config: parsed.config };
}

export interface TargetChoice {
  readonly target?: string;
  /** Which credentials (default read). */
  readonly access?: Access;
}

/** The config and the open target, without loading the campaigns (`import`, `apply --resume`). */
export async function openConfiguredTarget(
  io: Io,
  choice: TargetChoice,
  debug: DebugLog = NO_DEBUG,
): Promise<{ root: string; config: PromocConfig; target: OpenTarget }> {
  const { root, config } = await configOnly(io.cwd, debug);
  return { root, config, target: await openFor(io, root, config, choice, debug) };
}

export interface OpenProject {
  readonly root: string;
  readonly config: PromocConfig;
  readonly loaded: Loaded;
  readonly target: OpenTarget;
}

export interface LoadOptions extends TargetChoice {
  readonly paths?: readonly string[];
}

/**
 * The repository loaded and its target open (a saved plan's apply compiles the desired side against it). On
 * load errors prints them and returns the exit code; the caller closes the target.
 */
export async function openProject(io: Io, options: LoadOptions, debug: DebugLog = NO_DEBUG): Promise<OpenProject | number> {
  const loaded = await loadProject({ cwd: io.cwd, paths: options.paths ?? [], debug });
  if (hasErrors(loaded.diagnostics)) return printErrors(io, loaded.root, loaded.diagnostics, loaded.stats.files);
  return { root: loaded.root, config: loaded.config, loaded, target: await openFor(io, loaded.root, loaded.config, options, debug) };
}

export interface Planned {
  readonly root: string;
  readonly config: PromocConfig;
  readonly target: OpenTarget;
  readonly plan: Plan;
  /** The campaigns planned (the overlaid ones with --overlay). */
  readonly model: Loaded['model'];
}

export interface PlanForOptions extends LoadOptions {
  /** A folder laid over the working tree: plan the head a report or simulation with the same overlay shows. */
  readonly overlay?: string;
  /** --prune / --no-prune; undefined: the config's setting. */
  readonly prune?: boolean;
  readonly force: boolean;
  /** Plan as of this instant (default: the clock). */
  readonly now?: Date;
  /** Runs once the target is open, before its live state is read (apply takes the APIs' locks here). */
  readonly onOpen?: (opened: { readonly root: string; readonly config: PromocConfig; readonly target: OpenTarget }) => Promise<void>;
}

/**
 * Loads the repository, opens the target, reads its live state and plans. On errors prints them and returns
 * the exit code (the target is closed then); otherwise the caller closes the target.
 */
export async function planFor(io: Io, options: PlanForOptions, debug: DebugLog = NO_DEBUG): Promise<Planned | number> {
  if (options.overlay === undefined) return planLoaded(io, options, await loadProject({ cwd: io.cwd, paths: options.paths ?? [], debug }), undefined, debug);
  const overlay = resolve(io.cwd, options.overlay);
  if (!existsSync(overlay))
    throw new InvocationError(
      `overlay folder ${options.overlay} does not exist`,
      'Pass a folder laid out like the repository (e.g. campaigns/mobility/summer-25.yaml).',
    );
  const working = await loadProject({ cwd: io.cwd, paths: [], cache: false, debug });
  const tmp = mkdtempSync(join(tmpdir(), 'promoc-plan-'));
  try {
    const dir = treeWithOverlay(working, overlay, join(tmp, 'head'));
    const loaded = await loadProject({ cwd: join(dir, relative(working.root, io.cwd)), paths: options.paths ?? [], cache: false, debug });
    // The target (and the local emulators' state) stay the working tree's: only the campaigns change.
    return await planLoaded(io, options, loaded, working.root, debug);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function planLoaded(io: Io, options: PlanForOptions, loaded: Loaded, stateRoot: string | undefined, debug: DebugLog): Promise<Planned | number> {
  if (hasErrors(loaded.diagnostics)) return printErrors(io, loaded.root, loaded.diagnostics, loaded.stats.files);
  const root = stateRoot ?? loaded.root;
  const target = await openFor(io, root, loaded.config, options, debug);
  try {
    await options.onOpen?.({ root, config: loaded.config, target });
    const result = await planBindings({
      targetName: target.name,
      model: loaded.model,
      bindings: target.bindings,
      options: { prune: pruneSetting(loaded.config, target.name, options.prune), force: options.force },
      deps: { ...realDeps(), debug },
      now: () => options.now ?? new Date(),
      promocVersion: promocVersion(),
      ...(io.env.GITHUB_SHA ? { revision: io.env.GITHUB_SHA } : {}),
    });
    if (!result.plan) {
      await target.close();
      return printUnlocated(io, loaded, result.diagnostics);
    }
    return { root, config: loaded.config, target, plan: result.plan, model: loaded.model };
  } catch (error) {
    await target.close();
    throw error;
  }
}

function openFor(io: Io, root: string, config: PromocConfig, choice: TargetChoice, debug: DebugLog): Promise<OpenTarget> {
  return openTarget({
    root,
    config,
    env: io.env,
    debug,
    ...(choice.target ? { target: choice.target } : {}),
    ...(choice.access ? { access: choice.access } : {}),
  });
}

/** Located errors with their source frames on stderr, then the summary line; the exit code of a failure. */
export function printErrors(io: Io, root: string, diagnostics: readonly Diagnostic[], files: number): number {
  const sorted = sortDiagnostics(diagnostics);
  io.stderr(renderText(sorted, { color: io.color, readText: (file) => readSmallText(join(root, file)) }));
  io.stderr(`${summaryLine(sorted, files, io.color)}\n`);
  return EXIT.failure;
}

/** Findings found after loading, which carry paths but no positions yet, located against the files under `root`. */
export function locateUnder(root: string, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return locateDiagnostics(diagnostics, (file) => readSmallText(join(root, file)) ?? '');
}

/** Errors found after loading (lowering for the target): located, then printed. */
export function printUnlocated(io: Io, loaded: Loaded, diagnostics: readonly Diagnostic[]): number {
  return printErrors(io, loaded.root, locateUnder(loaded.root, diagnostics), loaded.stats.files);
}

/** Warnings found after loading (they stop nothing): located and printed, without the summary line. */
export function printUnlocatedWarnings(io: Io, root: string, diagnostics: readonly Diagnostic[]): void {
  io.stderr(renderText(sortDiagnostics(locateUnder(root, diagnostics)), { color: io.color, readText: (file) => readSmallText(join(root, file)) }));
}

/** Runs `use` with the target open and closes it afterwards, whatever happens. */
export async function withTarget<T>(target: OpenTarget, use: () => Promise<T>): Promise<T> {
  try {
    return await use();
  } finally {
    await target.close();
  }
}
