// The fingerprint of a live object as the API sent it: the first 16 hex digits of sha256 over its RFC 8785
// form, the same text `digest` hashes. A plan reads every object, so this runs 10,000 times a plan: values
// straight from JSON.parse are serialized by a loop that builds no intermediate strings per key (the generic
// canonicalizer concatenates through reduce), and hashed in one call instead of a Hash object each.
import * as crypto from 'node:crypto';
import { canonicalJson } from '../model/canonical.js';

/** sha256 hex of a string in one call where Node has crypto.hash (20.12+), else through a Hash object. */
export const sha256Hex: (text: string) => string =
  typeof (crypto as { hash?: unknown }).hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'hex')
    : (text) => crypto.createHash('sha256').update(text).digest('hex');

export function liveFingerprint(value: unknown): string {
  return sha256Hex(jsonCanonical(value)).slice(0, 16);
}

/** Not a value JSON.parse makes (undefined, a function, NaN, toJSON): the generic canonicalizer decides. */
const NOT_PLAIN = Symbol('not plain JSON');

/** RFC 8785 text of `value`; identical to canonicalJson for every value (plain JSON is written here, the rest there). */
export function jsonCanonical(value: unknown): string {
  try {
    return write(value);
  } catch (error) {
    if (error === NOT_PLAIN) return canonicalJson(value);
    throw error;
  }
}

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
