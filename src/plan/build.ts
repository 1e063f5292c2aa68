// The pure heart of `promoc plan`: desired entries × live objects → a Plan. Matching is by kind + natural
// key (codes case-insensitively); live objects promoc does not manage are never touched, only counted.
import { PROVIDER_IDS } from '../providers/index.js';
import type { LiveObject, Provider, ProviderId } from '../providers/provider.js';
import { orphanAction } from './actions.js';
import { objectFingerprints, planFingerprint, sourceFingerprint } from './fingerprint.js';
import { plannedCompare, plannedCreate } from './schedule.js';
import { KIND_ORDER, PLAN_FORMAT, type Action, type DesiredEntry, type LiveSet, type Note, type Plan, type PlanOptions, type Source, type Summary } from './model.js';

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
}

const matchKey = (kind: string, key: string): string => `${kind}/${key.toLowerCase()}`;

export function buildPlan(input: BuildInput): Plan {
  const actions: Action[] = [];
  const notes: Note[] = [...(input.notes ?? [])];
  const sources: Source[] = [];
  const now = Date.parse(input.createdAt);
  for (const set of input.live) {
    const provider = input.providers[set.provider];
    if (!provider) continue;
    const desired = input.desired.filter((d) => d.provider === set.provider);
    const { matched, inScope } = indexLive(set);
    const used = new Set<LiveObject>();
    for (const d of desired) {
      const live = matched.get(matchKey(d.located.resource.kind, d.lowered.normalized.key));
      if (live) used.add(live);
      actions.push(live ? plannedCompare(d, live, provider, input.options, now) : plannedCreate(d, provider, now));
    }
    const orphans = inScope.filter((o) => !used.has(o) && o.owner !== undefined && !o.facts.retired);
    if (input.options.prune) {
      for (const o of orphans) {
        const cap = set.capabilities[o.normalized.kind];
        const action = cap ? orphanAction(o, cap, set.provider, input.options) : undefined;
        if (action) actions.push(action);
      }
    } else if (orphans.length > 0) {
      notes.push({ level: 'warn', provider: set.provider, message: `${orphans.length} object${orphans.length === 1 ? ' is' : 's are'} managed by promoc but no longer in the repository; re-run with --prune to remove ${orphans.length === 1 ? 'it' : 'them'}`, resources: orphans.map(describe).sort() });
    }
    const unmanaged = set.objects.filter((o) => o.owner === undefined && !used.has(o)).length;
    if (unmanaged > 0) notes.push({ level: 'info', provider: set.provider, message: `${unmanaged} live object${unmanaged === 1 ? ' is' : 's are'} not managed by promoc and ${unmanaged === 1 ? 'was' : 'were'} left alone` });
    const fingerprints = objectFingerprints(set.objects);
    sources.push({
      provider: set.provider,
      baseUrl: set.baseUrl,
      ...(set.organization ? { organization: set.organization } : {}),
      objects: set.objects.length,
      managed: set.objects.filter((o) => o.owner !== undefined).length,
      pages: set.pages,
      requests: set.requests,
      fingerprint: sourceFingerprint(fingerprints),
      objectFingerprints: fingerprints,
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
    summary: summarize(actions),
    actions,
    notes,
  };
}

/** Live objects by match key. Where several share a key (a code reused after archiving), prefer the current one. */
function indexLive(set: LiveSet): { matched: Map<string, LiveObject>; inScope: LiveObject[] } {
  const matched = new Map<string, LiveObject>();
  const inScope = set.objects.filter((o) => set.kinds.has(o.normalized.kind));
  for (const o of inScope) {
    const k = matchKey(o.normalized.kind, o.normalized.key);
    const seen = matched.get(k);
    if (!seen || rank(o) > rank(seen)) matched.set(k, o);
  }
  return { matched, inScope };
}

function rank(o: LiveObject): number {
  return (o.facts.retired ? 0 : 2) + (o.owner ? 1 : 0);
}

function describe(o: LiveObject): string {
  return o.normalized.key === o.normalized.name ? `${o.normalized.kind}/${o.normalized.name}` : `${o.normalized.kind}/${o.normalized.name} (${o.normalized.key})`;
}


function compareActions(a: Action, b: Action): number {
  const deleteA = a.action === 'delete' || (a.action === 'deactivate' && !a.source) ? 1 : 0;
  const deleteB = b.action === 'delete' || (b.action === 'deactivate' && !b.source) ? 1 : 0;
  return PROVIDER_IDS.indexOf(a.provider) - PROVIDER_IDS.indexOf(b.provider)
    || deleteA - deleteB
    || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind)
    || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
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

/** terraform plan -detailed-exitcode: 0 nothing to do, 2 a non-empty diff (blocked and scheduled changes included). */
export function planExitCode(plan: Pick<Plan, 'summary'>): 0 | 2 {
  return plan.summary.changes > 0 || plan.summary.blocked > 0 || (plan.summary.scheduled ?? 0) > 0 ? 2 : 0;
}
