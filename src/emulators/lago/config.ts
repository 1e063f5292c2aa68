// Organisations and API keys the Lago emulator accepts: one key per organisation, Bearer only, no scopes.

export interface LagoAccount {
  readonly apiKey: string;
  readonly organization: string;
  readonly description: string;
}

export interface LagoConfig {
  readonly accounts: readonly LagoAccount[];
  readonly primary: LagoAccount;
}

export const LAGO_PRIMARY_ORG = 'org-demo';
export const LAGO_OTHER_ORG = 'org-other';

export function configureLago(options: { apiKey?: string }): LagoConfig {
  const key = options.apiKey ?? 'lago_test_promoc';
  const primary: LagoAccount = { apiKey: key, organization: LAGO_PRIMARY_ORG, description: 'organisation API key' };
  return {
    primary,
    accounts: [primary, { apiKey: `${key}-other`, organization: LAGO_OTHER_ORG, description: 'a second organisation, isolated from the first' }],
  };
}
