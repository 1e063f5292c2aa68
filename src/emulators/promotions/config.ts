// Organisations and API keys of the promotions emulator. Keys are Bearer tokens with a role:
// `write` may do everything, `read` only GET (and the side-effect-free simulate and preview).

export type Role = 'read' | 'write';

export interface PromotionsAccount {
  readonly apiKey: string;
  readonly organization: string;
  readonly role: Role;
  readonly description: string;
  /** Shown as created_by/published_by; never the key itself. */
  readonly actor: string;
}

export interface PromotionsConfig {
  readonly accounts: readonly PromotionsAccount[];
  readonly primary: PromotionsAccount;
  readonly currencies: Readonly<Record<string, string>>;
}

// Organisation ids are UUIDs in this API (organization_id); fixed ones keep URLs and fixtures stable.
export const PROMOTIONS_PRIMARY_ORG = '0b7c4a52-3f3e-4b8e-9d4c-5a1e2f3d4c01';
export const PROMOTIONS_OTHER_ORG = '0b7c4a52-3f3e-4b8e-9d4c-5a1e2f3d4c02';

export function configurePromotions(options: { apiKey?: string }): PromotionsConfig {
  const key = options.apiKey ?? 'kt_test_promoc';
  const primary: PromotionsAccount = {
    apiKey: key,
    organization: PROMOTIONS_PRIMARY_ORG,
    role: 'write',
    description: 'read and write',
    actor: 'api-key:primary',
  };
  return {
    primary,
    accounts: [
      primary,
      { apiKey: `${key}-readonly`, organization: PROMOTIONS_PRIMARY_ORG, role: 'read', description: 'read-only: writes get 403', actor: 'api-key:readonly' },
      {
        apiKey: `${key}-other`,
        organization: PROMOTIONS_OTHER_ORG,
        role: 'write',
        description: 'a second organisation, isolated from the first',
        actor: 'api-key:other',
      },
    ],
    currencies: { [PROMOTIONS_PRIMARY_ORG]: 'EUR', [PROMOTIONS_OTHER_ORG]: 'EUR' },
  };
}
