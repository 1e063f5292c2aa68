// page (0-based), size (default 50, max 5000), sort=prop,asc|desc (repeatable). Totals travel only in
// X-Pagination-* headers; the body is the bare array.
import { fail, ok, type Outcome } from '../shared/outcome.js';
import { mobilityError, type MobilityError } from './errors.js';

export const DEFAULT_SIZE = 50;
export const MAX_SIZE = 5000;

export interface PageRequest {
  readonly page: number;
  readonly size: number;
  readonly sort: readonly { readonly property: string; readonly descending: boolean }[];
}

export function parsePaging(url: URL, sortable: readonly string[]): Outcome<PageRequest, MobilityError> {
  const problems: string[] = [];
  const int = (name: string, min: number, max: number, fallback: number): number => {
    const raw = url.searchParams.get(name);
    if (raw === null) return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return Number(raw);
  };
  const page = int('page', 0, Number.MAX_SAFE_INTEGER, 0);
  const size = int('size', 1, MAX_SIZE, DEFAULT_SIZE);
  const sort = url.searchParams.getAll('sort').map((text) => {
    const [property = '', direction = 'asc'] = text.split(',').map((s) => s.trim());
    if (!sortable.includes(property)) problems.push(`cannot sort by "${property}"; use one of ${sortable.join(', ')}`);
    if (direction.toLowerCase() !== 'asc' && direction.toLowerCase() !== 'desc') problems.push(`sort direction must be asc or desc (got "${direction}")`);
    return { property, descending: direction.toLowerCase() === 'desc' };
  });
  return problems.length > 0 ? fail(mobilityError(400, 'R103', problems.join('; '))) : ok({ page, size, sort });
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return -1;
  if (b === undefined || b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

/** Sorts (stable, id as the last key), slices and computes the X-Pagination-* headers. */
export function pageOf<T extends { id: number }>(items: readonly T[], request: PageRequest): { items: T[]; headers: Record<string, string> } {
  const sorted = [...items].sort((a, b) => {
    for (const key of request.sort) {
      const c = compare((a as Record<string, unknown>)[key.property], (b as Record<string, unknown>)[key.property]);
      if (c !== 0) return key.descending ? -c : c;
    }
    return a.id - b.id;
  });
  const slice = sorted.slice(request.page * request.size, (request.page + 1) * request.size);
  const totalPages = Math.ceil(sorted.length / request.size);
  return {
    items: slice,
    headers: {
      'x-pagination-totalpages': String(totalPages),
      'x-pagination-totalelements': String(sorted.length),
      'x-pagination-number': String(request.page),
      'x-pagination-numberofelements': String(slice.length),
      'x-pagination-size': String(request.size),
      'x-pagination-first': String(request.page === 0),
      'x-pagination-last': String(request.page >= totalPages - 1),
    },
  };
}

/** Null fields are left out of responses (the vendor's documented behaviour). */
export function omitNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(omitNulls);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([k, v]) => [k, omitNulls(v)]),
    );
  }
  return value;
}
