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

/**
 * Newest first, as Lago's index endpoints order by created_at desc; ties keep reverse insertion order.
 * Items are stored in insertion order, which is creation order unless a test moved the clock back, so
 * the usual case is a reversal. This runs on every page request, so the order check compares the
 * strings (same length and UTC: lexical order is time order) and only parses timestamps when that
 * cannot decide or the order is broken (parsing 10,000 dates a page made the emulator, not the client,
 * the bottleneck of a 10,000-coupon plan).
 */
export function newestFirst<T extends { created_at: string }>(items: readonly T[]): T[] {
  if (isLexicallyAscending(items)) return items.slice().reverse();
  const keyed = items.map((item, index) => ({ item, index, at: Date.parse(item.created_at) }));
  keyed.sort((a, b) => a.at - b.at || a.index - b.index);
  return keyed.reverse().map(({ item }) => item);
}

function isLexicallyAscending(items: readonly { created_at: string }[]): boolean {
  const first = items[0]?.created_at;
  if (first === undefined) return true;
  for (let i = 0; i < items.length; i++) {
    const at = items[i]!.created_at;
    if (at.length !== first.length || !at.endsWith('Z')) return false;
    if (i > 0 && items[i - 1]!.created_at > at) return false;
  }
  return true;
}
