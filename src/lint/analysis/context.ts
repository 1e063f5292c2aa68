// A context narrowed by every offer added to it: the witness that a whole group of offers can be eligible
// at once (stacking/excessive-combined-discount). Pairwise compatibility is not enough for groups: three
// zones can overlap two by two without a common point, so the zones are intersected for real.
import { END, START, type Offer } from './offers.js';
import type { ZoneIndex } from './zone-index.js';

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
  /** The offers with a zone, in the order added: the context lies in all their zones. */
  readonly placed: readonly Offer[];
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
  placed: [],
};

/** The context narrowed to where `o` is also eligible (with these plans/metrics), or undefined if nowhere. */
export function narrow(
  ctx: Context,
  o: Offer,
  scope: { plans: ReadonlySet<string> | null; metrics: ReadonlySet<string> | null },
  zones: ZoneIndex,
): Context | undefined {
  if (ctx.code !== null && o.code !== null && ctx.code !== o.code) return undefined;
  if (ctx.domain !== 'any' && o.domain !== 'any' && ctx.domain !== o.domain) return undefined;
  if (ctx.product !== null && o.product !== null && ctx.product !== o.product) return undefined;
  if (ctx.api !== null && o.api !== null && ctx.api !== o.api) return undefined;
  // Every test before anything is allocated: most offers tried do not fit.
  if (tagsClash(ctx, o)) return undefined;
  if (
    !meetsSomewhere(ctx.userTypes, o.userTypes) ||
    !meetsSomewhere(ctx.branches, o.branches) ||
    !meetsSomewhere(ctx.categories, o.categories) ||
    !meetsSomewhere(ctx.vehicleIds, o.vehicleIds) ||
    !meetsSomewhere(ctx.plans, scope.plans) ||
    !meetsSomewhere(ctx.metrics, scope.metrics)
  )
    return undefined;
  let sides = ctx.sides;
  let placed = ctx.placed;
  if (o.geo) {
    sides &= o.geo.sides;
    if (sides === 0) return undefined;
    placed = [...placed, o];
    if (placed.length === 2 && !zones.meet(placed[0]!, placed[1]!)) return undefined;
    if (placed.length > 2 && zones.commonArea(placed) === 0) return undefined;
  }
  return {
    code: ctx.code ?? o.code,
    domain: ctx.domain === 'any' ? o.domain : ctx.domain,
    product: ctx.product ?? o.product,
    api: ctx.api ?? o.api,
    userTypes: meet(ctx.userTypes, o.userTypes),
    requireTags: union(ctx.requireTags, o.requireTags),
    excludeTags: union(ctx.excludeTags, o.excludeTags),
    branches: meet(ctx.branches, o.branches),
    categories: meet(ctx.categories, o.categories),
    vehicleIds: meet(ctx.vehicleIds, o.vehicleIds),
    plans: meet(ctx.plans, scope.plans),
    metrics: meet(ctx.metrics, scope.metrics),
    sides,
    placed,
  };
}

/** Some tag required by the context or the offer is excluded by either. */
function tagsClash(ctx: Context, o: Offer): boolean {
  if (o.excludeTags.size > 0) for (const t of ctx.requireTags) if (o.excludeTags.has(t)) return true;
  if (ctx.excludeTags.size > 0) for (const t of ctx.requireTags) if (ctx.excludeTags.has(t)) return true;
  for (const t of o.requireTags) if (ctx.excludeTags.has(t) || o.excludeTags.has(t)) return true;
  return false;
}

/** `meet(a, b)` is not empty. */
function meetsSomewhere<T>(a: ReadonlySet<T> | null, b: ReadonlySet<T> | null): boolean {
  if (a === null || a === b) return b === null || b.size > 0;
  if (b === null) return a.size > 0;
  for (const x of a) if (b.has(x)) return true;
  return false;
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
