// `promoc apply [plan.json]`: take the lock of every API the target writes, then plan (or read a saved plan
// and refuse it if the working tree's campaigns or live state moved since it was made), show it, ask, run
// the call graph with the journal, and print what changed, failed and was left alone. The lock is held from
// before live state is read until the last call is verified, so two applies through any target names,
// checkouts or runners never both act on one read. `--resume` finishes the newest unfinished run.
import { hostname } from 'node:os';
import { createInterface } from 'node:readline/promises';
import { compileCalls } from '../../apply/plan-to-calls.js';
import { JournalError, type Replay } from '../../apply/journal-records.js';
import { journalDir, latestUnfinished, newRunId } from '../../apply/journal.js';
import { holdApis, type HeldLocks } from '../../apply/lock/hold.js';
import { openLockBackend } from '../../apply/lock/open.js';
import { progressReporter } from '../../apply/progress.js';
import { renderApplyOutcome } from '../../render/apply-outcome-text.js';
import type { ApplyOutcome } from '../../apply/outcome.js';
import { applyGraph } from '../../apply/run.js';
import { assertNoConflicts, assertPlanIsCurrent, assertPlanMatchesTree } from '../../apply/stale.js';
import type { CallGraph, Untouched } from '../../apply/call-graph.js';
import type { PromocConfig } from '../../generated/index.js';
import type { Plan } from '../../generated/plan.js';
import { toRepoPath } from '../../load/files.js';
import { NO_DEBUG, type DebugLog } from '../../model/debug-log.js';
import { hasErrors } from '../../model/diagnostic.js';
import { InvocationError } from '../../model/errors.js';
import { desiredState } from '../../plan/desired-state.js';
import { readPlanFile } from '../../plan/plan-file.js';
import { compileTarget, realDeps, type OpenTarget } from '../../plan/run.js';
import type { HttpDeps } from '../../providers/http/client.js';
import { EXIT } from '../context.js';
import { colors, type Io } from '../io.js';
import { promocVersion } from '../../load/version.js';
import { openConfiguredTarget, openProject, planFor, printUnlocated, withTarget } from '../plan-shell.js';
import { renderPlan } from './render-plan.js';
import { resourceKey } from '../../model/resource.js';

export interface ApplyCliOptions {
  readonly planFile?: string;
  readonly paths?: readonly string[];
  readonly target?: string;
  readonly autoApprove: boolean;
  readonly resume: boolean;
  /** --prune / --no-prune when planning now; undefined: the config's setting. */
  readonly prune?: boolean;
  readonly force: boolean;
  readonly verbose: boolean;
  /** json: stdout carries only the apply report as JSON (the plan goes to stderr for the confirmation). */
  readonly format?: 'text' | 'json';
  /** Only the actions the clock made due (`apply --due`). */
  readonly due?: boolean;
  /** Plan as of this instant (--now); never later than the clock. */
  readonly now?: Date;
}

export interface ApplyCliDeps {
  /** Asks on the terminal; default reads a line from stdin. */
  readonly confirm?: (question: string) => Promise<boolean>;
  readonly http?: HttpDeps;
  /** Default none; also given to the HTTP clients when `http` is not. */
  readonly debug?: DebugLog;
}

interface Session {
  readonly root: string;
  readonly config: PromocConfig;
  readonly target: OpenTarget;
  readonly run: string;
  readonly locks: HeldLocks;
}

export async function runApply(io: Io, options: ApplyCliOptions, given: ApplyCliDeps = {}): Promise<number> {
  if (options.resume && options.planFile)
    throw new InvocationError(
      '--resume finishes an earlier run; it takes no plan file',
      'Run `promoc apply --resume` alone, or `promoc apply plan.json` for a new run.',
    );
  if (options.due && (options.resume || options.planFile))
    throw new InvocationError(
      '--due plans from the repository now; it takes no plan file and no --resume',
      'Run `promoc apply --due` alone (the scheduled workflow does).',
    );
  if (options.now && (options.resume || options.planFile))
    throw new InvocationError(
      '--now sets the instant of a new plan; a saved plan or a resumed run already has one',
      'Drop --now, or run `promoc apply --now INSTANT` without a plan file.',
    );
  const clock = (given.http ?? realDeps()).now();
  if (options.now && options.now.getTime() > clock)
    throw new InvocationError(
      `--now ${options.now.toISOString()} is later than the clock (${new Date(clock).toISOString()}): apply would launch campaigns early`,
      'Use --now with `promoc plan` to see what would happen then; apply only as of now or earlier.',
    );
  const c = colors(io);
  const debug = given.debug ?? NO_DEBUG;
  const deps: ApplyCliDeps = { ...given, http: given.http ?? { ...realDeps(), debug } };
  const http = deps.http!;
  let session: Session | undefined;
  const lock = async (root: string, config: PromocConfig, target: OpenTarget, run: string): Promise<Session> => {
    const backend = await openLockBackend({ root, config, env: io.env, pid: process.pid, host: hostname() });
    try {
      const locks = await holdApis(backend, target.bindings, { run, target: target.name, now: new Date(http.now()) });
      for (const h of locks.replaced)
        io.stderr(
          `note: took over the apply lock left by pid ${h.pid} on ${h.host} (run ${h.run}, target ${h.target}, ` +
            `since ${h.since}); that process is gone. Run \`promoc apply --resume\` if its run did not finish.\n`,
        );
      const held = locks.locks.map((l) => `${l.api.provider} ${l.api.baseUrl}${l.holder.fence !== undefined ? ` (fencing token ${l.holder.fence})` : ''}`);
      debug.write('lock', `holding ${held.join(', ')} in ${backend.name}`);
      const release = locks.release;
      session = {
        root,
        config,
        target,
        run,
        locks: {
          ...locks,
          release: async () => {
            try {
              await release();
            } finally {
              await backend.close();
            }
          },
        },
      };
      return session;
    } catch (error) {
      await backend.close();
      throw error;
    }
  };
  try {
    if (options.resume) {
      const { root, config, target } = await openConfiguredTarget(io, { access: 'write', ...(options.target ? { target: options.target } : {}) }, debug);
      return await withTarget(target, async () => {
        const found = await latestUnfinished(journalDir(root, target.name));
        if (!found) {
          io.stderr(
            `${c.yellow('nothing to resume')}: every apply on target ${target.name} ` +
              `finished (journals in ${toRepoPath(root, journalDir(root, target.name))}).\n`,
          );
          return EXIT.failure;
        }
        return resume(io, await lock(root, config, target, found.replay.header.run), found, deps, options.format === 'json');
      });
    }
    const run = newRunId(new Date(http.now()), http.random);
    if (options.planFile) return await applySaved(io, options, deps, run, lock);
    const planned = await planFor(
      io,
      {
        ...options,
        now: options.now ?? new Date(clock),
        access: 'write',
        onOpen: async ({ root, config, target }) => {
          await lock(root, config, target, run);
        },
      },
      debug,
    );
    if (typeof planned === 'number') return planned;
    return await withTarget(planned.target, () => applyPlan(io, session!, planned.plan, options, deps));
  } finally {
    await session?.locks.release();
  }
}

type Locker = (root: string, config: PromocConfig, target: OpenTarget, run: string) => Promise<Session>;

/**
 * A saved plan: refused when the working tree's campaigns differ from those it was computed from (checked
 * before any lock or read), then, under the lock, when live state moved since it was read.
 */
async function applySaved(io: Io, options: ApplyCliOptions, deps: ApplyCliDeps, run: string, lock: Locker): Promise<number> {
  const file = options.planFile!;
  const plan = await readPlanFile(io.cwd, file);
  const opened = await openProject(
    io,
    { paths: options.paths ?? [], access: 'write', ...(options.target ? { target: options.target } : {}) },
    deps.debug ?? NO_DEBUG,
  );
  if (typeof opened === 'number') return opened;
  const { loaded, target } = opened;
  return withTarget(target, async () => {
    if (plan.target !== target.name)
      throw new InvocationError(`${file} was planned for target ${plan.target}, not ${target.name}`, `Run \`promoc apply ${file} --target ${plan.target}\`.`);
    assertNoConflicts(plan);
    const compiled = await compileTarget(loaded.model, target.bindings, target.name);
    if (hasErrors(compiled.diagnostics)) return printUnlocated(io, loaded, compiled.diagnostics);
    assertPlanMatchesTree(plan, desiredState(compiled.desired));
    const session = await lock(loaded.root, loaded.config, target, run);
    await assertPlanIsCurrent(plan, target.bindings, deps.http ?? realDeps());
    return applyPlan(io, session, plan, options, deps);
  });
}

async function applyPlan(io: Io, session: Session, plan: Plan, options: ApplyCliOptions, deps: ApplyCliDeps): Promise<number> {
  const c = colors(io);
  const { target } = session;
  const json = options.format === 'json';
  if ((plan.conflicts ?? []).length > 0) {
    (json ? io.stderr : io.stdout)(renderPlan(plan, 'text', { color: io.color, verbose: options.verbose }));
    assertNoConflicts(plan);
  }
  const { graph, unsupported } = compileCalls(plan, { dueOnly: options.due ?? false });
  if (options.due && graph.steps.length === 0 && unsupported.length === 0 && !json) {
    const next = plan.actions
      .filter((a) => a.action === 'scheduled' && a.schedule && !a.schedule.native)
      .map((a) => a.schedule!.at)
      .sort()[0];
    const waiting = plan.summary.scheduled ?? 0;
    io.stdout(
      `${c.green('Nothing is due.')} Target ${target.name}: ${waiting} scheduled action${waiting === 1 ? '' : 's'}${next ? `, the next at ${next}` : ''}.\n`,
    );
    return EXIT.ok;
  }
  if (graph.steps.length === 0 && unsupported.length === 0) {
    const blocked = graph.untouched.filter((u) => u.action === 'blocked');
    if (json) {
      io.stdout(
        applyJson({
          run: null,
          target: target.name,
          journal: null,
          resumed: false,
          changed: [],
          failed: [],
          diverged: [],
          untouched: graph.untouched.map((u) => ({
            resource: resourceKey(u),
            action: u.action,
            ...(u.liveId ? { liveId: u.liveId } : {}),
            ...(u.reason ? { reason: u.reason } : {}),
          })),
          calls: { total: 0, sent: 0, retried: 0 },
          ok: true,
        }),
      );
      return EXIT.ok;
    }
    if (blocked.length > 0) {
      io.stdout(renderPlan(plan, 'text', { color: io.color, verbose: options.verbose }));
      io.stdout(
        `${c.yellow('Nothing apply can do:')} ${blocked.length} blocked change${blocked.length === 1 ? ' needs' : 's need'}` +
          ` a decision outside promoc (the reasons are above); nothing was changed.\n`,
      );
      return EXIT.ok;
    }
    io.stdout(
      `${c.green('No changes.')} Target ${target.name} already matches the repository (` +
        `${graph.untouched.length} resource${graph.untouched.length === 1 ? '' : 's'} checked).\n`,
    );
    return EXIT.ok;
  }
  (json ? io.stderr : io.stdout)(renderPlan(plan, 'text', { color: io.color, verbose: options.verbose }));
  if (!options.autoApprove) {
    if (!io.isTTY)
      throw new InvocationError(
        'apply changes live promotions and needs confirmation: this is not a terminal',
        'Review the plan, then re-run with --auto-approve (e.g. in CI after `promoc plan --out plan.json`: `promoc apply plan.json --auto-approve`).',
      );
    const yes = await (deps.confirm ?? askOnTerminal)(
      `\nApply ${graph.steps.length} call${graph.steps.length === 1 ? '' : 's'} to target ${target.name}? Only "yes" is accepted: `,
    );
    if (!yes) {
      io.stderr('Apply cancelled; nothing was changed.\n');
      return EXIT.failure;
    }
  }
  return execute(io, session, graph, unsupported, undefined, deps, json);
}

async function resume(io: Io, session: Session, found: { file: string; replay: Replay }, deps: ApplyCliDeps, json: boolean): Promise<number> {
  const { header } = found.replay;
  if (header.target !== session.target.name) throw new JournalError(`${found.file} belongs to target ${header.target}, not ${session.target.name}`);
  io.stderr(
    `Resuming run ${header.run} (started ${header.at} by pid ${header.pid} on ` +
      `${header.host}): ${found.replay.done.size}/${header.graph.steps.length} ` +
      `calls done; ${found.replay.started.size} to check against live state first.\n`,
  );
  return execute(io, session, header.graph, [], found, deps, json);
}

async function execute(
  io: Io,
  session: Session,
  graph: CallGraph,
  unsupported: readonly Untouched[],
  prior: { file: string; replay: Replay } | undefined,
  deps: ApplyCliDeps,
  json: boolean,
): Promise<number> {
  const { root, target } = session;
  const http = deps.http ?? realDeps();
  const progress = progressReporter({ write: io.stderr, isTTY: io.isTTY, color: io.color, now: http.now }, graph, prior?.replay.done.size ?? 0);
  const report = await applyGraph({
    graph,
    bindings: target.bindings,
    journalDir: journalDir(root, target.name),
    deps: http,
    run: session.run,
    guard: session.locks.check,
    process: { pid: process.pid, host: hostname() },
    promocVersion: promocVersion(),
    ...(unsupported.length > 0 ? { unsupported } : {}),
    ...(prior ? { resume: prior } : {}),
    onEvent: progress.onEvent,
  });
  progress.finish();
  const shown = { ...report, journal: toRepoPath(root, report.journal) };
  io.stdout(json ? applyJson(shown) : renderApplyOutcome(shown, { color: io.color }));
  return report.ok ? EXIT.ok : EXIT.failure;
}

/** The apply report as JSON; run and journal are null when nothing was sent. */
function applyJson(report: Omit<ApplyOutcome, 'run' | 'journal'> & { readonly run: string | null; readonly journal: string | null }): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

async function askOnTerminal(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await rl.question(question)).trim() === 'yes';
  } finally {
    rl.close();
  }
}
