// Normalizes a copy of a document before the diff: drops absent and empty values (absent and empty mean the
// same to every API here), sorts the arrays that are sets, and writes instants and money one way.
// Ordered arrays (benefits, phases, coordinates) keep their order: it is meaningful.
import { canonicalAmount, canonicalInstant, canonicalNumber, sortedSet, type Json } from './canonical.js';

/** Arrays whose order means nothing, by property name. */
export const SET_KEYS: ReadonlySet<string> = new Set([
  'userTypes',
  'requireTags',
  'excludeTags',
  'priceTypes',
  'costSources',
  'plans',
  'metrics',
  'branches',
  'vehicleCategories',
  'vehicleTags',
  'vehicleIds',
  'subjects',
  'reasons',
  'customerAttributes',
  'geofences',
  'productCombination',
  'usageThresholds',
]);

const INSTANT_KEYS: ReadonlySet<string> = new Set(['from', 'until']);

export function normalizeFields(value: { readonly [k: string]: Json }): { [k: string]: Json } {
  const out = normalizeValue(value, undefined);
  return out !== undefined && isObject(out) ? (out as { [k: string]: Json }) : {};
}

function normalizeValue(value: Json | undefined, key: string | undefined): Json | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return canonicalNumber(value);
  if (typeof value === 'string') return key !== undefined && INSTANT_KEYS.has(key) ? canonicalInstant(value) : value;
  if (typeof value === 'boolean') return value;
  // Loops rather than map/filter and a count rather than Object.keys(out): this runs on every field of both sides.
  if (Array.isArray(value)) {
    const items: Json[] = [];
    for (const v of value as readonly Json[]) {
      const n = normalizeValue(v, undefined);
      if (n !== undefined) items.push(n);
    }
    if (items.length === 0) return undefined;
    return key !== undefined && SET_KEYS.has(key) ? sortedSet(items) : items;
  }
  const obj = value as { readonly [k: string]: Json };
  const keys = Object.keys(obj);
  if (isMoney(obj, keys)) return { amount: canonicalAmount(obj.amount as string | number, obj.currency as string), currency: obj.currency as string };
  keys.sort();
  const out: { [k: string]: Json } = {};
  let kept = 0;
  for (const k of keys) {
    const v = normalizeValue(obj[k], k);
    if (v !== undefined) {
      out[k] = v;
      // Assigning __proto__ sets the prototype and adds no key (as before, such an object counts as empty).
      if (k !== '__proto__') kept += 1;
    }
  }
  return kept === 0 ? undefined : out;
}

function isMoney(obj: { readonly [k: string]: Json }, keys: readonly string[]): boolean {
  return (
    keys.length === 2 &&
    typeof obj.currency === 'string' &&
    /^[A-Z]{3}$/.test(obj.currency) &&
    (typeof obj.amount === 'string' || typeof obj.amount === 'number')
  );
}

export function isObject(v: Json | undefined): v is { readonly [k: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
