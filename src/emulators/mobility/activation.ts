// What "activate validates the configuration" checks: everything a template needs before customers can
// see or use it (branch scope, benefits, code, price, interval, geofence, vehicle targeting, validity, and
// the business parameters of its type: a Reward's condition, a Triggered template's event).
// A failing activation (or an update that would break an ACTIVE template) is 400 VA102 listing every gap.
import type { Voucherable } from './model.js';

const PRICED = new Set(['Package', 'Subscription', 'RidePass', 'PricedPromotion']);
// A Promotion is "usually entered as a promotion code" (seed): without one it is an automatic promotion. A
// paid promotion product is bought by code.
const CODED = new Set(['PricedPromotion']);
// A CustomerCare template is granted by an agent to a named customer or business account
// (/customers/{id}/apply-vouchers), so it needs no branch scope of its own to be activated.
const UNSCOPED = new Set(['CustomerCare']);

export function activationProblems(v: Omit<Voucherable, 'id' | 'state' | 'createdAt' | 'updatedAt'>, now: Date): string[] {
  const problems: string[] = [];
  const hasLegacyValue = v.value != null || v.discount != null || v.rentalRebate != null || v.additionEntitlementId != null;
  if (v.applicableBranchIds.length === 0 && !UNSCOPED.has(v.type)) problems.push('applicableBranchIds must name at least one branch');
  if (v.benefits.length === 0 && !hasLegacyValue) problems.push('at least one benefit is required');
  if (CODED.has(v.type) && !v.code) problems.push(`a ${v.type} needs a code`);
  if (PRICED.has(v.type) && v.price == null) problems.push(`a ${v.type} needs a price`);
  if (v.type === 'Subscription' && v.interval == null) problems.push('a Subscription needs an interval');
  if ((v.type === 'GeoFencePromotion' || v.type === 'GeoFenceSurcharge') && (v.geofence == null || v.applicableRentalType == null)) {
    problems.push(`a ${v.type} needs a geofence and an applicableRentalType`);
  }
  if (v.type === 'GeoFenceSurcharge' && !v.benefits.some((b) => (b.value ?? 0) < 0 || (b.rentalRebate ?? 0) < 0)) {
    problems.push('a GeoFenceSurcharge needs a negative Value or RentalRebate benefit (the surcharge)');
  }
  if (v.type === 'VehiclePromotion' && (v.vehicleAnnotationIds ?? []).length === 0 && (v.vehicleIds ?? []).length === 0) {
    problems.push('a VehiclePromotion needs vehicleAnnotationIds or vehicleIds');
  }
  if (v.type === 'Reward' && v.rewardCondition == null) problems.push('a Reward needs a rewardCondition (numberOfRentals, minutes or spendAmount)');
  if (v.type === 'Triggered' && v.triggerEvent == null) problems.push('a Triggered template needs a triggerEvent');
  if (v.validUntil != null && Date.parse(v.validUntil) <= now.getTime()) problems.push('validUntil is in the past');
  for (const [key, list] of [
    ['benefits', v.benefits],
    ['referrerBenefits', v.referrerBenefits ?? []],
  ] as const) {
    list.forEach((b, i) => {
      if (b.validUntil != null && Date.parse(b.validUntil) <= now.getTime()) problems.push(`${key}[${i}].validUntil is in the past`);
    });
  }
  return problems;
}
