// Tenants, business units and API clients of the mobility emulator. Permissions are granted per business
// unit: a template belongs to one business unit, and managing it needs the permission on that unit;
// operational access to a branch it applies to is not enough.

export type Permission =
  'VOUCHERABLE_VIEW' | 'VOUCHERABLE_MANAGE' | 'VOUCHER_VIEW' | 'VOUCHER_CREATE' | 'CUSTOMER_CARE_CREDIT' | 'SUBSCRIPTION_VIEW' | 'SUBSCRIPTION_CANCEL';

export const ALL_PERMISSIONS: readonly Permission[] = [
  'VOUCHERABLE_VIEW',
  'VOUCHERABLE_MANAGE',
  'VOUCHER_VIEW',
  'VOUCHER_CREATE',
  'CUSTOMER_CARE_CREDIT',
  'SUBSCRIPTION_VIEW',
  'SUBSCRIPTION_CANCEL',
];
const VIEW_ONLY: readonly Permission[] = ['VOUCHERABLE_VIEW', 'VOUCHER_VIEW', 'SUBSCRIPTION_VIEW'];

export interface BusinessUnit {
  readonly id: number;
  readonly name: string;
  readonly branchIds: readonly number[];
}

/**
 * "Whether promotion redemption writes immediate balance credit or creates rental-time constraint vouchers":
 * a tenant setting. It decides what redeeming a plain redeemable code does with the template's benefits.
 */
export type PromotionRedemption = 'CLAIM_TIME_CREDIT' | 'RENTAL_TIME_VOUCHER';

export interface TenantConfig {
  readonly id: string;
  readonly currency: string;
  readonly promotionRedemption: PromotionRedemption;
  readonly businessUnits: readonly BusinessUnit[];
}

export interface ApiClient {
  readonly tenant: string;
  readonly clientId: string;
  readonly clientKey: string;
  readonly description: string;
  /** Permissions per owning business unit id. */
  readonly permissions: Readonly<Record<number, readonly Permission[]>>;
  /** Operational branch access (shown for the permission rule; it grants nothing on templates). */
  readonly branchIds: readonly number[];
}

export interface MobilityConfig {
  readonly tenants: readonly TenantConfig[];
  readonly clients: readonly ApiClient[];
  readonly primary: ApiClient;
}

export const MOBILITY_PRIMARY_TENANT = 'demo';
export const MOBILITY_OTHER_TENANT = 'other';

export function configureMobility(options: { apiKey?: string }): MobilityConfig {
  const key = options.apiKey ?? 'promoc-secret';
  const primary: ApiClient = {
    tenant: MOBILITY_PRIMARY_TENANT,
    clientId: 'promoc',
    clientKey: key,
    description: 'all permissions on business units 1 (North) and 2 (South)',
    permissions: { 1: ALL_PERMISSIONS, 2: ALL_PERMISSIONS },
    branchIds: [11, 12, 21, 22],
  };
  return {
    primary,
    tenants: [
      {
        id: MOBILITY_PRIMARY_TENANT,
        currency: 'EUR',
        promotionRedemption: 'CLAIM_TIME_CREDIT',
        businessUnits: [
          { id: 1, name: 'North', branchIds: [11, 12] },
          { id: 2, name: 'South', branchIds: [21, 22] },
        ],
      },
      { id: MOBILITY_OTHER_TENANT, currency: 'EUR', promotionRedemption: 'RENTAL_TIME_VOUCHER', businessUnits: [{ id: 1, name: 'Main', branchIds: [11] }] },
    ],
    clients: [
      primary,
      {
        tenant: MOBILITY_PRIMARY_TENANT,
        clientId: 'promoc-north',
        clientKey: `${key}-north`,
        description: 'all permissions on business unit 1 only; operational access to branch 21 of unit 2 (not enough to manage its templates)',
        permissions: { 1: ALL_PERMISSIONS },
        branchIds: [11, 12, 21],
      },
      {
        tenant: MOBILITY_PRIMARY_TENANT,
        clientId: 'promoc-viewer',
        clientKey: `${key}-viewer`,
        description: 'view permissions only, on both business units',
        permissions: { 1: VIEW_ONLY, 2: VIEW_ONLY },
        branchIds: [11, 12, 21, 22],
      },
      {
        tenant: MOBILITY_OTHER_TENANT,
        clientId: 'promoc',
        clientKey: `${key}-other`,
        description: 'a second tenant, isolated from the first',
        permissions: { 1: ALL_PERMISSIONS },
        branchIds: [11],
      },
    ],
  };
}

export function tenantConfig(config: MobilityConfig, tenant: string): TenantConfig | undefined {
  return config.tenants.find((t) => t.id === tenant);
}

/** MANAGE implies VIEW, CREATE implies VIEW, CANCEL implies VIEW. */
export function can(client: ApiClient, businessUnitId: number, permission: Permission): boolean {
  const granted = client.permissions[businessUnitId] ?? [];
  if (granted.includes(permission)) return true;
  const implied: Partial<Record<Permission, readonly Permission[]>> = {
    VOUCHERABLE_VIEW: ['VOUCHERABLE_MANAGE'],
    VOUCHER_VIEW: ['VOUCHER_CREATE', 'CUSTOMER_CARE_CREDIT'],
    SUBSCRIPTION_VIEW: ['SUBSCRIPTION_CANCEL'],
  };
  return (implied[permission] ?? []).some((p) => granted.includes(p));
}
