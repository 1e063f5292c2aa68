// Promotional codes: creation rules and how a code is shown. Codes are create-only (no update or delete
// endpoint is documented); `active` is derived from the clock and the counters, so it turns false by itself
// once max_uses is reached or expires_at passes.
import { FieldReader } from '../shared/input.js';
import { isoSeconds } from '../shared/iso-time.js';
import { ISO_4217, toMinor } from '../shared/money.js';
import { fail, ok, type Outcome } from '../shared/outcome.js';
import { randomString, type Random } from '../shared/random.js';
import { evError, validationError, type EvError } from './errors.js';
import type { DiscountType, EvTenant, PromoCode } from './model.js';

const CODE_PATTERN = /^[A-Z0-9]{4,20}$/;
// Crockford base32 without I, L, O, U: ids like promo_7XNBQ.
const ID_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newCodeId(tenant: EvTenant, random: Random): string {
  for (;;) {
    const id = `promo_${randomString(random, ID_ALPHABET, 5)}`;
    if (!Object.hasOwn(tenant.codes, id)) return id;
  }
}

export type CodeStatus = { readonly active: true } | { readonly active: false; readonly reason: 'expired' | 'exhausted' };

export function codeStatus(code: PromoCode, now: Date): CodeStatus {
  if (code.expires_at != null && now.getTime() >= Date.parse(code.expires_at)) return { active: false, reason: 'expired' };
  if (code.max_uses != null && code.uses_count >= code.max_uses) return { active: false, reason: 'exhausted' };
  return { active: true };
}

export function presentCode(code: PromoCode, now: Date): Record<string, unknown> {
  return {
    code_id: code.code_id,
    code: code.code,
    discount_type: code.discount_type,
    discount_value: code.discount_value,
    currency: code.currency ?? null,
    max_uses: code.max_uses ?? null,
    max_uses_per_user: code.max_uses_per_user ?? null,
    expires_at: code.expires_at ?? null,
    description: code.description ?? null,
    uses_count: code.uses_count,
    active: codeStatus(code, now).active,
    created_at: code.created_at,
  };
}

export function createCode(tenant: EvTenant, body: unknown, now: Date, random: Random): Outcome<PromoCode, EvError> {
  const r = new FieldReader(body);
  const code = r.string('code', {
    required: true,
    pattern: CODE_PATTERN,
    patternHint: 'use uppercase letters and numbers only, 4–20 characters (e.g. SUMMER25)',
  });
  const type = r.oneOf<DiscountType>('discount_type', ['percent', 'fixed'], { required: true });
  const value = r.number('discount_value', { required: true, exclusiveMin: 0, ...(type === 'percent' ? { max: 100 } : {}) });
  const currency = r.string('currency', { pattern: /^[A-Z]{3}$/, patternHint: 'use an ISO 4217 code such as EUR' });
  if (currency && !ISO_4217.has(currency)) r.add('currency', 'invalid', `currency "${currency}" is not an ISO 4217 code`);
  if (type === 'fixed' && currency == null && !r.issues.some((i) => i.field === 'currency')) {
    r.add('currency', 'required', 'currency is required when discount_type is fixed');
  }
  if (type === 'fixed' && value != null && currency && ISO_4217.has(currency) && toMinor(value, currency) === undefined) {
    r.add('discount_value', 'invalid', `discount_value ${value} has more decimals than ${currency} allows`);
  }
  const maxUses = r.number('max_uses', { integer: true, min: 1 });
  const maxPerUser = r.number('max_uses_per_user', { integer: true, min: 1 });
  const expiresAt = r.dateTime('expires_at', { after: now });
  const description = r.string('description', { maxLength: 500 });
  if (r.issues.length > 0 || !code || !type || value == null) return fail(validationError(r.issues));
  if (Object.values(tenant.codes).some((c) => c.code === code)) {
    return fail(evError(409, 'code_already_exists', `A promotional code "${code}" already exists in this organisation; codes cannot be reused.`));
  }
  const created: PromoCode = {
    code_id: newCodeId(tenant, random),
    code,
    discount_type: type,
    discount_value: value,
    currency: currency ?? null,
    max_uses: maxUses ?? null,
    max_uses_per_user: maxPerUser ?? null,
    expires_at: expiresAt ? isoSeconds(expiresAt) : null,
    description: description ?? null,
    uses_count: 0,
    created_at: isoSeconds(now),
  };
  tenant.codes[created.code_id] = created;
  return ok(created);
}
