// Whether an API can issue credentials that only read. Plan, import and drift need nothing more, so a team
// can keep write keys out of pull-request jobs; where the API has no such keys, the read credentials are
// as powerful as the write ones, and promoc says so (docs/providers.md, `promoc plan --debug`).
import type { ProviderId } from './provider.js';

export interface ReadOnlyKeys {
  readonly available: boolean;
  /** How to get one, or why there is none. */
  readonly note: string;
}

export const READ_ONLY_KEYS: Readonly<Record<ProviderId, ReadOnlyKeys>> = {
  'ev-billing': { available: true, note: 'API keys carry scopes: give the read credentials read:billing only' },
  mobility: {
    available: true,
    note: 'permissions are granted per business unit: give the read API client view permissions only, no template management or voucher creation',
  },
  promotions: { available: false, note: 'the promotions API documents no read-only keys: the read credentials can write too' },
  lago: { available: false, note: 'Lago API keys grant full access to the organisation (no read-only keys): the read credentials can write too' },
};
