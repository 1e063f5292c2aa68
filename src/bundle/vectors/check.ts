// One test case against an engine: every expectation the author wrote, compared with the
// evaluation. Money is compared in minor units and shown in the context's currency.
import type { Engine } from '../../engine/load.js';
import type { Evaluation } from '../../engine/evaluation.js';
import { toMinor } from '../../engine/context-data.js';
import { ContextError } from '../../engine/errors.js';
import { currencyExponent, formatMinor } from '../../engine/money.js';
import type { Amount, TestCase } from './parse.js';

/** One expectation that did not hold: what the author wrote and what the engine gave. */
export interface Mismatch {
  readonly field: string;
  readonly expected: string;
  readonly actual: string;
}

export interface CaseResult {
  readonly case: TestCase;
  readonly mismatches: readonly Mismatch[];
  /** The case could not be checked: a context the engine refuses, or an expected amount that is not one. */
  readonly error?: string;
}

export function checkCase(engine: Engine, t: TestCase): CaseResult {
  let e: Evaluation;
  try {
    e = engine.evaluate(t.context);
  } catch (error) {
    if (error instanceof ContextError) return { case: t, mismatches: [], error: `evaluation failed: ${error.message}` };
    throw error;
  }
  try {
    return { case: t, mismatches: compare(t, e) };
  } catch (error) {
    // An expected amount that does not read as one (3 decimals for EUR, "abc"): this case fails, the run goes on.
    if (error instanceof ContextError)
      return { case: t, mismatches: [], error: `cannot read the expectation: ${error.message}${error.hint ? ` (${error.hint})` : ''}` };
    throw error;
  }
}

function compare(t: TestCase, e: Evaluation): Mismatch[] {
  const exp = currencyExponent(e.currency);
  const money = (n: number): string => formatMinor(n, exp);
  const minor = (a: Amount, field: string): number => toMinor(a, `expect.${field}`, exp);
  const out: Mismatch[] = [];
  const list = (field: string, expected: readonly string[] | undefined, actual: readonly string[]): void => {
    if (expected && expected.join('\n') !== actual.join('\n')) out.push({ field, expected: show(expected), actual: show(actual) });
  };
  const sum = (field: 'subtotal' | 'surcharges' | 'discounts' | 'total'): void => {
    const want = t.expect[field];
    if (want !== undefined && minor(want, field) !== e[field]) out.push({ field, expected: money(minor(want, field)), actual: money(e[field]) });
  };
  list(
    'applied',
    t.expect.applied,
    e.applied.map((a) => a.campaign),
  );
  list(
    'fees',
    t.expect.fees,
    e.fees.map((f) => f.campaign),
  );
  list(
    'grants',
    t.expect.grants,
    e.grants.map((g) => g.campaign),
  );
  list('unknownCodes', t.expect.unknownCodes, e.unknownCodes);
  for (const field of ['subtotal', 'surcharges', 'discounts', 'total'] as const) sum(field);
  for (const [id, want] of Object.entries(t.expect.lines ?? {})) {
    const line = e.lines.find((l) => l.id === id);
    if (!line || line.amount !== minor(want, `lines.${id}`))
      out.push({ field: `lines.${id}`, expected: money(minor(want, `lines.${id}`)), actual: line ? money(line.amount) : 'no such line' });
  }
  for (const [id, text] of Object.entries(t.expect.rejected ?? {})) {
    const r = e.rejected.find((x) => x.campaign === id);
    if (!r || !r.reason.includes(text)) {
      const actual = r
        ? `rejected: ${r.reason}`
        : e.applied.some((a) => a.campaign === id)
          ? 'applied'
          : 'not considered (its code, zone or vehicle was not in the context)';
      out.push({ field: `rejected.${id}`, expected: `rejected: …${text}…`, actual });
    }
  }
  return out;
}

function show(xs: readonly string[]): string {
  return `[${xs.join(', ')}]`;
}
