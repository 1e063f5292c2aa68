// `promoc compile`: plan (or read a saved plan), compile it into the ordered API calls apply would send,
// and print them for review: JSON, an .http file or curl commands, secrets never shown. Also the shared
// "load, open the target, plan" shell that apply uses.
import { dirname, join, resolve } from 'node:path';
import { compileCalls } from '../../apply/compile.js';
import { renderCalls, type ApiView, type CallFormat } from '../../apply/render-calls.js';
import type { PromocConfig } from '../../generated/index.js';
import type { Plan } from '../../generated/plan.js';
import { configSearchLine, EMPTY_CONFIG, findConfigFile, parseConfig } from '../../load/config.js';
import { toRepoPath } from '../../load/files.js';
import { locateDiagnostics } from '../../load/locate.js';
import { defaultValidator, loadProject } from '../../load/project.js';
import { decodeSource, MAX_FILE_BYTES } from '../../load/read.js';
import { NO_DEBUG, type DebugLog } from '../../model/debug-log.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../../model/diagnostic.js';
import { UsageError } from '../../model/errors.js';
import { MAX_PLAN_FILE_BYTES, parsePlanFile, unreadablePlan } from '../../plan/plan-file.js';
import { readRegularFile, readRegularFileSync } from '../../load/regular-file.js';
import { openTarget, planBindings, realDeps, type OpenTarget } from '../../plan/run.js';
import { credentialVariables, LOCAL, pruneSetting, type Access, type Binding } from '../../plan/targets.js';
import { providerFor } from '../../providers/index.js';
import type { ProviderId } from '../../providers/provider.js';
import { renderText, summaryLine } from '../../render/text.js';
import { EXIT } from '../context.js';
import { colors, type Io } from '../io.js';
import { readSmallText } from '../read-small-text.js';
import { promocVersion } from '../../load/version.js';

export interface CompileCliOptions {
  readonly paths: readonly string[];
  readonly target?: string;
  readonly planFile?: string;
  readonly format: CallFormat;
  readonly prune?: boolean;
  readonly force: boolean;
}

export async function runCompile(io: Io, options: CompileCliOptions, debug: DebugLog = NO_DEBUG): Promise<number> {
  let plan: Plan;
  let config: PromocConfig;
  let target: OpenTarget;
  if (options.planFile) {
    ({ config } = await configOnly(io.cwd, debug));
    let text: string;
    try { text = (await readRegularFile(resolve(io.cwd, options.planFile), MAX_PLAN_FILE_BYTES, 'plan file')).toString('utf8'); } catch (e) {
      throw unreadablePlan(options.planFile, e);
    }
    plan = parsePlanFile(text, options.planFile, await defaultValidator());
    // The saved plan names its target; its base URLs are in the plan, the credentials' variables in the config.
    target = { name: plan.target, bindings: [], close: async () => undefined };
  } else {
    const planned = await planFor(io, options, debug);
    if (typeof planned === 'number') return planned;
    ({ plan, config, target } = planned);
  }
  try {
    const { graph, unsupported } = compileCalls(plan);
    io.stdout(renderCalls(graph, options.format, apiViews(plan, config, target.bindings)));
    for (const u of unsupported) io.stderr(`${colors(io).yellow('warning')}: ${u.provider} ${u.kind}/${u.name}: ${u.reason ?? 'no call'}\n`);
    return unsupported.length > 0 ? EXIT.failure : EXIT.ok;
  } finally {
    await target.close();
  }
}

/** Base URLs from the plan's sources; auth headers that name the secret's environment variable, never its value. */
function apiViews(plan: Plan, config: PromocConfig, bindings: readonly Binding[]): Partial<Record<ProviderId, ApiView>> {
  const variables = credentialVariables(plan.target === LOCAL ? undefined : config.targets?.[plan.target], 'write');
  const out: Partial<Record<ProviderId, ApiView>> = {};
  for (const s of plan.sources) {
    const baseUrl = bindings.find((b) => b.provider === s.provider)?.connection.baseUrl ?? s.baseUrl;
    out[s.provider] = { baseUrl, ...providerFor(s.provider).authView(baseUrl, variables) };
  }
  return out;
}

export interface Planned {
  readonly root: string;
  readonly config: PromocConfig;
  readonly target: OpenTarget;
  readonly plan: Plan;
}

export interface PlanForOptions {
  readonly paths?: readonly string[];
  readonly target?: string;
  /** --prune / --no-prune; undefined: the config's setting. */
  readonly prune?: boolean;
  readonly force: boolean;
  /** Plan as of this instant (default: the clock). */
  readonly now?: Date;
  /** Which credentials (default read). */
  readonly access?: Access;
  /** Runs once the target is open, before its live state is read (apply takes the APIs' locks here). */
  readonly onOpen?: (opened: { readonly root: string; readonly config: PromocConfig; readonly target: OpenTarget }) => Promise<void>;
}

/** Loads the repository, opens the target and plans; on errors prints them and returns the exit code. */
export async function planFor(io: Io, options: PlanForOptions, debug: DebugLog = NO_DEBUG): Promise<Planned | number> {
  const loaded = await loadProject({ cwd: io.cwd, paths: options.paths ?? [], debug });
  if (hasErrors(loaded.diagnostics)) return printErrors(io, loaded.root, loaded.diagnostics, loaded.stats.files);
  const target = await openTarget({ root: loaded.root, config: loaded.config, env: io.env, debug, ...(options.target ? { target: options.target } : {}), ...(options.access ? { access: options.access } : {}) });
  try {
    await options.onOpen?.({ root: loaded.root, config: loaded.config, target });
    const result = await planBindings({
      targetName: target.name, model: loaded.model, bindings: target.bindings, options: { prune: pruneSetting(loaded.config, target.name, options.prune), force: options.force },
      deps: { ...realDeps(), debug }, now: () => options.now ?? new Date(), promocVersion: promocVersion(), ...(io.env.GITHUB_SHA ? { revision: io.env.GITHUB_SHA } : {}),
    });
    if (!result.plan) {
      await target.close();
      const located = locateDiagnostics(result.diagnostics, (file) => readSmallText(join(loaded.root, file)) ?? '');
      return printErrors(io, loaded.root, located, loaded.stats.files);
    }
    return { root: loaded.root, config: loaded.config, target, plan: result.plan };
  } catch (error) {
    await target.close();
    throw error;
  }
}

export function printErrors(io: Io, root: string, diagnostics: readonly Diagnostic[], files: number): number {
  const sorted = sortDiagnostics(diagnostics);
  io.stderr(renderText(sorted, { color: io.color, readText: (file) => readSmallText(join(root, file)) }));
  io.stderr(`${summaryLine(sorted, files, io.color)}\n`);
  return EXIT.failure;
}

/** The config alone (a saved plan or a journal holds everything else). A broken config is a usage error. */
export async function configOnly(cwd: string, debug: DebugLog = NO_DEBUG): Promise<{ root: string; config: PromocConfig }> {
  const file = findConfigFile(cwd);
  debug.write('config', configSearchLine(cwd, file));
  if (!file) return { root: resolve(cwd), config: EMPTY_CONFIG };
  const root = dirname(file);
  const name = toRepoPath(root, file);
  const decoded = decodeSource(name, readRegularFileSync(file, MAX_FILE_BYTES, 'config file'));
  if ('diagnostic' in decoded) throw new UsageError(`${name}: ${decoded.diagnostic.message}`, decoded.diagnostic.hint);
  const parsed = parseConfig(name, decoded.text, await defaultValidator());
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new UsageError(`${name} is invalid: ${errors.map((d) => d.message).join('; ')}`, 'Run `promoc validate` to see where.');
  return { root, config: parsed.config };
}
