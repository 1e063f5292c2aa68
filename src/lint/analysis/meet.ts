// Can two offers be eligible in the same context, and is one eligible wherever the other is? A context is
// one moment, one customer (holding any vouchers, presenting at most one code), one vehicle and, for
// geofence campaigns, one rental event (start or end) at one place. Conditions (minimum spend,
// attributes) are assumed satisfiable.
import { END, START, type BenefitFacts, type Offer } from './offers.js';
import type { Phase } from './spec-view.js';
import type { ZoneIndex } from './zone-index.js';

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
    !requiresExcluded(a, b) &&
    !requiresExcluded(b, a) &&
    setsMeet(a.branches, b.branches) &&
    setsMeet(a.categories, b.categories) &&
    setsMeet(a.vehicleIds, b.vehicleIds)
  );
}

function requiresExcluded(a: Offer, b: Offer): boolean {
  if (b.excludeTags.size === 0) return false;
  for (const t of a.requireTags) if (b.excludeTags.has(t)) return true;
  return false;
}

/** Both geofence campaigns fire on a common rental event somewhere in both zones; non-geofence ones fire anywhere. */
export function placesMeet(a: Offer, b: Offer, zones: ZoneIndex): boolean {
  if (!a.geo || !b.geo) return true;
  return (a.geo.sides & b.geo.sides) !== 0 && zones.meet(a, b);
}

export function scopesMeet(a: Offer, b: Offer): boolean {
  if (a.reachesAll || b.reachesAll) return true;
  for (const x of a.benefits) for (const y of b.benefits) if (benefitsMeet(x, y)) return true;
  return false;
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
export function canMeet(a: Offer, b: Offer, zones: ZoneIndex): boolean {
  return domainsMeet(a, b) && peopleAndVehiclesMeet(a, b) && scopesMeet(a, b) && placesMeet(a, b, zones);
}

/**
 * `w` is eligible (and reaches the same lines) in every context where `l` is: a sufficient condition for
 * `w` shadowing `l`. A limit on `w` breaks it (once exhausted, `l` applies), and so do conditions `l` lacks.
 */
export function covers(w: Offer, l: Offer, zones: ZoneIndex): boolean {
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
    listIncludes(l.requireTags, w.requireTags) &&
    isSubset(w.excludeTags, l.excludeTags) &&
    subsetOrAny(l.branches, w.branches) &&
    subsetOrAny(l.categories, w.categories) &&
    subsetOrAny(l.vehicleIds, w.vehicleIds) &&
    listIncludes(l.vehicleTags, w.vehicleTags) &&
    benefitsCovered(w.benefits, l.benefits) &&
    placeCovers(w, l, zones)
  );
}

// Loops rather than every/some with closures: covers runs for every candidate winner of every loser.
/** Every item of `inner` is in `outer`. */
function listIncludes<T>(outer: readonly T[], inner: readonly T[]): boolean {
  for (let i = 0; i < inner.length; i += 1) if (!outer.includes(inner[i]!)) return false;
  return true;
}

/** Each of the loser's benefits is covered by one of the winner's. */
function benefitsCovered(winner: readonly BenefitFacts[], loser: readonly BenefitFacts[]): boolean {
  outer: for (let i = 0; i < loser.length; i += 1) {
    for (let j = 0; j < winner.length; j += 1) if (benefitCovers(winner[j]!, loser[i]!)) continue outer;
    return false;
  }
  return true;
}

function placeCovers(w: Offer, l: Offer, zones: ZoneIndex): boolean {
  if (!w.geo) return true;
  if (!l.geo || !phaseImplies(l.geo.phase, w.geo.phase)) return false;
  const o = zones.overlap(l, w);
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
  return linesMeet(x, y) && setsMeet(x.plans, y.plans) && setsMeet(x.metrics, y.metrics);
}

function benefitCovers(x: BenefitFacts, y: BenefitFacts): boolean {
  return subsetOrAny(y.lines, x.lines) && subsetOrAny(y.plans, x.plans) && subsetOrAny(y.metrics, x.metrics);
}

/** A RENTAL cost source may be any price type's source, so it meets every price type. */
function linesMeet(x: BenefitFacts, y: BenefitFacts): boolean {
  if (x.lines === null || y.lines === null) return true;
  if ((x.rentalSource && y.priceType) || (y.rentalSource && x.priceType)) return true;
  return setsMeet(x.lines, y.lines);
}

function isSubset<T>(inner: ReadonlySet<T>, outer: ReadonlySet<T>): boolean {
  for (const x of inner) if (!outer.has(x)) return false;
  return true;
}

export function setsMeet<T>(a: ReadonlySet<T> | null, b: ReadonlySet<T> | null): boolean {
  if (a === null || b === null) return true;
  if (a === b) return a.size > 0;
  if (a.size > b.size) return setsMeet(b, a);
  for (const x of a) if (b.has(x)) return true;
  return false;
}

/** `inner` ⊆ `outer`, where null means "anything". */
function subsetOrAny<T>(inner: ReadonlySet<T> | null, outer: ReadonlySet<T> | null): boolean {
  if (outer === null) return true;
  if (inner === null) return false;
  for (const x of inner) if (!outer.has(x)) return false;
  return true;
}
