// The `?field.op=value` filter grammar: ops eq (default), ne, gt, gte, lt, lte, in
// (comma-separated), contains. Unknown fields are ignored; a bad operator (or an operator the field's type
// cannot take, or a value that does not parse) on a known field is a 400 VALIDATION naming every offender.
import { parseDateOrDateTime } from '../shared/iso-time.js';
import type { FieldProblem } from './problems.js';

export type FieldKind = 'enum' | 'string' | 'number' | 'boolean' | 'date';
export type Op = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'contains';

const OPS: readonly Op[] = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'contains'];
const ALLOWED: Readonly<Record<FieldKind, readonly Op[]>> = {
  enum: ['eq', 'ne', 'in'],
  string: ['eq', 'ne', 'in', 'contains'],
  number: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in'],
  boolean: ['eq', 'ne'],
  date: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte'],
};

export type Scalar = string | number | boolean | null;
export interface Filter {
  readonly field: string;
  readonly op: Op;
  readonly values: readonly Scalar[];
}

/** Query parameters that are not filters. */
const RESERVED = new Set(['limit', 'cursor', 'sort']);

function parseValue(kind: FieldKind, text: string): Scalar | undefined {
  if (text === 'null') return null;
  switch (kind) {
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : undefined;
    case 'date': {
      const d = parseDateOrDateTime(text);
      return d ? d.at.getTime() : undefined;
    }
    default:
      return text;
  }
}

export function parseFilters(
  query: readonly (readonly [string, string])[],
  fields: Readonly<Record<string, FieldKind>>,
): { filters: Filter[]; problems: FieldProblem[] } {
  const filters: Filter[] = [];
  const problems: FieldProblem[] = [];
  for (const [key, raw] of query) {
    if (RESERVED.has(key)) continue;
    const dot = key.indexOf('.');
    const field = dot < 0 ? key : key.slice(0, dot);
    const opText = dot < 0 ? 'eq' : key.slice(dot + 1);
    const kind = fields[field];
    if (!kind) continue;
    if (!(OPS as readonly string[]).includes(opText)) {
      problems.push({ field: key, message: `unknown operator "${opText}" on ${field}; use one of ${ALLOWED[kind].join(', ')}` });
      continue;
    }
    const op = opText as Op;
    if (!ALLOWED[kind].includes(op)) {
      problems.push({ field: key, message: `operator "${op}" does not apply to ${field} (${kind}); use one of ${ALLOWED[kind].join(', ')}` });
      continue;
    }
    const texts =
      op === 'in'
        ? raw
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s !== '')
        : [raw];
    const values = texts.map((t) => parseValue(kind, t));
    if (values.some((v) => v === undefined) || values.length === 0) {
      problems.push({ field: key, message: `"${raw}" is not a valid ${kind} value for ${field}` });
      continue;
    }
    filters.push({ field, op, values: values as Scalar[] });
  }
  return { filters, problems };
}

function compare(a: Scalar, b: Scalar): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

export function matches(value: Scalar, filter: Filter): boolean {
  const [first] = filter.values;
  const v = first === undefined ? null : first;
  switch (filter.op) {
    case 'eq':
      return compare(value, v) === 0;
    case 'ne':
      return compare(value, v) !== 0;
    case 'in':
      return filter.values.some((x) => compare(value, x) === 0);
    case 'contains':
      return typeof value === 'string' && typeof v === 'string' && value.toLowerCase().includes(v.toLowerCase());
    case 'gt':
      return value !== null && compare(value, v) > 0;
    case 'gte':
      return value !== null && compare(value, v) >= 0;
    case 'lt':
      return value !== null && compare(value, v) < 0;
    case 'lte':
      return value !== null && compare(value, v) <= 0;
  }
}
