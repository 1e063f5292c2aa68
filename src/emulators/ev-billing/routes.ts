// HTTP wiring of the EV billing emulator: authenticate, parse, call the pure operation, commit, answer.
import type { Context, Hono } from 'hono';
import type { FamilyEnv } from '../shared/family.js';
import { readJson } from '../shared/json-body.js';
import { fail, ok, type Outcome } from '../shared/outcome.js';
import { json } from '../shared/respond.js';
import { applyCode } from './apply-code.js';
import { authenticate } from './auth.js';
import { listCodes } from './code-list.js';
import { createCode, presentCode } from './codes.js';
import { READ, WRITE, type EvAccount, type EvConfig } from './config.js';
import { evError, evErrorResponse, type EvError } from './errors.js';
import type { EvTenant } from './model.js';
import { page, pagedQuery } from './paging.js';
import { usageStats } from './usage.js';
import { assignUserType, createUserType, presentUserType } from './user-types.js';

type Env = FamilyEnv<EvTenant, EvConfig>;
interface Reply {
  readonly status: number;
  readonly body: unknown;
}
interface Call {
  readonly c: Context;
  readonly account: EvAccount;
  readonly tenant: EvTenant;
  readonly now: Date;
  readonly body: unknown;
}

const BASE = '/api/v1/billing';

function handler(env: Env, scope: string, mutates: boolean, run: (call: Call) => Outcome<Reply, EvError>) {
  return async (c: Context): Promise<Response> => {
    const auth = authenticate(c.req.raw.headers, env.config, scope);
    if (!auth.ok) return evErrorResponse(auth.error);
    const tenant = env.tenant(auth.value.organization);
    if (!tenant) return evErrorResponse(evError(500, 'internal_error', `organisation ${auth.value.organization} has no state`));
    let body: unknown;
    if (mutates) {
      const read = await readJson(c.req.raw);
      if (!read.ok) return evErrorResponse(evError(400, 'invalid_json', read.error));
      body = read.value;
    }
    const result = run({ c, account: auth.value, tenant, now: env.now(), body });
    if (!result.ok) return evErrorResponse(result.error);
    if (mutates) await env.store.commit();
    return json(result.value.body, result.value.status);
  };
}

export function evRoutes(app: Hono, env: Env): void {
  app.post(
    `${BASE}/promotional-codes`,
    handler(env, WRITE, true, ({ tenant, body, now }) => {
      const created = createCode(tenant, body, now, env.random);
      return created.ok ? ok({ status: 201, body: presentCode(created.value, now) }) : created;
    }),
  );
  app.get(
    `${BASE}/promotional-codes`,
    handler(env, READ, false, ({ c, tenant, now }) => {
      const listed = listCodes(tenant, c.req.query(), now, env.store.revision);
      return listed.ok ? ok({ status: 200, body: listed.value }) : listed;
    }),
  );
  app.get(
    `${BASE}/promotional-codes/:code_id`,
    handler(env, READ, false, ({ c, tenant, now }) => {
      const code = tenant.codes[c.req.param('code_id') ?? ''];
      return code
        ? ok({ status: 200, body: presentCode(code, now) })
        : fail(evError(404, 'code_not_found', `No promotional code with code_id "${c.req.param('code_id') ?? ''}" in this organisation.`));
    }),
  );
  app.post(
    `${BASE}/promotional-codes/sessions/:session_id/apply-code`,
    handler(env, WRITE, true, ({ c, tenant, body, now }) => {
      const applied = applyCode(tenant, c.req.param('session_id') ?? '', body, now, env.random);
      return applied.ok ? ok({ status: 200, body: applied.value }) : applied;
    }),
  );
  app.get(
    `${BASE}/promotional-codes/:code_id/usage`,
    handler(env, READ, false, ({ c, tenant, account }) => {
      const stats = usageStats(tenant, c.req.param('code_id') ?? '', c.req.query(), env.config.currencies[account.organization] ?? 'EUR');
      return stats.ok ? ok({ status: 200, body: stats.value }) : stats;
    }),
  );
  app.post(
    `${BASE}/user-types`,
    handler(env, WRITE, true, ({ tenant, body, now }) => {
      const created = createUserType(tenant, body, now, env.random);
      return created.ok ? ok({ status: 201, body: presentUserType(created.value) }) : created;
    }),
  );
  app.get(
    `${BASE}/user-types`,
    handler(env, READ, false, ({ c, tenant }) => {
      const paging = pagedQuery(c.req.query());
      return paging.ok ? ok({ status: 200, body: page(Object.values(tenant.userTypes), 'user_types', paging.value, presentUserType) }) : paging;
    }),
  );
  app.put(
    `${BASE}/user-types/users/:user_id/user-type`,
    handler(env, WRITE, true, ({ c, tenant, body, now }) => {
      const assigned = assignUserType(tenant, c.req.param('user_id') ?? '', body, now);
      return assigned.ok ? ok({ status: 200, body: assigned.value }) : assigned;
    }),
  );
}
