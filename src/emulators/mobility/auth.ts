// Sign-in with API client credentials: POST /v1/{tenant}/auth/sign-in-api-client `{clientId, clientKey}`
// returns an access token (5 hours) and a refresh token (30 days, rotated on use). Requests send
// `Authorization: Bearer <accessToken>`; tokens belong to one tenant.
import { FieldReader } from '../shared/input.js';
import { isoSeconds } from '../shared/iso-time.js';
import { fail, ok, type Outcome } from '../shared/outcome.js';
import { randomString, type Random } from '../shared/random.js';
import type { ApiClient, MobilityConfig } from './config.js';
import { invalid, mobilityError, type MobilityError } from './errors.js';
import type { MobilityTenant, Token } from './model.js';

export const ACCESS_TTL_SECONDS = 5 * 3600;
export const REFRESH_TTL_SECONDS = 30 * 86_400;
const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UNAUTHORIZED = { 'www-authenticate': 'Bearer' };

function issue(tenant: MobilityTenant, clientId: string, now: Date, random: Random): Record<string, unknown> {
  // Expired tokens of this client are dropped here, so the token table stays small.
  for (const [key, t] of Object.entries(tenant.tokens)) {
    if (t.clientId === clientId && Date.parse(t.expiresAt) <= now.getTime()) delete tenant.tokens[key];
  }
  const make = (kind: Token['kind'], ttl: number): string => {
    const token = `${kind === 'access' ? 'at' : 'rt'}_${randomString(random, TOKEN_ALPHABET, 40)}`;
    tenant.tokens[token] = { token, kind, clientId, expiresAt: isoSeconds(new Date(now.getTime() + ttl * 1000)) };
    return token;
  };
  return {
    accessToken: make('access', ACCESS_TTL_SECONDS),
    refreshToken: make('refresh', REFRESH_TTL_SECONDS),
    expiresIn: ACCESS_TTL_SECONDS,
    tokenType: 'Bearer',
  };
}

export function signIn(
  tenant: MobilityTenant,
  tenantId: string,
  config: MobilityConfig,
  body: unknown,
  now: Date,
  random: Random,
): Outcome<Record<string, unknown>, MobilityError> {
  const r = new FieldReader(body);
  const clientId = r.string('clientId', { required: true });
  const clientKey = r.string('clientKey', { required: true });
  if (r.issues.length > 0) return fail(invalid(r.issues));
  const client = config.clients.find((c) => c.tenant === tenantId && c.clientId === clientId && c.clientKey === clientKey);
  if (!client) return fail(mobilityError(401, 'A101', 'Invalid API client credentials', UNAUTHORIZED));
  return ok(issue(tenant, client.clientId, now, random));
}

export function refresh(tenant: MobilityTenant, body: unknown, now: Date, random: Random): Outcome<Record<string, unknown>, MobilityError> {
  const r = new FieldReader(body);
  const token = r.string('refreshToken', { required: true });
  if (r.issues.length > 0 || !token) return fail(invalid(r.issues));
  const stored = tenant.tokens[token];
  if (!stored || stored.kind !== 'refresh' || Date.parse(stored.expiresAt) <= now.getTime()) {
    return fail(mobilityError(401, 'A103', 'Refresh token is invalid or expired; sign in again', UNAUTHORIZED));
  }
  delete tenant.tokens[token];
  return ok(issue(tenant, stored.clientId, now, random));
}

export function authenticate(headers: Headers, tenant: MobilityTenant, tenantId: string, config: MobilityConfig, now: Date): Outcome<ApiClient, MobilityError> {
  const token = headers.get('authorization')?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  if (!token) return fail(mobilityError(401, 'A100', 'Authentication required: send Authorization: Bearer <accessToken>', UNAUTHORIZED));
  const stored = tenant.tokens[token];
  if (!stored || stored.kind !== 'access') return fail(mobilityError(401, 'A100', 'Access token is invalid', UNAUTHORIZED));
  if (Date.parse(stored.expiresAt) <= now.getTime()) return fail(mobilityError(401, 'A102', 'Access token expired; refresh it', UNAUTHORIZED));
  const client = config.clients.find((c) => c.tenant === tenantId && c.clientId === stored.clientId);
  return client ? ok(client) : fail(mobilityError(401, 'A100', 'Access token is invalid', UNAUTHORIZED));
}
