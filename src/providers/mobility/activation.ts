// "Activation validates the configuration" (seed): a template promoc plans to create-then-activate must be one
// the API will activate, or apply fails half-way. What the schemas do not already guarantee is checked here,
// at plan time, located at the field to add: the branch scope, a paid promotion's code, a vehicle promotion's
// vehicles. Time-dependent checks (validity in the past) are left to the API.
import type { AnyResource } from '../../model/resource.js';
import type { Json } from '../../model/canonical.js';
import type { LowerIssue } from '../provider.js';

const INACTIVE_HINT = 'or keep the campaign status: inactive until it is complete';

export function activationGaps(r: AnyResource, payload: Readonly<Record<string, Json>>): LowerIssue[] {
  const s = r.spec as { status?: string; targeting?: unknown };
  if ((s.status ?? 'active') !== 'active') return [];
  const gaps: LowerIssue[] = [];
  const at = s.targeting ? ['spec', 'targeting'] : ['spec'];
  const empty = (v: Json | undefined): boolean => !Array.isArray(v) || v.length === 0;
  // CustomerCare templates are granted to a named customer or account: no branch scope needed.
  if (r.kind !== 'CustomerCare' && empty(payload.applicableBranchIds)) {
    gaps.push({
      path: at,
      field: 'spec.targeting.branches',
      message: `an active ${String(payload.type)} needs at least one branch (the API validates the branch scope on activation)`,
      hint: `Add spec.targeting.branches, ${INACTIVE_HINT}.`,
    });
  }
  if (r.kind === 'PricedPromotion' && payload.code == null) {
    gaps.push({
      path: ['spec'],
      field: 'spec.code',
      message: 'an active PricedPromotion needs a code (customers buy it by code)',
      hint: `Add spec.code, ${INACTIVE_HINT}.`,
    });
  }
  if (r.kind === 'VehiclePromotion' && empty(payload.vehicleAnnotationIds) && empty(payload.vehicleIds)) {
    gaps.push({
      path: at,
      field: 'spec.targeting.vehicleTags',
      message: 'an active VehiclePromotion needs vehicle tags or vehicle ids',
      hint: `Add spec.targeting.vehicleTags or vehicleIds, ${INACTIVE_HINT}.`,
    });
  }
  return gaps;
}
