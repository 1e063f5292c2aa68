// What the session generator draws from, read off the campaigns: user types, tags, codes by business
// line, vouchers customers may hold, zones, branches, vehicle categories, plans and metrics, and the
// month when the most campaigns run. Pure.
import { bboxOf } from '../geo/index.js';
import type { BBox, MultiPolygonCoords } from '../geo/index.js';
import { isCampaign, type Model, resourceKey } from '../model/resource.js';
import { maxOf, minOf } from '../model/append.js';

export type BusinessLine = 'mobility' | 'ev' | 'billing';

export interface Catalog {
  readonly userTypes: readonly string[];
  readonly customerTags: readonly string[];
  readonly vehicleTags: readonly string[];
  readonly codes: Readonly<Record<BusinessLine, readonly string[]>>;
  /** Campaign ids (Kind/name) a customer can hold a voucher of. */
  readonly vouchers: readonly string[];
  readonly zones: readonly { readonly name: string; readonly bbox: BBox; readonly coordinates: MultiPolygonCoords }[];
  readonly branches: readonly string[];
  readonly categories: readonly string[];
  readonly plans: readonly string[];
  readonly metrics: readonly string[];
  readonly currency: string;
  /** UTC epoch ms of the first day of the month with the most campaigns running at mid-month. */
  readonly busiestMonth: number;
}

const VOUCHER_KINDS = new Set(['Package', 'Subscription', 'RidePass', 'Reward', 'Referral', 'CustomerCare', 'Triggered', 'PricedPromotion']);

export function catalogOf(model: Model): Catalog {
  const names = (kind: string): string[] => model.resources.filter((r) => r.resource.kind === kind).map((r) => r.resource.metadata.name);
  const tags = model.resources.filter((r) => r.resource.kind === 'Tag').map((r) => r.resource as { metadata: { name: string }; spec: { subjects?: string[] } });
  const codes: Record<BusinessLine, string[]> = { mobility: [], ev: [], billing: [] };
  const vouchers: string[] = [];
  const branches = new Set<string>();
  const categories = new Set<string>();
  const plans = new Set<string>();
  const metrics = new Set<string>();
  const currencies = new Map<string, number>();
  const windows: { from: number; until: number }[] = [];
  for (const { resource: r } of model.resources) {
    if (!isCampaign(r)) continue;
    const spec = r.spec as Record<string, unknown> & {
      code?: string;
      status?: string;
      window?: { from?: string; until?: string };
      targeting?: { branches?: string[]; vehicleCategories?: string[] };
      benefits?: unknown[];
    };
    if (spec.status === 'inactive') continue;
    const line = lineOf(r.metadata.labels?.['business-line'], r.metadata.labels?.target);
    if (typeof spec.code === 'string') codes[line].push(spec.code);
    else if (VOUCHER_KINDS.has(r.kind)) vouchers.push(resourceKey(r));
    for (const b of spec.targeting?.branches ?? []) branches.add(b);
    for (const c of spec.targeting?.vehicleCategories ?? []) categories.add(c);
    collect(spec, plans, metrics, currencies);
    windows.push({ from: Date.parse(spec.window?.from ?? '') || -Infinity, until: Date.parse(spec.window?.until ?? '') || Infinity });
  }
  return {
    userTypes: names('UserType'),
    customerTags: tags.filter((t) => (t.spec.subjects ?? ['user']).some((s) => s !== 'vehicle')).map((t) => t.metadata.name),
    vehicleTags: tags.filter((t) => (t.spec.subjects ?? []).includes('vehicle')).map((t) => t.metadata.name),
    codes,
    vouchers,
    zones: [...model.geometries].map(([name, coordinates]) => ({ name, coordinates, bbox: bboxOf(coordinates) })).filter((z) => z.coordinates.length > 0),
    branches: branches.size > 0 ? [...branches].sort() : ['default'],
    categories: categories.size > 0 ? [...categories].sort() : ['e-scooter'],
    plans: [...plans].sort(),
    metrics: [...metrics].sort(),
    currency: [...currencies].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? 'EUR',
    busiestMonth: busiestMonth(windows),
  };
}

function lineOf(businessLine: string | undefined, target: string | undefined): BusinessLine {
  if (businessLine === 'ev' || target === 'ev-billing') return 'ev';
  if (businessLine === 'billing' || target === 'lago' || target === 'promotions') return 'billing';
  return 'mobility';
}

/** Plans, metrics and currencies anywhere in a spec (benefit scopes, amounts, budgets). */
function collect(value: unknown, plans: Set<string>, metrics: Set<string>, currencies: Map<string, number>): void {
  if (Array.isArray(value)) {
    for (const v of value) collect(v, plans, metrics, currencies);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const o = value as Record<string, unknown>;
  if (Array.isArray(o.plans)) for (const p of o.plans) if (typeof p === 'string') plans.add(p);
  if (Array.isArray(o.metrics)) for (const m of o.metrics) if (typeof m === 'string') metrics.add(m);
  if (typeof o.currency === 'string' && typeof o.amount === 'string') currencies.set(o.currency, (currencies.get(o.currency) ?? 0) + 1);
  for (const v of Object.values(o)) if (typeof v === 'object') collect(v, plans, metrics, currencies);
}

/** The month (from the earliest bounded window on) whose 15th has the most windows open; ties go to the earlier. */
export function busiestMonth(windows: readonly { from: number; until: number }[]): number {
  const bounds = windows.flatMap((w) => [w.from, w.until]).filter(Number.isFinite);
  if (bounds.length === 0) return Date.UTC(2027, 0, 1);
  const first = new Date(minOf(bounds));
  const last = new Date(maxOf(bounds));
  let best = Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1);
  let bestCount = -1;
  for (let y = first.getUTCFullYear(), m = first.getUTCMonth(); Date.UTC(y, m, 1) <= last.getTime(); m += 1) {
    const mid = Date.UTC(y, m, 15, 12);
    const count = windows.filter((w) => w.from <= mid && mid < w.until).length;
    if (count > bestCount) {
      bestCount = count;
      best = Date.UTC(y, m, 1);
    }
  }
  return best;
}
