// What a reviewer approves, per target: how many actions the merge carries out, which are risky (deletes,
// replaces, blocked), who owns what changes (labels.team), what launches when, which command or workflow
// step applies it, and whether the saved plan describes the head the report shows at all. Pure: it reads
// only the plans and the head model the shell gathered.
import type { Action, Plan } from '../generated/plan.js';
import { type Model, resourceKey } from '../model/resource.js';
import type { ChangedCampaign, TimelineRow } from './types.js';

/** The workflow step that applies a merge to a configured target (.github/workflows/apply.yml). */
export const APPLY_WORKFLOW = {
  file: '.github/workflows/apply.yml',
  step: 'Apply the reviewed plan (refused if the campaigns or live state moved since it was made)',
} as const;

export interface RiskyAction {
  readonly action: 'delete' | 'replace' | 'blocked';
  /** Kind/name. */
  readonly resource: string;
  readonly reason?: string;
}

export interface Owner {
  /** labels.team, or "(no team)". */
  readonly team: string;
  /** Kind/name of each resource the merge touches for this team. */
  readonly resources: readonly string[];
}

/** An action the plan leaves to the clock: carried out at `at` by the target or by `promoc apply --due`. */
export interface ScheduledAction {
  readonly resource: string;
  readonly op: string;
  /** RFC 3339, UTC. */
  readonly at: string;
  readonly by: 'target' | 'promoc apply --due';
}

export interface ApprovalTarget {
  readonly target: string;
  readonly summary: Plan['summary'];
  /** Scheduled actions of the plan, earliest first. */
  readonly scheduled: readonly ScheduledAction[];
  readonly risky: readonly RiskyAction[];
  readonly owners: readonly Owner[];
  /** The one command or workflow step that applies the plan. */
  readonly apply: string;
  /** Why the plan does not describe the head this report shows; empty when they agree. */
  readonly disagreement: readonly string[];
  /** Warnings the plan carries (objects left alone without --prune, conflicts). */
  readonly warnings: readonly string[];
}

export interface Launch {
  /** Kind/name. */
  readonly id: string;
  readonly change: ChangedCampaign['change'];
  /** RFC 3339 instants; open ends absent. */
  readonly from?: string;
  readonly until?: string;
}

export interface Approval {
  readonly targets: readonly ApprovalTarget[];
  /** Added or changed campaigns with a start date: what launches when. */
  readonly launches: readonly Launch[];
}

export interface ApprovalInput {
  readonly plans: readonly Plan[];
  readonly planFiles?: readonly string[];
  /** The head model; absent when the head does not build. */
  readonly model?: Model;
  readonly changes: readonly ChangedCampaign[];
  readonly timeline: readonly TimelineRow[];
}

const RISKY: ReadonlySet<string> = new Set(['delete', 'replace', 'blocked']);

export function approvalSummary(input: ApprovalInput): Approval {
  const teams = new Map((input.model?.resources ?? []).map((l) => [resourceKey(l.resource), l.resource.metadata.labels?.team]));
  const targets = input.plans.map((plan, i): ApprovalTarget => {
    const acting = plan.actions.filter((a) => a.action !== 'noop');
    const risky = acting
      .filter((a) => RISKY.has(a.action))
      .map((a): RiskyAction => ({ action: a.action as RiskyAction['action'], resource: id(a), ...(a.reason ? { reason: a.reason } : {}) }));
    const byTeam = new Map<string, string[]>();
    for (const a of acting) {
      const team = teams.get(id(a)) ?? '(no team)';
      byTeam.set(team, [...(byTeam.get(team) ?? []), id(a)]);
    }
    const owners = [...byTeam]
      .map(([team, resources]) => ({ team, resources: resources.sort() }))
      .sort((a, b) => (a.team < b.team ? -1 : a.team > b.team ? 1 : 0));
    const scheduled = plan.actions
      .filter((a) => a.schedule !== undefined && (a.action === 'scheduled' || a.schedule.at > plan.createdAt))
      .map((a): ScheduledAction => ({ resource: id(a), op: a.schedule!.op, at: a.schedule!.at, by: a.schedule!.native ? 'target' : 'promoc apply --due' }))
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.resource < b.resource ? -1 : 1));
    return {
      target: plan.target,
      summary: plan.summary,
      scheduled,
      risky,
      owners,
      apply: applyStep(plan, input.planFiles?.[i]),
      disagreement: input.model ? disagreement(plan, input.model) : [],
      warnings: plan.notes
        .filter((n) => n.level === 'warn')
        .map((n) => `${n.message}${n.resources && n.resources.length > 0 ? `: ${n.resources.join(', ')}` : ''}`),
    };
  });
  const changed = new Map(input.changes.map((c) => [c.id, c.change]));
  const launches = input.timeline
    .filter((r) => r.from !== undefined && (changed.get(r.id) === 'added' || changed.get(r.id) === 'changed'))
    .map((r): Launch => ({
      id: r.id,
      change: changed.get(r.id)!,
      from: new Date(r.from!).toISOString(),
      ...(r.until !== undefined ? { until: new Date(r.until).toISOString() } : {}),
    }));
  return { targets, launches };
}

function id(a: Pick<Action, 'kind' | 'name'>): string {
  return resourceKey(a);
}

/** The local target is applied by hand; a configured target by the apply workflow on merge. */
function applyStep(plan: Plan, file: string | undefined): string {
  if (plan.target === 'local') return `promoc apply ${file ?? 'plan.json'} --auto-approve`;
  return (
    `on merge to main: workflow ${APPLY_WORKFLOW.file}, step "${APPLY_WORKFLOW.step}" (promoc apply of ` +
    `the plan this pull request saved, target ${plan.target}, after the environment's reviewers approve)`
  );
}

/**
 * A plan describes the head when every resource it declares is in the head and every resource of the
 * head (of the kinds the plan handles) is either an action of the plan or named in its notes (not
 * planned on this target).
 */
function disagreement(plan: Plan, model: Model): string[] {
  // Kinds no provider plans on their own (a geofence travels inside the campaigns that use it) are not asked for.
  const kinds = new Set(plan.actions.map((a) => a.kind));
  const head = new Set(model.resources.filter((l) => kinds.has(l.resource.kind)).map((l) => resourceKey(l.resource)));
  const covered = new Set([...plan.actions.map(id), ...plan.notes.flatMap((n) => n.resources ?? [])]);
  const extra = plan.actions
    .filter((a) => a.source !== undefined && !head.has(id(a)))
    .map(id)
    .sort();
  const missing = [...head].filter((r) => !covered.has(r)).sort();
  const out: string[] = [];
  if (missing.length > 0) out.push(`the head declares ${list(missing)}, which the plan does not cover`);
  if (extra.length > 0) out.push(`the plan declares ${list(extra)}, which the head does not have`);
  return out;
}

function list(items: readonly string[], max = 5): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
