// Campaign test files (`*.test.yaml` next to the campaigns, or `tests/**/*.yaml`): given a context,
// expect these campaigns applied and this total. Parsed YAML in, cases or problems out; pure.
import type { EvaluationContext } from '../../engine/context.js';
import { contextFromData } from '../../engine/context-data.js';
import { ContextError } from '../../engine/errors.js';

/** Amounts are minor units (numbers) or decimal strings in the context's currency. */
export type Amount = number | string;

export interface Expectation {
  /** Exactly these campaign ids, in application order. */
  readonly applied?: readonly string[];
  /** Exactly these surcharge ids. */
  readonly fees?: readonly string[];
  /** These campaigns are rejected, each with a reason containing the text. */
  readonly rejected?: Readonly<Record<string, string>>;
  readonly subtotal?: Amount;
  readonly surcharges?: Amount;
  readonly discounts?: Amount;
  readonly total?: Amount;
  /** Final amount per line id. */
  readonly lines?: Readonly<Record<string, Amount>>;
  /** Campaign ids that granted something outside the price (credit, trial days). */
  readonly grants?: readonly string[];
  readonly unknownCodes?: readonly string[];
}

export interface TestCase {
  readonly file: string;
  readonly index: number;
  readonly name: string;
  readonly context: EvaluationContext;
  readonly expect: Expectation;
}

export interface TestFileProblem {
  readonly file: string;
  readonly message: string;
}

const EXPECT_KEYS = new Set(['applied', 'fees', 'rejected', 'subtotal', 'surcharges', 'discounts', 'total', 'lines', 'grants', 'unknownCodes']);

/** `{ context?: defaults, tests: [{ name, context, expect }] }`; each test's context keys override the defaults. */
export function parseTestFile(file: string, data: unknown): { cases: TestCase[]; problems: TestFileProblem[] } {
  const cases: TestCase[] = [];
  const problems: TestFileProblem[] = [];
  const doc = data as { context?: unknown; tests?: unknown } | null;
  if (typeof doc !== 'object' || doc === null || !Array.isArray(doc.tests)) {
    return { cases, problems: [{ file, message: 'expected a mapping with a `tests:` list' }] };
  }
  const defaults = isObject(doc.context) ? doc.context : {};
  doc.tests.forEach((raw, index) => {
    const t = raw as { name?: unknown; context?: unknown; expect?: unknown } | null;
    const name = typeof t?.name === 'string' ? t.name : `test ${index + 1}`;
    const where = `tests[${index}] (${name})`;
    if (!isObject(t) || !isObject(t.expect)) {
      problems.push({ file, message: `${where}: needs \`context\` and \`expect\`` });
      return;
    }
    const unknown = Object.keys(t.expect).filter((k) => !EXPECT_KEYS.has(k));
    if (unknown.length > 0) {
      problems.push({ file, message: `${where}: unknown expectation ${unknown.join(', ')}; known: ${[...EXPECT_KEYS].join(', ')}` });
      return;
    }
    const wrong = expectationProblem(t.expect);
    if (wrong !== undefined) {
      problems.push({ file, message: `${where}: ${wrong}` });
      return;
    }
    try {
      const context = contextFromData({ ...defaults, ...(isObject(t.context) ? t.context : {}) });
      cases.push({ file, index, name, context, expect: t.expect as Expectation });
    } catch (e) {
      if (!(e instanceof ContextError)) throw e;
      problems.push({ file, message: `${where}: context.${e.message}${e.hint ? ` (${e.hint})` : ''}` });
    }
  });
  return { cases, problems };
}

const LISTS = ['applied', 'fees', 'grants', 'unknownCodes'] as const;
const SUMS = ['subtotal', 'surcharges', 'discounts', 'total'] as const;

/** What in an expectation has the wrong shape (a campaign id where a list belongs, say), as a sentence. */
function expectationProblem(e: Record<string, unknown>): string | undefined {
  for (const k of LISTS) {
    const v = e[k];
    if (v !== undefined && !(Array.isArray(v) && v.every((x) => typeof x === 'string')))
      return (
        `expect.${k} must be a list of campaign ids${k === 'unknownCodes' ? ' (codes)' : ''}` +
        `, e.g. ${k}: [${typeof v === 'string' ? v : 'Promotion/summer-25'}]`
      );
  }
  for (const k of SUMS) {
    const v = e[k];
    if (v !== undefined && typeof v !== 'number' && typeof v !== 'string')
      return `expect.${k} must be an amount: minor units (1250) or a decimal string ("12.50")`;
  }
  if (e.lines !== undefined && !(isObject(e.lines) && Object.values(e.lines).every((v) => typeof v === 'number' || typeof v === 'string')))
    return 'expect.lines must map line ids to amounts, e.g. lines: { time: "8.50" }';
  if (e.rejected !== undefined && !(isObject(e.rejected) && Object.values(e.rejected).every((v) => typeof v === 'string')))
    return 'expect.rejected must map campaign ids to text their reason contains, e.g. rejected: { Promotion/summer-25: window ends }';
  return undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
