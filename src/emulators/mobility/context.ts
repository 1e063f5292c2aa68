// What every mobility operation receives, and the business-unit permission check they share.
import type { Random } from '../shared/random.js';
import { can, type ApiClient, type Permission, type TenantConfig } from './config.js';
import { mobilityError, type MobilityError } from './errors.js';
import type { MobilityTenant } from './model.js';

export interface MobilityCall {
  readonly tenant: MobilityTenant;
  readonly config: TenantConfig;
  readonly client: ApiClient;
  readonly now: Date;
  readonly random: Random;
}

/** undefined when allowed; otherwise the 403 naming the permission and the owning business unit. */
export function denied(call: MobilityCall, businessUnitId: number, permission: Permission): MobilityError | undefined {
  if (can(call.client, businessUnitId, permission)) return undefined;
  const unit = call.config.businessUnits.find((b) => b.id === businessUnitId);
  return mobilityError(
    403,
    'P100',
    `Missing permission ${permission} on business unit ${businessUnitId}` +
      `${unit ? ` (${unit.name})` : ''}, which owns this object; access to its branches is not enough`,
  );
}
