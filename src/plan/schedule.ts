// The clock's part in a plan. Pure: `now` is a number the caller passes. A target that cannot hold a
// campaign's start gets it created at `from` (a `scheduled` create until then, a create once due); one that
// cannot hold its end gets it deleted or deactivated at `until`; a change to a live object on an API with
// scheduled versions (promotions `effective_at`) is written now and published by the target at that instant.
// Whatever a target holds natively (expiration_at, valid_from) stays in the payload and needs no scheduling.
import { utcIso } from '../model/zoned-time.js';
import type { KindCapability, LiveObject, Provider } from '../providers/provider.js';
import { compareAction, createAction } from './actions.js';
import type { Action, DesiredEntry, PlanOptions } from './plan-types.js';

export interface TimedWindow {
  readonly from?: number;
  readonly until?: number;
  readonly timeZone?: string;
}

/** The resource's window as instants (local times were resolved to UTC when the file was loaded). */
export function windowOf(d: DesiredEntry): TimedWindow {
  const w = (d.located.resource.spec as { window?: { from?: string; until?: string; timeZone?: string } }).window;
  if (!w) return {};
  const at = (t: string | undefined): number | undefined => (t === undefined || Number.isNaN(Date.parse(t)) ? undefined : Date.parse(t));
  const from = at(w.from);
  const until = at(w.until);
  return { ...(from !== undefined ? { from } : {}), ...(until !== undefined ? { until } : {}), ...(w.timeZone ? { timeZone: w.timeZone } : {}) };
}

export const holdsStart = (cap: KindCapability): boolean => cap.holds?.start ?? true;
export const holdsEnd = (cap: KindCapability): boolean => cap.holds?.end ?? true;

function schedule(at: number, op: NonNullable<Action['schedule']>['op'], native: boolean, w: TimedWindow): NonNullable<Action['schedule']> {
  return { at: utcIso(at), op, native, ...(w.timeZone ? { timeZone: w.timeZone } : {}) };
}

/** A desired resource with no live object. */
export function plannedCreate(d: DesiredEntry, provider: Provider, now: number): Action {
  const a = createAction(d, provider);
  const w = windowOf(d);
  const cap = d.capability;
  if (!holdsEnd(cap) && w.until !== undefined && w.until <= now) {
    return { ...a, action: 'noop', changes: [], reason: `its window ended at ${utcIso(w.until)}; nothing to create` };
  }
  if (holdsStart(cap) || w.from === undefined) return a;
  if (w.from > now) {
    return {
      ...a,
      action: 'scheduled',
      schedule: schedule(w.from, 'create', false, w),
      reason: `a ${cap.apiObject} has no start date: \`promoc apply --due\` creates it once ${utcIso(w.from)} has come`,
    };
  }
  return { ...a, schedule: schedule(w.from, 'create', false, w) };
}

/** A desired resource matched to a live object; `a` is compareAction's answer when the caller has it already. */
export function plannedCompare(
  d: DesiredEntry,
  live: LiveObject,
  provider: Provider,
  options: PlanOptions,
  now: number,
  a: Action = compareAction(d, live, provider, options),
): Action {
  const cap = d.capability;
  // The window is read only where an instant matters: most targets hold both ends and schedule nothing.
  const ends = !holdsEnd(cap);
  const effective = cap.effectiveAt?.(d.located.resource);
  const w = ends || effective !== undefined ? windowOf(d) : {};
  if (ends && w.until !== undefined) {
    const ended = endAction(a, live, cap, w.until, w, now);
    if (ended) return ended;
  }
  if (cap.draftChange?.(d.located.resource) === true && live.facts.status === 'active' && !a.activation) {
    const drafted = draftAction(a, live, d, cap);
    if (drafted) return drafted;
  }
  if (effective !== undefined && a.action === 'update' && live.facts.status === 'active' && !a.activation) {
    const at = Date.parse(effective);
    if (at > now) {
      const pending = live.scheduled;
      if (pending && pending.digest === d.digest && Date.parse(pending.at) === at) {
        return {
          ...a,
          action: 'scheduled',
          schedule: schedule(at, 'update', true, w),
          reason: `the ${cap.apiObject} holds a scheduled version with these fields; the API publishes it at ${utcIso(at)}`,
        };
      }
      return {
        ...a,
        schedule: schedule(at, 'update', true, w),
        reason: `written as a scheduled version: the API publishes it at ${utcIso(at)} (effective_at); until then the live fields stay`,
      };
    }
  }
  return a;
}

/**
 * A change prepared as a draft version (promotions save_as_draft): written once, then nothing to do while the
 * target holds a draft with these fields. A change only a replace can make cannot be a draft version.
 */
function draftAction(a: Action, live: LiveObject, d: DesiredEntry, cap: KindCapability): Action | undefined {
  if (a.action === 'replace') {
    const { desired: _d, payload: _p, ...rest } = a;
    return {
      ...rest,
      action: 'blocked',
      reason:
        `saveAsDraft prepares a draft version of the live ${cap.apiObject}, but this change ` +
        `needs a replace (${a.reason ?? 'conditions and effects change only on a draft'}): ` +
        `remove saveAsDraft to replace it, or change only what an update may`,
    };
  }
  if (a.action !== 'update') return undefined;
  if (live.draft?.digest === d.digest) {
    return {
      ...a,
      action: 'noop',
      changes: [],
      draft: true,
      reason: `the ${cap.apiObject} holds a draft version with these fields (save_as_draft): the live fields stay until someone publishes it`,
    };
  }
  return { ...a, draft: true, reason: `prepared as a draft version (save_as_draft): the live fields stay until someone publishes it` };
}

/** On a target that cannot hold an end: delete (or deactivate) once `until` has come, scheduled until then. */
function endAction(a: Action, live: LiveObject, cap: KindCapability, until: number, w: TimedWindow, now: number): Action | undefined {
  const op = cap.delete ? ('delete' as const) : cap.activate ? ('deactivate' as const) : undefined;
  const inactive = live.facts.retired === true || (cap.activate && (live.normalized.fields.spec as { status?: unknown } | undefined)?.status === 'inactive');
  if (!op || inactive) return undefined;
  const { desired: _d, payload: _p, activation: _x, ...rest } = a;
  const head = { ...rest, changes: [] };
  if (until <= now)
    return {
      ...head,
      action: op,
      schedule: schedule(until, op, false, w),
      reason: `its window ended at ${utcIso(until)} and a ${cap.apiObject} cannot hold an end: promoc ${op === 'delete' ? 'deletes' : 'deactivates'} it`,
    };
  if (a.action === 'noop')
    return {
      ...a,
      action: 'scheduled',
      schedule: schedule(until, op, false, w),
      reason: `a ${cap.apiObject} cannot hold an end: \`promoc apply --due\` ${op === 'delete' ? 'deletes' : 'deactivates'} it once ${utcIso(until)} has come`,
    };
  return undefined;
}

/** The actions `apply --due` carries out: those the clock made due (never anything scheduled for later). */
export function isDue(a: Pick<Action, 'action' | 'schedule'>): boolean {
  return a.action !== 'scheduled' && a.schedule !== undefined && !a.schedule.native;
}
