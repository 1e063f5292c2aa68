// Base and head tallies side by side: one result per campaign of either bundle, the movers first.
import type { BundleCampaign } from '../generated/bundle.js';
import type { SideAggregator } from './aggregate.js';
import type { BundleChanges } from './changes.js';
import type { CampaignResult, DailySeries, SimulationReport } from './types.js';

const DAY = 86_400_000;

type Compared = Pick<SimulationReport, 'campaigns' | 'totals' | 'geofences' | 'daily'>;

export function compareSides(base: SideAggregator, head: SideAggregator, changes: BundleChanges, days: readonly [number, number] | undefined): Compared {
  const baseStats = base.stats();
  const headStats = head.stats();
  const defs = new Map<string, BundleCampaign>([...base.campaigns, ...head.campaigns].map((c) => [c.id, c]));
  const currency = base.mainCurrency ?? head.mainCurrency ?? 'EUR';
  const campaigns: CampaignResult[] = [...changes.campaigns].map(([id, diff]) => {
    const c = defs.get(id)!;
    const b = baseStats.get(id);
    const h = headStats.get(id);
    return {
      id,
      kind: c.kind,
      name: c.name,
      ...(c.code !== undefined ? { code: c.code } : {}),
      fee: c.fee === true,
      change: diff.change,
      ...(diff.fields ? { fields: [...diff.fields] } : {}),
      ...(b ? { base: b } : {}),
      ...(h ? { head: h } : {}),
    };
  });
  campaigns.sort((x, y) => moved(y, currency) - moved(x, currency) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return {
    campaigns,
    totals: { base: base.totals(), head: head.totals() },
    geofences: [...changes.geofences],
    daily: dailySeries(base, head, campaigns, currency, days),
  };
}

/** How much a campaign moved: its discount delta in the main currency, and any change at all first. */
function moved(r: CampaignResult, currency: string): number {
  const delta = Math.abs((r.head?.amount[currency] ?? 0) - (r.base?.amount[currency] ?? 0));
  return (hasMoved(r) ? 1e15 : 0) + delta;
}

/** Did the campaign's definition or any of its results differ between base and head? */
export function hasMoved(r: CampaignResult): boolean {
  if (r.change !== 'unchanged') return true;
  const a = r.base;
  const b = r.head;
  if (!a || !b) return a !== b;
  return (
    a.redemptions !== b.redemptions ||
    a.customers !== b.customers ||
    JSON.stringify(a.amount) !== JSON.stringify(b.amount) ||
    JSON.stringify(a.credit) !== JSON.stringify(b.credit) ||
    a.exhausted?.at !== b.exhausted?.at
  );
}

function dailySeries(
  base: SideAggregator,
  head: SideAggregator,
  campaigns: readonly CampaignResult[],
  currency: string,
  range: readonly [number, number] | undefined,
): DailySeries {
  if (!range) return { currency, days: [], series: [] };
  const [from, to] = range;
  const days = Array.from({ length: to - from + 1 }, (_, i) => new Date((from + i) * DAY).toISOString().slice(0, 10));
  const values = (side: SideAggregator, id: string): number[] => days.map((_, i) => side.dailyAmount(id, from + i));
  const series = campaigns
    .filter((c) => !c.fee && (base.hasDaily(c.id) || head.hasDaily(c.id)))
    .map((c) => ({ campaign: c.id, base: values(base, c.id), head: values(head, c.id) }));
  return { currency, days, series };
}
