// The mobility operations provider (voucherables, annotations).
import type { Provider } from '../provider.js';
import { mobilityCapabilities } from './capabilities.js';
import { mobilityClient } from './client.js';
import { lowerMobility, stampMobility } from './lower.js';
import { readMobility } from './read.js';
import { LOCAL_REFS, type MobilityRefs } from './refs.js';

/** A mobility provider using `refs` to name branches, categories, additions and business units. */
export function mobilityProvider(refs: MobilityRefs = LOCAL_REFS): Provider {
  return {
    id: 'mobility',
    capabilities: mobilityCapabilities,
    defaultCurrency: 'EUR',
    credentialNames: ['clientId', 'clientKey'],
    client: mobilityClient,
    read: (client, options) => readMobility(client, { ...options, refs }),
    lower: (resource, ctx) => lowerMobility(resource, { model: ctx.model, currency: ctx.currency, refs }),
    stamp: stampMobility,
  };
}

export const mobility: Provider = mobilityProvider();
export { resolveTagRefs, resolveVoucherableRefs } from './refs.js';
export { codeBatchRequests, MAX_CODES_PER_REQUEST } from './code-batch.js';
