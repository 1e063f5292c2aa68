// Shared checks for `lower`: which fields of a source resource a target can express. Each provider lists the
// field paths it maps (generic paths, `[]` for any array item); anything else present in the resource is a
// located compile error naming the field and what the target offers instead. A field the API has no place
// for is still expressible when its value is what the API does anyway (`native`): e.g. `stackable: true` on
// an API that always combines benefits. Such values are accepted and not sent; any other value is an error.
import { isSecondInstant } from '../model/canonical.js';
import type { DocPath } from '../model/diagnostic.js';
import type { AnyResource } from '../model/resource.js';
import type { LowerIssue } from './provider.js';

export interface FieldRules {
  /** Generic paths the target maps, e.g. 'spec.window.until', 'spec.benefits[].percentOff'. A path allows its subtree. */
  readonly allowed: readonly string[];
  /** Hints by generic path prefix (longest match wins): what the target offers instead. */
  readonly hints: Readonly<Record<string, string>>;
  /** Why, by generic path prefix (longest match wins). */
  readonly reasons?: Readonly<Record<string, string>>;
  /** By generic path: whether a value is the API's native behaviour (accepted, not sent). Other values are errors. */
  readonly native?: Readonly<Record<string, (value: unknown) => boolean>>;
  readonly apiName: string;
}

/** Never a problem: identity and bookkeeping (metadata.description goes where the API keeps an internal note, if anywhere). */
const ALWAYS = ['apiVersion', 'kind', 'metadata.name', 'metadata.labels', 'metadata.description'];

interface Compiled {
  readonly allowed: ReadonlySet<string>;
  readonly ancestors: ReadonlySet<string>;
}
const compiledRules = new WeakMap<FieldRules, Compiled>();

function compile(rules: FieldRules): Compiled {
  let c = compiledRules.get(rules);
  if (!c) {
    const allowed = new Set([...ALWAYS, ...rules.allowed]);
    const ancestors = new Set<string>(['']);
    for (const a of [...allowed, ...Object.keys(rules.native ?? {})])
      for (let i = 0; i < a.length; i += 1) if (a[i] === '.' || a[i] === '[') ancestors.add(a.slice(0, i));
    c = { allowed, ancestors };
    compiledRules.set(rules, c);
  }
  return c;
}

export function unsupportedFields(resource: AnyResource, rules: FieldRules): LowerIssue[] {
  const issues: LowerIssue[] = [];
  const { allowed, ancestors } = compile(rules);
  // One path, pushed and popped as the walk goes; copied only for an issue (this runs on every resource planned).
  const path: (string | number)[] = [];
  const visit = (value: unknown, generic: string): void => {
    if (allowed.has(generic)) return; // an allowed path allows its whole subtree
    if (rules.native?.[generic]?.(value)) return;
    if (!ancestors.has(generic) || value === null || typeof value !== 'object') {
      issues.push(issueAt([...path], generic, rules));
      return;
    }
    if (Array.isArray(value)) {
      const item = `${generic}[]`;
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        visit(value[i], item);
        path.pop();
      }
    } else {
      for (const k in value) {
        if (!Object.hasOwn(value, k)) continue;
        path.push(k);
        visit((value as Record<string, unknown>)[k], generic === '' ? k : `${generic}.${k}`);
        path.pop();
      }
    }
  };
  visit(resource, '');
  return issues;
}

export function issueAt(path: DocPath, generic: string, rules: Pick<FieldRules, 'hints' | 'reasons' | 'apiName'>, message?: string): LowerIssue {
  const field = displayPath(path);
  return {
    path,
    field,
    message: message ?? longest(rules.reasons ?? {}, generic) ?? `${rules.apiName} has no such field`,
    hint: longest(rules.hints, generic) ?? `Remove ${field} for this target, or plan the resource on a target that can express it.`,
  };
}

export function displayPath(path: DocPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function longest(map: Readonly<Record<string, string>>, generic: string): string | undefined {
  let best: string | undefined;
  for (const key of Object.keys(map)) {
    if ((generic === key || generic.startsWith(`${key}.`) || generic.startsWith(`${key}[`)) && (best === undefined || key.length > best.length)) best = key;
  }
  return best === undefined ? undefined : map[best];
}

/**
 * An instant as the four APIs keep it: UTC, to the second (`2027-06-01T00:00:00Z`). One with a fraction of a
 * second would read back truncated (a diff on every plan), and one Date cannot read (a leap second) is
 * refused by the API: both are located issues here instead of failures at apply.
 */
export function apiInstant(value: string, path: DocPath, apiName: string, issues: LowerIssue[]): string {
  if (isSecondInstant(value)) return value;
  const t = Date.parse(value);
  const field = displayPath(path);
  if (Number.isNaN(t)) {
    issues.push({
      path,
      field,
      message: `${value} is not an instant ${apiName} can read (a leap second, or a date outside what Date reads)`,
      hint: 'Write an RFC 3339 date-time such as 2027-06-01T00:00:00Z.',
    });
    return value;
  }
  const seconds = Math.floor(t / 1000) * 1000;
  const utc = new Date(seconds).toISOString().replace(/\.000Z$/, 'Z');
  if (seconds !== t)
    issues.push({
      path,
      field,
      message: `${apiName} keeps instants to the second: ${value} would read back as ${utc}`,
      hint: `Write whole seconds, e.g. ${utc}.`,
    });
  return utc;
}

/**
 * A decimal amount as the JSON number an API taking major units receives ("2.50" → 2.5), or undefined when
 * that number is not exactly the amount: past about 15 significant digits a double, and so the text
 * JSON.stringify sends, is a different amount.
 */
export function majorNumber(amount: string): number | undefined {
  const n = Number(amount);
  const decimal = (t: string): string =>
    t
      .replace(/^0+(?=\d)/, '')
      .replace(/(\.\d*?)0+$/, '$1')
      .replace(/\.$/, '');
  return Number.isFinite(n) && decimal(String(n)) === decimal(amount) ? n : undefined;
}

/** The APIs trim names and refuse an empty one: a display name of only whitespace is a located issue. */
export function blankDisplayName(displayName: unknown, apiName: string, issues: LowerIssue[]): void {
  if (typeof displayName === 'string' && displayName.trim() === '') {
    issues.push({
      path: ['spec', 'displayName'],
      field: 'spec.displayName',
      message: `${apiName} refuses a name that is only whitespace`,
      hint: 'Write a display name, or leave it out to use metadata.name.',
    });
  }
}
