// Test control: seed a charging session (the API has no endpoint that creates one, yet apply-code needs a
// completed session to work on). POST /__emulator/sessions.
import { FieldReader, type Issue } from '../shared/input.js';
import { isoSeconds } from '../shared/iso-time.js';
import { ISO_4217, toMajor, toMinor } from '../shared/money.js';
import { fail, ok, type Outcome } from '../shared/outcome.js';
import { randomString, type Random } from '../shared/random.js';
import type { EvTenant, Session, SessionStatus } from './model.js';

export function seedSession(tenant: EvTenant, body: unknown, defaultCurrency: string, now: Date, random: Random): Outcome<Session, readonly Issue[]> {
  const r = new FieldReader(body);
  const id = r.string('session_id', { maxLength: 100 });
  const userId = r.string('user_id', { required: true, maxLength: 100 });
  const status = r.oneOf<SessionStatus>('status', ['completed', 'in_progress', 'failed']) ?? 'completed';
  const currency = r.string('currency', { pattern: /^[A-Z]{3}$/ }) ?? defaultCurrency;
  if (!ISO_4217.has(currency)) r.add('currency', 'invalid', `currency "${currency}" is not ISO 4217`);
  const total = r.number('total', { required: true, min: 0 });
  const totalMinor = total == null ? undefined : toMinor(total, currency);
  if (total != null && totalMinor === undefined) r.add('total', 'invalid', `total ${total} has more decimals than ${currency} allows`);
  if (r.issues.length > 0 || !userId || totalMinor === undefined) return fail(r.issues);
  const sessionId = id ?? `sess_${randomString(random, '0123456789abcdefghjkmnpqrstvwxyz', 10)}`;
  const session: Session = {
    session_id: sessionId,
    user_id: userId,
    status,
    total_minor: totalMinor,
    currency,
    ended_at: status === 'completed' ? isoSeconds(now) : null,
    redemption_id: tenant.sessions[sessionId]?.redemption_id ?? null,
  };
  tenant.sessions[sessionId] = session;
  return ok(session);
}

export function presentSession(s: Session): Record<string, unknown> {
  return {
    session_id: s.session_id,
    user_id: s.user_id,
    status: s.status,
    total: toMajor(s.total_minor, s.currency),
    currency: s.currency,
    ended_at: s.ended_at,
    redemption_id: s.redemption_id,
  };
}
