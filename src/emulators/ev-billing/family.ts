// The EV billing (Dynamo CSMS style) emulator as a Family: promotional codes, apply-code, usage, user types.
import type { Hono } from 'hono';
import { adminBody, adminError } from '../shared/admin-routes.js';
import type { Family, FamilyEnv } from '../shared/family.js';
import { json } from '../shared/respond.js';
import { configureEv, EV_PRIMARY_ORG, type EvConfig } from './config.js';
import { evErrorBody, evError } from './errors.js';
import { emptyEvTenant, type EvTenant } from './model.js';
import { evRoutes } from './routes.js';
import { presentSession, seedSession } from './sessions.js';

function adminRoutes(app: Hono, env: FamilyEnv<EvTenant, EvConfig>): void {
  app.post('/__emulator/sessions', async (c) => {
    const organization = c.req.query('tenant') ?? EV_PRIMARY_ORG;
    const tenant = env.tenant(organization);
    if (!tenant) return adminError(404, `unknown organisation "${organization}"`);
    const read = await adminBody(c.req.raw);
    if (!read.ok) return read.response;
    const seeded = seedSession(tenant, read.body, env.config.currencies[organization] ?? 'EUR', env.now(), env.random);
    if (!seeded.ok) return json({ error: 'invalid session', issues: seeded.error }, 400);
    await env.store.commit();
    return json(presentSession(seeded.value), 201);
  });
}

const ERRORS = {
  404: ['not_found', 'No such endpoint.'],
  429: ['rate_limited', 'Too many requests; retry after the number of seconds in Retry-After.'],
  500: ['internal_error', 'An unexpected error occurred.'],
  503: ['service_unavailable', 'The service is temporarily unavailable.'],
} as const;

export const evBillingFamily: Family<EvTenant, EvConfig> = {
  id: 'ev-billing',
  configure: configureEv,
  tenantIds: (config) => [...new Set(config.accounts.map((a) => a.organization))],
  emptyTenant: emptyEvTenant,
  routes: evRoutes,
  adminRoutes,
  errorResponse(status, detail) {
    const [code, message] = ERRORS[status];
    const body = evErrorBody(evError(status, code, status === 404 ? `No such endpoint: ${detail.path}` : (detail.message ?? message)));
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    if (detail.retryAfterSeconds !== undefined) headers['retry-after'] = String(detail.retryAfterSeconds);
    return { status, headers, body: JSON.stringify(body) };
  },
  endpoint(config, origin) {
    return {
      apiBaseUrl: origin,
      tenant: config.primary.organization,
      credentials: { kind: 'api-key', apiKey: config.primary.apiKey, scopes: config.primary.scopes },
      accounts: config.accounts.map((a) => ({
        description: a.description,
        tenant: a.organization,
        credentials: { kind: 'api-key' as const, apiKey: a.apiKey, scopes: a.scopes },
      })),
    };
  },
};
