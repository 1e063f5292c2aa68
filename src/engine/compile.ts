// Bundle campaigns → runtime form, once per load: windows as numbers, zones as geofence indexes,
// formatted money for reasons, the fixed amounts whose currency must match.
import type { BundleBenefit, BundleCampaign, BundleContent, BundleMoney, BundlePhase } from '../generated/bundle.js';
import { formatMinor } from './money.js';
import type { CompiledZone } from './zone.js';

export interface CompiledPhase {
  readonly from: number;
  readonly until: number;
  readonly benefits: readonly BundleBenefit[];
}

/** A fixed amount the campaign uses, for the currency-mismatch check. */
export interface FixedAmount {
  readonly what: string;
  readonly currency: string;
}

export interface CompiledCampaign {
  /** Position in the evaluation order. */
  readonly pos: number;
  readonly src: BundleCampaign;
  readonly id: string;
  readonly from: number;
  readonly until: number;
  readonly zone: CompiledZone | undefined;
  readonly phases: readonly CompiledPhase[];
  readonly fixed: readonly FixedAmount[];
  /** Formatted amounts keyed by what they are, for reasons ("minimumSpend", "budget"). */
  readonly money: Readonly<Record<string, string>>;
  readonly hasAudience: boolean;
  readonly hasTargeting: boolean;
}

export function compileCampaigns(content: BundleContent): CompiledCampaign[] {
  const geofenceIndex = new Map(content.geofences.map((g, i) => [g.name, i]));
  const fmt = (m: BundleMoney): string => `${formatMinor(m.minor, content.currencies[m.currency] ?? 2)} ${m.currency}`;
  return content.campaigns.map((c, pos) => {
    const from = c.window.from ?? -Infinity;
    const until = c.window.until ?? Infinity;
    const money: Record<string, string> = {};
    if (c.limits.budget) money.budget = fmt(c.limits.budget);
    if (c.conditions?.minimumSpend) money.minimumSpend = fmt(c.conditions.minimumSpend);
    const a = c.audience;
    const t = c.targeting;
    return {
      pos,
      src: c,
      id: c.id,
      from,
      until,
      zone: c.zone ? {
        geofences: c.zone.geofences.map((g) => geofenceIndex.get(g) ?? -1).filter((i) => i >= 0),
        phase: c.zone.phase,
        label: c.zone.geofences.join(' or '),
      } : undefined,
      phases: (c.phases ?? []).map(compilePhase),
      fixed: fixedAmounts(c),
      money,
      hasAudience: a.userTypes.length + a.requireTags.length + a.excludeTags.length > 0 || a.firstPurchaseOnly,
      hasTargeting: t.branches.length + t.vehicleCategories.length + t.vehicleTags.length + t.vehicleIds.length > 0,
    };
  });
}

function compilePhase(p: BundlePhase): CompiledPhase {
  return { from: p.window.from ?? -Infinity, until: p.window.until ?? Infinity, benefits: p.benefits };
}

/** Every fixed amount: each must be in the evaluation's currency, since the engine never converts. */
function fixedAmounts(c: BundleCampaign): FixedAmount[] {
  const out: FixedAmount[] = [];
  const add = (benefits: readonly BundleBenefit[]): void => {
    for (const b of benefits) {
      if (b.type === 'amountOff') out.push({ what: 'amount off', currency: b.amount.currency });
      if (b.type === 'credit') out.push({ what: 'credit', currency: b.amount.currency });
    }
  };
  add(c.benefits);
  for (const p of c.phases ?? []) add(p.benefits);
  if (c.surcharge?.amount) out.push({ what: 'surcharge amount', currency: c.surcharge.amount.currency });
  if (c.limits.budget) out.push({ what: 'budget', currency: c.limits.budget.currency });
  if (c.conditions?.minimumSpend) out.push({ what: 'minimum spend', currency: c.conditions.minimumSpend.currency });
  return out;
}
