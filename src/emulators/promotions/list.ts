// GET /promotions: filter grammar, `sort` (comma-separated, `-` for descending), keyset cursor pagination.
import { fail, ok, type Outcome } from '../shared/outcome.js';
import { compareKeys, decodeCursor, encodeCursor, keyOf, parseLimit, parseSort, type SortKey } from './cursor.js';
import { matches, parseFilters, type FieldKind, type Scalar } from './filters.js';
import type { Promotion } from './model.js';
import { presentPromotion, shownStatus } from './present.js';
import { problem, validation, type Problem } from './problems.js';

const FIELDS: Readonly<Record<string, FieldKind>> = {
  id: 'string',
  name: 'string',
  code: 'string',
  description: 'string',
  status: 'enum',
  visibility: 'enum',
  archetype: 'enum',
  application_timing: 'enum',
  budget_behavior: 'enum',
  condition_mode: 'enum',
  priority: 'number',
  max_redemptions: 'number',
  current_redemptions: 'number',
  version: 'number',
  stackable: 'boolean',
  is_phased: 'boolean',
  created_at: 'date',
  updated_at: 'date',
  valid_from: 'date',
  valid_to: 'date',
  published_at: 'date',
  archived_at: 'date',
};
const SORTABLE = new Set(
  Object.entries(FIELDS)
    .filter(([, k]) => k !== 'boolean')
    .map(([f]) => f),
);
const DEFAULT_SORT: readonly SortKey[] = [{ field: 'created_at', descending: false }];

function reader(p: Promotion, now: Date): (field: string) => Scalar {
  return (field) => {
    if (field === 'status') return shownStatus(p, now);
    const value = (p as unknown as Record<string, unknown>)[field];
    if (value === undefined || value === null) return null;
    if (FIELDS[field] === 'date' && typeof value === 'string') return Date.parse(value);
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
  };
}

export function listPromotions(
  promotions: readonly Promotion[],
  query: readonly (readonly [string, string])[],
  now: Date,
  currency: string,
): Outcome<{ data: unknown[]; pagination: Record<string, unknown> }, Problem> {
  const get = (key: string) => query.find(([k]) => k === key)?.[1];
  const { filters, problems } = parseFilters(query, FIELDS);
  const sort = parseSort(get('sort'), SORTABLE, DEFAULT_SORT);
  const limit = parseLimit(get('limit'));
  const all = [...problems, ...sort.problems, ...(limit.problem ? [limit.problem] : [])];
  if (all.length > 0) return fail(validation(all));
  const rows = promotions
    .filter((p) => p.deleted_at == null)
    .map((p) => ({ p, read: reader(p, now) }))
    .filter(({ read }) => filters.every((f) => matches(read(f.field), f)))
    .map(({ p, read }) => ({ p, key: keyOf(read, p.id, sort.keys) }))
    .sort((a, b) => compareKeys(a.key, b.key, sort.keys));
  const cursorText = get('cursor');
  let start = 0;
  if (cursorText !== undefined && cursorText !== '') {
    const after = decodeCursor(cursorText, sort.keys);
    if (!after)
      return fail(
        problem(400, 'INVALID_CURSOR', 'Invalid cursor', 'The cursor is malformed or was issued for a different sort; start again without a cursor.'),
      );
    start = rows.findIndex((row) => compareKeys(row.key, after, sort.keys) > 0);
    if (start < 0) start = rows.length;
  }
  const pageRows = rows.slice(start, start + limit.limit);
  const hasMore = start + limit.limit < rows.length;
  const last = pageRows[pageRows.length - 1];
  return ok({
    data: pageRows.map(({ p }) => presentPromotion(p, now, currency)),
    pagination: { cursor: hasMore && last ? encodeCursor(last.key, sort.keys) : null, has_more: hasMore, total_count: rows.length },
  });
}
