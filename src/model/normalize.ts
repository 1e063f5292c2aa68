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
  if (Array.isArray(value)) {
    const items = (value as readonly Json[]).map((v) => normalizeValue(v, undefined)).filter((v): v is Json => v !== undefined);
    if (items.length === 0) return undefined;
    return key !== undefined && SET_KEYS.has(key) ? sortedSet(items) : items;
  }
  const obj = value as { readonly [k: string]: Json };
  if (isMoney(obj)) return { amount: canonicalAmount(obj.amount as string | number, obj.currency as string), currency: obj.currency as string };
  const out: { [k: string]: Json } = {};
  for (const k of Object.keys(obj).sort()) {
    const v = normalizeValue(obj[k], k);
    if (v !== undefined) out[k] = v;
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

function isMoney(obj: { readonly [k: string]: Json }): boolean {
  const keys = Object.keys(obj);
  return (
    keys.length === 2 &&
    typeof obj.currency === 'string' &&
    /^[A-Z]{3}$/.test(obj.currency) &&
    (typeof obj.amount === 'string' || typeof obj.amount === 'number')
  );
}

/**
 * JSON text of normalized fields (keys already sorted, so the text is canonical). Kept per object: a live
 * object's text is made while its page is read, a desired one's for its digest, and the plan's equality
 * check reuses both instead of serializing 10,000 documents again after the last page.
 */
const texts = new WeakMap<object, string>();
export function normalizedText(fields: { readonly [k: string]: Json }): string {
  let text = texts.get(fields);
  if (text === undefined) {
    text = JSON.stringify(fields);
    texts.set(fields, text);
  }
  return text;
}

export function isObject(v: Json | undefined): v is { readonly [k: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
