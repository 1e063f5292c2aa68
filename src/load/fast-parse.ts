// The fast path of the loader: plain YAML → values with js-yaml (about ten times faster than building
// `yaml` Documents), no positions. It answers only for text inside a subset where both parsers are known
// to agree; anything else, and anything js-yaml refuses, is undefined, and the caller parses precisely
// with the `yaml` Document API, which also locates every diagnostic. The differential test in
// test/load/fast-parse.test.ts holds the two paths equal.
import { FAILSAFE_SCHEMA, loadAll, Type } from 'js-yaml';

export interface FastDoc {
  readonly index: number;
  readonly value: Record<string, unknown>;
}

// The YAML 1.2 core schema exactly as `yaml` resolves plain scalars (its tests, in its order, and its
// constructors: parseInt keeps the sign of "-0"); js-yaml's own core schema also reads `1_000`, `0b1`
// and `+.5e3`-like forms that `yaml` keeps as strings.
const scalar = (tag: string, test: RegExp, construct: (s: string) => unknown): Type =>
  new Type(`tag:yaml.org,2002:${tag}`, {
    kind: 'scalar',
    resolve: (s: string | null) => s !== null && test.test(s),
    construct: (s: string | null) => construct(s ?? ''),
  });

const CORE = FAILSAFE_SCHEMA.extend({
  implicit: [
    scalar('null', /^(?:~|[Nn]ull|NULL)?$/, () => null),
    scalar('bool', /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (s) => s[0] === 't' || s[0] === 'T'),
    scalar('int', /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+)$/, (s) =>
      s[1] === 'o' ? parseInt(s.slice(2), 8) : s[1] === 'x' ? parseInt(s.slice(2), 16) : parseInt(s, 10),
    ),
    scalar(
      'float',
      /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/,
      (s) => (s.endsWith('nan') || s.endsWith('NaN') || s.endsWith('NAN') ? NaN : /inf$/i.test(s) ? (s[0] === '-' ? -Infinity : Infinity) : parseFloat(s)),
    ),
  ],
});

/**
 * Text the fast path leaves to the precise one, because the parsers differ there or because only the
 * precise path reports it well. Each pattern errs towards falling back (a `&` in a description is enough):
 * - a tab or a lone CR anywhere, control characters, Unicode line separators, a BOM;
 * - directives (`%`), document markers with content on their line, document end markers (`...`);
 * - at the start of a node: anchors `&`, aliases `*`, tags `!`, explicit keys `?`, reserved `@` and
 *   backtick, merge keys `<<`;
 * - an empty sequence entry (`- -` then a line back out reads differently in js-yaml);
 * - keys that are empty or null (`yaml` names them "", js-yaml "null"), also as a bare flow entry
 *   (`{a, ~}`), or a flow collection (`[a]: 1`, `{x: 1, [a]}`);
 * - a flow collection or a quoted scalar that goes on past the end of its line (indentation rules differ);
 * - an implicit key near `yaml`'s 1024-character limit.
 */
const NODE_START = String.raw`(?:^[ ]*|[:-][ ]+|[[{,][ ]*)`;
const RISKY = [
  /[\t\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]|\r(?!\n)/,
  /^(?:%|---[ ]*[^\s#]|\.\.\.)/m,
  new RegExp(`${NODE_START}(?:[&*!?@\`]|<<)`, 'm'),
  /(?:^|[ ])-[ ]*(?:#.*)?$/m,
  /(?:^|[\s,[{])(?:~|null|Null|NULL)?[ ]*:(?:[\s,\]}]|$)/,
  /[\]}][ ]*:(?:[\s,\]}]|$)/,
  /,[ ]*(?:~|null|Null|NULL)?[ ]*[,}]|\{[ ]*(?:(?:~|null|Null|NULL)[ ]*[,}]|,)/,
  /(?:^|[\s,[{])"(?:[^"\\\n]|\\.)*$|(?:^|[\s,[{])'(?:[^'\n]|'')*$/m,
];

/**
 * A line of 1,000 characters or more (as a regex, `^[^\n]{1000}/m` was the slowest test), a flow collection
 * open at a line end, or a flow collection where a flow mapping expects a key (`{x: 1, [a]}`). Inside a
 * flow sequence a collection is an item (`[[13.1, 52.4], …]`, as geofences are written), which both read alike.
 */
function riskyLinesOrFlow(text: string): boolean {
  const open: number[] = [];
  let lineStart = 0;
  let prev = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      if (open.at(-1) === 0x7b && (prev === 0x7b || prev === 0x2c)) return true;
      open.push(c);
    } else if (c === 0x5d || c === 0x7d) {
      open.pop();
    } else if (c === 0x0a) {
      if (open.length !== 0 || i - lineStart >= 1000) return true;
      lineStart = i + 1;
    }
    if (c !== 0x20) prev = c;
  }
  return open.length !== 0 || text.length - lineStart >= 1000;
}

/** Whether `text` is inside the subset the fast path reads the same as the precise one. */
export function fastPathSafe(text: string): boolean {
  for (const re of RISKY) if (re.test(text)) return false;
  return !riskyLinesOrFlow(text);
}

/**
 * The documents of `text` when every one is a mapping read on the fast path; undefined when the
 * precise path must decide (a construct outside the subset, a parse error, a document that is empty,
 * a scalar or a sequence, or nesting deeper than js-yaml's limit).
 */
export function fastParse(text: string): FastDoc[] | undefined {
  if (!fastPathSafe(text)) return undefined;
  let values: unknown[];
  try {
    values = loadAll(text, null, { schema: CORE });
  } catch {
    return undefined;
  }
  if (values.length === 0) return undefined;
  const docs: FastDoc[] = [];
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index];
    if (value === null || typeof value !== 'object' || Array.isArray(value) || hasOddKey(value)) return undefined;
    docs.push({ index, value: value as Record<string, unknown> });
  }
  return docs;
}

/**
 * A string value held on its own. js-yaml cuts every scalar out of its own copy of the file's text (the text
 * with a NUL appended), and V8 keeps a cut of 13 characters or more as a view into that copy: a name, a
 * description or a date kept the whole copy alive for as long as the model, and beyond it in the findings
 * that quote them (10,000 copies, ~6 MB, on the bench repository, beside the texts the loader keeps). A JSON
 * round trip makes a flat string of its own. V8 copies shorter cuts (and joins of pieces) anyway.
 */
function ownString(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/**
 * A key js-yaml made from something other than a string: "null" from a null key, "[object Object]" from a
 * mapping, and (backing up the patterns above) anything a collection key turns into. A real key spelled
 * that way only costs the precise path.
 * The same walk replaces every list with an exact copy: js-yaml builds lists by `push`, which leaves room
 * for 17 items, so a one-item list took 152 bytes instead of 24 (13 MB of the 10,000-campaign model); and
 * every string with one of its own (`ownString`). Keys need nothing: V8 keeps property names in its string table.
 */
function hasOddKey(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return false;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i += 1) {
      const item = own(v[i]);
      // A string's copy is === to it: written whenever there is one.
      if (item !== v[i] || typeof item === 'string') v[i] = item;
      if (hasOddKey(item)) return true;
    }
    return false;
  }
  const o = v as Record<string, unknown>;
  for (const k in o) {
    const item = own(o[k]);
    // (`__proto__` is an own key here, but assigning to it would set the prototype.)
    if ((item !== o[k] || typeof item === 'string') && k !== '__proto__') o[k] = item;
    if (k === 'null' || k === '[object Object]' || hasOddKey(item)) return true;
  }
  return false;
}

function own(v: unknown): unknown {
  return typeof v === 'string' ? ownString(v) : Array.isArray(v) ? v.slice() : v;
}
