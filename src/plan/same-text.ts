// Whether two documents have the same JSON text, without writing either. The plan asks it of 10,000 live
// objects and their desired counterparts, nearly all equal: writing both texts (and keeping them) cost more
// than a walk that stops at the first difference. Normalized documents are plain JSON with sorted keys;
// anything a walk cannot answer for certain (undefined, non-finite numbers, toJSON, class instances) is
// decided by the texts themselves.

const UNSURE = Symbol('unsure');

/** JSON.stringify(a) === JSON.stringify(b). */
export function sameText(a: unknown, b: unknown): boolean {
  try {
    return same(a, b);
  } catch (error) {
    if (error !== UNSURE) throw error;
    return JSON.stringify(a) === JSON.stringify(b);
  }
}

type Shape = 'string' | 'boolean' | 'number' | 'null' | 'array' | 'object';

/** What JSON.stringify writes for a value, when that follows from its type alone. */
function shape(v: unknown): Shape {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return typeof v as Shape;
    case 'number':
      if (Number.isFinite(v)) return 'number';
      throw UNSURE;
    case 'object': {
      if (v === null) return 'null';
      if (typeof (v as { toJSON?: unknown }).toJSON === 'function') throw UNSURE;
      if (Array.isArray(v)) return 'array';
      const proto: unknown = Object.getPrototypeOf(v);
      if (proto === Object.prototype || proto === null) return 'object';
      throw UNSURE;
    }
    default:
      throw UNSURE;
  }
}

function same(a: unknown, b: unknown): boolean {
  const s = shape(a);
  // Texts of different shapes differ in their first character.
  if (s !== shape(b)) return false;
  if (s === 'array') {
    const x = a as readonly unknown[];
    const y = b as readonly unknown[];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!same(x[i], y[i])) return false;
    return true;
  }
  if (s === 'object') {
    const x = a as Readonly<Record<string, unknown>>;
    const y = b as Readonly<Record<string, unknown>>;
    // JSON.stringify writes own enumerable keys in this order; equal texts need the same keys in the same order.
    const kx = Object.keys(x);
    const ky = Object.keys(y);
    if (kx.length === ky.length) {
      let i = 0;
      while (i < kx.length && kx[i] === ky[i]) i++;
      if (i === kx.length) {
        for (const k of kx) if (!same(x[k], y[k])) return false;
        return true;
      }
    }
    // Different keys: different texts, unless some key is one JSON.stringify leaves out.
    for (const k of kx) shape(x[k]);
    for (const k of ky) shape(y[k]);
    return false;
  }
  // Finite numbers: equal texts exactly when equal values (0 and -0 both write "0", and are ===).
  return a === b;
}
