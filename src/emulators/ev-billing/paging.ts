// limit/offset pagination as Dynamo lists use it: `{ "<plural>": [...], "total", "limit", "offset" }`.
import { FieldReader } from '../shared/input.js';
import { fail, ok, type Outcome } from '../shared/outcome.js';
import { validationError, type EvError } from './errors.js';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

/** Query values are text; numbers are parsed strictly ("10abc" is an error, not 10). */
export function intParam(r: FieldReader, query: Record<string, string>, key: string, min: number, max: number): number | undefined {
  const raw = query[key];
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    r.add(key, 'out_of_range', `${key} must be an integer from ${min} to ${max} (got "${raw}")`);
    return undefined;
  }
  return Number(raw);
}

export function readPage(r: FieldReader, query: Record<string, string>): { limit: number; offset: number } {
  return {
    limit: intParam(r, query, 'limit', 1, MAX_LIMIT) ?? DEFAULT_LIMIT,
    offset: intParam(r, query, 'offset', 0, Number.MAX_SAFE_INTEGER) ?? 0,
  };
}

export function page<T, U>(items: readonly T[], plural: string, paging: { limit: number; offset: number }, present: (item: T) => U): Record<string, unknown> {
  return {
    [plural]: items.slice(paging.offset, paging.offset + paging.limit).map(present),
    total: items.length,
    limit: paging.limit,
    offset: paging.offset,
  };
}

export function pagedQuery(query: Record<string, string>): Outcome<{ limit: number; offset: number }, EvError> {
  const r = new FieldReader({});
  const paging = readPage(r, query);
  return r.issues.length > 0 ? fail(validationError(r.issues)) : ok(paging);
}
