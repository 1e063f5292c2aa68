// The subscription-billing promotions emulator (Kontorion style) as a Family.
import type { Hono } from 'hono';
import { adminBody, adminError } from '../shared/admin-routes.js';
import type { Family, FamilyEnv } from '../shared/family.js';
import { json } from '../shared/respond.js';
import { configurePromotions, PROMOTIONS_PRIMARY_ORG, type PromotionsConfig } from './config.js';
import { seedCustomer, seedRedemption } from './customers.js';
import { emptyPromotionsTenant, type PromotionsTenant } from './model.js';
import { problem, problemBody } from './problems.js';
import { promotionsRoutes } from './routes.js';

function adminRoutes(app: Hono, env: FamilyEnv<PromotionsTenant, PromotionsConfig>): void {
  const tenantOf = (organization: string | undefined) => {
    const id = organization ?? PROMOTIONS_PRIMARY_ORG;
    return { id, tenant: env.tenant(id) };
  };
  app.post('/__emulator/customers', async (c) => {
    const { id, tenant } = tenantOf(c.req.query('tenant'));
    if (!tenant) return adminError(404, `unknown organization "${id}"`);
    const read = await adminBody(c.req.raw);
    if (!read.ok) return read.response;
    const seeded = seedCustomer(tenant, read.body, env.random);
    if (!seeded.ok) return json({ error: 'invalid customer', issues: seeded.error }, 400);
    await env.store.commit();
    return json(seeded.value, 201);
  });
  app.post('/__emulator/redemptions', async (c) => {
    const { id, tenant } = tenantOf(c.req.query('tenant'));
    if (!tenant) return adminError(404, `unknown organization "${id}"`);
    const read = await adminBody(c.req.raw);
    if (!read.ok) return read.response;
    const seeded = seedRedemption(tenant, read.body, env.config.currencies[id] ?? 'EUR', env.now(), env.random);
    if (!seeded.ok) return json({ error: 'invalid redemption', issues: seeded.error }, 400);
    await env.store.commit();
    return json(seeded.value, 201);
  });
}

const ERRORS = {
  404: ['NOT_FOUND', 'Not found'],
  429: ['RATE_LIMITED', 'Too many requests'],
  500: ['INTERNAL', 'Internal error'],
  503: ['SERVICE_UNAVAILABLE', 'Service unavailable'],
} as const;

let faultRequests = 0;

export const promotionsFamily: Family<PromotionsTenant, PromotionsConfig> = {
  id: 'promotions',
  configure: configurePromotions,
  tenantIds: (config) => [...new Set(config.accounts.map((a) => a.organization))],
  emptyTenant: emptyPromotionsTenant,
  routes: promotionsRoutes,
  adminRoutes,
  errorResponse(status, detail) {
    const [code, title] = ERRORS[status];
    const text =
      status === 404 ? `No route ${detail.path}.` : status === 429 ? `Retry after ${detail.retryAfterSeconds ?? 1} second(s).` : (detail.message ?? title);
    const requestId = `req_f${(++faultRequests).toString(36).padStart(7, '0')}`;
    const headers: Record<string, string> = { 'content-type': 'application/problem+json; charset=utf-8', 'x-request-id': requestId };
    if (detail.retryAfterSeconds !== undefined) headers['retry-after'] = String(detail.retryAfterSeconds);
    return { status, headers, body: JSON.stringify(problemBody(problem(status, code, title, text), detail.path, requestId)) };
  },
  endpoint(config, origin) {
    return {
      apiBaseUrl: `${origin}/v1`,
      tenant: config.primary.organization,
      credentials: { kind: 'api-key', apiKey: config.primary.apiKey },
      accounts: config.accounts.map((a) => ({
        description: a.description,
        tenant: a.organization,
        credentials: { kind: 'api-key' as const, apiKey: a.apiKey },
      })),
    };
  },
};
