// The provider registry: one entry per API family.
import { evBilling } from './ev-billing/index.js';
import { lago } from './lago/index.js';
import { mobility, mobilityProvider } from './mobility/index.js';
import type { MobilityRefs } from './mobility/refs.js';
import { promotions } from './promotions/index.js';
import type { Provider, ProviderId } from './provider.js';

const PROVIDERS: Readonly<Partial<Record<ProviderId, Provider>>> = {
  'ev-billing': evBilling,
  mobility,
  promotions,
  lago,
};

/** The provider for a binding: mobility needs the target's name → id table. */
export function providerFor(id: ProviderId, options: { readonly ids?: MobilityRefs } = {}): Provider {
  if (id === 'mobility' && options.ids) return mobilityProvider(options.ids);
  const p = PROVIDERS[id];
  if (!p) throw new Error(`no provider for ${id}`);
  return p;
}

export type { Capabilities, Connection, KindCapability, LiveObject, LiveRead, Lowered, LowerResult, Normalized, Provider, ProviderId } from './provider.js';
export { PROVIDER_IDS } from './provider.js';
export { HttpClient, realDeps, type HttpDeps, type HttpRequest, type HttpResponse } from './http/client.js';
export { appendMarker, splitMarker } from './ownership.js';
