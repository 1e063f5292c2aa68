// `into.push(...items)` passes every item as an argument, and V8 throws RangeError ("Maximum call stack size
// exceeded") past roughly 100,000 of them; a file of 100,000 documents had as many diagnostics. A loop has no limit.

/** Appends `items` to `into` one by one and returns `into`. */
export function append<T>(into: T[], items: Iterable<T>): T[] {
  for (const item of items) into.push(item);
  return into;
}

/** The largest of `values` (-Infinity when empty), without spreading them into Math.max. */
export function maxOf(values: Iterable<number>): number {
  let m = -Infinity;
  for (const v of values) if (v > m || Number.isNaN(v)) m = v;
  return m;
}

/** The smallest of `values` (Infinity when empty), without spreading them into Math.min. */
export function minOf(values: Iterable<number>): number {
  let m = Infinity;
  for (const v of values) if (v < m || Number.isNaN(v)) m = v;
  return m;
}
