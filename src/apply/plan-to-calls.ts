// Plan → call graph. Pure. Each changed resource becomes a chain of calls (delete before create in a
// replace, create before activate, deactivate before delete); reference data (user types, tags, geofences)
// goes before every campaign of the same API, since campaigns name them. Unchanged and blocked resources
// are listed as untouched, with the plan's reason.
import type { Action, Plan } from '../generated/plan.js';
import type { Json } from '../model/canonical.js';
import type { ProviderId } from '../providers/provider.js';
import { isDue } from '../plan/schedule.js';
import { writesFor } from '../providers/index.js';
import { CALLS_FORMAT, isReferenceKind, type CallGraph, type Step, type TouchedResource, type Untouched } from './call-graph.js';
import { resourceKey } from '../model/resource.js';

const stepId = (n: number): string => `s${String(n).padStart(4, '0')}`;

function expectOf(a: Action): TouchedResource['expect'] {
  if (a.action === 'delete') return 'absent';
  if (a.release) return 'released';
  if (a.action === 'update' && a.schedule?.native) return 'scheduled';
  if (a.action === 'update' && a.draft === true) return 'drafted';
  if (a.action === 'deactivate' && a.desired === undefined) return 'inactive';
  return 'present';
}

function touched(a: Action): TouchedResource {
  return {
    provider: a.provider,
    kind: a.kind,
    name: a.name,
    key: a.key,
    action: a.action,
    ...(a.liveId !== undefined ? { liveId: a.liveId } : {}),
    ...(a.desired !== undefined ? { desired: a.desired as { readonly [k: string]: Json } } : {}),
    expect: expectOf(a),
    ...(a.schedule?.native ? { effectiveAt: a.schedule.at } : {}),
  };
}

function untouched(a: Action, reason?: string): Untouched {
  const why = reason ?? a.reason;
  return {
    provider: a.provider,
    kind: a.kind,
    name: a.name,
    action: a.action,
    ...(a.liveId !== undefined ? { liveId: a.liveId } : {}),
    ...(why ? { reason: why } : {}),
  };
}

export interface CompileResult {
  readonly graph: CallGraph;
  /** Actions the plan wants but no API call can carry out (a bug or a plan from another promoc). */
  readonly unsupported: readonly Untouched[];
}

export interface CompileOptions {
  /** `apply --due`: only the actions the clock made due; everything else is left for a reviewed apply. */
  readonly dueOnly?: boolean;
}

export function compileCalls(plan: Plan, options: CompileOptions = {}): CompileResult {
  const resources: TouchedResource[] = [];
  const steps: Step[] = [];
  const skipped: Untouched[] = [];
  const unsupported: Untouched[] = [];
  const chains: { first: number; last: string; provider: ProviderId; reference: boolean; key: string; length: number }[] = [];
  for (const a of plan.actions) {
    if (a.action === 'noop' || a.action === 'blocked' || a.action === 'scheduled') {
      skipped.push(untouched(a));
      continue;
    }
    if (options.dueOnly && !isDue(a)) {
      skipped.push(untouched(a, 'not due: `apply --due` carries out only what the clock made due; apply the reviewed plan for this change'));
      continue;
    }
    const drafts = writesFor(a.provider).calls(a);
    if (!drafts || drafts.length === 0) {
      unsupported.push(untouched(a, `promoc has no ${a.provider} call for "${a.action}" of a ${a.kind}`));
      continue;
    }
    const resource = resources.push(touched(a)) - 1;
    const first = steps.length;
    let previous: string | undefined;
    for (const d of drafts) {
      const id = stepId(steps.length + 1);
      steps.push({ ...d, id, resource, after: previous ? [previous] : [] });
      previous = id;
    }
    chains.push({ first, last: previous!, provider: a.provider, reference: isReferenceKind(a.kind), key: resourceKey(a), length: drafts.length });
  }
  // Campaigns wait for every reference resource of their API (a template naming a tag needs its id), and a
  // step naming another resource in its body (a code batch's template) waits for that resource's calls.
  const byKey = new Map(chains.map((c) => [`${c.provider}:${c.key}`, c]));
  const referenceLasts = new Map<ProviderId, string[]>();
  for (const c of chains) if (c.reference) referenceLasts.set(c.provider, [...(referenceLasts.get(c.provider) ?? []), c.last]);
  const adapterRefs = (provider: ProviderId, body: Json | undefined): readonly string[] =>
    body === undefined ? [] : (writesFor(provider).references?.(body) ?? []);
  for (const chain of chains) {
    const named = steps.slice(chain.first, chain.first + chain.length).flatMap((s) => adapterRefs(chain.provider, s.body));
    const refs = [
      ...(chain.reference ? [] : (referenceLasts.get(chain.provider) ?? [])),
      ...named
        .map((k) => byKey.get(`${chain.provider}:${k}`))
        .filter((c): c is (typeof chains)[number] => c !== undefined && c !== chain)
        .map((c) => c.last),
    ];
    if (refs.length === 0) continue;
    const head = steps[chain.first]!;
    steps[chain.first] = { ...head, after: [...new Set([...head.after, ...refs])] };
  }
  return {
    graph: {
      format: CALLS_FORMAT,
      target: plan.target,
      planFingerprint: plan.fingerprint,
      planCreatedAt: plan.createdAt,
      resources,
      steps,
      untouched: [...skipped],
    },
    unsupported,
  };
}

/** `<kind>/<name>` → live id, per provider, for every resource the plan read. */
export function knownIds(graph: CallGraph): Map<ProviderId, Map<string, string>> {
  const out = new Map<ProviderId, Map<string, string>>();
  const add = (provider: ProviderId, kind: string, name: string, liveId: string | undefined): void => {
    if (liveId === undefined) return;
    const m = out.get(provider) ?? new Map<string, string>();
    m.set(`${kind}/${name}`, liveId);
    out.set(provider, m);
  };
  for (const u of graph.untouched) add(u.provider, u.kind, u.name, u.liveId);
  for (const r of graph.resources) if (r.action !== 'replace' && r.action !== 'delete') add(r.provider, r.kind, r.name, r.liveId);
  return out;
}
