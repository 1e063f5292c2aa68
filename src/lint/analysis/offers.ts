// Campaigns as offers: the facts eligibility depends on, normalised once so pair checks are cheap set
// tests. A phased Promotion becomes one offer per phase (its window ∩ the phase's, the phase's benefits)
// plus one per gap between phases (its own benefits), as the engine evaluates it. Semantics follow
// the engine, from the same campaign facts (model/campaign-meaning.ts), with one deliberate difference: lint
// assumes one presented code per context (eligibility is the intersection of windows, zones, vehicles and
// codes), where the engine accepts several.
import { AUTOMATIC_KINDS, campaignRank as rankOf, STACKING_KINDS, type Rank } from '../../model/campaign-meaning.js';
import type { AnyResource } from '../../generated/index.js';
import type { DocPath } from '../../model/diagnostic.js';
import { pricingApiOf, productOf, type Product } from '../../model/product.js';
import { ofKind, type Located, type Model, resourceKey } from '../../model/resource.js';
import { isActive, view, windowBounds, type Benefit, type Phase } from './spec-view.js';
import { append } from '../../model/append.js';

export const START = 1;
export const END = 2;

export interface BenefitFacts {
  readonly path: DocPath;
  readonly percentOff: number | undefined;
  /** Price lines it reduces ('pt:TIME_PRICE', 'cs:ADDITION:INSURANCE', effect lines like 'wallet'); null: broad. */
  readonly lines: ReadonlySet<string> | null;
  /** Some line is a RENTAL cost source ('cs:RENTAL:…'), which may be any price type's source. */
  readonly rentalSource: boolean;
  /** Some line is a price type ('pt:…'). */
  readonly priceType: boolean;
  readonly plans: ReadonlySet<string> | null;
  readonly metrics: ReadonlySet<string> | null;
}

export interface GeoFacts {
  readonly geofences: readonly string[];
  readonly phase: Phase;
  /** Rental events that can trigger it: START, END or both (bit mask). */
  readonly sides: number;
}

export type Domain = 'rental' | 'billing' | 'any';
export type { Rank };

export interface Offer {
  readonly id: number;
  /** Campaign index: the offers (phases) of one campaign share it. */
  readonly cid: number;
  readonly at: Located;
  readonly key: string;
  readonly name: string;
  readonly kind: string;
  readonly phase: { readonly index: number; readonly name: string } | undefined;
  readonly from: number;
  readonly until: number;
  /** Identity of the code that must be presented (spec.code or a CodeBatch's codes); null: none. */
  readonly code: string | null;
  /** Reached only through a voucher the customer holds (kinds the engine does not reach automatically). */
  readonly held: boolean;
  /** 'fee' for surcharges (never blocked by stacking), 'pricing' for everything else. */
  readonly trigger: 'pricing' | 'fee';
  /** Rental (zones, vehicles, price lines), billing (plans, metrics, trials) or either. */
  readonly domain: Domain;
  /** The product it prices (src/model/product.ts); null: unknown, meets any. */
  readonly product: Product | null;
  /** The API that applies it (pricingApiOf); null: the engine or unlabelled, meets any. */
  readonly api: string | null;
  readonly userTypes: ReadonlySet<string> | null;
  readonly requireTags: readonly string[];
  readonly excludeTags: ReadonlySet<string>;
  readonly firstPurchaseOnly: boolean;
  /** Canonical JSON of spec.conditions, or null. */
  readonly conditions: string | null;
  readonly branches: ReadonlySet<string> | null;
  readonly categories: ReadonlySet<string> | null;
  readonly vehicleIds: ReadonlySet<string> | null;
  readonly vehicleTags: readonly string[];
  readonly geo: GeoFacts | null;
  readonly benefits: readonly BenefitFacts[];
  /** Some benefit reduces everything (broad, no plan or metric): its scope meets any other. */
  readonly reachesAll: boolean;
  readonly stackable: boolean;
  readonly priority: number;
  /** Evaluation rank, as the bundle orders campaigns: 0 targeted, 1 plan-limited, 2 broad. */
  readonly rank: Rank;
  readonly limited: boolean;
  readonly stacking: boolean;
  readonly surcharge: boolean;
  /** Requires and excludes the same tag: never eligible (audience/contradiction reports it). */
  readonly contradictory: boolean;
}

const SIDES: Readonly<Record<Phase, number>> = {
  START_RENTAL: START,
  END_RENTAL: END,
  START_PLUS_END_RENTAL: START | END,
  START_OR_END_RENTAL: START | END,
  START_AND_END_RENTAL: START | END,
};

interface Slice {
  readonly phase: Offer['phase'];
  readonly window: readonly [number, number];
  readonly benefits: readonly Benefit[];
  readonly path: DocPath;
}

/** Active stacking campaigns and geofence surcharges, as offers. */
export function buildOffers(model: Model): Offer[] {
  const batched = new Set(
    ofKind(model, 'CodeBatch')
      .filter((b) => isActive(b.resource))
      .map((b) => b.resource.spec.campaign),
  );
  const out: Offer[] = [];
  let cid = 0;
  for (const at of model.resources) {
    const r = at.resource;
    if (!isActive(r) || !(STACKING_KINDS.has(r.kind) || r.kind === 'GeofenceSurcharge')) continue;
    const s = view(r);
    const hasCode = s.code !== undefined || (r.kind === 'Promotion' && batched.has(r.metadata.name));
    const rank = campaignRank([...(s.benefits ?? []), ...(s.phases ?? []).flatMap((p) => p.benefits), ...(s.ladder?.steps ?? []).flatMap((st) => st.benefits)]);
    for (const slice of slicesOf(s)) out.push(makeOffer(out.length, cid, at, hasCode, rank, slice));
    cid += 1;
  }
  return out;
}

/**
 * The engine applies the first phase holding the instant, else the campaign's own benefits: one slice per
 * phase (within the window) and one per stretch of the window outside every phase.
 */
function slicesOf(s: ReturnType<typeof view>): Slice[] {
  const [wf, wu] = windowBounds(s.window);
  const own: Slice = { phase: undefined, window: [wf, wu], benefits: s.benefits ?? [], path: ['spec', 'benefits'] };
  if (!s.phases || s.phases.length === 0) return [own];
  const out: Slice[] = [];
  let gaps: (readonly [number, number])[] = [[wf, wu]];
  s.phases.forEach((p, index) => {
    const [pf, pu] = windowBounds(p.window);
    // An earlier phase wins where phases overlap: this one only holds what is still uncovered.
    for (const [gf, gu] of gaps) {
      const from = Math.max(gf, pf);
      const until = Math.min(gu, pu);
      if (from < until) out.push({ phase: { index, name: p.name }, window: [from, until], benefits: p.benefits, path: ['spec', 'phases', index, 'benefits'] });
    }
    gaps = gaps
      .flatMap(
        ([gf, gu]) =>
          [
            [gf, Math.min(gu, pf)],
            [Math.max(gf, pu), gu],
          ] as const,
      )
      .filter(([f, u]) => f < u);
  });
  return [...out, ...gaps.map((window) => ({ ...own, window }))];
}

/** The rank the bundle gives the campaign, from the authored benefits. */
function campaignRank(benefits: readonly Benefit[]): Rank {
  return rankOf(
    benefits.map((b) => {
      const scope = b.appliesTo ?? {};
      return {
        type: BENEFIT_TYPES.find((t) => b[t] !== undefined),
        scope: { priceTypes: scope.priceTypes ?? [], costSources: scope.costSources ?? [], plans: scope.plans ?? [], metrics: scope.metrics ?? [] },
      };
    }),
  );
}

const BENEFIT_TYPES = [
  'percentOff',
  'amountOff',
  'credit',
  'freeMinutes',
  'freeUnlocks',
  'packageDiscount',
  'entitlement',
  'trialExtensionDays',
  'freePeriods',
] as const;

/** Shared by the offers that exclude no tag (most): a set per offer was a tenth of the offers' memory. */
const NO_TAGS: ReadonlySet<string> = new Set();

/** One object literal with every field in a fixed order: offers share a hidden class, which the pair loops need. */
function makeOffer(id: number, cid: number, at: Located, hasCode: boolean, rank: Rank, slice: Slice): Offer {
  const r = at.resource;
  const s = view(r);
  const a = s.audience ?? {};
  const t = s.targeting ?? {};
  const requireTags = a.requireTags ?? [];
  const excludeTags = a.excludeTags && a.excludeTags.length > 0 ? new Set(a.excludeTags) : NO_TAGS;
  const key = resourceKey(r);
  const benefits = slice.benefits.map((b, i) => benefitFacts(b, [...slice.path, i]));
  return {
    id,
    cid,
    at,
    key,
    name: r.metadata.name,
    kind: r.kind,
    phase: slice.phase,
    from: slice.window[0],
    until: slice.window[1],
    code: hasCode ? key : null,
    held: !hasCode && !AUTOMATIC_KINDS.has(r.kind),
    trigger: r.kind === 'GeofenceSurcharge' ? 'fee' : 'pricing',
    domain: domainOf(r, benefits),
    product: productOf(r).product ?? null,
    api: pricingApiOf(r) ?? null,
    userTypes: nonEmptySet(a.userTypes),
    requireTags,
    excludeTags,
    firstPurchaseOnly: a.firstPurchaseOnly === true,
    conditions: s.conditions ? canonical(s.conditions) : null,
    branches: nonEmptySet(t.branches),
    categories: nonEmptySet(t.vehicleCategories),
    vehicleIds: nonEmptySet(t.vehicleIds),
    vehicleTags: t.vehicleTags ?? [],
    geo: s.zone ? { geofences: s.zone.geofences, phase: s.zone.phase, sides: SIDES[s.zone.phase] } : null,
    benefits,
    reachesAll: benefits.some((b) => b.lines === null && b.plans === null && b.metrics === null),
    stackable: s.stacking?.stackable === true,
    priority: s.stacking?.priority ?? 0,
    rank,
    limited: s.limits !== undefined && Object.keys(s.limits).length > 0,
    stacking: STACKING_KINDS.has(r.kind),
    surcharge: r.kind === 'GeofenceSurcharge',
    contradictory: requireTags.some((tag) => excludeTags.has(tag)),
  };
}

/** Does the benefit name the price lines it reduces (price types or cost sources)? */
export function isTargeted(b: Benefit): boolean {
  return (b.appliesTo?.priceTypes?.length ?? 0) > 0 || (b.appliesTo?.costSources?.length ?? 0) > 0;
}

function benefitFacts(b: Benefit, path: DocPath): BenefitFacts {
  const scope = b.appliesTo ?? {};
  const lines = [...(scope.priceTypes ?? []).map((p) => `pt:${p}`), ...(scope.costSources ?? []).map((c) => `cs:${c.group}:${c.code}`)];
  // Without an explicit scope, some effects still reach only one kind of line.
  if (lines.length === 0) append(lines, effectLines(b));
  return {
    path,
    percentOff: b.percentOff,
    lines: lines.length > 0 ? new Set(lines) : null,
    rentalSource: lines.some((l) => l.startsWith('cs:RENTAL:')),
    priceType: lines.some((l) => l.startsWith('pt:')),
    plans: nonEmptySet(scope.plans),
    metrics: nonEmptySet(scope.metrics),
  };
}

function effectLines(b: Benefit): string[] {
  if (b.freeUnlocks !== undefined) return ['pt:UNLOCK_FEE'];
  if (b.entitlement) return [`cs:ADDITION:${b.entitlement.addition}`];
  if (b.packageDiscount !== undefined) return ['package-purchase'];
  if (b.credit) return ['wallet'];
  if (b.trialExtensionDays !== undefined) return ['trial'];
  return [];
}

const RENTAL_KINDS = new Set(['VehiclePromotion', 'GeofencePromotion', 'GeofenceSurcharge']);

/**
 * Price types, cost sources, zones and vehicles only exist on rentals; plans, metrics, trials and billing
 * durations only on subscription invoices. A campaign with neither can meet
 * either; one with both signals is treated as either, conservatively.
 */
function domainOf(r: AnyResource, benefits: readonly BenefitFacts[]): Domain {
  const s = view(r);
  const t = s.targeting ?? {};
  const rental =
    RENTAL_KINDS.has(r.kind) ||
    s.zone !== undefined ||
    [t.branches, t.vehicleCategories, t.vehicleIds, t.vehicleTags].some((x) => x !== undefined && x.length > 0) ||
    benefits.some((b) => b.lines !== null && someLine(b.lines, (l) => l.startsWith('pt:') || l.startsWith('cs:')));
  const billing =
    (r.kind === 'Promotion' && r.spec.duration !== undefined) || benefits.some((b) => b.plans !== null || b.metrics !== null || b.lines?.has('trial') === true);
  return rental === billing ? 'any' : rental ? 'rental' : 'billing';
}

function someLine(lines: ReadonlySet<string>, test: (line: string) => boolean): boolean {
  for (const l of lines) if (test(l)) return true;
  return false;
}

function nonEmptySet<T>(list: readonly T[] | undefined): ReadonlySet<T> | null {
  return list && list.length > 0 ? new Set(list) : null;
}

function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x,
  );
}
