// The mobility (goUrban / Wunder style) emulator as a Family.
import type { Context, Hono } from 'hono';
import { adminBody, adminError } from '../shared/admin-routes.js';
import type { Family, FamilyEnv } from '../shared/family.js';
import type { Outcome } from '../shared/outcome.js';
import { json } from '../shared/respond.js';
import { configureMobility, MOBILITY_PRIMARY_TENANT, tenantConfig, type MobilityConfig } from './config.js';
import type { MobilityCall } from './context.js';
import { errorBody, mobilityError, type MobilityError } from './errors.js';
import { emptyMobilityTenant, type MobilityTenant } from './model.js';
import { omitNulls } from './paging.js';
import { redeemCode } from './redemption.js';
import { templateRoutes } from './routes-templates.js';
import { voucherRoutes } from './routes-vouchers.js';
import { startUserSubscription } from './user-subscriptions.js';
import { presentVoucher } from './vouchers.js';

type Env = FamilyEnv<MobilityTenant, MobilityConfig>;

/** Test controls act as the tenant's first (all-permission) client. */
function adminCall<T>(env: Env, run: (call: MobilityCall, body: unknown) => Outcome<T, MobilityError>, present: (value: T, now: Date) => unknown) {
  return async (c: Context): Promise<Response> => {
    const tenantId = c.req.query('tenant') ?? MOBILITY_PRIMARY_TENANT;
    const tenant = env.tenant(tenantId);
    const config = tenantConfig(env.config, tenantId);
    const client = env.config.clients.find((x) => x.tenant === tenantId);
    if (!tenant || !config || !client) return adminError(404, `unknown tenant "${tenantId}"`);
    const read = await adminBody(c.req.raw);
    if (!read.ok) return read.response;
    const now = env.now();
    const result = run({ tenant, config, client, now, random: env.random }, read.body);
    if (!result.ok) return json(errorBody(result.error, 'admin'), result.error.httpStatus);
    await env.store.commit();
    return json(omitNulls(present(result.value, now)), 201);
  };
}

function adminRoutes(app: Hono, env: Env): void {
  app.post('/__emulator/redeem', adminCall(env, redeemCode, presentVoucher));
  app.post(
    '/__emulator/user-subscriptions',
    adminCall(env, startUserSubscription, (s) => s),
  );
}

const ERRORS = {
  404: ['R100', 'Resource not found'],
  429: ['R429', 'Too many requests; retry later'],
  500: ['E500', 'Internal server error'],
  503: ['E503', 'Service temporarily unavailable'],
} as const;

let faultTraces = 0;

export const mobilityFamily: Family<MobilityTenant, MobilityConfig> = {
  id: 'mobility',
  configure: configureMobility,
  tenantIds: (config) => config.tenants.map((t) => t.id),
  emptyTenant: emptyMobilityTenant,
  routes: (app, env) => {
    templateRoutes(app, env);
    voucherRoutes(app, env);
  },
  adminRoutes,
  errorResponse(status, detail) {
    const [code, message] = ERRORS[status];
    const text = status === 404 ? `No resource at ${detail.path}` : (detail.message ?? message);
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    if (detail.retryAfterSeconds !== undefined) headers['retry-after'] = String(detail.retryAfterSeconds);
    const body = errorBody(mobilityError(status, code, text), `f${(++faultTraces).toString(16).padStart(15, '0')}`);
    return { status, headers, body: JSON.stringify(body) };
  },
  endpoint(config, origin) {
    return {
      apiBaseUrl: `${origin}/v1/${config.primary.tenant}`,
      tenant: config.primary.tenant,
      credentials: { kind: 'api-client', clientId: config.primary.clientId, clientKey: config.primary.clientKey },
      accounts: config.clients.map((c) => ({
        description: c.description,
        tenant: c.tenant,
        credentials: { kind: 'api-client' as const, clientId: c.clientId, clientKey: c.clientKey },
      })),
    };
  },
};
