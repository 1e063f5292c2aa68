// Deciding what applying would do to one resource. Pure: desired entry × live object × capability → Action.
import type { Json } from '../model/canonical.js';
import { diffFields, isUnder, type FieldChange } from './diff.js';
import type { Action, Change, DesiredEntry, PlanOptions } from './plan-types.js';
import type { KindCapability, LiveObject, Provider } from '../providers/provider.js';
import { sha256Text } from '../model/canonical.js';
import { sameText } from './same-text.js';

const STATUS = 'spec.status';

/** Digest of normalized fields. normalizeFields already sorted every key, so JSON.stringify is canonical here. */
export function ownerDigest(fields: { readonly [k: string]: Json }): string {
  return sha256Text(JSON.stringify(fields)).slice(0, 12);
}

function base(provider: string, kind: string, name: string, key: string, cap: KindCapability | undefined) {
  return { provider: provider as Action['provider'], kind, name, key, ...(cap ? { apiObject: cap.apiObject } : {}) };
}

function toChanges(changes: readonly FieldChange[], immutable: (path: string) => string | undefined): Change[] {
  return changes.map((c) => {
    const reason = immutable(c.path);
    return {
      path: c.path,
      ...(c.before !== undefined ? { before: c.before as Change['before'] } : {}),
      ...(c.after !== undefined ? { after: c.after as Change['after'] } : {}),
      ...(reason ? { immutable: reason } : {}),
    };
  });
}

export function createAction(d: DesiredEntry, provider: Provider): Action {
  const fields = d.lowered.normalized.fields;
  const status = statusOf(fields);
  const draftFirst = d.capability.activate && status === 'active';
  return {
    ...base(d.provider, d.located.resource.kind, d.located.resource.metadata.name, d.lowered.normalized.key, d.capability),
    action: 'create',
    source: { file: d.located.source.file, docIndex: d.located.source.docIndex },
    changes: toChanges(diffFields(undefined, fields), () => undefined),
    ...(draftFirst ? { activation: 'activate' as const } : {}),
    desired: fields as Action['desired'],
    payload: provider.stamp(d.lowered.payload, {
      kind: d.located.resource.kind,
      name: d.located.resource.metadata.name,
      digest: d.digest,
    }) as Action['payload'],
  };
}

export function compareAction(d: DesiredEntry, live: LiveObject, provider: Provider, options: PlanOptions): Action {
  const cap = d.capability;
  const desired = d.lowered.normalized.fields;
  // Normalized documents have sorted keys: equal text means nothing to diff (the common case, kept cheap).
  const same = sameText(live.normalized.fields, desired);
  const adopt = live.owner === undefined;
  // The common case of a large plan: nothing below applies to it.
  if (same && (!adopt || !cap.update)) return Object.assign(compareHead(d, live), { action: 'noop' as const, changes: [] });
  const all = same ? [] : diffFields(live.normalized.fields, desired);
  const statusChange = all.find((c) => c.path === STATUS);
  const fieldChanges = cap.activate ? all.filter((c) => c.path !== STATUS) : all;
  const rules = cap.immutable(live);
  const immutableReason = (path: string): string | undefined => rules.find((r) => isUnder(path, r.path))?.reason;
  const changes = toChanges(all, immutableReason);
  const head = compareHead(d, live);
  const views = {
    desired: desired as Action['desired'],
    live: live.normalized.fields as Action['live'],
    payload: provider.stamp(d.lowered.payload, {
      kind: d.located.resource.kind,
      name: d.located.resource.metadata.name,
      digest: d.digest,
    }) as Action['payload'],
  };
  const drift = driftOf(live, d.digest, changes);
  const activation = cap.activate && statusChange ? (statusChange.after === 'active' ? ('activate' as const) : ('deactivate' as const)) : undefined;
  const consequences = activation === 'deactivate' && cap.deactivateConsequence ? { consequences: [cap.deactivateConsequence] } : {};
  const extras = { ...(drift ? { drift } : {}), ...(adopt ? { adopt: true } : {}), ...(activation ? { activation } : {}), ...consequences };
  const locked = changes.filter((c) => c.immutable !== undefined);
  if (locked.length > 0) {
    const replacement = cap.replacement(live);
    const why = `${locked.map((c) => c.path).join(', ')}: ${locked[0]!.immutable!}`;
    if (!replacement) return { ...head, ...extras, ...views, action: 'blocked', changes, reason: cap.update ? why : (cap.noUpdateReason ?? why) };
    if (replacement.destructive && !options.force) {
      return {
        ...head,
        ...extras,
        ...views,
        action: 'blocked',
        changes,
        reason: `${why}. Replacing it would ${replacement.how}, which ${replacement.consequences.join('; ')}. Re-run with --force to accept that.`,
        consequences: [...replacement.consequences],
      };
    }
    return {
      ...head,
      ...extras,
      ...views,
      action: 'replace',
      changes,
      reason: `${why}; promoc will ${replacement.how}`,
      consequences: [...replacement.consequences],
    };
  }
  // Create-only objects that can grow (code batches): more of them is an additional create, less is blocked.
  const more = cap.additional && fieldChanges.length > 0 ? cap.additional(live, d.lowered) : undefined;
  if (typeof more === 'string') return { ...head, ...extras, ...views, action: 'blocked', changes, reason: more };
  if (more)
    return {
      ...head,
      ...extras,
      ...views,
      action: 'create',
      changes,
      reason: more.reason,
      payload: provider.stamp(more.payload, { kind: d.located.resource.kind, name: d.located.resource.metadata.name, digest: d.digest }) as Action['payload'],
    };
  if (fieldChanges.length === 0 && activation) {
    const { activation: _same, ...rest } = extras;
    return { ...head, ...rest, ...views, action: activation, changes };
  }
  if (!cap.update)
    return { ...head, ...extras, ...views, action: 'blocked', changes, reason: cap.noUpdateReason ?? `the API cannot update a ${cap.apiObject}` };
  return { ...head, ...extras, ...views, action: 'update', changes };
}

/** A managed object promoc no longer declares (prune is on): removed as the API allows, refused while redemptions are live. */
export function orphanAction(live: LiveObject, cap: KindCapability, provider: string, options: PlanOptions): Action | undefined {
  const n = live.normalized;
  const head = {
    ...base(provider, n.kind, n.name, n.key, cap),
    liveId: live.id,
    ...(live.version !== undefined ? { liveVersion: live.version } : {}),
    changes: [],
    live: n.fields as Action['live'],
    ...(live.counters.length > 0 ? { counters: live.counters.map((c) => ({ ...c })) } : {}),
  };
  if (cap.delete) {
    if (live.liveRedemptions > 0 && !options.force) {
      return {
        ...head,
        action: 'blocked',
        reason: `deleting would cut off ${live.liveRedemptions} live redemption${live.liveRedemptions === 1 ? '' : 's'}; re-run with --force to delete anyway`,
      };
    }
    return {
      ...head,
      action: 'delete',
      ...(live.liveRedemptions > 0 ? { consequences: [`cuts off ${live.liveRedemptions} live redemption${live.liveRedemptions === 1 ? '' : 's'}`] } : {}),
    };
  }
  if (cap.activate) {
    // Not redeemable, and the API has no call that deletes or archives it in this state (a draft): leaving
    // it marked would warn for ever, so it is released (its marker removed) and left alone, visibly.
    if (statusOf(n.fields) === 'inactive')
      return {
        ...head,
        action: 'deactivate',
        release: true,
        reason:
          `the API can neither delete nor archive an inactive (${String(live.facts.status ?? 'draft')}) ` +
          `${cap.apiObject}; it is not redeemable, so promoc removes its ownership marker and leaves it alone`,
      };
    return {
      ...head,
      action: 'deactivate',
      reason: `the API cannot delete a ${cap.apiObject}; promoc deactivates (archives) it instead`,
      ...(cap.deactivateConsequence ? { consequences: [cap.deactivateConsequence] } : {}),
    };
  }
  return { ...head, action: 'blocked', reason: cap.noDeleteReason ?? `the API cannot delete a ${cap.apiObject}` };
}

type CompareHead = Pick<Action, 'provider' | 'kind' | 'name' | 'key' | 'apiObject' | 'source' | 'liveId' | 'liveVersion' | 'counters'>;

/** What every action on a live object starts with, in the plan's key order; set field by field, not spread (a plan makes 10,000). */
function compareHead(d: DesiredEntry, live: LiveObject): CompareHead {
  const resource = d.located.resource;
  const head: { -readonly [K in keyof CompareHead]: CompareHead[K] } = {
    provider: d.provider as Action['provider'],
    kind: resource.kind,
    name: resource.metadata.name,
    key: d.lowered.normalized.key,
    apiObject: d.capability.apiObject,
    source: { file: d.located.source.file, docIndex: d.located.source.docIndex },
    liveId: live.id,
  };
  if (live.version !== undefined) head.liveVersion = live.version;
  if (live.counters.length > 0) head.counters = live.counters.map((c) => ({ ...c }));
  return head;
}

function driftOf(live: LiveObject, desiredDigest: string, changes: readonly Change[]): Action['drift'] | undefined {
  const recorded = live.owner?.digest;
  if (recorded === undefined || changes.length === 0) return undefined;
  if (ownerDigest(live.normalized.fields) === recorded) return undefined;
  const fields = changes.map((c) => c.path).join(', ');
  return desiredDigest === recorded
    ? { onlyDrift: true, message: `live differs from git: it was edited outside promoc since the last apply; applying reverts ${fields}` }
    : { onlyDrift: false, message: 'live was also edited outside promoc since the last apply; applying overwrites those edits with what git says' };
}

export function statusOf(fields: { readonly [k: string]: Json }): string | undefined {
  const spec = fields.spec as { readonly [k: string]: Json } | undefined;
  return typeof spec?.status === 'string' ? spec.status : undefined;
}
