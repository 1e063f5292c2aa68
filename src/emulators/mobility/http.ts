// The request pipeline shared by every mobility route: tenant from the path, Bearer access token,
// JSON body, the operation, commit, and null-free JSON out (errors in the vendor's shape with a traceId).
import type { Context } from 'hono';
import type { FamilyEnv } from '../shared/family.js';
import { readJson } from '../shared/json-body.js';
import type { Outcome } from '../shared/outcome.js';
import { json, noContent } from '../shared/respond.js';
import { authenticate } from './auth.js';
import { tenantConfig, type MobilityConfig } from './config.js';
import type { MobilityCall } from './context.js';
import { errorResponse, mobilityError, type MobilityError } from './errors.js';
import type { MobilityTenant } from './model.js';
import { omitNulls, pageOf, parsePaging } from './paging.js';

export type Env = FamilyEnv<MobilityTenant, MobilityConfig>;

export interface Reply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface Options {
  /** Read a JSON body. */
  readonly body?: boolean;
  /** Persist after success. */
  readonly mutates?: boolean;
  /** Skip the access-token check (sign-in and refresh). */
  readonly anonymous?: boolean;
}

export type Run = (call: MobilityCall, c: Context, body: unknown) => Outcome<Reply, MobilityError>;

export function makeHandler(env: Env) {
  let traces = 0;
  const trace = () => (++traces).toString(16).padStart(16, '0');
  return (options: Options, run: Run) =>
    async (c: Context): Promise<Response> => {
      const tenantId = c.req.param('tenant') ?? '';
      const tenant = env.tenant(tenantId);
      const config = tenantConfig(env.config, tenantId);
      if (!tenant || !config) return errorResponse(mobilityError(404, 'R101', `Unknown tenant ${tenantId}`), trace());
      const now = env.now();
      let client = env.config.clients.find((x) => x.tenant === tenantId);
      if (!options.anonymous) {
        const auth = authenticate(c.req.raw.headers, tenant, tenantId, env.config, now);
        if (!auth.ok) return errorResponse(auth.error, trace());
        client = auth.value;
      }
      let body: unknown;
      if (options.body) {
        const read = await readJson(c.req.raw);
        if (!read.ok) return errorResponse(mobilityError(400, 'R102.2', read.error), trace());
        body = read.value;
      }
      if (!client) return errorResponse(mobilityError(401, 'A100', 'No API client'), trace());
      const result = run({ tenant, config, client, now, random: env.random }, c, body);
      if (!result.ok) return errorResponse(result.error, trace());
      if (options.mutates) await env.store.commit();
      const reply = result.value;
      return reply.status === 204 ? noContent(reply.headers) : json(omitNulls(reply.body), reply.status, reply.headers);
    };
}

/** A paged list reply: the bare array, totals in X-Pagination-* headers. */
export function paged<T extends { id: number }>(
  c: Context,
  items: Outcome<T[], MobilityError>,
  sortable: readonly string[],
  present: (item: T) => unknown,
  extraHeaders: Record<string, string> = {},
): Outcome<Reply, MobilityError> {
  if (!items.ok) return items;
  const paging = parsePaging(new URL(c.req.url), sortable);
  if (!paging.ok) return paging;
  const page = pageOf(items.value, paging.value);
  return { ok: true, value: { status: 200, body: page.items.map(present), headers: { ...page.headers, ...extraHeaders } } };
}

export function reply<T>(
  result: Outcome<T, MobilityError>,
  status: number,
  present: (value: T) => unknown,
  headers?: Record<string, string>,
): Outcome<Reply, MobilityError> {
  return result.ok ? { ok: true, value: headers ? { status, body: present(result.value), headers } : { status, body: present(result.value) } } : result;
}
