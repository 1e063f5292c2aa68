// Requests are checked before they reach Lua, where a fraction or a 1e+15 would be misread rather
// than refused. Amounts and limits are integer minor units or counts, within 2^53 (Lua numbers are
// doubles, as are JavaScript's).
import type { ReservationRequest, UsageSeed } from '../../engine/index.js';
import { UsageStoreError } from '../errors.js';

function whole(value: unknown, what: string): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new UsageStoreError(
      'request',
      `${what} ${JSON.stringify(value)} is not a whole number ≥ 0`,
      'amounts are integer minor units, limits integer counts',
    );
  }
}

export function checkRequest(r: ReservationRequest): void {
  if (typeof r.campaign !== 'string' || r.campaign === '')
    throw new UsageStoreError('request', `campaign ${JSON.stringify(r.campaign)} is not an id`, 'pass the campaign id, Kind/name');
  if (r.customerId !== undefined && typeof r.customerId !== 'string')
    throw new UsageStoreError('request', `customerId ${JSON.stringify(r.customerId)} is not a string`);
  whole(r.amount, `${r.campaign}: amount`);
  if (r.limits.redemptions !== undefined) whole(r.limits.redemptions, `${r.campaign}: limits.redemptions`);
  if (r.limits.perCustomer !== undefined) whole(r.limits.perCustomer, `${r.campaign}: limits.perCustomer`);
  if (r.limits.budget !== undefined) whole(r.limits.budget.minor, `${r.campaign}: limits.budget.minor`);
}

export function checkSeed(campaign: string, s: UsageSeed): void {
  if (s.redemptions !== undefined) whole(s.redemptions, `${campaign}: seed redemptions`);
  if (s.budgetSpent !== undefined) whole(s.budgetSpent, `${campaign}: seed budgetSpent`);
  for (const [id, n] of Object.entries(s.customers ?? {})) whole(n, `${campaign}: seed customers.${id}`);
}

/** A count in a script's reply: RESP integers arrive as numbers; anything else is not ours. */
export function count(value: unknown, script: string): number {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  throw new UsageStoreError(
    'reply',
    `unexpected value in the reply to the ${script} script: ${JSON.stringify(value)}`,
    'is another program writing under the same key prefix?',
  );
}
