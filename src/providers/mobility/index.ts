// The mobility operations provider (voucherables, annotations).
import type { Provider } from '../provider.js';
import { mobilityCapabilities } from './capabilities.js';
import { mobilityClient } from './client.js';
import { lowerMobility, stampMobility } from './lower.js';
import { readMobility } from './read.js';
import { LOCAL_REFS, refsOf, type MobilityRefs } from './refs.js';
import { mobilitySourceSpec } from './source-spec.js';
import { mobilityAdapter } from './writes.js';

/** A mobility provider using `refs` to name branches, categories, additions and business units. */
export function mobilityProvider(refs: MobilityRefs = LOCAL_REFS): Provider {
  return {
    id: 'mobility',
    capabilities: mobilityCapabilities,
    defaultCurrency: 'EUR',
    credentials: [
      { name: 'clientId', label: 'client id' },
      { name: 'clientKey', label: 'client key' },
    ],
    writes: mobilityAdapter,
    // A configured base URL is the API's root; requests go to the organisation's path below it.
    baseUrl: (url, organization) => (organization && !url.endsWith(`/v1/${organization}`) ? `${url}/v1/${encodeURIComponent(organization)}` : url),
    withIds: (ids) => mobilityProvider(refsOf(ids)),
    sourceSpec: mobilitySourceSpec,
    authView: (baseUrl, variables) => {
      const id = variables.clientId ? `$${variables.clientId}` : '<client id>';
      const key = variables.clientKey ? `$${variables.clientKey}` : '<redacted>';
      return {
        auth: { header: 'authorization', value: 'Bearer $MOBILITY_ACCESS_TOKEN' },
        note: `mobility: MOBILITY_ACCESS_TOKEN is the accessToken of POST ${baseUrl}/auth/sign-in-api-client {"clientId": "${id}", "clientKey": "${key}"}`,
      };
    },
    client: mobilityClient,
    read: (client, options) => readMobility(client, { ...options, refs }),
    lower: (resource, ctx) => lowerMobility(resource, { model: ctx.model, currency: ctx.currency, refs }),
    stamp: stampMobility,
  };
}

export const mobility: Provider = mobilityProvider();
