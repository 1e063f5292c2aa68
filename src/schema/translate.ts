// ajv errors → diagnostics a campaign author understands, each located at the exact node:
// a wrong type at the value, a missing property at the mapping, an unknown key at the key
// (with "did you mean"), and oneOf noise collapsed to the branch the author meant.
import type { ErrorObject } from 'ajv';
import { closest, distance } from 'fastest-levenshtein';
import type { Diagnostic, DocPath } from '../model/diagnostic.js';
import { describePath, showValue } from './format.js';
import type { Validator } from './validator.js';

type Schema = Record<string, unknown>;
interface Where {
  readonly file: string;
  readonly docIndex: number;
}

export function translateErrors(errors: readonly ErrorObject[], root: unknown, v: Validator, where: Where): Diagnostic[] {
  const kept = collapseAlternatives(errors, root, v);
  const out = new Map<string, Diagnostic>();
  for (const e of kept) {
    const d = toDiagnostic(e, root, where);
    if (d) out.set(`${d.ruleId}|${d.path?.join('/')}|${d.message}`, d); // ajv repeats errors reached through several refs
  }
  return [...out.values()];
}

/** Replace oneOf/anyOf failures by one clear error, or by the errors of the branch the author meant. */
function collapseAlternatives(errors: readonly ErrorObject[], root: unknown, v: Validator): ErrorObject[] {
  let list = [...errors];
  for (const alt of errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf')) {
    const branches = (alt.schema as Schema[]) ?? [];
    const at = alt.instancePath;
    const under = (e: ErrorObject): boolean => e.instancePath === at || e.instancePath.startsWith(`${at}/`);
    if (branches.every((b) => Object.keys(b).length === 1 && Array.isArray(b.required))) {
      // "Exactly one of these keys" (benefit effects) / "at least one of" (surcharge amount/percent).
      list = list.filter((e) => !(e.instancePath === at && e.keyword === 'required' && /\/(oneOf|anyOf)\/\d+\/required$/.test(e.schemaPath)));
      continue;
    }
    const parent = alt.parentSchema as Schema;
    const value = valueAt(root, pointerToPath(at, root));
    // A string that is none of the allowed forms (a window end: an instant, or a local time with a
    // timeZone): the instant branch's format error says best what is wrong.
    const format = typeof value === 'string' ? errors.find((e) => e.instancePath === at && e.keyword === 'format') : undefined;
    if (format) {
      list = list.filter((e) => !under(e) || e === format);
      continue;
    }
    const pick = pickBranch(branches, parent, value);
    list = list.filter((e) => !under(e) || e === alt);
    if (pick === undefined || typeof parent.$id !== 'string') continue;
    const derived: Schema = { ...(branches[pick] as Schema), $id: parent.$id.replace(/\.schema\.json$/, `.branch-${pick}.schema.json`) };
    if (parent.$defs) derived.$defs = parent.$defs;
    const branchErrors = v.validateAgainst(derived, value).map((e) => ({ ...e, instancePath: at + e.instancePath }));
    list = list.filter((e) => e !== alt).concat(collapseAlternatives(branchErrors, root, v));
  }
  return list;
}

/** The branch whose discriminators (const properties, required keys) the value matches best. */
function pickBranch(branches: readonly Schema[], parent: Schema, value: unknown): number | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const obj = value as Record<string, unknown>;
  let best: number | undefined;
  let bestScore = -Infinity;
  branches.forEach((b, i) => {
    const target = resolveLocal(b, parent);
    const props = (target.properties ?? {}) as Record<string, Schema>;
    let score = 0;
    for (const [k, p] of Object.entries(props)) {
      if ('const' in p) score += obj[k] === p.const ? 10 : k in obj ? -10 : 0;
    }
    for (const k of (target.required as string[] | undefined) ?? []) score += k in obj ? 1 : -1;
    for (const k of Object.keys(obj)) if (!(k in props)) score -= 1;
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best;
}

function resolveLocal(b: Schema, parent: Schema): Schema {
  const ref = b.$ref;
  if (typeof ref === 'string' && ref.startsWith('#/$defs/')) return (parent.$defs as Record<string, Schema> | undefined)?.[ref.slice(8)] ?? b;
  return b;
}

function toDiagnostic(e: ErrorObject, root: unknown, where: Where): Diagnostic | undefined {
  const path = pointerToPath(e.instancePath, root);
  const parent = (e.parentSchema ?? {}) as Schema;
  const value = valueAt(root, path);
  const name = describePath(path);
  const describe = (s: Schema | undefined): string | undefined => (typeof s?.description === 'string' ? s.description : undefined);
  const base = { severity: 'error' as const, file: where.file, docIndex: where.docIndex, path };
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required': {
      const missing = String(p.missingProperty);
      const props = (parent.properties ?? {}) as Record<string, Schema>;
      return {
        ...base,
        ruleId: 'schema/required',
        message: `${name || 'document'} is missing required property "${missing}"`,
        hint: `Add \`${missing}:\`${describe(props[missing]) ? ` — ${describe(props[missing])}` : '.'}`,
      };
    }
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const allowed = Object.keys((parent.properties ?? {}) as object).sort();
      const guess = suggest(key, allowed);
      return {
        ...base,
        path: [...path, key],
        atKey: true,
        ruleId: 'schema/unknown-property',
        message: `unknown property "${key}"${name ? ` in ${name}` : ''}${guess ? `; did you mean "${guess}"?` : ''}`,
        hint: allowed.length > 0 ? `Allowed here: ${allowed.join(', ')}.` : 'Remove it.',
      };
    }
    case 'type':
      return {
        ...base,
        ruleId: 'schema/type',
        message: `${name} must be ${article(String(p.type))}; got ${typeName(value)} ${showValue(value)}`,
        hint: typeHint(String(p.type), value, describe(parent)),
      };
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).map(String);
      const guess = typeof value === 'string' ? suggest(value, allowed) : undefined;
      return {
        ...base,
        ruleId: 'schema/enum',
        message: `${name} must be one of ${allowed.join(', ')}; got ${showValue(value)}${guess ? ` (did you mean ${guess}?)` : ''}`,
        hint: describe(parent),
      };
    }
    case 'const':
      return {
        ...base,
        ruleId: 'schema/const',
        message: `${name} must be ${showValue(p.allowedValue)}; got ${showValue(value)}`,
        hint: `Write \`${path.at(-1)}: ${String(p.allowedValue)}\`.`,
      };
    case 'pattern':
      return {
        ...base,
        ruleId: 'schema/pattern',
        message: `${name} ${showValue(value)} is not in the expected format`,
        hint: describe(parent) ?? `It must match ${String(p.pattern)}.`,
      };
    case 'format':
      return {
        ...base,
        ruleId: 'schema/format',
        message: `${name} ${showValue(value)} is not a valid ${String(p.format)}`,
        hint: p.format === 'date-time' ? dateTimeHint(/\/(from|until)$/.test(e.instancePath)) : describe(parent),
      };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const op = { minimum: '≥', maximum: '≤', exclusiveMinimum: '>', exclusiveMaximum: '<' }[e.keyword];
      return { ...base, ruleId: 'schema/range', message: `${name} must be ${op} ${String(p.limit)}; got ${showValue(value)}`, hint: describe(parent) };
    }
    case 'multipleOf':
      return {
        ...base,
        ruleId: 'schema/precision',
        message: `${name} must be a multiple of ${String(p.multipleOf)}; got ${showValue(value)}`,
        hint: describe(parent) ?? `Round it to a multiple of ${String(p.multipleOf)}.`,
      };
    case 'minItems':
    case 'maxItems':
      return {
        ...base,
        ruleId: 'schema/items',
        message:
          `${name} must have ${e.keyword === 'minItems' ? 'at least' : 'at most'} ${String(p.limit)}` +
          ` item${p.limit === 1 ? '' : 's'}; it has ${Array.isArray(value) ? value.length : 0}`,
        hint: describe(parent),
      };
    case 'uniqueItems':
      return {
        ...base,
        path: [...path, Number(p.i)],
        ruleId: 'schema/unique-items',
        message: `${name} lists ${showValue((value as unknown[])[Number(p.i)])} twice (items ${Number(p.j)} and ${Number(p.i)})`,
        hint: 'Remove the duplicate.',
      };
    case 'minLength':
    case 'maxLength':
      return {
        ...base,
        ruleId: 'schema/length',
        message:
          `${name} must be ${e.keyword === 'minLength' ? 'at least' : 'at most'} ` +
          `${String(p.limit)} characters; got ${typeof value === 'string' ? value.length : 0}`,
        hint: describe(parent),
      };
    case 'minProperties':
      return { ...base, ruleId: 'schema/required', message: `${name} must not be empty`, hint: describe(parent) };
    case 'propertyNames':
      return undefined; // reported by the nested pattern error at the key
    case 'oneOf':
    case 'anyOf': {
      const branches = (e.schema as Schema[]) ?? [];
      const keys = branches.flatMap((b) => (Array.isArray(b.required) ? (b.required as string[]) : []));
      if (keys.length === branches.length && keys.length > 0) {
        const present = value && typeof value === 'object' ? keys.filter((k) => k in (value as object)) : [];
        const one = e.keyword === 'oneOf';
        return {
          ...base,
          ruleId: 'schema/one-of',
          message:
            `${name} needs ${one ? 'exactly one' : 'at least one'} of ${keys.join(', ')}` +
            `; ${present.length === 0 ? 'found none' : `found ${present.join(' and ')}`}`,
          hint: one && present.length > 1 ? 'Split it into separate entries, one per effect.' : describe(parent),
        };
      }
      return { ...base, ruleId: 'schema/one-of', message: `${name} does not match any allowed shape`, hint: describe(parent) };
    }
    default:
      return { ...base, ruleId: `schema/${e.keyword}`, message: `${name} ${e.message ?? 'is invalid'}`, hint: describe(parent) };
  }
}

/** A window's `from`/`until` may also be a local time read in the window's time zone. */
function dateTimeHint(windowBound: boolean): string {
  const local = windowBound ? ", or a local time such as 2027-06-01T00:00 with the window's timeZone" : '';
  return `Write an RFC 3339 instant with a zone that exists on the calendar, e.g. 2027-06-01T00:00:00Z${local}.`;
}

function suggest(word: string, options: readonly string[]): string | undefined {
  if (options.length === 0) return undefined;
  const c = closest(word, [...options]);
  const lower = options.find((o) => o.toLowerCase() === word.toLowerCase());
  if (lower) return lower;
  return distance(word, c) <= Math.max(2, Math.floor(word.length / 3)) ? c : undefined;
}

function typeHint(type: string, value: unknown, description: string | undefined): string | undefined {
  if (type === 'string' && typeof value === 'number') return `Quote it: "${String(value)}"${description ? ` — ${description}` : ''}`;
  return description;
}

function article(type: string): string {
  const t = type.replace(/,/g, ' or ');
  return /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return typeof v === 'number' && Number.isInteger(v) ? 'integer' : typeof v;
}

export function pointerToPath(pointer: string, root: unknown): DocPath {
  if (pointer === '') return [];
  const out: (string | number)[] = [];
  let cur: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const key: string | number = Array.isArray(cur) ? Number(seg) : seg;
    out.push(key);
    cur = cur !== null && typeof cur === 'object' ? (cur as Record<string | number, unknown>)[key] : undefined;
  }
  return out;
}

export function valueAt(root: unknown, path: DocPath): unknown {
  let cur = root;
  for (const k of path) cur = cur !== null && typeof cur === 'object' ? (cur as Record<string | number, unknown>)[k] : undefined;
  return cur;
}
