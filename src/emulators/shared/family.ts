// What every API family provides to the shared machinery (store, server, faults, admin controls),
// and what a started family gives back to its caller.
import type { Hono } from 'hono';
import type { EmulatorClock } from './clock.js';
import type { FaultResponse } from './fault-layer.js';
import type { FaultOptions } from './faults.js';
import type { ProviderId } from './provider-id.js';
import type { Random } from './random.js';
import type { Store } from './store.js';

export const STATE_FORMAT = 'promoc-emulator/v1';

/**
 * Persisted state of one family. Every tenant (organisation) is a set of named collections of objects keyed
 * by id, which is what lets the generic admin endpoints edit any object "as if from the dashboard".
 */
export interface FamilyState<T> {
  format: typeof STATE_FORMAT;
  provider: ProviderId;
  /** State of the seeded id generator, persisted so ids never repeat across restarts. */
  random: number;
  tenants: Record<string, T>;
}

export type Credentials =
  | { readonly kind: 'api-key'; readonly apiKey: string; readonly scopes?: readonly string[] }
  | { readonly kind: 'api-client'; readonly clientId: string; readonly clientKey: string };

export interface Account {
  readonly description: string;
  /** Organisation (ev-billing, promotions, lago) or tenant (mobility) the credentials belong to. */
  readonly tenant: string;
  readonly credentials: Credentials;
}

export interface EmulatorEndpoint {
  readonly provider: ProviderId;
  /** scheme://host:port of this family's server. */
  readonly baseUrl: string;
  /** Where the documented paths start (e.g. `${baseUrl}/api/v1` for Lago, `${baseUrl}/v1/demo` for mobility). */
  readonly apiBaseUrl: string;
  /** The primary organisation/tenant. */
  readonly tenant: string;
  /** Full-access credentials for the primary tenant. */
  readonly credentials: Credentials;
  /** Every credential the emulator accepts (read-only keys, restricted clients, a second tenant for isolation). */
  readonly accounts: readonly Account[];
  /** Test controls (state, reset, dashboard edits, faults, clock). */
  readonly adminUrl: string;
}

export interface FamilyEnv<T, C> {
  readonly config: C;
  readonly store: Store<FamilyState<T>>;
  now(): Date;
  /** The persisted id generator. */
  readonly random: Random;
  /** The tenant's collections; undefined for an unknown tenant. */
  tenant(id: string): T | undefined;
}

export interface Family<T, C> {
  readonly id: ProviderId;
  /** Accounts and tenants from the start options; configuration, not state (so --api-key can change). */
  configure(options: { apiKey?: string }): C;
  tenantIds(config: C): readonly string[];
  emptyTenant(): T;
  routes(app: Hono, env: FamilyEnv<T, C>): void;
  /** Family-specific test controls, mounted under /__emulator. */
  adminRoutes?(app: Hono, env: FamilyEnv<T, C>): void;
  /** This family's error body for injected faults, unknown routes and unexpected exceptions. */
  errorResponse(status: 404 | 429 | 500 | 503, detail: { path: string; retryAfterSeconds?: number; message?: string }): FaultResponse;
  endpoint(config: C, origin: string): Omit<EmulatorEndpoint, 'provider' | 'baseUrl' | 'adminUrl'>;
}

/** The programmatic test handle; the /__emulator routes call the same functions. */
export interface EmulatorControl {
  readonly provider: ProviderId;
  readonly clock: EmulatorClock;
  snapshot(): unknown;
  restore(snapshot: unknown): Promise<void>;
  reset(): Promise<void>;
  /** RFC 7396 merge patch on a stored object, bypassing validation: an out-of-band dashboard edit. */
  edit(tenant: string, collection: string, id: string, patch: unknown): Promise<unknown>;
  /** Inserts or replaces a stored object as-is (seeding). */
  put(tenant: string, collection: string, id: string, value: unknown): Promise<void>;
  remove(tenant: string, collection: string, id: string): Promise<boolean>;
  setFaults(options: FaultOptions | undefined): void;
  faults(): FaultOptions | undefined;
}
