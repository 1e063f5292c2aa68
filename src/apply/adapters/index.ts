// The write side of each API family, by provider id.
import type { ProviderId } from '../../providers/provider.js';
import type { ApiAdapter } from './adapter.js';
import { evBillingAdapter } from './ev-billing.js';
import { lagoAdapter } from './lago.js';
import { mobilityAdapter } from './mobility.js';
import { promotionsAdapter } from './promotions.js';

const ADAPTERS: Readonly<Record<ProviderId, ApiAdapter>> = {
  'ev-billing': evBillingAdapter,
  mobility: mobilityAdapter,
  promotions: promotionsAdapter,
  lago: lagoAdapter,
};

export function adapterFor(provider: ProviderId): ApiAdapter {
  return ADAPTERS[provider];
}

export type { ApiAdapter, CallDraft, ResolveContext } from './adapter.js';
