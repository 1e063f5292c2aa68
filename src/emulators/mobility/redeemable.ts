// Redeemable code campaigns: POST /vouchers/redeemable (codes granting claim-time credit, each usable
// `redeemLimitPerCode` times) and POST /vouchers/redeemable/constraint (single-use codes that become
// constraint vouchers), up to 5,000 codes per batch; GET /vouchers/redeemable/summary counts them and shows
// how each batch was issued. A batch is create-only: nothing changes or removes it (codes can be canceled).
import { FieldReader } from '../shared/input.js';
import { DAY_MS, isoSeconds } from '../shared/iso-time.js';
import { fail, ok, type Outcome } from '../shared/outcome.js';
import { randomString, randomUuid } from '../shared/random.js';
import { denied, type MobilityCall } from './context.js';
import { invalid, mobilityError, notFound, type MobilityError } from './errors.js';
import { nextId, type Batch, type Voucher } from './model.js';
import { voucherState } from './vouchers.js';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
// Templates that apply by themselves (location, vehicle, subscription renewal) have nothing to redeem.
const NOT_REDEEMABLE = new Set(['GeoFencePromotion', 'GeoFenceSurcharge', 'VehiclePromotion', 'Subscription']);

export function createBatch(call: MobilityCall, body: unknown, constraint: boolean): Outcome<Record<string, unknown>, MobilityError> {
  const r = new FieldReader(body);
  const voucherableId = r.number('voucherableId', { required: true, integer: true });
  const quantity = r.number('quantity', { required: true, integer: true });
  const prefix = r.string('prefix', { pattern: /^[A-Z0-9]{0,10}$/, patternHint: 'up to 10 uppercase letters or digits' }) ?? '';
  const codeLength = r.number('codeLength', { integer: true, min: 6, max: 20 }) ?? 8;
  const validUntil = r.dateTime('validUntil', { after: call.now });
  // Relative validity, like a benefit's validityDays: each code stays redeemable that many days after issue.
  const validityDays = r.number('validityDays', { integer: true, min: 1, max: 3660 });
  if (validUntil && validityDays != null) r.add('validityDays', 'invalid', 'give validUntil or validityDays, not both');
  const perCode = constraint ? 1 : (r.number('redeemLimitPerCode', { integer: true, min: 1 }) ?? 1);
  const description = r.string('description', { maxLength: 500 }) ?? null;
  if (r.issues.length > 0 || voucherableId == null || quantity == null) return fail(invalid(r.issues));
  if (quantity < 1 || quantity > 5000) return fail(mobilityError(400, 'T101', `quantity must be between 1 and 5000 (got ${quantity})`));
  const template = call.tenant.voucherables[String(voucherableId)];
  if (!template) return fail(notFound('VA100', 'Voucherable', voucherableId));
  const no = denied(call, template.businessUnitId, 'VOUCHER_CREATE');
  if (no) return fail(no);
  if (NOT_REDEEMABLE.has(template.type)) return fail(mobilityError(400, 'T102', `A ${template.type} applies automatically and cannot issue redeemable codes`));
  const taken = new Set([
    ...Object.values(call.tenant.vouchers).map((v) => v.code?.toUpperCase()),
    ...Object.values(call.tenant.voucherables).map((v) => v.code?.toUpperCase()),
  ]);
  const at = isoSeconds(call.now);
  const expires = validUntil
    ? isoSeconds(validUntil)
    : validityDays != null
      ? isoSeconds(new Date(call.now.getTime() + validityDays * DAY_MS))
      : (template.validUntil ?? null);
  const batch: Batch = {
    id: randomUuid(call.random),
    voucherableId: template.id,
    businessUnitId: template.businessUnitId,
    constraint,
    quantity,
    prefix,
    codeLength,
    validUntil: validUntil ? isoSeconds(validUntil) : null,
    validityDays: validityDays ?? null,
    redeemLimitPerCode: perCode,
    description,
    createdAt: at,
  };
  call.tenant.batches[batch.id] = batch;
  const codes: string[] = [];
  for (let i = 0; i < quantity; i++) {
    let code: string;
    do code = `${prefix}${randomString(call.random, CODE_ALPHABET, codeLength)}`;
    while (taken.has(code));
    taken.add(code);
    codes.push(code);
    const v: Voucher = {
      id: nextId(call.tenant, 'vouchers'),
      code,
      constraint,
      voucherableId: template.id,
      businessUnitId: template.businessUnitId,
      batchId: batch.id,
      state: 'NOT_REDEEMED',
      redeemLimit: perCode,
      redemptionCount: 0,
      validFrom: template.validFrom ?? null,
      validUntil: expires,
      createdAt: at,
      updatedAt: at,
    };
    call.tenant.vouchers[String(v.id)] = v;
  }
  return ok({ ...presentBatch(batch), codes });
}

function counts(vouchers: readonly Voucher[], now: Date): Record<string, number> {
  const state = (v: Voucher) => voucherState(v, now);
  const redeemed = (v: Voucher) =>
    v.constraint ? ['ACTIVE', 'PENDING', 'USED_UP'].includes(state(v)) || (state(v) === 'EXPIRED' && v.userId != null) : v.redemptionCount > 0;
  return {
    total: vouchers.length,
    redeemed: vouchers.filter(redeemed).length,
    notRedeemed: vouchers.filter((v) => state(v) === 'NOT_REDEEMED').length,
    canceled: vouchers.filter((v) => state(v) === 'CANCELED').length,
    expired: vouchers.filter((v) => state(v) === 'EXPIRED').length,
  };
}

export function summary(call: MobilityCall, query: URLSearchParams): Record<string, unknown> {
  const template = query.get('voucherableId');
  const batchId = query.get('batchId');
  const batches = Object.values(call.tenant.batches).filter(
    (b) =>
      denied(call, b.businessUnitId, 'VOUCHER_VIEW') === undefined &&
      (template === null || String(b.voucherableId) === template) &&
      (batchId === null || b.id === batchId),
  );
  const byBatch = new Map<string, Voucher[]>(batches.map((b) => [b.id, []]));
  for (const v of Object.values(call.tenant.vouchers)) if (v.batchId != null) byBatch.get(v.batchId)?.push(v);
  return {
    ...counts([...byBatch.values()].flat(), call.now),
    batches: batches.map((b) => ({ ...presentBatch(b), ...counts(byBatch.get(b.id) ?? [], call.now) })),
  };
}

/** How a batch was issued (null fields are dropped on the way out). */
function presentBatch(b: Batch): Record<string, unknown> {
  return {
    batchId: b.id,
    voucherableId: b.voucherableId,
    type: b.constraint ? 'CONSTRAINT' : 'REDEEMABLE',
    quantity: b.quantity,
    prefix: b.prefix || null,
    codeLength: b.codeLength ?? null,
    validUntil: b.validUntil ?? null,
    validityDays: b.validityDays ?? null,
    redeemLimitPerCode: b.redeemLimitPerCode ?? null,
    description: b.description ?? null,
    createdAt: b.createdAt,
  };
}
