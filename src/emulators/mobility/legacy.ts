// The deprecated /packages and /subscriptions endpoints: flat single-benefit views over Package and
// Subscription voucherables (same store, so both APIs see the same templates). Answers carry
// `Deprecation: true` and a Link to /voucherables.
import { isRecord } from '../shared/input.js';
import { fail, ok, type Outcome } from '../shared/outcome.js';
import type { MobilityCall } from './context.js';
import { mobilityError, notFound, type MobilityError } from './errors.js';
import type { Benefit, BenefitType, Voucherable } from './model.js';
import { createVoucherable, findVoucherable, setState, updateVoucherable } from './voucherables.js';

export type LegacyKind = 'Package' | 'Subscription';

const amountOf = (v: Voucherable, type: BenefitType, key: keyof Benefit): unknown => v.benefits.find((b) => b.type === type)?.[key] ?? null;

export function presentLegacy(v: Voucherable): Record<string, unknown> {
  const common = {
    id: v.id,
    name: v.name,
    description: v.description ?? null,
    price: v.price ?? null,
    active: v.state === 'ACTIVE',
    validFrom: v.validFrom ?? null,
    validUntil: v.validUntil ?? null,
    applicableBranchIds: v.applicableBranchIds,
    businessUnitId: v.businessUnitId,
    showInUserApp: v.showInUserApp,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
  };
  return v.type === 'Package'
    ? { ...common, value: amountOf(v, 'Value', 'value') ?? v.value ?? null }
    : {
        ...common,
        interval: v.interval ?? null,
        discount: amountOf(v, 'Discount', 'discount') ?? v.discount ?? null,
        freeMinutes: amountOf(v, 'FreeMinutes', 'freeMinutes'),
      };
}

const FLAT = ['name', 'description', 'price', 'interval', 'validFrom', 'validUntil', 'applicableBranchIds', 'businessUnitId', 'showInUserApp'];

/** Legacy fields overlaid on a voucherable body; the single-benefit fields replace the benefit of that type. */
function toVoucherableBody(kind: LegacyKind, legacy: Record<string, unknown>, base: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = { ...base, type: kind };
  for (const key of FLAT) if (Object.hasOwn(legacy, key)) body[key] = legacy[key];
  let benefits = Array.isArray(base.benefits) ? [...(base.benefits as unknown[])] : [];
  const replace = (type: BenefitType, key: string) => {
    if (!Object.hasOwn(legacy, key)) return;
    benefits = benefits.filter((b) => !(isRecord(b) && b.type === type));
    if (legacy[key] != null) benefits.push({ type, [key]: legacy[key] });
  };
  if (kind === 'Package') replace('Value', 'value');
  else {
    replace('Discount', 'discount');
    replace('FreeMinutes', 'freeMinutes');
  }
  body.benefits = benefits;
  return body;
}

function withActive(call: MobilityCall, v: Voucherable, legacy: Record<string, unknown>): Outcome<Voucherable, MobilityError> {
  if (typeof legacy.active !== 'boolean') return ok(v);
  return setState(call, String(v.id), legacy.active ? 'ACTIVE' : 'INACTIVE');
}

export function createLegacy(call: MobilityCall, kind: LegacyKind, body: unknown): Outcome<Voucherable, MobilityError> {
  const legacy = isRecord(body) ? body : {};
  const created = createVoucherable(call, toVoucherableBody(kind, legacy, {}));
  return created.ok ? withActive(call, created.value, legacy) : created;
}

export function findLegacy(call: MobilityCall, kind: LegacyKind, id: string): Outcome<Voucherable, MobilityError> {
  const found = findVoucherable(call, id, 'VOUCHERABLE_VIEW');
  if (!found.ok) return found;
  return found.value.type === kind ? found : fail(notFound('VA100', kind, id));
}

export function patchLegacy(call: MobilityCall, kind: LegacyKind, id: string, body: unknown): Outcome<Voucherable, MobilityError> {
  const found = findLegacy(call, kind, id);
  if (!found.ok) return found;
  if (!isRecord(body)) return fail(mobilityError(400, 'R102.1', 'the body must be a JSON object'));
  const { id: _id, state: _state, createdAt: _c, updatedAt: _u, ...current } = found.value;
  const merged = toVoucherableBody(kind, body, current as unknown as Record<string, unknown>);
  // Deactivating first lets a PATCH that both edits and deactivates pass the ACTIVE re-validation.
  if (body.active === false && found.value.state === 'ACTIVE') setState(call, id, 'INACTIVE');
  const updated = updateVoucherable(call, id, merged);
  return updated.ok ? withActive(call, updated.value, body) : updated;
}
