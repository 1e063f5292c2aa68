// A context narrowed by every offer added to it: the witness that a whole group of offers can be eligible
// at once (stacking/excessive-combined-discount). Pairwise compatibility is not enough for groups: three
// zones can overlap two by two without a common point, so the zones are intersected for real.
import type { Atlas } from '../../../src/geo/index.js';
import { END, START, type Offer } from '../../../src/lint/analysis/offers.js';

export interface Context {
  readonly code: string | null;
  readonly domain: Offer['domain'];
  readonly product: Offer['product'];
  readonly api: Offer['api'];
  readonly userTypes: ReadonlySet<string> | null;
  readonly requireTags: ReadonlySet<string>;
  readonly excludeTags: ReadonlySet<string>;
  readonly branches: ReadonlySet<string> | null;
  readonly categories: ReadonlySet<string> | null;
  readonly vehicleIds: ReadonlySet<string> | null;
  readonly plans: ReadonlySet<string> | null;
  readonly metrics: ReadonlySet<string> | null;
  readonly sides: number;
  readonly zones: readonly (readonly string[])[];
}

export const ANY_CONTEXT: Context = {
  code: null,
  domain: 'any',
  product: null,
  api: null,
  userTypes: null,
  requireTags: new Set(),
  excludeTags: new Set(),
  branches: null,
  categories: null,
  vehicleIds: null,
  plans: null,
  metrics: null,
  sides: START | END,
  zones: [],
};

/** The context narrowed to where `o` is also eligible (with these plans/metrics), or undefined if nowhere. */
export function narrow(
  ctx: Context,
  o: Offer,
  scope: { plans: ReadonlySet<string> | null; metrics: ReadonlySet<string> | null },
  atlas: Atlas,
): Context | undefined {
  if (ctx.code !== null && o.code !== null && ctx.code !== o.code) return undefined;
  if (ctx.domain !== 'any' && o.domain !== 'any' && ctx.domain !== o.domain) return undefined;
  if (ctx.product !== null && o.product !== null && ctx.product !== o.product) return undefined;
  if (ctx.api !== null && o.api !== null && ctx.api !== o.api) return undefined;
  const requireTags = union(ctx.requireTags, o.requireTags);
  const excludeTags = union(ctx.excludeTags, o.excludeTags);
  if (excludeTags.size > 0) for (const t of requireTags) if (excludeTags.has(t)) return undefined;
  const userTypes = meet(ctx.userTypes, o.userTypes);
  const branches = meet(ctx.branches, o.branches);
  const categories = meet(ctx.categories, o.categories);
  const vehicleIds = meet(ctx.vehicleIds, o.vehicleIds);
  const plans = meet(ctx.plans, scope.plans);
  const metrics = meet(ctx.metrics, scope.metrics);
  if (isEmpty(userTypes) || isEmpty(branches) || isEmpty(categories) || isEmpty(vehicleIds) || isEmpty(plans) || isEmpty(metrics)) return undefined;
  let sides = ctx.sides;
  let zones = ctx.zones;
  if (o.geo) {
    sides &= o.geo.sides;
    zones = [...zones, o.geo.geofences];
    if (sides === 0) return undefined;
    if (zones.length === 2 && !atlas.zonesMeet(zones[0]!, zones[1]!)) return undefined;
    if (zones.length > 2 && atlas.commonArea(zones) === 0) return undefined;
  }
  return {
    code: ctx.code ?? o.code,
    domain: ctx.domain === 'any' ? o.domain : ctx.domain,
    product: ctx.product ?? o.product,
    api: ctx.api ?? o.api,
    userTypes,
    requireTags,
    excludeTags,
    branches,
    categories,
    vehicleIds,
    plans,
    metrics,
    sides,
    zones,
  };
}

function isEmpty(s: ReadonlySet<unknown> | null): boolean {
  return s !== null && s.size === 0;
}

function meet<T>(a: ReadonlySet<T> | null, b: ReadonlySet<T> | null): ReadonlySet<T> | null {
  if (a === null || a === b) return b;
  if (b === null) return a;
  return new Set([...a].filter((x) => b.has(x)));
}

function union<T>(a: ReadonlySet<T>, b: ReadonlySet<T> | readonly T[]): ReadonlySet<T> {
  if (('size' in b ? b.size : b.length) === 0) return a;
  const out = new Set(a);
  for (const x of b) out.add(x);
  return out;
}
