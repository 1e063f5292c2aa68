// The Lago emulator as a Family: coupons, applied coupons, customers, and a finalize-invoice test control.
import type { Hono } from 'hono';
import { adminBody, adminError } from '../shared/admin-routes.js';
import type { Family, FamilyEnv } from '../shared/family.js';
import { json } from '../shared/respond.js';
import { presentCredit } from './applied-coupons.js';
import { configureLago, LAGO_PRIMARY_ORG, type LagoConfig } from './config.js';
import { finalizeInvoice } from './invoice.js';
import { emptyLagoTenant, type LagoTenant } from './model.js';
import { lagoRoutes } from './routes.js';

function adminRoutes(app: Hono, env: FamilyEnv<LagoTenant, LagoConfig>): void {
  // Runs the coupon part of invoicing for a customer: credits, drawn-down balances, spent periods.
  app.post('/__emulator/invoices/finalize', async (c) => {
    const organization = c.req.query('tenant') ?? LAGO_PRIMARY_ORG;
    const tenant = env.tenant(organization);
    if (!tenant) return adminError(404, `unknown organisation "${organization}"`);
    const read = await adminBody(c.req.raw);
    if (!read.ok) return read.response;
    const result = finalizeInvoice(tenant, read.body, env.now(), env.random);
    if (!result.ok) return json({ error: 'invalid invoice', issues: result.error }, 400);
    await env.store.commit();
    const invoice = result.value;
    const credits = Object.values(tenant.appliedCoupons).flatMap((a) =>
      (a.credits ?? []).filter((x) => x.invoice_id === invoice.lago_id).map((x) => presentCredit(tenant, a, x)),
    );
    return json({ invoice: { ...invoice, credits } });
  });
}

const TEXT = { 404: 'Not Found', 429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable' } as const;

export const lagoFamily: Family<LagoTenant, LagoConfig> = {
  id: 'lago',
  configure: configureLago,
  tenantIds: (config) => config.accounts.map((a) => a.organization),
  emptyTenant: emptyLagoTenant,
  routes: lagoRoutes,
  adminRoutes,
  errorResponse(status, detail) {
    const body: Record<string, unknown> = { status, error: TEXT[status] };
    if (status === 404) body.code = 'not_found';
    if (status === 500 && detail.message) body.message = detail.message;
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    if (detail.retryAfterSeconds !== undefined) headers['retry-after'] = String(detail.retryAfterSeconds);
    return { status, headers, body: JSON.stringify(body) };
  },
  endpoint(config, origin) {
    return {
      apiBaseUrl: `${origin}/api/v1`,
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
