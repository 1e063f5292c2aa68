// digest() of many values at once, for a page of live objects: every object on a page has nearly the same keys,
// so they are sorted once for the page and the canonical text of each object is written by JSON.stringify
// with that sorted list as its property list (it writes, at every depth, the listed keys an object has, in
// list order: the object's own keys sorted, which is RFC 8785's order). Numbers and strings are written by
// JSON.stringify in both. That is several times faster than writing each text key by key. Only values as
// JSON.parse makes them take this path; anything else (and a page with a key JSON.stringify would read
// through the prototype, `__proto__`) is digested one by one as before. digest-each.test.ts holds both equal.
import { digest, sha256Text } from './canonical.js';

/** digest(v, length) for each of `values`, in order. */
export function digestEach(values: readonly unknown[], length = 64): string[] {
  const keys = new Set<string>();
  const plain = values.map((v) => collectKeys(v, keys));
  if (keys.has('__proto__')) return values.map((v) => digest(v, length));
  const list = [...keys].sort();
  return values.map((v, i) => (plain[i] ? sha256Text(JSON.stringify(v, list)).slice(0, length) : digest(v, length)));
}

/** Adds every key of every object in `v` to `keys`; false when `v` holds anything JSON.parse does not make. */
function collectKeys(v: unknown, keys: Set<string>): boolean {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(v);
    case 'object': {
      if (v === null) return true;
      if (Array.isArray(v)) {
        if (Object.getPrototypeOf(v) !== Array.prototype || 'toJSON' in v) return false;
        for (let i = 0; i < v.length; i++) if (!(i in v) || !collectKeys(v[i], keys)) return false;
        return true;
      }
      if (Object.getPrototypeOf(v) !== Object.prototype || 'toJSON' in v) return false;
      const o = v as Record<string, unknown>;
      // The property list makes JSON.stringify read listed keys whether enumerable or not; the key-by-key
      // writer reads only enumerable ones. JSON.parse makes no other kind, and anything else goes the old way.
      const own = Object.getOwnPropertyNames(o);
      let enumerable = 0;
      for (const k in o) {
        if (!Object.hasOwn(o, k)) return false;
        enumerable += 1;
        keys.add(k);
        if (!collectKeys(o[k], keys)) return false;
      }
      return enumerable === own.length;
    }
    default:
      return false;
  }
}
