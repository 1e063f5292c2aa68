// Bundle campaigns → runtime form, once per load: windows as numbers, zones as geofence indexes,
// formatted money for reasons, the fixed amounts whose currency must match.
//
// The evaluator reads only this form, never the parsed bundle: a campaign's rules are a few compact
// objects instead of a graph of a dozen small ones spread over the heap (each empty list in the
// JSON is an array of its own), so checking a campaign touches a few cache lines, not a dozen.
// Empty lists become one shared array, and absent rules `undefined`, so most checks end at a field.
import type {
  BundleAudience,
  BundleBenefit,
  BundleCampaign,
  BundleConditions,
  BundleContent,
  BundleLimits,
  BundleLadder,
  BundleMoney,
  BundlePhase,
  BundleScope,
  BundleSurcharge,
  BundleTargeting,
} from '../generated/bundle.js';
import type { Rejection } from './evaluation.js';
import { formatMinor } from './money.js';
import type { CompiledZone } from './zone.js';

// Not frozen: a frozen array is a different kind of array to V8, and mixing both kinds in the same
// fields made loading slower (readonly types keep it unchanged).
const NONE: readonly never[] = [];

type ReadonlyLists<T> = { readonly [K in keyof T]: T[K] extends readonly (infer E)[] ? readonly E[] : T[K] };
export type Audience = ReadonlyLists<BundleAudience>;
export type Targeting = ReadonlyLists<BundleTargeting>;
/** A scope; `broad` when every list is empty (the common case). */
export type Scope = ReadonlyLists<BundleScope> & { readonly broad: boolean };
const BROAD: Scope = { broad: true, priceTypes: NONE, costSources: NONE, plans: NONE, metrics: NONE };

/** A bundle benefit whose scope, when it has one, is compiled. */
export type CompiledBenefit = BundleBenefit extends infer B
  ? B extends { scope: BundleScope }
    ? Omit<B, 'scope'> & { readonly scope: Scope }
    : B extends { scope?: BundleScope }
      ? Omit<B, 'scope'> & { readonly scope?: Scope }
      : B
  : never;

export interface CompiledPhase {
  readonly from: number;
  readonly until: number;
  readonly benefits: readonly CompiledBenefit[];
}

export type CompiledSurcharge = Omit<BundleSurcharge, 'scope'> & { readonly scope: Scope };

/** A fixed amount the campaign uses, for the currency-mismatch check. */
export interface FixedAmount {
  readonly what: string;
  readonly currency: string;
}

// Fields in the order the evaluator reads them: what every reached campaign is checked against first.
export interface CompiledCampaign {
  /** Position in the evaluation order. */
  readonly pos: number;
  readonly id: string;
  readonly active: boolean;
  /** undefined: any product. */
  readonly product: string | undefined;
  readonly from: number;
  readonly until: number;
  /**
   * Every campaign's [from, until) at [2 × pos, 2 × pos + 1], one array shared by all: a number field of an
   * object is a separate box, a memory read more per reached campaign than this dense array.
   */
  readonly windows: Float64Array;
  /** undefined: no audience rule. */
  readonly audience: Audience | undefined;
  /** undefined: no targeting. */
  readonly targeting: Targeting | undefined;
  readonly zone: CompiledZone | undefined;
  readonly fixed: readonly FixedAmount[];
  /** The currency of every fixed amount; undefined without any, '' when they differ (no context matches that). */
  readonly fixedCurrency: string | undefined;
  readonly conditions: BundleConditions | undefined;
  /** undefined: no limit. */
  readonly limits: BundleLimits | undefined;
  readonly fee: boolean;
  readonly stackable: boolean;
  readonly benefits: readonly CompiledBenefit[];
  readonly phases: readonly CompiledPhase[];
  /** A ladder's steps after the first (`benefits`); a customer's n-th redemption is on step n. */
  readonly ladder: readonly (readonly CompiledBenefit[])[] | undefined;
  /** The fewest free periods a freePeriod benefit grants; undefined without one. */
  readonly freePeriods: number | undefined;
  readonly surcharge: CompiledSurcharge | undefined;
  readonly kind: BundleCampaign['kind'];
  readonly name: string;
  readonly code: string | undefined;
  readonly src: BundleCampaign;
  /** Formatted amounts keyed by what they are, for reasons ("minimumSpend", "budget"). */
  readonly money: Readonly<Record<string, string>>;
  /** Reasons a rejection repeats, built on first use: "window starts …" / "window ends …" (see eligibility.ts). */
  startsReason: string | undefined;
  endsReason: string | undefined;
  /** "exclusive campaign <this> applied first", "not stackable, and <this> applied first" (see evaluate.ts). */
  exclusiveReason: string | undefined;
  firstReason: string | undefined;
  /** This campaign's rejection without a reason (`explain: false`), one frozen object for every evaluation. */
  unexplained: Rejection | undefined;
}

export function compileCampaigns(content: BundleContent): CompiledCampaign[] {
  const geofenceIndex = new Map(content.geofences.map((g, i) => [g.name, i]));
  const windows = new Float64Array(content.campaigns.length * 2);
  const fmt = (m: BundleMoney): string => `${formatMinor(m.minor, content.currencies[m.currency] ?? 2)} ${m.currency}`;
  return content.campaigns.map((c, pos) => {
    const money: Record<string, string> = {};
    if (c.limits.budget) money.budget = fmt(c.limits.budget);
    if (c.conditions?.minimumSpend) money.minimumSpend = fmt(c.conditions.minimumSpend);
    const a = c.audience;
    const t = c.targeting;
    const l = c.limits;
    const fixed = fixedAmounts(c);
    windows[pos * 2] = c.window.from ?? -Infinity;
    windows[pos * 2 + 1] = c.window.until ?? Infinity;
    return {
      pos,
      id: c.id,
      active: c.status === 'active',
      product: c.product,
      from: c.window.from ?? -Infinity,
      until: c.window.until ?? Infinity,
      windows,
      audience:
        a.userTypes.length + a.requireTags.length + a.excludeTags.length > 0 || a.firstPurchaseOnly
          ? { userTypes: list(a.userTypes), requireTags: list(a.requireTags), excludeTags: list(a.excludeTags), firstPurchaseOnly: a.firstPurchaseOnly }
          : undefined,
      targeting:
        t.branches.length + t.vehicleCategories.length + t.vehicleTags.length + t.vehicleIds.length > 0
          ? { branches: list(t.branches), vehicleCategories: list(t.vehicleCategories), vehicleTags: list(t.vehicleTags), vehicleIds: list(t.vehicleIds) }
          : undefined,
      zone: c.zone
        ? {
            geofences: c.zone.geofences.map((g) => geofenceIndex.get(g) ?? -1).filter((i) => i >= 0),
            phase: c.zone.phase,
            label: c.zone.geofences.join(' or '),
          }
        : undefined,
      fixed: fixed.length > 0 ? fixed : NONE,
      fixedCurrency: fixed.length === 0 ? undefined : fixed.every((f) => f.currency === fixed[0]!.currency) ? fixed[0]!.currency : '',
      conditions: c.conditions,
      limits: l.redemptions !== undefined || l.perCustomer !== undefined || l.budget !== undefined ? l : undefined,
      fee: Boolean(c.fee),
      stackable: c.stackable,
      benefits: c.benefits.map(compileBenefit),
      phases: c.phases && c.phases.length > 0 ? c.phases.map(compilePhase) : NONE,
      ladder: c.ladder ? compileLadder(c.ladder) : undefined,
      freePeriods: freePeriodsOf(c),
      surcharge: c.surcharge ? { ...c.surcharge, scope: compileScope(c.surcharge.scope) } : undefined,
      kind: c.kind,
      name: c.name,
      code: c.code,
      src: c,
      money,
      startsReason: undefined,
      endsReason: undefined,
      exclusiveReason: undefined,
      firstReason: undefined,
      unexplained: undefined,
    };
  });
}

function list<T>(xs: readonly T[]): readonly T[] {
  return xs.length > 0 ? xs : NONE;
}

function compileScope(s: BundleScope): Scope {
  // The shape check does not look inside scopes: a malformed one is kept as it is, to fail (or not)
  // only when a line is matched against it, as it always has.
  if (!(s && Array.isArray(s.priceTypes) && Array.isArray(s.costSources) && Array.isArray(s.plans) && Array.isArray(s.metrics))) return s as unknown as Scope;
  if (s.priceTypes.length + s.costSources.length + s.plans.length + s.metrics.length === 0) return BROAD;
  return { broad: false, priceTypes: list(s.priceTypes), costSources: list(s.costSources), plans: list(s.plans), metrics: list(s.metrics) };
}

function compileBenefit(b: BundleBenefit): CompiledBenefit {
  // Only a rental-time credit has an optional scope; without one it is a claim-time grant.
  if (!('scope' in b) || b.scope === undefined) return b as CompiledBenefit;
  return { ...b, scope: compileScope(b.scope) } as CompiledBenefit;
}

function compileLadder(l: BundleLadder): readonly (readonly CompiledBenefit[])[] {
  return Array.isArray(l.steps) ? l.steps.map((s) => (Array.isArray(s.benefits) ? s.benefits.map(compileBenefit) : s.benefits)) : NONE;
}

export function freePeriodsOf(c: BundleCampaign): number | undefined {
  const all = [...c.benefits, ...(c.phases ?? []).flatMap((p) => p.benefits ?? []), ...(c.ladder?.steps ?? []).flatMap((s) => s.benefits ?? [])];
  let fewest: number | undefined;
  for (const b of all) if (b.type === 'freePeriod' && (fewest === undefined || b.periods < fewest)) fewest = b.periods;
  return fewest;
}

function compilePhase(p: BundlePhase): CompiledPhase {
  // Like a malformed scope, phase benefits that are not a list fail only when the phase is used.
  const benefits = Array.isArray(p.benefits) ? p.benefits.map(compileBenefit) : p.benefits;
  return { from: p.window.from ?? -Infinity, until: p.window.until ?? Infinity, benefits };
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
  for (const s of c.ladder?.steps ?? []) add(s.benefits);
  if (c.surcharge?.amount) out.push({ what: 'surcharge amount', currency: c.surcharge.amount.currency });
  if (c.limits.budget) out.push({ what: 'budget', currency: c.limits.budget.currency });
  if (c.conditions?.minimumSpend) out.push({ what: 'minimum spend', currency: c.conditions.minimumSpend.currency });
  return out;
}
