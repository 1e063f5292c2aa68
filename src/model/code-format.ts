// The form of a code each target accepts. The schema admits any code some target takes (letters of either
// case, digits, '.', '-', '_'); a campaign planned on a target must also fit that target's form, checked
// when validating (labels.target) and when linting (configured targets).

export interface CodeFormat {
  readonly pattern: RegExp;
  /** What it accepts, for messages: "it accepts …". */
  readonly text: string;
  /** A code of this form close to `code`, for hints. */
  suggest(code: string): string;
}

const UPPER = (code: string): string =>
  code
    .toUpperCase()
    .replace(/[^A-Z0-9_-]/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, 40)
    .padEnd(4, '0');

/** promoc's own form: what the mobility and subscription-billing APIs and the engine are given. */
export const DEFAULT_CODE_FORMAT: CodeFormat = {
  pattern: /^[A-Z0-9][A-Z0-9_-]{2,38}[A-Z0-9]$/,
  text: "4–40 uppercase letters, digits, '-' and '_', starting and ending with a letter or digit",
  suggest: UPPER,
};

export const CODE_FORMATS: Readonly<Record<string, CodeFormat>> = {
  // "Uppercase letters and numbers only, 4–20 characters."
  'ev-billing': {
    pattern: /^[A-Z0-9]{4,20}$/,
    text: '4–20 uppercase letters and digits',
    suggest: (code) =>
      code
        .toUpperCase()
        .replace(/[^A-Z0-9]/g, '')
        .slice(0, 20)
        .padEnd(4, '0'),
  },
  // Lago takes any string as a coupon code (e.g. startup_deal); promoc keeps to what the schema admits.
  lago: {
    pattern: /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,98}[A-Za-z0-9])?$/,
    text: "1–100 letters of either case, digits, '.', '-' and '_', starting and ending with a letter or digit",
    suggest: (code) => code,
  },
  mobility: DEFAULT_CODE_FORMAT,
  promotions: DEFAULT_CODE_FORMAT,
  engine: DEFAULT_CODE_FORMAT,
};

/** Kinds a target turns into codes of its own form; it refuses the other kinds outright when planning. */
const CODE_KINDS: Readonly<Record<string, readonly string[]>> = { 'ev-billing': ['Promotion'], lago: ['Promotion'] };

/** The form for a resource of `kind` with this labels.target (promoc's own without a known target). */
export function codeFormatFor(target: string | undefined, kind: string): CodeFormat {
  const kinds = target !== undefined ? CODE_KINDS[target] : undefined;
  if (kinds !== undefined && !kinds.includes(kind)) return DEFAULT_CODE_FORMAT;
  return (target !== undefined ? CODE_FORMATS[target] : undefined) ?? DEFAULT_CODE_FORMAT;
}
