// Upcoming launches and expiries, per target, for reviewers: which instants the merged campaigns will start
// or end at, in UTC and in the author's zone, and who carries each one out (the target itself, promoc's
// scheduler `apply --due`, or the engine bundle). Pure: `now` is passed in.
import { type Model, resourceKey } from '../model/resource.js';
import { PROVIDER_IDS, providerFor } from '../providers/index.js';
import type { ProviderId } from '../providers/provider.js';
import type { ScheduleRow } from './types.js';

export function upcomingSchedule(model: Model, now: number): ScheduleRow[] {
  const rows: ScheduleRow[] = [];
  for (const { resource } of model.resources) {
    const w = (resource.spec as { window?: { from?: string; until?: string; timeZone?: string } }).window;
    if (!w) continue;
    const target = resource.metadata.labels?.target ?? 'engine';
    const cap = (PROVIDER_IDS as readonly string[]).includes(target) ? providerFor(target as ProviderId).capabilities.kinds[resource.kind] : undefined;
    for (const [event, text] of [
      ['launch', w.from],
      ['expiry', w.until],
    ] as const) {
      const at = text === undefined ? NaN : Date.parse(text);
      if (!Number.isFinite(at) || at <= now) continue;
      const native = event === 'launch' ? (cap?.holds?.start ?? true) : (cap?.holds?.end ?? true);
      const by = !cap ? 'engine bundle' : native ? 'target' : 'promoc apply --due';
      rows.push({ target, resource: resourceKey(resource), event, at, by, ...(w.timeZone ? { timeZone: w.timeZone } : {}) });
    }
  }
  return rows.sort(
    (a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : 0) || a.at - b.at || (a.resource < b.resource ? -1 : a.resource > b.resource ? 1 : 0),
  );
}
