// Campaign windows for the timeline views: every campaign of the head, plus those the change removes,
// each marked with how the change touches it. Pure.
import type { Bundle } from '../generated/bundle.js';
import type { ChangedCampaign, TimelineRow } from './types.js';
import { maxOf, minOf } from '../model/append.js';

export function timelineRows(head: Bundle, base: Bundle | undefined, changes: readonly ChangedCampaign[]): TimelineRow[] {
  const changed = new Map(changes.map((c) => [c.id, c.change]));
  const rows: TimelineRow[] = head.content.campaigns.map((c) => row(c.id, c.window, c.status === 'active', changed.get(c.id)));
  for (const c of base?.content.campaigns ?? []) {
    if (changed.get(c.id) === 'removed') rows.push(row(c.id, c.window, c.status === 'active', 'removed'));
  }
  return rows.sort((a, b) => (a.from ?? -Infinity) - (b.from ?? -Infinity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function row(id: string, w: { from?: number; until?: number }, active: boolean, change: ChangedCampaign['change'] | undefined): TimelineRow {
  return { id, ...(w.from !== undefined ? { from: w.from } : {}), ...(w.until !== undefined ? { until: w.until } : {}), active, ...(change ? { change } : {}) };
}

/** The months the timeline spans: from the earliest bounded instant to the latest, at most `max` months. */
export function timelineMonths(rows: readonly TimelineRow[], max = 24): number[] {
  const bounds = rows.flatMap((r) => [r.from, r.until]).filter((t): t is number => t !== undefined);
  if (bounds.length === 0) return [];
  const first = new Date(minOf(bounds));
  const last = maxOf(bounds);
  const months: number[] = [];
  for (let m = 0; months.length < max; m++) {
    const start = Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + m, 1);
    if (start >= last) break;
    months.push(start);
  }
  return months;
}

/** How much of [start, end) the row covers: 'full', 'part' or 'none'. */
export function coverageOf(r: TimelineRow, start: number, end: number): 'full' | 'part' | 'none' {
  const from = r.from ?? -Infinity;
  const until = r.until ?? Infinity;
  if (until <= start || from >= end) return 'none';
  return from <= start && until >= end ? 'full' : 'part';
}
