// One authored campaign → its bundle form: defaults filled in (status active, stackable false,
// priority 0), instants as epoch ms, sets sorted, money in minor units. Pure.
import type { BundleCampaign, BundleConditions, BundleLadder, BundleLimits, BundlePhase, BundleSurcharge, BundleWindow } from '../generated/bundle.js';
import type { GeofencePromotion, GeofenceSurcharge, Promotion, Referral } from '../generated/index.js';
import { AUTOMATIC_KINDS, STACKING_KINDS } from '../model/campaign-meaning.js';
import { type CampaignKind, type Located, type ResourceOf, resourceKey } from '../model/resource.js';
import { normalizeBenefits, normalizeMoney, normalizeRate, normalizeScope, type Path, type Report } from './normalize-benefit.js';
import { productOf } from '../model/product.js';
import { campaignRank, compareStrings, sortedSet } from './order.js';

/** Every field some campaign kind has; each kind's schema decides which of them it may carry. */
type AnySpec = Partial<Promotion['spec']> &
  Partial<Pick<GeofencePromotion['spec'], 'zone'>> &
  Partial<Pick<GeofenceSurcharge['spec'], 'surcharge'>> &
  Partial<Pick<Referral['spec'], 'referee'>>;

export function normalizeCampaign(located: Located<ResourceOf<CampaignKind>>, report: Report): BundleCampaign | undefined {
  const r = located.resource;
  const spec = r.spec as unknown as AnySpec;
  const at = (...p: Path): Path => ['spec', ...p];
  let failed = false;
  const ok = <T>(v: T | undefined): T | undefined => {
    if (v === undefined) failed = true;
    return v;
  };

  const authored = r.kind === 'Referral' ? (spec.referee?.benefits ?? []) : r.kind === 'GeofenceSurcharge' ? [] : (spec.benefits ?? []);
  const benefits = ok(normalizeBenefits(authored, r.kind === 'Referral' ? at('referee', 'benefits') : at('benefits'), report)) ?? [];
  const phases = (spec.phases ?? []).map((ph, i): BundlePhase | undefined => {
    const list = normalizeBenefits(ph.benefits, at('phases', i, 'benefits'), report);
    const window = normalizeWindow(ph.window, at('phases', i, 'window'), report);
    return ok(list && window && { name: ph.name, window, benefits: list as BundlePhase['benefits'] });
  });
  const ladder = spec.ladder ? ok(normalizeLadder(spec.ladder, at('ladder'), report)) : undefined;
  const window = ok(normalizeWindow(spec.window, at('window'), report));
  const limits = ok(normalizeLimits(spec.limits, at('limits'), report));
  const conditions = spec.conditions ? ok(normalizeConditions(spec.conditions, at('conditions'), report)) : undefined;
  const surcharge = spec.surcharge ? ok(normalizeSurcharge(spec.surcharge, at('surcharge'), report)) : undefined;
  if (failed || !window || !limits) return undefined;

  const code = spec.code?.toUpperCase();
  const { product } = productOf(r);
  const allBenefits = [...benefits, ...phases.flatMap((p) => p?.benefits ?? []), ...(ladder?.steps ?? []).flatMap((s) => s.benefits)];
  return {
    id: resourceKey(r),
    kind: r.kind,
    name: r.metadata.name,
    ...(spec.displayName !== undefined ? { displayName: spec.displayName } : {}),
    ...(code !== undefined ? { code } : {}),
    status: spec.status ?? 'active',
    ...(product !== undefined ? { product } : {}),
    activation: code !== undefined ? 'code' : AUTOMATIC_KINDS.has(r.kind) ? 'automatic' : 'voucher',
    ...(r.kind === 'GeofenceSurcharge' ? { fee: true } : {}),
    rank: campaignRank(allBenefits),
    priority: spec.stacking?.priority ?? 0,
    stackable: spec.stacking?.stackable ?? !STACKING_KINDS.has(r.kind),
    window,
    audience: {
      userTypes: sortedSet(spec.audience?.userTypes),
      requireTags: sortedSet(spec.audience?.requireTags),
      excludeTags: sortedSet(spec.audience?.excludeTags),
      firstPurchaseOnly: spec.audience?.firstPurchaseOnly ?? false,
    },
    targeting: {
      branches: sortedSet(spec.targeting?.branches),
      vehicleCategories: sortedSet(spec.targeting?.vehicleCategories),
      vehicleTags: sortedSet(spec.targeting?.vehicleTags),
      vehicleIds: sortedSet(spec.targeting?.vehicleIds),
    },
    ...(spec.zone ? { zone: { geofences: sortedSet(spec.zone.geofences) as [string, ...string[]], phase: spec.zone.phase } } : {}),
    ...(conditions ? { conditions } : {}),
    limits,
    benefits,
    ...(phases.length > 0 ? { phases: phases as BundlePhase[] } : {}),
    ...(ladder ? { ladder } : {}),
    ...(surcharge ? { surcharge } : {}),
  };
}

function normalizeWindow(w: { from?: string; until?: string } | undefined, path: Path, report: Report): BundleWindow | undefined {
  const out: BundleWindow = {};
  for (const key of ['from', 'until'] as const) {
    const v = w?.[key];
    if (v === undefined) continue;
    const ms = Date.parse(v);
    if (Number.isNaN(ms)) {
      report.error([...path, key], 'bundle/instant', `"${v}" is not an instant`, 'Write an RFC 3339 date-time with a zone, e.g. 2027-06-01T00:00:00Z.');
      return undefined;
    }
    out[key] = ms;
  }
  if (out.from !== undefined && out.until !== undefined && out.until <= out.from) {
    report.error([...path, 'until'], 'bundle/window', `window ends (${w?.until}) before it starts (${w?.from})`, 'Make `until` later than `from`.');
    return undefined;
  }
  return out;
}

function normalizeLimits(l: AnySpec['limits'], path: Path, report: Report): BundleLimits | undefined {
  const budget = l?.budget ? normalizeMoney(l.budget, [...path, 'budget'], report) : undefined;
  if (l?.budget && !budget) return undefined;
  return {
    ...(l?.redemptions !== undefined ? { redemptions: l.redemptions } : {}),
    ...(l?.perCustomer !== undefined ? { perCustomer: l.perCustomer } : {}),
    ...(budget ? { budget } : {}),
  };
}

function normalizeConditions(c: NonNullable<AnySpec['conditions']>, path: Path, report: Report): BundleConditions | undefined {
  const minimumSpend = c.minimumSpend ? normalizeMoney(c.minimumSpend, [...path, 'minimumSpend'], report) : undefined;
  if (c.minimumSpend && !minimumSpend) return undefined;
  return {
    mode: c.mode ?? 'ALL',
    ...(minimumSpend ? { minimumSpend } : {}),
    customerAttributes: (c.customerAttributes ?? [])
      .map((a) => ({ attribute: a.attribute, equals: a.equals }))
      .sort((a, b) => compareStrings(a.attribute, b.attribute) || compareStrings(a.equals, b.equals)),
    ...(c.usageAtLeast !== undefined ? { usageAtLeast: c.usageAtLeast } : {}),
    ...(c.usageThresholds
      ? {
          usageThresholds: c.usageThresholds
            .map((u) => ({ metric: u.metric, atLeast: u.atLeast }))
            .sort((a, b) => compareStrings(a.metric, b.metric) || a.atLeast - b.atLeast),
        }
      : {}),
    ...(c.quantityAtLeast !== undefined ? { quantityAtLeast: c.quantityAtLeast } : {}),
    ...(c.productCombination ? { products: sortedSet(c.productCombination) } : {}),
    ...(c.externalVerification ? { verification: c.externalVerification.provider } : {}),
    ...(c.firstPurchase === true ? { firstPurchase: true as const } : {}),
    ...(c.plans ? { plans: sortedSet(c.plans) } : {}),
  };
}

function normalizeLadder(l: NonNullable<AnySpec['ladder']>, path: Path, report: Report): BundleLadder | undefined {
  const steps = l.steps.map((s, i) => {
    const benefits = normalizeBenefits(s.benefits, [...path, 'steps', i, 'benefits'], report);
    return benefits && { name: s.name, benefits: benefits as BundleLadder['steps'][number]['benefits'] };
  });
  if (!steps.every((s) => s !== undefined)) return undefined;
  return { archetype: l.archetype, firstStep: l.firstStep ?? 'Step 1', steps: steps as BundleLadder['steps'] };
}

function normalizeSurcharge(s: NonNullable<AnySpec['surcharge']>, path: Path, report: Report): BundleSurcharge | undefined {
  const amount = s.amount ? normalizeMoney(s.amount, [...path, 'amount'], report) : undefined;
  const rate = s.percent !== undefined ? normalizeRate(s.percent, [...path, 'percent'], report) : undefined;
  if ((s.amount && !amount) || (s.percent !== undefined && rate === undefined)) return undefined;
  return { ...(amount ? { amount } : {}), ...(rate !== undefined ? { rate } : {}), scope: normalizeScope(s.appliesTo) };
}
