// Reading every page of a list. Numbered pages (offset, page number) are fetched first-page-first, then the
// rest in parallel under the client's concurrency gate; cursor pages can only be read one after another.
import { ProviderError } from '../../model/errors.js';
import { append } from '../../model/append.js';

export interface NumberedPage<T> {
  readonly items: readonly T[];
  /** Total pages as the server reports it after this page. */
  readonly totalPages: number;
}

export interface PageRead<T> {
  readonly items: T[];
  readonly pages: number;
}

/** `fetchPage(i)` for i = 0 … totalPages-1, in order. */
export async function readNumberedPages<T>(fetchPage: (index: number) => Promise<NumberedPage<T>>, maxPages = 100_000): Promise<PageRead<T>> {
  const first = await fetchPage(0);
  if (first.totalPages > maxPages) throw new PaginationError(`the API reports ${first.totalPages} pages, more than the ${maxPages} promoc will read`);
  const total = first.totalPages;
  const rest = await Promise.all(Array.from({ length: Math.max(0, total - 1) }, (_, i) => fetchPage(i + 1)));
  const items = [...first.items];
  for (const page of rest) append(items, page.items);
  return { items, pages: Math.max(1, total) };
}

export interface CursorPage<T> {
  readonly items: readonly T[];
  readonly next?: string | undefined;
}

export async function readCursorPages<T>(fetchPage: (cursor: string | undefined) => Promise<CursorPage<T>>, maxPages = 100_000): Promise<PageRead<T>> {
  const items: T[] = [];
  let cursor: string | undefined;
  let pages = 0;
  const seen = new Set<string>();
  do {
    const page = await fetchPage(cursor);
    pages += 1;
    append(items, page.items);
    cursor = page.next;
    // A server that hands back a cursor it already gave would loop forever; stopping quietly would
    // plan against part of the live state (phantom creates), so both cases are errors.
    if (cursor !== undefined) {
      if (seen.has(cursor)) throw new PaginationError(`the API returned cursor ${JSON.stringify(cursor.slice(0, 40))} twice`);
      seen.add(cursor);
      if (pages >= maxPages) throw new PaginationError(`the API kept paginating past ${maxPages} pages`);
    }
  } while (cursor !== undefined);
  return { items, pages };
}

/** The live state could not be read completely, so no plan may be made from it. */
export class PaginationError extends ProviderError {
  constructor(reason: string) {
    super(`cannot read the complete live state: ${reason}`, { hint: "A partial read would plan phantom creates; fix or report the API's pagination." });
  }
}
