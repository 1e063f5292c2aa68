// Lago's page/per_page pagination with a `meta` block. Like Kaminari, values that are not positive
// integers fall back to the defaults instead of failing.

export const DEFAULT_PER_PAGE = 100;

function positive(raw: string | undefined, fallback: number): number {
  return raw !== undefined && /^\d+$/.test(raw) && Number(raw) > 0 ? Number(raw) : fallback;
}

export function paginate<T, U>(items: readonly T[], query: Record<string, string>, root: string, present: (item: T) => U): Record<string, unknown> {
  const page = positive(query.page, 1);
  const perPage = positive(query.per_page, DEFAULT_PER_PAGE);
  const totalPages = Math.ceil(items.length / perPage);
  return {
    [root]: items.slice((page - 1) * perPage, page * perPage).map(present),
    meta: {
      current_page: page,
      next_page: page < totalPages ? page + 1 : null,
      prev_page: page > 1 ? page - 1 : null,
      total_pages: totalPages,
      total_count: items.length,
    },
  };
}

/** Newest first, as Lago's index endpoints order by created_at desc; ties keep reverse insertion order. */
export function newestFirst<T extends { created_at: string }>(items: readonly T[]): T[] {
  return items.map((item, index) => ({ item, index }))
    .sort((a, b) => Date.parse(b.item.created_at) - Date.parse(a.item.created_at) || b.index - a.index)
    .map(({ item }) => item);
}
