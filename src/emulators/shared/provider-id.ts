// The four API families promoc targets, and where each one listens relative to the base port.

export type ProviderId = 'ev-billing' | 'mobility' | 'promotions' | 'lago';

/** Fixed order: with `--port N` the families listen on N, N+1, N+2, N+3 whichever subset is started. */
export const PROVIDER_IDS: readonly ProviderId[] = ['ev-billing', 'mobility', 'promotions', 'lago'];

export function isProviderId(value: unknown): value is ProviderId {
  return typeof value === 'string' && (PROVIDER_IDS as readonly string[]).includes(value);
}

/** Offset from the base port; stable so a URL printed once stays right when fewer families are started. */
export function portOffset(provider: ProviderId): number {
  return PROVIDER_IDS.indexOf(provider);
}
