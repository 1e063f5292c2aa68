// What the plan renderers share: action symbols and labels, one-line value formatting, resource titles.
// Pure helpers; they never compute anything a plan does not already say.
import type { Action, Plan } from '../generated/plan.js';
import { localIso } from '../model/zoned-time.js';
import { timeUntil } from '../model/time-until.js';
import { resourceKey } from '../model/resource.js';

export type ActionKind = Action['action'];

export const SYMBOL: Readonly<Record<ActionKind, string>> = {
  create: '+',
  update: '~',
  replace: '-/+',
  delete: '-',
  activate: '>',
  deactivate: '<',
  blocked: '!',
  scheduled: '@',
  noop: ' ',
};

export const VERB: Readonly<Record<ActionKind, string>> = {
  create: 'create',
  update: 'update',
  replace: 'replace',
  delete: 'delete',
  activate: 'activate',
  deactivate: 'deactivate',
  blocked: 'blocked',
  scheduled: 'scheduled',
  noop: 'no change',
};

export function title(a: Pick<Action, 'kind' | 'name' | 'key'>): string {
  return a.key === a.name ? resourceKey(a) : `${resourceKey(a)} (${a.key})`;
}

/** A value on one line: strings quoted, geometries summarised, long JSON cut. */
export function formatValue(v: unknown, max = 120): string {
  if (v === undefined) return '(absent)';
  if (isGeometry(v)) return summarizeGeometry(v);
  const text = JSON.stringify(v) ?? String(v);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function isGeometry(v: unknown): v is { type: string; coordinates: unknown[] } {
  return (
    typeof v === 'object' &&
    v !== null &&
    ((v as { type?: unknown }).type === 'Polygon' || (v as { type?: unknown }).type === 'MultiPolygon') &&
    Array.isArray((v as { coordinates?: unknown }).coordinates)
  );
}

export function summarizeGeometry(g: { type: string; coordinates: unknown[] }): string {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const points = (polygons as unknown[][][]).reduce((n, p) => n + p.reduce((m, ring) => m + (ring as unknown[]).length, 0), 0);
  return `<${g.type}: ${polygons.length} polygon${polygons.length === 1 ? '' : 's'}, ${points} points>`;
}

export function summaryLine(plan: Pick<Plan, 'summary'>): string {
  const s = plan.summary;
  const parts = [`${s.create} to create`, `${s.update} to update`, `${s.replace} to replace`, `${s.delete} to delete`];
  if (s.activate > 0) parts.push(`${s.activate} to activate`);
  if (s.deactivate > 0) parts.push(`${s.deactivate} to deactivate`);
  if ((s.scheduled ?? 0) > 0) parts.push(`${s.scheduled} scheduled`);
  parts.push(`${s.blocked} blocked`, `${s.noop} unchanged`);
  return `Plan: ${parts.join(', ')}.${s.drift > 0 ? ` ${s.drift} drifted (edited outside promoc).` : ''}`;
}

export function isEmpty(plan: Pick<Plan, 'summary' | 'conflicts'>): boolean {
  return plan.summary.changes === 0 && plan.summary.blocked === 0 && (plan.summary.scheduled ?? 0) === 0 && (plan.conflicts ?? []).length === 0;
}

/**
 * When an action's clock part happens, for people: the UTC instant, how far it is from the plan's instant,
 * and the author's local time when the window named a zone. `create at 2027-03-28T01:00:00Z (in 2 h; 03:00 in Europe/Berlin)`.
 */
export function scheduleText(a: Pick<Action, 'action' | 'schedule'>, planAt: string): string | undefined {
  const s = a.schedule;
  if (!s) return undefined;
  const local = s.timeZone ? `; ${localIso(Date.parse(s.at), s.timeZone).replace('T', ' ')} in ${s.timeZone}` : '';
  const when = `${s.at} (${timeUntil(s.at, planAt)}${local})`;
  if (a.action === 'scheduled')
    return s.native ? `${s.op} at ${when}, by the target itself (scheduled version)` : `${s.op} at ${when}, by \`promoc apply --due\``;
  return s.native ? `takes effect at ${when} (the target publishes it then)` : `due since ${when}`;
}
