// Organisations and API keys the EV billing emulator accepts. Keys carry scopes, as Dynamo's do.

export const READ = 'read:billing';
export const WRITE = 'write:billing';

export interface EvAccount {
  readonly apiKey: string;
  readonly organization: string;
  readonly scopes: readonly string[];
  readonly description: string;
}

export interface EvConfig {
  readonly accounts: readonly EvAccount[];
  /** Each organisation's default currency (fixed discounts are "in your default currency"). */
  readonly currencies: Readonly<Record<string, string>>;
  readonly primary: EvAccount;
}

export const EV_PRIMARY_ORG = 'org_demo';
export const EV_OTHER_ORG = 'org_other';

export function configureEv(options: { apiKey?: string }): EvConfig {
  const key = options.apiKey ?? 'dyn_test_promoc';
  const primary: EvAccount = { apiKey: key, organization: EV_PRIMARY_ORG, scopes: [READ, WRITE], description: 'full access (read:billing, write:billing)' };
  return {
    primary,
    accounts: [
      primary,
      { apiKey: `${key}-readonly`, organization: EV_PRIMARY_ORG, scopes: [READ], description: 'read-only (read:billing): writes get 403' },
      { apiKey: `${key}-other`, organization: EV_OTHER_ORG, scopes: [READ, WRITE], description: 'a second organisation, isolated from the first' },
    ],
    currencies: { [EV_PRIMARY_ORG]: 'EUR', [EV_OTHER_ORG]: 'EUR' },
  };
}
