// GET /promotional-codes: filters `active` and `discount_type`, then limit/offset, oldest first
// (creation order keeps offsets stable while codes are being added).
import { FieldReader } from '../shared/input.js';
import { fail, ok, type Outcome } from '../shared/outcome.js';
import { codeStatus, presentCode } from './codes.js';
import { validationError, type EvError } from './errors.js';
import type { EvTenant, PromoCode } from './model.js';
import { page, readPage } from './paging.js';
import { perRevision } from '../shared/per-revision.js';

/** All codes in creation order; filtered lists depend on the clock and are built per request. */
const allCodes = perRevision((tenant: EvTenant): readonly PromoCode[] => Object.values(tenant.codes));

export function listCodes(tenant: EvTenant, query: Record<string, string>, now: Date, revision: number): Outcome<Record<string, unknown>, EvError> {
  const r = new FieldReader({});
  const paging = readPage(r, query);
  const active = query.active;
  if (active !== undefined && active !== 'true' && active !== 'false') r.add('active', 'invalid', `active must be true or false (got "${active}")`);
  const type = query.discount_type;
  if (type !== undefined && type !== 'percent' && type !== 'fixed') r.add('discount_type', 'invalid', `discount_type must be percent or fixed (got "${type}")`);
  if (r.issues.length > 0) return fail(validationError(r.issues));
  const matching =
    active === undefined && type === undefined
      ? allCodes(tenant, revision)
      : Object.values(tenant.codes).filter(
          (code) => (active === undefined || codeStatus(code, now).active === (active === 'true')) && (type === undefined || code.discount_type === type),
        );
  return ok(page(matching, 'promotional_codes', paging, (code) => presentCode(code, now)));
}
