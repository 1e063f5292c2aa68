// Reading untrusted JSON bodies field by field. Nothing is `any` at the boundary: a body is `unknown`
// until a reader has checked each field, and every problem is collected (not thrown) so a family can
// answer with all of them at once in its own error format.
import { parseDateTime } from './iso-time.js';

export type IssueKind = 'required' | 'invalid' | 'out_of_range' | 'invalid_date' | 'already_exists';

export interface Issue {
  readonly field: string;
  readonly kind: IssueKind;
  readonly message: string;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short printable form of a bad value for messages, never the whole payload. */
export function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

interface Common {
  required?: boolean;
}
interface StringRules extends Common {
  pattern?: RegExp;
  patternHint?: string;
  minLength?: number;
  maxLength?: number;
}
interface NumberRules extends Common {
  integer?: boolean;
  min?: number;
  max?: number;
  exclusiveMin?: number;
}

/** Reads one object. `undefined` means absent, `null` means explicitly null; wrong types are issues. */
export class FieldReader {
  readonly source: Record<string, unknown>;

  constructor(
    source: unknown,
    readonly prefix = '',
    readonly issues: Issue[] = [],
  ) {
    if (isRecord(source)) this.source = source;
    else {
      this.source = {};
      this.add(prefix || '(body)', 'invalid', `expected a JSON object, got ${quote(source)}`);
    }
  }

  path(key: string): string {
    return this.prefix ? `${this.prefix}.${key}` : key;
  }

  has(key: string): boolean {
    return Object.hasOwn(this.source, key) && this.source[key] !== undefined;
  }

  add(field: string, kind: IssueKind, message: string): void {
    this.issues.push({ field, kind, message });
  }

  private present(key: string, rules: Common): unknown {
    const value = this.source[key];
    if (value === undefined || value === null) {
      if (rules.required) this.add(this.path(key), 'required', `${this.path(key)} is required`);
      return value === null && !rules.required ? null : undefined;
    }
    return value;
  }

  string(key: string, rules: StringRules = {}): string | null | undefined {
    const value = this.present(key, rules);
    if (value === null || value === undefined) return value;
    if (typeof value !== 'string') return this.wrong(key, value, 'a string');
    if (rules.required && value.trim() === '') {
      this.add(this.path(key), 'required', `${this.path(key)} must not be empty`);
      return undefined;
    }
    if ((rules.minLength !== undefined && value.length < rules.minLength) || (rules.maxLength !== undefined && value.length > rules.maxLength)) {
      this.add(
        this.path(key),
        'out_of_range',
        `${this.path(key)} must be ${rules.minLength ?? 0}–` + `${rules.maxLength ?? '∞'} characters (got ${value.length})`,
      );
      return undefined;
    }
    if (rules.pattern && !rules.pattern.test(value)) {
      this.add(this.path(key), 'invalid', `${this.path(key)} ${quote(value)} is invalid: ${rules.patternHint ?? `must match ${rules.pattern.source}`}`);
      return undefined;
    }
    return value;
  }

  number(key: string, rules: NumberRules = {}): number | null | undefined {
    const value = this.present(key, rules);
    if (value === null || value === undefined) return value;
    if (typeof value !== 'number' || !Number.isFinite(value)) return this.wrong(key, value, 'a number');
    if (rules.integer && !Number.isInteger(value)) return this.wrong(key, value, 'an integer');
    const tooLow = (rules.min !== undefined && value < rules.min) || (rules.exclusiveMin !== undefined && value <= rules.exclusiveMin);
    if (tooLow || (rules.max !== undefined && value > rules.max)) {
      const low = rules.exclusiveMin !== undefined ? `> ${rules.exclusiveMin}` : rules.min !== undefined ? `>= ${rules.min}` : '';
      const high = rules.max !== undefined ? `<= ${rules.max}` : '';
      this.add(this.path(key), 'out_of_range', `${this.path(key)} must be ${[low, high].filter(Boolean).join(' and ')} (got ${value})`);
      return undefined;
    }
    return value;
  }

  boolean(key: string, rules: Common = {}): boolean | null | undefined {
    const value = this.present(key, rules);
    if (value === null || value === undefined) return value;
    return typeof value === 'boolean' ? value : this.wrong(key, value, 'true or false');
  }

  oneOf<T extends string>(key: string, values: readonly T[], rules: Common = {}): T | null | undefined {
    const value = this.present(key, rules);
    if (value === null || value === undefined) return value;
    if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
    return this.wrong(key, value, `one of ${values.join(', ')}`);
  }

  dateTime(key: string, rules: Common & { after?: Date } = {}): Date | null | undefined {
    const value = this.present(key, rules);
    if (value === null || value === undefined) return value;
    const at = typeof value === 'string' ? parseDateTime(value) : undefined;
    if (!at) {
      this.add(this.path(key), 'invalid_date', `${this.path(key)} ${quote(value)} is not an ISO 8601 date-time with a timezone (e.g. 2027-06-01T00:00:00Z)`);
      return undefined;
    }
    if (rules.after && at.getTime() <= rules.after.getTime()) {
      this.add(this.path(key), 'invalid_date', `${this.path(key)} ${quote(value)} must be after ${rules.after.toISOString()}`);
      return undefined;
    }
    return at;
  }

  array(key: string, rules: Common = {}): unknown[] | null | undefined {
    const value = this.present(key, rules);
    if (value === null || value === undefined) return value;
    return Array.isArray(value) ? value : this.wrong(key, value, 'an array');
  }

  stringArray(key: string, rules: Common & { pattern?: RegExp } = {}): string[] | null | undefined {
    const items = this.array(key, rules);
    if (!items) return items;
    const bad = items.findIndex((s) => typeof s !== 'string' || (rules.pattern !== undefined && !rules.pattern.test(s)));
    if (bad >= 0) return this.wrong(`${key}[${bad}]`, items[bad], 'a string');
    return items as string[];
  }

  numberArray(key: string, rules: Common & { integer?: boolean } = {}): number[] | null | undefined {
    const items = this.array(key, rules);
    if (!items) return items;
    const bad = items.findIndex((n) => typeof n !== 'number' || !Number.isFinite(n) || (rules.integer === true && !Number.isInteger(n)));
    if (bad >= 0) return this.wrong(`${key}[${bad}]`, items[bad], rules.integer ? 'an integer' : 'a number');
    return items as number[];
  }

  /** A nested object read with the same issue list, its fields prefixed with `key.`. */
  object(key: string, rules: Common = {}): FieldReader | null | undefined {
    const value = this.present(key, rules);
    if (value === null || value === undefined) return value;
    if (!isRecord(value)) return this.wrong(key, value, 'an object');
    return new FieldReader(value, this.path(key), this.issues);
  }

  private wrong(key: string, value: unknown, expected: string): undefined {
    this.add(this.path(key), 'invalid', `${this.path(key)} must be ${expected} (got ${quote(value)})`);
    return undefined;
  }
}
