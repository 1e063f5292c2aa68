// `promoc apply [plan.json]`: plan (or read a saved plan and refuse it if live state moved), show it, ask,
// then run the call graph with the journal and the lock, and print what changed, failed and was left alone.
// `--resume` finishes the newest run of the target that a crash or kill left unfinished.
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { compileCalls } from '../../apply/compile.js';
import { JournalError, type Replay } from '../../apply/journal-model.js';
import { journalDir, latestUnfinished } from '../../apply/journal.js';
import { progressReporter } from '../../apply/progress.js';
import { renderApplyReport } from '../../apply/render-report.js';
import { applyGraph } from '../../apply/run.js';
import { assertPlanIsCurrent } from '../../apply/stale.js';
import type { CallGraph, Untouched } from '../../apply/model.js';
import type { Plan } from '../../generated/plan.js';
import { toRepoPath } from '../../load/files.js';
import { NO_DEBUG, type DebugLog } from '../../model/debug-log.js';
import { UsageError } from '../../model/errors.js';
import { defaultValidator } from '../../load/project.js';
import { parsePlanFile, PlanFileError } from '../../plan/plan-file.js';
import { openTarget, realDeps, type OpenTarget } from '../../plan/run.js';
import type { HttpDeps } from '../../providers/http/client.js';
import { EXIT } from '../context.js';
import { colors, type Io } from '../io.js';
import { promocVersion } from '../../load/version.js';
import { configOnly, planFor } from './compile.js';
import { renderPlan } from './render-plan.js';

export interface ApplyCliOptions {
  readonly planFile?: string;
  readonly paths?: readonly string[];
  readonly target?: string;
  readonly autoApprove: boolean;
  readonly resume: boolean;
  readonly prune: boolean;
  readonly force: boolean;
  readonly verbose: boolean;
}

export interface ApplyCliDeps {
  /** Asks on the terminal; default reads a line from stdin. */
  readonly confirm?: (question: string) => Promise<boolean>;
  readonly http?: HttpDeps;
  /** Default none; also given to the HTTP clients when `http` is not. */
  readonly debug?: DebugLog;
}

export async function runApply(io: Io, options: ApplyCliOptions, given: ApplyCliDeps = {}): Promise<number> {
  if (options.resume && options.planFile) throw new UsageError('--resume finishes an earlier run; it takes no plan file', 'Run `promoc apply --resume` alone, or `promoc apply plan.json` for a new run.');
  const debug = given.debug ?? NO_DEBUG;
  const deps: ApplyCliDeps = { ...given, http: given.http ?? { ...realDeps(), debug } };
  if (options.resume || options.planFile) {
    const { root, config } = await configOnly(io.cwd, debug);
    const target = await openTarget({ root, config, env: io.env, debug, ...(options.target ? { target: options.target } : {}) });
    return await withTarget(target, () => (options.resume ? resume(io, root, target, deps) : applySaved(io, root, target, options, deps)));
  }
  const planned = await planFor(io, options, debug);
  if (typeof planned === 'number') return planned;
  return await withTarget(planned.target, () => applyPlan(io, planned.root, planned.target, planned.plan, options, deps));
}

async function withTarget<T>(target: OpenTarget, run: () => Promise<T>): Promise<T> {
  try { return await run(); } finally { await target.close(); }
}

async function applySaved(io: Io, root: string, target: OpenTarget, options: ApplyCliOptions, deps: ApplyCliDeps): Promise<number> {
  const file = options.planFile!;
  let text: string;
  try { text = await readFile(resolve(io.cwd, file), 'utf8'); } catch (e) {
    throw new PlanFileError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 'Pass the file written by `promoc plan --out`.');
  }
  const plan = parsePlanFile(text, file, await defaultValidator());
  if (plan.target !== target.name) throw new UsageError(`${file} was planned for target ${plan.target}, not ${target.name}`, `Run \`promoc apply ${file} --target ${plan.target}\`.`);
  await assertPlanIsCurrent(plan, target.bindings, deps.http ?? realDeps());
  return applyPlan(io, root, target, plan, options, deps);
}

async function applyPlan(io: Io, root: string, target: OpenTarget, plan: Plan, options: ApplyCliOptions, deps: ApplyCliDeps): Promise<number> {
  const c = colors(io);
  const { graph, unsupported } = compileCalls(plan);
  if (graph.steps.length === 0 && unsupported.length === 0) {
    const blocked = graph.untouched.filter((u) => u.action === 'blocked');
    if (blocked.length > 0) {
      io.stdout(renderPlan(plan, 'text', { color: io.color, verbose: options.verbose }));
      io.stdout(`${c.yellow('Nothing apply can do:')} ${blocked.length} blocked change${blocked.length === 1 ? ' needs' : 's need'} a decision outside promoc (the reasons are above); nothing was changed.\n`);
      return EXIT.ok;
    }
    io.stdout(`${c.green('No changes.')} Target ${target.name} already matches the repository (${graph.untouched.length} resource${graph.untouched.length === 1 ? '' : 's'} checked).\n`);
    return EXIT.ok;
  }
  io.stdout(renderPlan(plan, 'text', { color: io.color, verbose: options.verbose }));
  if (!options.autoApprove) {
    if (!io.isTTY) throw new UsageError('apply changes live promotions and needs confirmation: this is not a terminal', 'Review the plan, then re-run with --auto-approve (e.g. in CI after `promoc plan --out plan.json`: `promoc apply plan.json --auto-approve`).');
    const yes = await (deps.confirm ?? askOnTerminal)(`\nApply ${graph.steps.length} call${graph.steps.length === 1 ? '' : 's'} to target ${target.name}? Only "yes" is accepted: `);
    if (!yes) { io.stderr('Apply cancelled; nothing was changed.\n'); return EXIT.failure; }
  }
  return execute(io, root, target, graph, unsupported, undefined, deps);
}

async function resume(io: Io, root: string, target: OpenTarget, deps: ApplyCliDeps): Promise<number> {
  const found = await latestUnfinished(journalDir(root, target.name));
  if (!found) {
    io.stderr(`${colors(io).yellow('nothing to resume')}: every apply on target ${target.name} finished (journals in ${toRepoPath(root, journalDir(root, target.name))}).\n`);
    return EXIT.failure;
  }
  const { header } = found.replay;
  if (header.target !== target.name) throw new JournalError(`${found.file} belongs to target ${header.target}, not ${target.name}`);
  io.stderr(`Resuming run ${header.run} (started ${header.at} by pid ${header.pid} on ${header.host}): ${found.replay.done.size}/${header.graph.steps.length} calls done; ${found.replay.started.size} to check against live state first.\n`);
  return execute(io, root, target, header.graph, [], found, deps);
}

async function execute(io: Io, root: string, target: OpenTarget, graph: CallGraph, unsupported: readonly Untouched[], prior: { file: string; replay: Replay } | undefined, deps: ApplyCliDeps): Promise<number> {
  const http = deps.http ?? realDeps();
  const progress = progressReporter({ write: io.stderr, isTTY: io.isTTY, color: io.color, now: http.now }, graph, prior?.replay.done.size ?? 0);
  const report = await applyGraph({
    graph, bindings: target.bindings, journalDir: journalDir(root, target.name), deps: http,
    process: { pid: process.pid, host: hostname() }, promocVersion: promocVersion(),
    ...(unsupported.length > 0 ? { unsupported } : {}),
    ...(prior ? { resume: prior } : {}),
    onEvent: progress.onEvent,
    onStaleLock: (h) => io.stderr(`note: took over the apply lock left by pid ${h.pid} on ${h.host} (run ${h.run}, since ${h.since}); that process is gone. Run \`promoc apply --resume\` if its run did not finish.\n`),
  });
  progress.finish();
  io.stdout(renderApplyReport({ ...report, journal: toRepoPath(root, report.journal) }, { color: io.color }));
  return report.ok ? EXIT.ok : EXIT.failure;
}

async function askOnTerminal(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try { return (await rl.question(question)).trim() === 'yes'; } finally { rl.close(); }
}
