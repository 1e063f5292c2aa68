// Shipped JavaScript as ASCII: V8 keeps a module's source for as long as its functions may still be compiled, and
// a single non-ASCII character makes the whole source a string of two-byte characters (twice the memory).

/** `code` with every non-ASCII UTF-16 unit written as a `\u` escape: the same program where they sit in string literals or comments. */
export function asciiOnly(code: string): string {
  return code.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
