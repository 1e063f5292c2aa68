// Reads a voucherable from POST/PUT bodies. PUT is a full replacement: fields left out are reset.
// References are checked against the tenant: business unit, branches, annotations.
import { FieldReader, type Issue } from '../shared/input.js';
import { isoSeconds } from '../shared/iso-time.js';
import { toMinor } from '../shared/money.js';
import { benefitReferences, readBenefit } from './benefits.js';
import type { TenantConfig } from './config.js';
import { readGeometry } from './geofence.js';
import { INTERVALS, RENTAL_PHASES, VOUCHERABLE_TYPES, type MobilityTenant, type Voucherable } from './model.js';
import { readTypeFields } from './type-fields.js';

export type VoucherableFields = Omit<Voucherable, 'id' | 'state' | 'createdAt' | 'updatedAt'>;

export const CODE_PATTERN = /^[A-Za-z0-9_-]{3,50}$/;

function references(r: FieldReader, key: string, known: (id: number) => boolean, what: string): number[] {
  const ids = r.numberArray(key, { integer: true }) ?? [];
  const unknown = ids.filter((id) => !known(id));
  if (unknown.length > 0) r.add(key, 'invalid', `${key} refers to unknown ${what} ${unknown.join(', ')}`);
  return ids;
}

export function readVoucherable(body: unknown, config: TenantConfig, tenant: MobilityTenant): { fields: VoucherableFields | undefined; issues: Issue[] } {
  const r = new FieldReader(body);
  const type = r.oneOf('type', VOUCHERABLE_TYPES, { required: true });
  const name = r.string('name', { required: true, maxLength: 255 });
  const branches = new Set(config.businessUnits.flatMap((b) => b.branchIds));
  const annotation = (id: number) => Object.hasOwn(tenant.annotations, String(id));
  const businessUnitId = r.number('businessUnitId', { integer: true }) ?? config.businessUnits[0]?.id ?? 0;
  if (!config.businessUnits.some((b) => b.id === businessUnitId))
    r.add('businessUnitId', 'invalid', `businessUnitId ${businessUnitId} does not exist in this tenant`);
  const from = r.dateTime('validFrom');
  const until = r.dateTime('validUntil');
  if (from && until && until.getTime() <= from.getTime()) r.add('validUntil', 'out_of_range', 'validUntil must be after validFrom');
  const surcharge = type === 'GeoFenceSurcharge';
  const benefits = (r.array('benefits') ?? []).flatMap((item, i) => {
    const b = readBenefit(new FieldReader(item, `benefits[${i}]`, r.issues), surcharge);
    return b ? [b] : [];
  });
  const price = r.number('price', { min: 0 });
  if (price != null && toMinor(price, config.currency) === undefined)
    r.add('price', 'invalid', `price ${price} has more decimals than ${config.currency} allows`);
  const redeemLimit = r.number('redeemLimit', { integer: true, min: 1 });
  const redeemLimitPerUser = r.number('redeemLimitPerUser', { integer: true, min: 1 });
  const fields: VoucherableFields = {
    type: type ?? 'Promotion',
    name: name ?? '',
    description: r.string('description', { maxLength: 2000 }) ?? null,
    code: r.string('code', { pattern: CODE_PATTERN, patternHint: 'use 3–50 letters, digits, "-" or "_"' }) ?? null,
    businessUnitId,
    validFrom: from ? isoSeconds(from) : null,
    validUntil: until ? isoSeconds(until) : null,
    applicableBranchIds: references(r, 'applicableBranchIds', (id) => branches.has(id), 'branches'),
    showInUserApp: r.boolean('showInUserApp') ?? true,
    guserRequiredAnnotationIds: references(r, 'guserRequiredAnnotationIds', annotation, 'annotations'),
    guserProhibitedAnnotationIds: references(r, 'guserProhibitedAnnotationIds', annotation, 'annotations'),
    benefits,
    redeemLimit: redeemLimit ?? null,
    redeemLimitPerUser: redeemLimitPerUser ?? null,
    price: price ?? null,
    interval: r.oneOf('interval', INTERVALS) ?? null,
    applicableRentalType: r.oneOf('applicableRentalType', RENTAL_PHASES) ?? null,
    geofence: readGeometry(r.source.geofence, 'geofence', r.issues) ?? null,
    vehicleAnnotationIds: r.has('vehicleAnnotationIds') ? references(r, 'vehicleAnnotationIds', annotation, 'annotations') : null,
    vehicleIds: r.numberArray('vehicleIds', { integer: true }) ?? null,
    ...readTypeFields(r, type, config.currency),
    value: r.number('value') ?? null,
    discount: r.number('discount', { exclusiveMin: 0, max: 1 }) ?? null,
    rentalRebate: r.number('rentalRebate') ?? null,
    additionEntitlementId: r.number('additionEntitlementId', { integer: true }) ?? null,
  };
  benefitReferences(fields.benefits, 'benefits', r, (id) => branches.has(id), annotation);
  benefitReferences(fields.referrerBenefits ?? [], 'referrerBenefits', r, (id) => branches.has(id), annotation);
  if (redeemLimit != null && redeemLimitPerUser != null && redeemLimitPerUser > redeemLimit) {
    r.add('redeemLimitPerUser', 'out_of_range', 'redeemLimitPerUser cannot exceed redeemLimit');
  }
  return { fields: r.issues.length === 0 ? fields : undefined, issues: r.issues };
}
