// The field-level diff of two normalized documents. Pure. Objects are compared key by key and ordered
// arrays of objects item by item, so a reviewer sees `spec.benefits[0].percentOff: 20 → 25`; arrays of
// scalars (sets, already sorted) and GeoJSON geometries are compared whole.
import type { Json } from '../model/canonical.js';
import { isObject } from '../model/normalize.js';
import { append } from '../model/append.js';

export interface FieldChange {
  /** Dotted path with [i] for array items: spec.limits.redemptions, spec.benefits[0].percentOff. */
  readonly path: string;
  /** Absent when the field is added. */
  readonly before?: Json;
  /** Absent when the field is removed. */
  readonly after?: Json;
}

export function diffFields(before: Json | undefined, after: Json | undefined, path = ''): FieldChange[] {
  if (before === undefined && after === undefined) return [];
  // An added or removed object or list of objects is shown field by field, like a changed one.
  if (before === undefined && isExpandable(after)) return diffFields(Array.isArray(after) ? [] : {}, after, path);
  if (after === undefined && isExpandable(before)) return diffFields(before, Array.isArray(before) ? [] : {}, path);
  if (isObject(before) && isObject(after) && !isGeometry(before) && !isGeometry(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => diffFields(before[k], after[k], path ? `${path}.${k}` : k));
  }
  if (
    Array.isArray(before) &&
    Array.isArray(after) &&
    (isListOfObjects(before) || before.length === 0) &&
    (isListOfObjects(after) || after.length === 0) &&
    before.length + after.length > 0
  ) {
    const n = Math.max(before.length, after.length);
    const out: FieldChange[] = [];
    for (let i = 0; i < n; i += 1) append(out, diffFields(before[i] as Json | undefined, after[i] as Json | undefined, `${path}[${i}]`));
    return out;
  }
  // Both sides are normalized (keys sorted, sets sorted), so JSON text equality is value equality.
  if (before === after || (before !== undefined && after !== undefined && typeof before === 'object' && JSON.stringify(before) === JSON.stringify(after)))
    return [];
  return [{ path, ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) }];
}

export function isGeometry(v: Json | undefined): boolean {
  return isObject(v) && (v.type === 'Polygon' || v.type === 'MultiPolygon') && Array.isArray(v.coordinates);
}

function isExpandable(v: Json | undefined): boolean {
  return (isObject(v) && !isGeometry(v)) || (Array.isArray(v) && isListOfObjects(v));
}

function isListOfObjects(list: readonly Json[]): boolean {
  return list.length > 0 && list.every((v) => isObject(v) && !isGeometry(v));
}

/** Whether `path` is `prefix` or lies under it (spec.benefits[0].percentOff is under spec.benefits). */
export function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}
