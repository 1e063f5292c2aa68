// A recorded session is an engine context written as data (the `promoc eval` format, docs/simulate.md)
// with an optional `id`. This is the hot path of a replay: the parsed JSON object is checked and
// rebuilt in the fixed shapes of shapes.ts, amounts given as decimal strings become minor units, `at`
// becomes epoch ms. Anything else the engine checks itself (ContextError) when it evaluates.
import type { EvaluationContext, PriceLine } from '../engine/context.js';
import { readInstant } from '../engine/instant.js';
import { currencyExponent, parseDecimal } from '../engine/money.js';
import * as shape from './shapes.js';
import { PromocError } from '../model/errors.js';

/** An EvaluationContext the simulator may annotate (usage is swapped per side). */
export type Session = EvaluationContext & { id?: string; at: number; usage?: EvaluationContext['usage'] };

/** One session cannot be used; the replay counts it and goes on. */
export class SessionError extends PromocError {
  override readonly name = 'SessionError';
}

/** The whole input cannot be used (a CSV header naming unknown columns). */
export class SessionsFileError extends PromocError {
  override readonly name = 'SessionsFileError';
  constructor(message: string, hint?: string) {
    super(message, { hint });
  }
}

type Obj = Record<string, unknown>;

export function sessionFromObject(value: unknown): Session {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new SessionError('a session must be a JSON object');
  const s = value as Obj;
  if (s.at === undefined) throw new SessionError('"at" is missing; give RFC 3339 with a zone or epoch ms');
  const at = readInstant(s.at);
  if (typeof at !== 'number') throw new SessionError(`"at": ${at.error}; give RFC 3339 with a zone or epoch ms`);
  const currency = s.currency;
  if (typeof currency !== 'string') throw new SessionError('"currency" is missing; give an ISO 4217 code such as EUR');
  if (!Array.isArray(s.lines)) throw new SessionError('"lines" must be a list of price lines');
  if ('usage' in s) throw new SessionError('"usage" is not allowed in a recorded session: the simulator counts redemptions itself');
  const given = s.lines as unknown[];
  const lines = new Array<PriceLine>(given.length);
  for (let i = 0; i < given.length; i++) {
    const l = given[i];
    if (typeof l !== 'object' || l === null || Array.isArray(l)) throw new SessionError(`lines[${i}]: ${JSON.stringify(l) ?? 'undefined'} is not an object`);
    const line = l as Obj;
    lines[i] = shape.lineFrom(line, typeof line.amount === 'string' ? decimalToMinor(line.amount, currency, line.id) : (line.amount as number));
  }
  // An id that is not a string is shown as its JSON text (17, true, null); String() throws on {"toString": 1}.
  const id = s.id === undefined || typeof s.id === 'string' ? s.id : JSON.stringify(s.id);
  return shape.session(
    id,
    at,
    currency,
    shape.customerFrom(s.customer),
    s.codes as string[] | undefined,
    lines,
    shape.rentalFrom(s.rental),
    shape.vehicleFrom(s.vehicle),
    shape.billingFrom(s.billing),
  );
}

/** A line's amount written as a decimal in the session's currency ("12.00") → minor units (1200). */
export function decimalToMinor(amount: string, currency: string, lineId: unknown): number {
  // A malformed currency is the engine's to refuse; the amount still reads with two decimals meanwhile.
  const minor = parseDecimal(amount, /^[A-Z]{3}$/.test(currency) ? currencyExponent(currency) : 2);
  if (typeof minor !== 'number') throw new SessionError(`line ${JSON.stringify(lineId)}: ${minor.error}`);
  return minor;
}

/** The session's customer id, when it has one. */
export function customerOf(s: Session): string | undefined {
  const id = s.customer?.id;
  return typeof id === 'string' ? id : undefined;
}
