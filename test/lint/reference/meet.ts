// Can two offers be eligible in the same context, and is one eligible wherever the other is? A context is
// one moment, one customer (holding any vouchers, presenting at most one code), one vehicle and, for
// geofence campaigns, one rental event (start or end) at one place. Conditions (minimum spend,
// attributes) are assumed satisfiable.
import type { Atlas } from '../../../src/geo/index.js';
import { END, START, type BenefitFacts, type Offer } from '../../../src/lint/analysis/offers.js';
import type { Phase } from '../../../src/lint/analysis/spec-view.js';

export function windowsOverlap(a: Offer, b: Offer): boolean {
  return a.from < b.until && b.from < a.until;
}

/** Audience and vehicle targeting can hold for one customer on one vehicle. */
/** A context presents at most one code: two campaigns needing different codes never meet. */
export function codesCompatible(a: Offer, b: Offer): boolean {
  return a.code === null || b.code === null || a.code === b.code;
}

export function peopleAndVehiclesMeet(a: Offer, b: Offer): boolean {
  return (
    setsMeet(a.userTypes, b.userTypes) &&
    (b.excludeTags.size === 0 || !a.requireTags.some((t) => b.excludeTags.has(t))) &&
    (a.excludeTags.size === 0 || !b.requireTags.some((t) => a.excludeTags.has(t))) &&
    setsMeet(a.branches, b.branches) &&
    setsMeet(a.categories, b.categories) &&
    setsMeet(a.vehicleIds, b.vehicleIds)
  );
}

/** Both geofence campaigns fire on a common rental event somewhere in both zones; non-geofence ones fire anywhere. */
export function placesMeet(a: Offer, b: Offer, atlas: Atlas): boolean {
  if (!a.geo || !b.geo) return true;
  return (a.geo.sides & b.geo.sides) !== 0 && atlas.zonesMeet(a.geo.geofences, b.geo.geofences);
}

export function scopesMeet(a: Offer, b: Offer): boolean {
  if (a.reachesAll || b.reachesAll) return true;
  return a.benefits.some((x) => b.benefits.some((y) => benefitsMeet(x, y)));
}

export function domainsMeet(a: Offer, b: Offer): boolean {
  return (a.domain === b.domain || a.domain === 'any' || b.domain === 'any') && productsMeet(a.product, b.product) && apisMeet(a.api, b.api);
}

/** One pricing context is priced by one API: campaigns planned on two different APIs never meet. */
export function apisMeet(a: Offer['api'], b: Offer['api']): boolean {
  return a === null || b === null || a === b;
}

/** Campaigns of different products (EV charging, rentals, subscription invoices) never share a pricing context. */
export function productsMeet(a: Offer['product'], b: Offer['product']): boolean {
  return a === null || b === null || a === b;
}

/** Everything but time, code and trigger, which the sweep has already matched. */
export function canMeet(a: Offer, b: Offer, atlas: Atlas): boolean {
  return domainsMeet(a, b) && peopleAndVehiclesMeet(a, b) && scopesMeet(a, b) && placesMeet(a, b, atlas);
}

/**
 * `w` is eligible (and reaches the same lines) in every context where `l` is: a sufficient condition for
 * `w` shadowing `l`. A limit on `w` breaks it (once exhausted, `l` applies), and so do conditions `l` lacks.
 */
export function covers(w: Offer, l: Offer, atlas: Atlas): boolean {
  return (
    w.trigger === l.trigger &&
    w.from <= l.from &&
    w.until >= l.until &&
    (w.domain === 'any' || w.domain === l.domain) &&
    (w.product === null || w.product === l.product) &&
    (w.api === null || w.api === l.api) &&
    (w.code === null || w.code === l.code) &&
    (!w.held || w.cid === l.cid) &&
    !w.limited &&
    (w.conditions === null || w.conditions === l.conditions) &&
    (!w.firstPurchaseOnly || l.firstPurchaseOnly) &&
    subsetOrAny(l.userTypes, w.userTypes) &&
    w.requireTags.every((t) => l.requireTags.includes(t)) &&
    isSubset(w.excludeTags, l.excludeTags) &&
    subsetOrAny(l.branches, w.branches) &&
    subsetOrAny(l.categories, w.categories) &&
    subsetOrAny(l.vehicleIds, w.vehicleIds) &&
    w.vehicleTags.every((t) => l.vehicleTags.includes(t)) &&
    l.benefits.every((y) => w.benefits.some((x) => benefitCovers(x, y))) &&
    placeCovers(w, l, atlas)
  );
}

function placeCovers(w: Offer, l: Offer, atlas: Atlas): boolean {
  if (!w.geo) return true;
  if (!l.geo || !phaseImplies(l.geo.phase, w.geo.phase)) return false;
  const o = atlas.zoneOverlap(l.geo.geofences, w.geo.geofences);
  return o !== undefined && (o.kind === 'within' || o.kind === 'equal');
}

/** Within a zone inside the other's, does `l`'s phase firing guarantee `w`'s? */
function phaseImplies(l: Phase, w: Phase): boolean {
  if (w === 'START_OR_END_RENTAL' || w === 'START_PLUS_END_RENTAL' || l === 'START_AND_END_RENTAL') return true;
  return l === w;
}

/** Sides of a phase, for messages. */
export function sidesName(sides: number): string {
  return sides === (START | END) ? 'start or end' : sides === START ? 'start' : 'end';
}

function benefitsMeet(x: BenefitFacts, y: BenefitFacts): boolean {
  return linesMeet(x.lines, y.lines) && setsMeet(x.plans, y.plans) && setsMeet(x.metrics, y.metrics);
}

function benefitCovers(x: BenefitFacts, y: BenefitFacts): boolean {
  return subsetOrAny(y.lines, x.lines) && subsetOrAny(y.plans, x.plans) && subsetOrAny(y.metrics, x.metrics);
}

/** A RENTAL cost source may be any price type's source, so it meets every price type. */
function linesMeet(a: ReadonlySet<string> | null, b: ReadonlySet<string> | null): boolean {
  if (a === null || b === null) return true;
  for (const x of a) {
    if (b.has(x)) return true;
    for (const y of b) if (isRentalSourceAndPriceType(x, y) || isRentalSourceAndPriceType(y, x)) return true;
  }
  return false;
}

function isRentalSourceAndPriceType(x: string, y: string): boolean {
  return x.startsWith('cs:RENTAL:') && y.startsWith('pt:');
}

function isSubset<T>(inner: ReadonlySet<T>, outer: ReadonlySet<T>): boolean {
  for (const x of inner) if (!outer.has(x)) return false;
  return true;
}

export function setsMeet<T>(a: ReadonlySet<T> | null, b: ReadonlySet<T> | null): boolean {
  if (a === null || b === null) return true;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) return true;
  return false;
}

/** `inner` ⊆ `outer`, where null means "anything". */
function subsetOrAny<T>(inner: ReadonlySet<T> | null, outer: ReadonlySet<T> | null): boolean {
  if (outer === null) return true;
  if (inner === null) return false;
  for (const x of inner) if (!outer.has(x)) return false;
  return true;
}
