// Desired resources → mobility payloads: voucherables for campaigns, annotations for tags. Percentages become
// fractions (25 → 0.25), money major-unit numbers in the tenant currency, names become ids (refs.ts), the
// geofences of a zone are merged into the one geometry a template carries.
import type { AnyResource, Model } from '../../model/resource.js';
import { percentToFraction, type Json } from '../../model/canonical.js';
import { apiInstant, blankDisplayName, issueAt, majorNumber, unsupportedFields, type FieldRules } from '../lowering.js';
import { appendMarker, MARKER_MAX_LENGTH } from '../ownership.js';
import type { LowerIssue, LowerResult, Lowered, Ownership } from '../provider.js';
import { activationGaps } from './activation.js';
import { KIND_TO_TYPE } from './capabilities.js';
import { lowerCodeBatch } from './code-batch.js';
import { raiseAnnotation, raiseVoucherable, type RaiseContext } from './read.js';
import { toId, type MobilityRefs, type RefTable } from './refs.js';
import { STACKING_HINT, STACKING_KINDS, voucherableRules } from './rules.js';
import { lowerTypeFields } from './type-fields.js';
import { append } from '../../model/append.js';

// `subjects` says where a tag is meant to be used; promoc checks references against it and the API does not
// restrict annotations to subjects, so it is promoc-side metadata: accepted, not sent, not compared.
const TAG_RULES: FieldRules = {
  apiName: 'an annotation',
  allowed: ['spec.type', 'spec.description', 'spec.subjects'],
  hints: {},
};

export interface MobilityLowerContext {
  readonly model: Model;
  readonly currency: string;
  readonly refs: MobilityRefs;
}

export function lowerMobility(resource: AnyResource, ctx: MobilityLowerContext): LowerResult {
  if (resource.kind === 'Tag') return lowerTag(resource);
  if (resource.kind === 'CodeBatch') return lowerCodeBatch(resource);
  if (KIND_TO_TYPE[resource.kind] === undefined)
    return { ok: false, issues: [issueAt(['kind'], 'kind', voucherableRules(resource.kind), `the mobility API has no ${resource.kind} template`)] };
  return lowerVoucherable(resource, ctx);
}

function lowerTag(r: Extract<AnyResource, { kind: 'Tag' }>): LowerResult {
  const issues = [...unsupportedFields(r, TAG_RULES)];
  if ((r.spec.description?.length ?? 0) + MARKER_MAX_LENGTH > 500)
    issues.push(
      issueAt(['spec', 'description'], 'spec.description', TAG_RULES, "an annotation description holds 500 characters including promoc's ownership marker"),
    );
  if (issues.length > 0) return { ok: false, issues };
  const payload: Record<string, Json> = { name: r.metadata.name, type: r.spec.type, ...(r.spec.description ? { description: r.spec.description } : {}) };
  return { ok: true, value: { payload, normalized: raiseAnnotation(payload).normalized } };
}

type Spec = Record<string, unknown>;

function lowerVoucherable(r: AnyResource, ctx: MobilityLowerContext): LowerResult {
  const rules = voucherableRules(r.kind);
  const issues: LowerIssue[] = [...unsupportedFields(r, rules)];
  const at = (path: (string | number)[], generic: string, message: string, hint: string): void => {
    issues.push(issueAt(path, generic, { ...rules, hints: { [generic]: hint } }, message));
  };
  const s = r.spec as Spec;
  blankDisplayName(s.displayName, 'the mobility API', issues);
  const stacking = checkStacking(r);
  if (stacking) issues.push(stacking);
  const id = (table: RefTable, name: string, path: (string | number)[]): number => {
    const found = toId(ctx.refs, table, name);
    if (found === undefined)
      at(
        path,
        `spec.${table}`,
        `"${name}" is not a known ${table} id of this target`,
        `Map it under the target's mobility references (${table}), or write the numeric id.`,
      );
    return found ?? 0;
  };
  const money = (m: { amount: string; currency: string } | undefined, path: (string | number)[]): number | null => {
    if (!m) return null;
    if (m.currency !== ctx.currency)
      at(path, 'spec.money', `amounts are in the tenant currency ${ctx.currency}, not ${m.currency}`, `Write it in ${ctx.currency}.`);
    if (majorNumber(m.amount) === undefined)
      at(
        [...path, 'amount'],
        'spec.money',
        `${m.amount} ${m.currency} has too many digits to send exactly as a number`,
        'The mobility API takes amounts as JSON numbers in major units; use an amount of at most 15 significant digits.',
      );
    return Number(m.amount);
  };
  const window = (s.window ?? {}) as { from?: string; until?: string };
  const targeting = (s.targeting ?? {}) as { branches?: string[]; vehicleCategories?: string[]; vehicleTags?: string[]; vehicleIds?: string[] };
  const categories = (targeting.vehicleCategories ?? []).map((c, i) => id('vehicleCategories', c, ['spec', 'targeting', 'vehicleCategories', i]));
  const list = (r.kind === 'Referral' ? ((s.referee as Spec | undefined)?.benefits ?? []) : (s.benefits ?? [])) as Spec[];
  const benefitsPath = r.kind === 'Referral' ? ['spec', 'referee', 'benefits'] : ['spec', 'benefits'];
  const campaignScope: CampaignScope = { categories, categoryNames: targeting.vehicleCategories ?? [], branchNames: targeting.branches ?? [], window };
  const lowerList = (items: readonly Spec[], path: (string | number)[]): Json[] =>
    items.map((b, i) => lowerBenefit(b, [...path, i], campaignScope, s.validForDays as number | undefined, { at, id, money, issues }));
  const benefits: Json[] = lowerList(list, benefitsPath);
  const surcharge = (s.surcharge as { amount?: { amount: string; currency: string } } | undefined)?.amount;
  if (surcharge) {
    const fee = money(surcharge, ['spec', 'surcharge', 'amount']) ?? 0;
    if (fee === 0)
      at(
        ['spec', 'surcharge', 'amount', 'amount'],
        'spec.surcharge.amount',
        'a surcharge of zero: the mobility API takes a surcharge amount other than 0',
        'Give an amount above zero, or remove the surcharge.',
      );
    benefits.push({ type: 'RentalRebate', rentalRebate: -fee });
  }
  const mobility = ((s.providers as Spec | undefined)?.mobility ?? {}) as { showInUserApp?: boolean; businessUnit?: string };
  const hidden = s.visibility === 'hidden';
  if (mobility.showInUserApp === true && hidden)
    at(
      ['spec', 'visibility'],
      'spec.visibility',
      'visibility hidden contradicts providers.mobility.showInUserApp: true',
      'Keep one of them: hidden means showInUserApp false.',
    );
  if (s.visibility === 'internal')
    at(
      ['spec', 'visibility'],
      'spec.visibility',
      'a voucherable has no internal visibility: showInUserApp only shows or hides it in the user app',
      'Use visibility hidden (showInUserApp false); customer-care agents grant hidden templates too.',
    );
  const zone = s.zone as { geofences: string[]; phase: string } | undefined;
  const limits = (s.limits ?? {}) as { redemptions?: number; perCustomer?: number };
  const audience = (s.audience ?? {}) as { requireTags?: string[]; excludeTags?: string[] };
  const description = (s.publicDescription as string | undefined) ?? r.metadata.description ?? null;
  const descriptionAt = s.publicDescription !== undefined ? ['spec', 'publicDescription'] : ['metadata', 'description'];
  if ((description?.length ?? 0) + MARKER_MAX_LENGTH > 2000)
    at(
      descriptionAt,
      descriptionAt.join('.'),
      "the description holds 2000 characters including promoc's ownership marker",
      `Shorten it to ${2000 - MARKER_MAX_LENGTH} characters.`,
    );
  if (limits.redemptions !== undefined && limits.perCustomer !== undefined && limits.perCustomer > limits.redemptions)
    at(
      ['spec', 'limits', 'perCustomer'],
      'spec.limits.perCustomer',
      `redeemLimitPerUser ${limits.perCustomer} would exceed redeemLimit ${limits.redemptions}, which the API refuses`,
      'Keep limits.perCustomer at most limits.redemptions.',
    );
  const payload: Record<string, Json> = {
    type: KIND_TO_TYPE[r.kind] ?? r.kind,
    name: (s.displayName as string | undefined) ?? r.metadata.name,
    description,
    code: (s.code as string | undefined) ?? null,
    businessUnitId: mobility.businessUnit
      ? id('businessUnits', mobility.businessUnit, ['spec', 'providers', 'mobility', 'businessUnit'])
      : ctx.refs.defaultBusinessUnit,
    validFrom: window.from !== undefined ? apiInstant(window.from, ['spec', 'window', 'from'], 'the mobility API', issues) : null,
    validUntil: window.until !== undefined ? apiInstant(window.until, ['spec', 'window', 'until'], 'the mobility API', issues) : null,
    applicableBranchIds: (targeting.branches ?? []).map((b, i) => id('branches', b, ['spec', 'targeting', 'branches', i])),
    showInUserApp: mobility.showInUserApp ?? !hidden,
    guserRequiredAnnotationIds: (audience.requireTags ?? []).map((t) => ({ $tag: t })),
    guserProhibitedAnnotationIds: (audience.excludeTags ?? []).map((t) => ({ $tag: t })),
    benefits,
    redeemLimit: limits.redemptions ?? null,
    redeemLimitPerUser: limits.perCustomer ?? null,
    price: money(s.price as { amount: string; currency: string } | undefined, ['spec', 'price']),
    interval: ((s.interval ?? s.renewal) as string | undefined) ?? null,
    applicableRentalType: zone?.phase ?? null,
    geofence: zone ? zoneGeometry(zone.geofences, ctx.model) : null,
    vehicleAnnotationIds: targeting.vehicleTags ? targeting.vehicleTags.map((t) => ({ $tag: t })) : null,
    vehicleIds: targeting.vehicleIds
      ? targeting.vehicleIds.map((v, i) => {
          if (!/^\d+$/.test(v))
            at(
              ['spec', 'targeting', 'vehicleIds', i],
              'spec.targeting.vehicleIds',
              `vehicle id "${v}" is not numeric`,
              'The mobility API names vehicles by numeric id.',
            );
          return Number(v);
        })
      : null,
    ...lowerTypeFields(r.kind, s, { money, benefits: lowerList }),
  };
  append(issues, activationGaps(r, payload));
  if (issues.length > 0) return { ok: false, issues };
  const raiseCtx: RaiseContext = { refs: ctx.refs, currency: ctx.currency, tagName: (ref) => String((ref as { $tag?: unknown }).$tag ?? ref) };
  const raised = raiseVoucherable({ ...payload, state: (s.status ?? 'active') === 'active' ? 'ACTIVE' : 'INACTIVE' }, raiseCtx);
  if (!raised) return { ok: false, issues: [issueAt(['kind'], 'kind', rules, `the mobility API has no ${r.kind} template`)] };
  return { ok: true, value: { payload, normalized: { ...raised.normalized, name: r.metadata.name, key: (s.code as string | undefined) ?? r.metadata.name } } };
}

/**
 * The mobility pricing engine combines every benefit a customer holds (targeted before broad). A campaign that
 * says so (`stackable: true`, no priority) is expressible; `stackable: false` and priorities are caught by the
 * field rules. Leaving `stacking` out means non-stackable for the kinds whose schema has it, which the API
 * cannot do either: said here, since an absent field is not visited by the rules.
 */
function checkStacking(r: AnyResource): LowerIssue | undefined {
  if (!STACKING_KINDS.has(r.kind)) return undefined;
  const stacking = (r.spec as { stacking?: { stackable?: boolean } }).stacking;
  if (stacking?.stackable !== undefined) return undefined;
  return {
    path: stacking ? ['spec', 'stacking'] : ['spec'],
    field: stacking ? 'spec.stacking.stackable' : 'spec.stacking',
    message:
      `it is absent, which makes a ${r.kind} non-stackable; the mobility pricing ` +
      `engine always combines the benefits a customer holds (targeted before broad)`,
    hint: STACKING_HINT,
  };
}

interface Helpers {
  readonly issues: LowerIssue[];
  at(path: (string | number)[], generic: string, message: string, hint: string): void;
  id(table: RefTable, name: string, path: (string | number)[]): number;
  money(m: { amount: string; currency: string } | undefined, path: (string | number)[]): number | null;
}

/** What the campaign says once for all its benefits: a benefit may narrow it, never widen it. */
interface CampaignScope {
  readonly categories: readonly number[];
  readonly categoryNames: readonly string[];
  readonly branchNames: readonly string[];
  readonly window: { readonly from?: string; readonly until?: string };
}

function lowerBenefit(b: Spec, path: (string | number)[], campaign: CampaignScope, validForDays: number | undefined, h: Helpers): Json {
  const out: Record<string, Json> = {};
  if (b.percentOff !== undefined) Object.assign(out, { type: 'Discount', discount: percentToFraction(b.percentOff as number) });
  else if (b.packageDiscount !== undefined) Object.assign(out, { type: 'DiscountOnPackages', discount: percentToFraction(b.packageDiscount as number) });
  else if (b.amountOff !== undefined) Object.assign(out, { type: 'RentalRebate', rentalRebate: positive(h, b.amountOff as Money, [...path, 'amountOff']) });
  else if (b.credit !== undefined) Object.assign(out, { type: 'Value', value: positive(h, b.credit as Money, [...path, 'credit']) });
  else if (b.freeMinutes !== undefined) Object.assign(out, { type: 'FreeMinutes', freeMinutes: b.freeMinutes as number });
  else if (b.freeUnlocks !== undefined) Object.assign(out, { type: 'FreeUnlocks', freeUnlocks: b.freeUnlocks as number });
  else if (b.entitlement !== undefined) {
    const e = b.entitlement as { addition: string; requireTags?: string[]; excludeTags?: string[] };
    Object.assign(out, { type: 'AdditionEntitlement', additionId: h.id('additions', e.addition, [...path, 'entitlement', 'addition']) });
    // Annotation gates on the related model (the addition): only matching customers are entitled to it.
    if (e.requireTags?.length) out.requiredAnnotationIds = e.requireTags.map((t) => ({ $tag: t }));
    if (e.excludeTags?.length) out.prohibitedAnnotationIds = e.excludeTags.map((t) => ({ $tag: t }));
  }
  const scope = (b.appliesTo ?? {}) as { priceTypes?: string[]; costSources?: { group: string; code: string }[] };
  if ((scope.priceTypes?.length ?? 0) > 1)
    h.at(
      [...path, 'appliesTo', 'priceTypes'],
      'spec.benefits[].appliesTo',
      'a mobility benefit targets one applicablePriceType',
      'Split the benefit into one per price type.',
    );
  if (scope.priceTypes?.[0]) out.applicablePriceType = scope.priceTypes[0];
  if (scope.costSources) {
    const groups = new Map<string, string[]>();
    for (const c of scope.costSources) groups.set(c.group, [...(groups.get(c.group) ?? []), c.code]);
    out.costSources = [...groups.entries()].map(([group, sourceCodes]) => ({ group, sourceCodes }));
  }
  if (b.rentals !== undefined) out.numberOfRentals = b.rentals as number;
  const days = (b.validForDays as number | undefined) ?? validForDays;
  if (days !== undefined) out.validityDays = days;
  const window = b.window as { from?: string; until?: string } | undefined;
  if (window?.from !== undefined) out.validFrom = apiInstant(window.from, [...path, 'window', 'from'], 'the mobility API', h.issues);
  if (window?.until !== undefined) out.validUntil = apiInstant(window.until, [...path, 'window', 'until'], 'the mobility API', h.issues);
  const branches = b.branches as string[] | undefined;
  if (branches) {
    const outside = campaign.branchNames.length > 0 ? branches.findIndex((x) => !campaign.branchNames.includes(x)) : -1;
    if (outside >= 0)
      h.at(
        [...path, 'branches', outside],
        'spec.benefits[].branches',
        `branch "${branches[outside]}" is not one of the campaign's branches (${campaign.branchNames.join(', ')}): the benefit could never apply there`,
        'Give the benefit branches within spec.targeting.branches, or add the branch to the campaign.',
      );
    out.applicableBranchIds = branches.map((x, i) => h.id('branches', x, [...path, 'branches', i]));
  }
  const own = b.vehicleCategories as string[] | undefined;
  if (own) {
    const outside = campaign.categoryNames.length > 0 ? own.findIndex((x) => !campaign.categoryNames.includes(x)) : -1;
    if (outside >= 0)
      h.at(
        [...path, 'vehicleCategories', outside],
        'spec.benefits[].vehicleCategories',
        `vehicle category "${own[outside]}" is not one of the campaign's (${campaign.categoryNames.join(', ')}` +
          `): the API keeps categories per benefit, so it would widen the campaign`,
        'Give the benefit categories within spec.targeting.vehicleCategories, or leave targeting.vehicleCategories out and give each benefit its own.',
      );
    out.applicableVehicleCategoryIds = own.map((x, i) => h.id('vehicleCategories', x, [...path, 'vehicleCategories', i]));
  } else if (campaign.categories.length > 0) out.applicableVehicleCategoryIds = [...campaign.categories];
  return out;
}

type Money = { amount: string; currency: string };

/** A benefit amount: the API takes amounts above zero (a surcharge's, negative, not zero). */
function positive(h: Helpers, m: Money, path: (string | number)[]): number | null {
  const value = h.money(m, path);
  if (value === 0)
    h.at(
      [...path, 'amount'],
      'spec.benefits[]',
      'an amount of zero: the mobility API takes benefit amounts above 0',
      'Give an amount above zero, or remove the benefit.',
    );
  return value;
}

/** The union of the zone's geofences as one MultiPolygon (polygons as they are, in name order). */
function zoneGeometry(names: readonly string[], model: Model): Json {
  const coordinates = [...names].sort().flatMap((n) => (model.geometries.get(n) ?? []) as unknown as Json[]);
  return { type: 'MultiPolygon', coordinates };
}

export function stampMobility(payload: Lowered['payload'], owner: Required<Ownership>): Record<string, Json> {
  return { ...payload, description: appendMarker(payload.description as string | null | undefined, owner) };
}
