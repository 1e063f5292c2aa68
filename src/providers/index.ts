// The provider registry: one line per API family. Everything about an API lives in its folder; apply, plan,
// lint and the CLI look it up here instead of branching on its id.
import { evBilling } from './ev-billing/index.js';
import { lago } from './lago/index.js';
import { mobility } from './mobility/index.js';
import { promotions } from './promotions/index.js';
import type { Provider, ProviderId, TargetIds } from './provider.js';
import type { ApiAdapter } from './writes.js';

/** In the order plans list them. `satisfies` keeps it in step with the config schema's provider enum. */
const PROVIDERS = {
  'ev-billing': evBilling,
  mobility,
  promotions,
  lago,
} as const satisfies Readonly<Record<ProviderId, Provider>>;

export const PROVIDER_IDS: readonly ProviderId[] = Object.keys(PROVIDERS) as ProviderId[];

export function isProviderId(value: unknown): value is ProviderId {
  return typeof value === 'string' && Object.hasOwn(PROVIDERS, value);
}

/** The provider for a binding; `ids`, a configured target's name → id table, for the APIs that need one. */
export function providerFor(id: ProviderId, options: { readonly ids?: TargetIds } = {}): Provider {
  const p: Provider = PROVIDERS[id];
  return options.ids && p.withIds ? p.withIds(options.ids) : p;
}

/** The write side of an API family. */
export function writesFor(id: ProviderId): ApiAdapter {
  return PROVIDERS[id].writes;
}

export type {
  AuthView,
  Capabilities,
  Connection,
  KindCapability,
  LiveObject,
  LiveRead,
  Lowered,
  LowerResult,
  Normalized,
  Provider,
  ProviderId,
  TargetIds,
} from './provider.js';
export type { ApiAdapter, CallDraft, ResolveContext } from './writes.js';
export { HttpClient, realDeps, type HttpDeps, type HttpRequest, type HttpResponse } from './http/client.js';
export { appendMarker, splitMarker } from './ownership.js';
