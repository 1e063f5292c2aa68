// Keyset pagination: `limit` (default 50, max 200), an opaque `cursor` naming the last row's sort key, and a
// `pagination: { cursor, has_more, total_count }` block. A cursor carries its sort, so it cannot be replayed
// against a different order.
import type { Scalar } from './filters.js';
import type { FieldProblem } from './problems.js';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

export interface SortKey {
  readonly field: string;
  readonly descending: boolean;
}

export function parseSort(
  text: string | undefined,
  sortable: ReadonlySet<string>,
  fallback: readonly SortKey[],
): { keys: SortKey[]; problems: FieldProblem[] } {
  if (text === undefined || text.trim() === '') return { keys: [...fallback], problems: [] };
  const keys: SortKey[] = [];
  const problems: FieldProblem[] = [];
  for (const part of text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const descending = part.startsWith('-');
    const field = descending ? part.slice(1) : part;
    if (!sortable.has(field)) problems.push({ field: 'sort', message: `cannot sort by "${field}"; sortable: ${[...sortable].join(', ')}` });
    else keys.push({ field, descending });
  }
  return { keys, problems };
}

function compareScalar(a: Scalar, b: Scalar): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}

/** Sort key tuple of a row: the sort fields then the id, so the order is total. */
export function keyOf(read: (field: string) => Scalar, id: string, keys: readonly SortKey[]): Scalar[] {
  return [...keys.map((k) => read(k.field)), id];
}

export function compareKeys(a: readonly Scalar[], b: readonly Scalar[], keys: readonly SortKey[]): number {
  for (let i = 0; i < a.length; i++) {
    const c = compareScalar(a[i] ?? null, b[i] ?? null);
    if (c !== 0) return keys[i]?.descending ? -c : c;
  }
  return 0;
}

const sortSignature = (keys: readonly SortKey[]): string => keys.map((k) => `${k.descending ? '-' : ''}${k.field}`).join(',');

export function encodeCursor(key: readonly Scalar[], keys: readonly SortKey[]): string {
  return Buffer.from(JSON.stringify({ s: sortSignature(keys), k: key })).toString('base64url');
}

export function decodeCursor(cursor: string, keys: readonly SortKey[]): Scalar[] | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { s, k } = parsed as { s?: unknown; k?: unknown };
    if (s !== sortSignature(keys) || !Array.isArray(k) || k.length !== keys.length + 1) return undefined;
    return k.every((x) => x === null || ['string', 'number', 'boolean'].includes(typeof x)) ? (k as Scalar[]) : undefined;
  } catch {
    return undefined;
  }
}

export function parseLimit(text: string | undefined): { limit: number; problem?: FieldProblem } {
  if (text === undefined) return { limit: DEFAULT_LIMIT };
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > MAX_LIMIT) {
    return { limit: DEFAULT_LIMIT, problem: { field: 'limit', message: `limit must be an integer from 1 to ${MAX_LIMIT} (got "${text}")` } };
  }
  return { limit: Number(text) };
}
