// The replay's typed arrays are indexed by interned customer or list item, start small, and grow.

/** `a` when it holds index `i`; else a copy at least twice as long that does. */
export function holding(a: Int32Array<ArrayBuffer>, i: number): Int32Array<ArrayBuffer>;
export function holding(a: Uint32Array<ArrayBuffer>, i: number): Uint32Array<ArrayBuffer>;
export function holding(a: Int32Array<ArrayBuffer> | Uint32Array<ArrayBuffer>, i: number): Int32Array<ArrayBuffer> | Uint32Array<ArrayBuffer> {
  if (i < a.length) return a;
  const length = Math.max(i + 1, a.length * 2);
  const out = a instanceof Int32Array ? new Int32Array(length) : new Uint32Array(length);
  out.set(a);
  return out;
}
