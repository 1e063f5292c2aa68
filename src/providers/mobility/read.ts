// Live mobility objects → normalized resources. Ids are mapped back to names (tags through the annotation
// list, branches and categories through the target's references); percentage discounts come back from
// fractions; the embedded geofence is canonicalized to one MultiPolygon. `raiseVoucherable` also reads
// lower's payloads, so both sides of the diff go through it.
import type { Kind } from '../../generated/index.js';
import { canonicalAmount, digest, fractionToPercent, sortedSet, type Json } from '../../model/canonical.js';
import { normalizeFields } from '../../model/normalize.js';
import type { HttpClient } from '../http/client.js';
import { readNumberedPages } from '../http/paginate.js';
import { nameFromKey, splitMarker } from '../ownership.js';
import type { Counter, LiveObject, LiveRead, Normalized, Ownership } from '../provider.js';
import { TYPE_TO_KIND } from './capabilities.js';
import { codeBatchObjects } from './code-batch.js';
import { fromId, type MobilityRefs } from './refs.js';
import { raiseTypeFields } from './type-fields.js';
import { append } from '../../model/append.js';

type Obj = Readonly<Record<string, unknown>>;

export interface RaiseContext {
  readonly refs: MobilityRefs;
  readonly currency: string;
  /** Annotation id (or a `{ $tag }` placeholder) → tag name. */
  tagName(ref: unknown): string;
}

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const ids = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Any Polygon / MultiPolygon → one MultiPolygon with its polygons in canonical order. */
export function canonicalArea(g: unknown): Json {
  if (!g || typeof g !== 'object') return null;
  const geo = g as { type?: unknown; coordinates?: unknown };
  const polygons = geo.type === 'Polygon' ? [geo.coordinates] : geo.type === 'MultiPolygon' && Array.isArray(geo.coordinates) ? geo.coordinates : [];
  return { type: 'MultiPolygon', coordinates: sortedSet(polygons as Json[]) };
}

function raiseBenefit(b: Obj, ctx: RaiseContext): Record<string, Json> {
  const money = (v: unknown): Json => ({ amount: canonicalAmount(Number(v ?? 0), ctx.currency), currency: ctx.currency });
  const out: Record<string, Json> = {};
  switch (b.type) {
    case 'Discount':
      out.percentOff = fractionToPercent(Number(b.discount ?? 0));
      break;
    case 'DiscountOnPackages':
      out.packageDiscount = fractionToPercent(Number(b.discount ?? 0));
      break;
    case 'RentalRebate':
      out.amountOff = money(b.rentalRebate);
      break;
    case 'Value':
      out.credit = money(b.value);
      break;
    case 'FreeMinutes':
      out.freeMinutes = num(b.freeMinutes);
      break;
    case 'FreeUnlocks':
      out.freeUnlocks = num(b.freeUnlocks);
      break;
    case 'AdditionEntitlement':
      out.entitlement = {
        addition: fromId(ctx.refs, 'additions', Number(b.additionId)),
        requireTags: ids(b.requiredAnnotationIds).map(ctx.tagName),
        excludeTags: ids(b.prohibitedAnnotationIds).map(ctx.tagName),
      };
      break;
    default:
      out[`unsupported:${String(b.type)}`] = b as Json;
  }
  const costSources = ids(b.costSources).flatMap((s) => ids((s as Obj).sourceCodes).map((code) => ({ group: String((s as Obj).group), code: String(code) })));
  out.appliesTo = { priceTypes: b.applicablePriceType ? [String(b.applicablePriceType)] : [], costSources };
  out.rentals = num(b.numberOfRentals);
  out.validForDays = num(b.validityDays);
  out.window = { from: (b.validFrom as string | null) ?? null, until: (b.validUntil as string | null) ?? null };
  out.branches = ids(b.applicableBranchIds).map((id) => fromId(ctx.refs, 'branches', Number(id)));
  out.vehicleCategories = ids(b.applicableVehicleCategoryIds).map((id) => fromId(ctx.refs, 'vehicleCategories', Number(id)));
  return out;
}

export function raiseVoucherable(o: Obj, ctx: RaiseContext): { normalized: Normalized; owner?: Ownership } | undefined {
  const kind = TYPE_TO_KIND[String(o.type)];
  if (!kind) return undefined;
  const { text, owner } = splitMarker(o.description as string | null);
  const raw = ids(o.benefits).map((b) => raiseBenefit(b as Obj, ctx));
  const referrer = kind === 'Referral' ? ids(o.referrerBenefits).map((b) => raiseBenefit(b as Obj, ctx)) : [];
  // Vehicle categories are per benefit in the API and per campaign in promoc: lift them when all agree.
  const all = [...raw, ...referrer];
  const categories = new Set(all.map((b) => JSON.stringify([...(b.vehicleCategories as string[])].sort())));
  const lifted = categories.size === 1 ? ((all[0]?.vehicleCategories as string[] | undefined) ?? []) : [];
  if (categories.size === 1) for (const b of all) delete b.vehicleCategories;
  let surcharge: Json = null;
  let benefits: Json[] = raw;
  if (kind === 'GeofenceSurcharge') {
    const fee = raw.find((b) => isObj(b.amountOff) && String((b.amountOff as Obj).amount).startsWith('-'));
    if (fee) {
      surcharge = { amount: { amount: String((fee.amountOff as Obj).amount).slice(1), currency: ctx.currency } };
      benefits = raw.filter((b) => b !== fee);
    }
  }
  const price = typeof o.price === 'number' ? { amount: canonicalAmount(o.price, ctx.currency), currency: ctx.currency } : null;
  const code = typeof o.code === 'string' ? o.code : null;
  const name = String(o.name ?? '');
  const fields = normalizeFields({
    spec: {
      code,
      status: o.state === 'ACTIVE' ? 'active' : 'inactive',
      displayName: name,
      publicDescription: text,
      window: { from: (o.validFrom as string | null) ?? null, until: (o.validUntil as string | null) ?? null },
      limits: { redemptions: num(o.redeemLimit), perCustomer: num(o.redeemLimitPerUser) },
      audience: { requireTags: ids(o.guserRequiredAnnotationIds).map(ctx.tagName), excludeTags: ids(o.guserProhibitedAnnotationIds).map(ctx.tagName) },
      targeting: {
        branches: ids(o.applicableBranchIds).map((id) => fromId(ctx.refs, 'branches', Number(id))),
        vehicleCategories: lifted,
        vehicleTags: ids(o.vehicleAnnotationIds).map(ctx.tagName),
        vehicleIds: ids(o.vehicleIds).map(String),
      },
      visibility: o.showInUserApp === false ? 'hidden' : 'public',
      price,
      [kind === 'RidePass' ? 'renewal' : 'interval']: (o.interval as string | null) ?? null,
      zone: { phase: (o.applicableRentalType as string | null) ?? null, area: canonicalArea(o.geofence) },
      surcharge,
      // A SignupReferral's benefits are the referee's (promoc: spec.referee.benefits); the referrer's are apart.
      ...(kind === 'Referral' ? { referee: { benefits } } : { benefits }),
      ...raiseTypeFields(kind, o, ctx.currency, () => referrer),
      providers: { mobility: { businessUnit: fromId(ctx.refs, 'businessUnits', Number(o.businessUnitId ?? ctx.refs.defaultBusinessUnit)) } },
    },
  });
  const key = code ?? owner?.name ?? nameFromKey(name);
  return { normalized: { kind, name: owner?.name ?? nameFromKey(code ?? name), key, fields }, ...(owner ? { owner } : {}) };
}

export function raiseAnnotation(o: Obj): { normalized: Normalized; owner?: Ownership } {
  const { text, owner } = splitMarker(o.description as string | null);
  const name = String(o.name);
  return {
    normalized: { kind: 'Tag', name, key: name, fields: normalizeFields({ spec: { type: String(o.type ?? 'TAG'), description: text } }) },
    ...(owner ? { owner } : {}),
  };
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

async function list(client: HttpClient, path: string, size: number): Promise<{ items: Obj[]; pages: number }> {
  return readNumberedPages(async (page) => {
    const res = await client.request({ method: 'GET', path, query: { page, size, sort: 'id,asc' } });
    const total = Number(res.headers.get('x-pagination-totalpages') ?? '1');
    return { items: Array.isArray(res.body) ? (res.body as Obj[]) : [], totalPages: Number.isFinite(total) ? total : 1 };
  });
}

export async function readMobility(client: HttpClient, options: { pageSize?: number; currency?: string; refs: MobilityRefs }): Promise<LiveRead> {
  const size = Math.min(options.pageSize ?? 1000, 5000);
  const [annotations, templates, vouchers, summary] = await Promise.all([
    list(client, '/annotations', size),
    list(client, '/voucherables', size),
    list(client, '/vouchers/constraint-vouchers', size),
    client.request({ method: 'GET', path: '/vouchers/redeemable/summary' }),
  ]);
  const names = new Map(annotations.items.map((a) => [Number(a.id), String(a.name)]));
  const ctx: RaiseContext = { refs: options.refs, currency: options.currency ?? 'EUR', tagName: (id) => names.get(Number(id)) ?? `#${String(id)}` };
  const active = new Map<number, number>();
  for (const v of vouchers.items) if (v.state === 'ACTIVE') active.set(Number(v.voucherableId), (active.get(Number(v.voucherableId)) ?? 0) + 1);
  const objects: LiveObject[] = [];
  // A code batch names its template by id; promoc names it by the template's metadata.name.
  const campaigns = new Map<number, string>();
  for (const a of annotations.items) {
    const { normalized, owner } = raiseAnnotation(a);
    objects.push({
      id: `annotation:${String(a.id)}`,
      normalized,
      ...(owner ? { owner } : {}),
      counters: [],
      liveRedemptions: 0,
      facts: { apiId: Number(a.id) },
      fingerprint: digest(a, 16),
    });
  }
  for (const t of templates.items) {
    const raised = raiseVoucherable(t, ctx);
    if (!raised) continue;
    const n = active.get(Number(t.id)) ?? 0;
    const counters: Counter[] = n > 0 ? [{ name: 'activeVouchers', value: n, text: `${n} issued voucher${n === 1 ? '' : 's'} still active` }] : [];
    objects.push({
      id: `voucherable:${String(t.id)}`,
      normalized: raised.normalized,
      ...(raised.owner ? { owner: raised.owner } : {}),
      counters,
      liveRedemptions: n,
      facts: { apiId: Number(t.id), state: String(t.state ?? 'INACTIVE') },
      fingerprint: digest(t, 16),
    });
    campaigns.set(Number(t.id), raised.normalized.name);
  }
  const batches = ((summary.body as { batches?: unknown } | undefined)?.batches ?? []) as Obj[];
  append(
    objects,
    codeBatchObjects(Array.isArray(batches) ? batches : [], (id) => campaigns.get(id) ?? `#${id}`),
  );
  return { objects, pages: annotations.pages + templates.pages + vouchers.pages + 1 };
}

export type { Kind };
