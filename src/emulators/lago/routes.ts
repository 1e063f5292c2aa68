// HTTP wiring of the Lago emulator under /api/v1. Every success is 200 with a root-key wrapper.
import type { Context, Hono } from 'hono';
import type { FamilyEnv } from '../shared/family.js';
import { readJson } from '../shared/json-body.js';
import { fail, ok, type Outcome } from '../shared/outcome.js';
import { perRevision } from '../shared/per-revision.js';
import { json } from '../shared/respond.js';
import { applyCoupon, listApplied, presentApplied, terminateApplied } from './applied-coupons.js';
import type { LagoAccount, LagoConfig } from './config.js';
import { createCoupon, deleteCoupon, findCoupon, presentCoupon, updateCoupon } from './coupons.js';
import { findCustomer, presentCustomer, upsertCustomer } from './customers.js';
import { badRequest, lagoErrorResponse, notFound, unauthorized, type LagoError } from './errors.js';
import type { Coupon, LagoTenant } from './model.js';
import { newestFirst, paginate } from './pagination.js';

type Env = FamilyEnv<LagoTenant, LagoConfig>;
interface Call {
  readonly c: Context;
  readonly tenant: LagoTenant;
  readonly now: Date;
  readonly body: unknown;
}

const BASE = '/api/v1';

export function authenticate(headers: Headers, config: LagoConfig): LagoAccount | undefined {
  const key = headers.get('authorization')?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  return key ? config.accounts.find((a) => a.apiKey === key) : undefined;
}

function handler(env: Env, mutates: boolean, run: (call: Call) => Outcome<unknown, LagoError>) {
  return async (c: Context): Promise<Response> => {
    const account = authenticate(c.req.raw.headers, env.config);
    const tenant = account ? env.tenant(account.organization) : undefined;
    if (!tenant) return lagoErrorResponse(unauthorized());
    let body: unknown;
    if (mutates) {
      const read = await readJson(c.req.raw);
      if (!read.ok) return lagoErrorResponse(badRequest(read.error));
      body = read.value;
    }
    const result = run({ c, tenant, now: env.now(), body });
    if (!result.ok) return lagoErrorResponse(result.error);
    if (mutates) await env.store.commit();
    return json(result.value, 200);
  };
}

const codesFilter = (c: Context): string[] => [...(c.req.queries('coupon_code[]') ?? []), ...(c.req.queries('coupon_code') ?? [])];

/** The live coupons newest first, as every page of the listing reads them. */
const liveCoupons = perRevision((tenant: LagoTenant): readonly Coupon[] => newestFirst(Object.values(tenant.coupons).filter((x) => x.deleted_at == null)));

export function lagoRoutes(app: Hono, env: Env): void {
  app.post(
    `${BASE}/coupons`,
    handler(env, true, ({ tenant, body, now }) => {
      const r = createCoupon(tenant, body, now, env.random);
      return r.ok ? ok({ coupon: presentCoupon(r.value, now) }) : r;
    }),
  );
  app.get(
    `${BASE}/coupons`,
    handler(env, false, ({ c, tenant, now }) => ok(paginate(liveCoupons(tenant, env.store.revision), c.req.query(), 'coupons', (x) => presentCoupon(x, now)))),
  );
  app.get(
    `${BASE}/coupons/:code`,
    handler(env, false, ({ c, tenant, now }) => {
      const coupon = findCoupon(tenant, c.req.param('code') ?? '');
      return coupon ? ok({ coupon: presentCoupon(coupon, now) }) : fail(notFound('coupon'));
    }),
  );
  app.put(
    `${BASE}/coupons/:code`,
    handler(env, true, ({ c, tenant, body, now }) => {
      const r = updateCoupon(tenant, c.req.param('code') ?? '', body, now);
      return r.ok ? ok({ coupon: presentCoupon(r.value, now) }) : r;
    }),
  );
  app.delete(
    `${BASE}/coupons/:code`,
    handler(env, true, ({ c, tenant, now }) => {
      const r = deleteCoupon(tenant, c.req.param('code') ?? '', now);
      return r.ok ? ok({ coupon: presentCoupon(r.value, now) }) : r;
    }),
  );
  app.post(
    `${BASE}/applied_coupons`,
    handler(env, true, ({ tenant, body, now }) => {
      const r = applyCoupon(tenant, body, now, env.random);
      return r.ok ? ok({ applied_coupon: presentApplied(tenant, r.value, false) }) : r;
    }),
  );
  app.get(
    `${BASE}/applied_coupons`,
    handler(env, false, ({ c, tenant }) => listApplied(tenant, c.req.query(), codesFilter(c), undefined)),
  );
  app.get(
    `${BASE}/customers/:external_customer_id/applied_coupons`,
    handler(env, false, ({ c, tenant }) => {
      const customer = findCustomer(tenant, c.req.param('external_customer_id') ?? '');
      return customer ? listApplied(tenant, c.req.query(), codesFilter(c), customer.lago_id) : fail(notFound('customer'));
    }),
  );
  app.delete(
    `${BASE}/customers/:external_customer_id/applied_coupons/:applied_coupon_id`,
    handler(env, true, ({ c, tenant, now }) => {
      const r = terminateApplied(tenant, c.req.param('external_customer_id') ?? '', c.req.param('applied_coupon_id') ?? '', now);
      return r.ok ? ok({ applied_coupon: presentApplied(tenant, r.value, false) }) : r;
    }),
  );
  app.post(
    `${BASE}/customers`,
    handler(env, true, ({ tenant, body, now }) => {
      const r = upsertCustomer(tenant, body, now, env.random);
      return r.ok ? ok({ customer: presentCustomer(r.value) }) : r;
    }),
  );
  app.get(
    `${BASE}/customers`,
    handler(env, false, ({ c, tenant }) => ok(paginate(newestFirst(Object.values(tenant.customers)), c.req.query(), 'customers', presentCustomer))),
  );
  app.get(
    `${BASE}/customers/:external_customer_id`,
    handler(env, false, ({ c, tenant }) => {
      const customer = findCustomer(tenant, c.req.param('external_customer_id') ?? '');
      return customer ? ok({ customer: presentCustomer(customer) }) : fail(notFound('customer'));
    }),
  );
}
