// RFC 8785 canonical JSON via `canonicalize`. The package is CommonJS whose typings declare a
// default export: under NodeNext the default import is the module object, at run time the
// function, so take whichever is callable. Values as JSON.parse makes them (nearly every value: a plan
// digests 10,000 live objects) are written by a loop that builds no intermediate string per key, the
// package's reduce-and-concatenate being several times slower; anything else (undefined, toJSON, NaN)
// goes to the package. canonical.test.ts holds the two equal.
import canonicalizeModule from 'canonicalize';

type Canonicalize = (value: unknown) => string | undefined;
const canonicalize = ((canonicalizeModule as unknown as { default?: Canonicalize }).default ?? canonicalizeModule) as unknown as Canonicalize;

/** Sorted keys, no whitespace, ES number formatting; throws on NaN/Infinity. */
export function canonicalJson(value: unknown): string {
  try {
    return write(value);
  } catch (error) {
    if (error !== NOT_PLAIN) throw error;
  }
  return canonicalizeWithPackage(value);
}

/** The package alone: the reference the fast writer is tested against. */
export function canonicalizeWithPackage(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('value has no JSON form');
  return text;
}

/** Not a value JSON.parse makes (undefined, a function, NaN, toJSON): the generic canonicalizer decides. */
const NOT_PLAIN = Symbol('not plain JSON');

function write(value: unknown): string {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw NOT_PLAIN;
      return JSON.stringify(value);
    case 'object': {
      if (value === null) return 'null';
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function') throw NOT_PLAIN;
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out += ',';
          const item: unknown = value[i];
          if (item === undefined || typeof item === 'symbol' || typeof item === 'function') throw NOT_PLAIN;
          out += write(item);
        }
        return `${out}]`;
      }
      const o = value as Record<string, unknown>;
      const keys = Object.keys(o).sort();
      let out = '{';
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i]!;
        const v = o[k];
        if (v === undefined || typeof v === 'symbol' || typeof v === 'function') throw NOT_PLAIN;
        if (i > 0) out += ',';
        out += JSON.stringify(k);
        out += ':';
        out += write(v);
      }
      return `${out}}`;
    }
    default:
      throw NOT_PLAIN;
  }
}
