// RFC 8785 canonical JSON via `canonicalize`. The package is CommonJS whose typings declare a
// default export: under NodeNext the default import is the module object, at run time the
// function, so take whichever is callable.
import canonicalizeModule from 'canonicalize';

type Canonicalize = (value: unknown) => string | undefined;
const canonicalize = ((canonicalizeModule as unknown as { default?: Canonicalize }).default ?? canonicalizeModule) as unknown as Canonicalize;

/** Sorted keys, no whitespace, ES number formatting; throws on NaN/Infinity. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('value has no JSON form');
  return text;
}
