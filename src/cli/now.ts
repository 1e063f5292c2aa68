// `--now INSTANT`: the instant plan, apply and report decide "what is due, what is live" against. The clock
// is read here, at the edge, and handed to the pure code as a value.
import { InvocationError } from '../model/errors.js';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;

/** The instant `--now` names, or the system clock's when it is absent. */
export function nowFrom(flag: string | undefined, clock: () => Date = () => new Date()): Date {
  if (flag === undefined) return clock();
  const t = Date.parse(flag);
  if (!INSTANT.test(flag) || Number.isNaN(t))
    throw new InvocationError(
      `--now "${flag}" is not an instant with an offset`,
      'Write an RFC 3339 instant, e.g. --now 2027-03-28T01:00:00Z or --now 2027-03-28T03:00:00+02:00.',
    );
  return new Date(t);
}
