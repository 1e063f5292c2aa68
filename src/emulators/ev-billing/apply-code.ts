// POST /promotional-codes/sessions/{session_id}/apply-code: the emulator's own redemption arithmetic.
// Works only on a completed session; enforces expiry, max_uses and max_uses_per_user; one code per session.
import { FieldReader } from '../shared/input.js';
import { isoSeconds } from '../shared/iso-time.js';
import { percentOf, toMajor, toMinor } from '../shared/money.js';
import { fail, ok, type Outcome } from '../shared/outcome.js';
import { randomString, type Random } from '../shared/random.js';
import { codeStatus } from './codes.js';
import { evError, validationError, type EvError } from './errors.js';
import type { EvTenant, PromoCode, Redemption } from './model.js';

/** Discount in minor units: a percentage rounded half away from zero, or a fixed amount capped at the total. */
export function discountFor(code: PromoCode, totalMinor: number, currency: string): number {
  if (code.discount_type === 'percent') return percentOf(totalMinor, code.discount_value);
  return Math.min(totalMinor, toMinor(code.discount_value, currency) ?? 0);
}

export function applyCode(tenant: EvTenant, sessionId: string, body: unknown, now: Date, random: Random): Outcome<Record<string, unknown>, EvError> {
  const r = new FieldReader(body);
  const text = r.string('code', { required: true, maxLength: 20 });
  if (r.issues.length > 0 || !text) return fail(validationError(r.issues));
  const session = tenant.sessions[sessionId];
  if (!session) return fail(evError(404, 'session_not_found', `No billing session "${sessionId}" in this organisation.`));
  if (session.status !== 'completed') {
    return fail(evError(409, 'session_not_completed', `Session "${sessionId}" is ${session.status}; codes can only be applied to completed sessions.`));
  }
  if (session.redemption_id != null) return fail(evError(409, 'code_already_applied', `Session "${sessionId}" already has a promotional code applied.`));
  // Drivers type codes by hand; codes are stored uppercase, so the lookup is case-insensitive.
  const code = Object.values(tenant.codes).find((c) => c.code === text.toUpperCase());
  if (!code) return fail(evError(404, 'code_not_found', `No promotional code "${text}" in this organisation.`));
  const status = codeStatus(code, now);
  if (!status.active) {
    return fail(
      status.reason === 'expired'
        ? evError(422, 'code_expired', `Code "${code.code}" expired at ${code.expires_at ?? ''}.`)
        : evError(422, 'code_exhausted', `Code "${code.code}" has reached its limit of ${code.max_uses ?? 0} uses.`),
    );
  }
  const byUser = Object.values(tenant.redemptions).filter((x) => x.code_id === code.code_id && x.user_id === session.user_id).length;
  if (code.max_uses_per_user != null && byUser >= code.max_uses_per_user) {
    return fail(evError(422, 'user_limit_reached', `User "${session.user_id}" has already used code "${code.code}" ${byUser} time(s), the per-user limit.`));
  }
  if (code.discount_type === 'fixed' && code.currency !== session.currency) {
    return fail(evError(422, 'currency_mismatch', `Code "${code.code}" is in ${code.currency ?? '?'} but the session is billed in ${session.currency}.`));
  }
  const discount = discountFor(code, session.total_minor, session.currency);
  const redemption: Redemption = {
    redemption_id: `red_${randomString(random, '0123456789abcdefghjkmnpqrstvwxyz', 12)}`,
    code_id: code.code_id,
    session_id: session.session_id,
    user_id: session.user_id,
    currency: session.currency,
    total_before_minor: session.total_minor,
    discount_minor: discount,
    redeemed_at: isoSeconds(now),
  };
  tenant.redemptions[redemption.redemption_id] = redemption;
  session.redemption_id = redemption.redemption_id;
  code.uses_count += 1;
  return ok({
    session_id: session.session_id,
    code_id: code.code_id,
    code: code.code,
    user_id: session.user_id,
    currency: session.currency,
    total_before: toMajor(session.total_minor, session.currency),
    discount_amount: toMajor(discount, session.currency),
    total_after: toMajor(session.total_minor - discount, session.currency),
    applied_at: redemption.redeemed_at,
  });
}
