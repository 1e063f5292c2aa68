// The pure heart of `promoc plan`: desired entries × live objects → a Plan. Matching is by kind + natural
// key (codes case-insensitively); live objects promoc does not manage are never touched, only counted. Two
// live objects that claim one resource (promoc's marker, or the same natural key) are a conflict: the
// resource is blocked and the plan cannot be applied until someone keeps one of them.
import { append } from '../model/append.js';
import { PROVIDER_IDS } from '../providers/index.js';
import type { LiveObject, Provider, ProviderId } from '../providers/provider.js';
import { createAction, orphanAction } from './actions.js';
import { desiredState, type DesiredState } from './desired-state.js';
import { matchKey, type AheadView, type ReadAhead } from './read-ahead.js';
import { fingerprintsOf, planFingerprint } from './fingerprint.js';
import { plannedCompare, plannedCreate } from './schedule.js';
import {
  KIND_ORDER,
  PLAN_FORMAT,
  type Action,
  type Conflict,
  type DesiredEntry,
  type LiveSet,
  type Note,
  type Plan,
  type PlanOptions,
  type Source,
  type Summary,
} from './plan-types.js';
import { resourceKey } from '../model/resource.js';

export interface BuildInput {
  readonly target: string;
  /** The plan's instant (the clock, or --now): what is due is decided against it. */
  readonly createdAt: string;
  readonly promocVersion: string;
  readonly revision?: string;
  readonly options: PlanOptions;
  readonly providers: Readonly<Partial<Record<ProviderId, Provider>>>;
  readonly desired: readonly DesiredEntry[];
  readonly live: readonly LiveSet[];
  readonly notes?: readonly Note[];
  /** desiredState(desired), when the caller made it already (planBindings does, while the reads are in flight). */
  readonly desiredState?: DesiredState;
  /** What was worked out while the reads were in flight (used where it is exactly what the build would make). */
  readonly ahead?: ReadAhead;
}

export function buildPlan(input: BuildInput): Plan {
  const actions: Action[] = [];
  const notes: Note[] = [...(input.notes ?? [])];
  const sources: Source[] = [];
  const conflicts: Conflict[] = [];
  const now = Date.parse(input.createdAt);
  for (const set of input.live) {
    const provider = input.providers[set.provider];
    if (!provider) continue;
    const desired = input.desired.filter((d) => d.provider === set.provider);
    const ahead = input.ahead?.view(set, input.desired, input.options);
    const { orphans, unmanaged, managed } = ahead
      ? decideAhead(ahead, desired, provider, input.options, now, actions)
      : decide(set, desired, provider, input.options, now, actions, conflicts);
    if (input.options.prune) {
      for (const o of orphans) {
        const cap = set.capabilities[o.normalized.kind];
        const action = cap ? orphanAction(o, cap, set.provider, input.options) : undefined;
        if (action) actions.push(action);
      }
    } else if (orphans.length > 0) {
      notes.push({
        level: 'warn',
        provider: set.provider,
        message:
          `${orphans.length} object${orphans.length === 1 ? ' is' : 's are'} managed by promoc but no ` +
          `longer in the repository; re-run with --prune to remove ${orphans.length === 1 ? 'it' : 'them'}`,
        resources: orphans.map(describe).sort(),
      });
    }
    if (unmanaged > 0)
      notes.push({
        level: 'info',
        provider: set.provider,
        message: `${unmanaged} live object${unmanaged === 1 ? ' is' : 's are'} not managed by promoc and ${unmanaged === 1 ? 'was' : 'were'} left alone`,
      });
    const fingerprints = fingerprintsOf(set.objects);
    sources.push({
      provider: set.provider,
      baseUrl: set.baseUrl,
      ...(set.organization ? { organization: set.organization } : {}),
      objects: set.objects.length,
      managed,
      pages: set.pages,
      requests: set.requests,
      fingerprint: fingerprints.fingerprint,
      objectFingerprints: fingerprints.objectFingerprints,
    });
  }
  actions.sort(compareActions);
  return {
    formatVersion: PLAN_FORMAT,
    promocVersion: input.promocVersion,
    createdAt: input.createdAt,
    target: input.target,
    ...(input.revision ? { revision: input.revision } : {}),
    options: { prune: input.options.prune, force: input.options.force },
    sources,
    fingerprint: planFingerprint(sources),
    desiredState: input.desiredState ?? desiredState(input.desired),
    summary: summarize(actions),
    actions,
    ...(conflicts.length > 0 ? { conflicts } : {}),
    notes,
  };
}

interface Decided {
  readonly orphans: readonly LiveObject[];
  readonly unmanaged: number;
  readonly managed: number;
}

/** Each desired resource's action against the live objects, which may share keys or claim one resource. */
function decide(
  set: LiveSet,
  desired: readonly DesiredEntry[],
  provider: Provider,
  options: PlanOptions,
  now: number,
  actions: Action[],
  conflicts: Conflict[],
): Decided {
  const { matched, inScope, keys } = indexLive(set);
  const claims = claimsOf(set.provider, inScope, keys, set.capabilities);
  append(conflicts, claims.conflicts);
  const used = new Set<LiveObject>();
  for (const d of desired) {
    const key = matchKey(d.located.resource.kind, d.lowered.normalized.key);
    // An owner key is made only when something claims twice: a plan without conflicts makes none.
    const clash = claims.byKey.get(key) ?? (claims.byOwner.size > 0 ? claims.byOwner.get(resourceKey(d.located.resource)) : undefined);
    const live = matched.get(key);
    if (live) used.add(live);
    if (clash) {
      for (const o of clash.objects) used.add(o);
      const { activation: _a, ...created } = createAction(d, provider);
      actions.push({ ...created, action: 'blocked', ...(live ? { liveId: live.id } : {}), reason: clash.conflict.message });
      continue;
    }
    actions.push(live ? plannedCompare(d, live, provider, options, now) : plannedCreate(d, provider, now));
  }
  for (const c of claims.conflicts) for (const o of claims.objectsOf(c)) used.add(o);
  return {
    orphans: inScope.filter((o) => !used.has(o) && o.owner !== undefined && !o.facts.retired),
    unmanaged: set.objects.filter((o) => o.owner === undefined && !used.has(o)).length,
    managed: set.objects.filter((o) => o.owner !== undefined).length,
  };
}

/** The same, from what was worked out while the pages were read: one object per key, nothing claimed twice. */
function decideAhead(ahead: AheadView, desired: readonly DesiredEntry[], provider: Provider, options: PlanOptions, now: number, actions: Action[]): Decided {
  for (const d of desired) {
    const found = ahead.matched.get(matchKey(d.located.resource.kind, d.lowered.normalized.key));
    actions.push(
      found ? plannedCompare(d, found.live, provider, options, now, found.desired === d ? found.compared : undefined) : plannedCreate(d, provider, now),
    );
  }
  return ahead;
}

interface Claim {
  readonly conflict: Conflict;
  readonly objects: readonly LiveObject[];
}

/**
 * Live objects (not retired) that claim one resource: the same kind and natural key, or promoc's marker for
 * the same kind and name. Each group of two or more is one conflict naming every id.
 */
function claimsOf(
  provider: string,
  inScope: readonly LiveObject[],
  keys: readonly string[],
  capabilities: LiveSet['capabilities'],
): { conflicts: Conflict[]; byKey: Map<string, Claim>; byOwner: Map<string, Claim>; objectsOf: (c: Conflict) => readonly LiveObject[] } {
  // Keys claimed twice, in the order of their first claim. A key's first object is held alone and a list
  // made on the second: 10,000 one-object lists were most of the cost.
  const group = (keyOf: (o: LiveObject, i: number) => string | undefined): [string, LiveObject[]][] => {
    const first = new Map<string, LiveObject>();
    const shared = new Map<string, LiveObject[]>();
    for (let i = 0; i < inScope.length; i++) {
      const o = inScope[i]!;
      if (o.facts.retired) continue;
      const k = keyOf(o, i);
      if (k === undefined) continue;
      const list = shared.get(k);
      if (list) list.push(o);
      else {
        const one = first.get(k);
        if (one) shared.set(k, [one, o]);
        else first.set(k, o);
      }
    }
    if (shared.size === 0) return [];
    return [...first.keys()].filter((k) => shared.has(k)).map((k) => [k, shared.get(k)!]);
  };
  const byKey = new Map<string, Claim>();
  const byOwner = new Map<string, Claim>();
  const conflicts: Conflict[] = [];
  const seen = new Map<string, Claim>();
  const add = (objects: readonly LiveObject[], into: Map<string, Claim>, k: string): void => {
    const ids = objects.map((o) => o.id).sort();
    const id = ids.join('\0');
    const known = seen.get(id);
    if (known) {
      into.set(k, known);
      return;
    }
    const first = objects.find((o) => o.owner) ?? objects[0]!;
    const kind = first.owner?.kind ?? first.normalized.kind;
    const name = first.owner?.name;
    const what = capabilities[first.normalized.kind]?.apiObject ?? 'object';
    const message =
      `${ids.length} live ${what}s claim ${kind}/${name ?? first.normalized.key}` +
      `${name !== undefined && name !== first.normalized.key ? ` (${first.normalized.key})` : ''}` +
      ` on ${provider}: ${ids.join(', ')}. promoc will not pick one: keep one and delete or ` +
      `archive the others in the API (or remove promoc's marker from them), then plan again.`;
    const claim: Claim = {
      conflict: {
        provider: provider as Conflict['provider'],
        kind,
        ...(name !== undefined ? { name } : {}),
        key: first.normalized.key,
        ids: ids as Conflict['ids'],
        message,
      },
      objects,
    };
    seen.set(id, claim);
    conflicts.push(claim.conflict);
    into.set(k, claim);
  };
  for (const [k, objects] of group((_, i) => keys[i])) add(objects, byKey, k);
  for (const [k, objects] of group((o) => (o.owner ? resourceKey(o.owner) : undefined))) add(objects, byOwner, k);
  const objectsOf = (c: Conflict): readonly LiveObject[] => seen.get(c.ids.join('\0'))?.objects ?? [];
  return { conflicts: conflicts.sort((a, b) => (a.ids[0]! < b.ids[0]! ? -1 : 1)), byKey, byOwner, objectsOf };
}

/**
 * Live objects by match key. Where several share a key (a code reused after archiving), prefer the current one.
 * `keys[i]` is the match key of `inScope[i]`, made once for the index and the claims.
 */
function indexLive(set: LiveSet): { matched: Map<string, LiveObject>; inScope: LiveObject[]; keys: string[] } {
  const matched = new Map<string, LiveObject>();
  const inScope = set.objects.filter((o) => set.kinds.has(o.normalized.kind));
  const keys: string[] = [];
  for (const o of inScope) {
    const k = matchKey(o.normalized.kind, o.normalized.key);
    keys.push(k);
    const seen = matched.get(k);
    if (!seen || rank(o) > rank(seen) || (rank(o) === rank(seen) && retiredLater(o, seen))) matched.set(k, o);
  }
  return { matched, inScope, keys };
}

/**
 * Among retired copies of one key (a promotion archived, copied, archived again), the most recently retired is
 * what re-activating it starts from, so the diff is against it, not the oldest. Providers say when in
 * facts.retiredAt (an ISO instant); on a tie the one read later wins (reads list oldest first).
 */
function retiredLater(o: LiveObject, than: LiveObject): boolean {
  const a = o.facts.retiredAt;
  const b = than.facts.retiredAt;
  return typeof a === 'string' && typeof b === 'string' && Date.parse(a) >= Date.parse(b);
}

function rank(o: LiveObject): number {
  return (o.facts.retired ? 0 : 2) + (o.owner ? 1 : 0);
}

function describe(o: LiveObject): string {
  return o.normalized.key === o.normalized.name ? resourceKey(o.normalized) : `${resourceKey(o.normalized)} (${o.normalized.key})`;
}

function compareActions(a: Action, b: Action): number {
  const deleteA = a.action === 'delete' || (a.action === 'deactivate' && !a.source) ? 1 : 0;
  const deleteB = b.action === 'delete' || (b.action === 'deactivate' && !b.source) ? 1 : 0;
  return (
    PROVIDER_IDS.indexOf(a.provider) - PROVIDER_IDS.indexOf(b.provider) ||
    deleteA - deleteB ||
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
    (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  );
}

export function summarize(actions: readonly Action[]): Summary {
  const s: Summary = { create: 0, update: 0, replace: 0, activate: 0, deactivate: 0, delete: 0, blocked: 0, scheduled: 0, noop: 0, drift: 0, changes: 0 };
  for (const a of actions) {
    s[a.action] += 1;
    if (a.drift) s.drift += 1;
  }
  s.changes = s.create + s.update + s.replace + s.activate + s.deactivate + s.delete;
  return s;
}

/**
 * terraform plan -detailed-exitcode: 0 nothing to do, 2 a non-empty diff (blocked and scheduled changes
 * included), 1 when live objects conflict (two claim one resource): nothing can be applied until a human
 * resolves them.
 */
export function planExitCode(plan: Pick<Plan, 'summary' | 'conflicts'>): 0 | 1 | 2 {
  if ((plan.conflicts ?? []).length > 0) return 1;
  return plan.summary.changes > 0 || plan.summary.blocked > 0 || (plan.summary.scheduled ?? 0) > 0 ? 2 : 0;
}
