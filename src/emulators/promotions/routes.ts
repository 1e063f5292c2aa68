// HTTP wiring of the promotions emulator under /v1: Bearer keys, `{ "data": ... }` envelopes,
// problem+json errors with a request id.
import type { Context, Hono } from 'hono';
import type { FamilyEnv } from '../shared/family.js';
import { readJson } from '../shared/json-body.js';
import { fail, ok, type Outcome } from '../shared/outcome.js';
import { json } from '../shared/respond.js';
import type { PromotionsAccount, PromotionsConfig, Role } from './config.js';
import { previewEligibility } from './eligibility.js';
import { activatePromotion, copyPromotion, createPromotion, deactivatePromotion, findPromotion, type OpContext } from './lifecycle.js';
import { listPromotions } from './list.js';
import type { Promotion, PromotionsTenant, VersionStatus } from './model.js';
import { presentPromotion } from './present.js';
import { notFound, problem, problemResponse, validation, type Problem } from './problems.js';
import { simulate } from './simulate.js';
import { updatePromotion } from './update.js';
import { presentSnapshot, presentVersion, settleScheduled, versionsOf } from './versions.js';

type Env = FamilyEnv<PromotionsTenant, PromotionsConfig>;
interface Reply {
  readonly status: number;
  readonly data: unknown;
  readonly extra?: Readonly<Record<string, unknown>>;
}
interface Call {
  readonly c: Context;
  readonly ctx: OpContext;
  readonly body: unknown;
}

const BASE = '/v1/promotions';
const VERSION_STATUSES: readonly VersionStatus[] = ['draft', 'scheduled', 'published', 'superseded', 'archived'];

export function authenticate(headers: Headers, config: PromotionsConfig, role: Role): Outcome<PromotionsAccount, Problem> {
  const key = headers.get('authorization')?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  const account = key ? config.accounts.find((a) => a.apiKey === key) : undefined;
  if (!account)
    return fail({
      ...problem(401, 'UNAUTHENTICATED', 'Unauthenticated', key ? 'The API key is not valid.' : 'Send "Authorization: Bearer <api key>".'),
      headers: { 'www-authenticate': 'Bearer' },
    });
  if (role === 'write' && account.role !== 'write') return fail(problem(403, 'FORBIDDEN', 'Forbidden', 'This API key is read-only.'));
  return ok(account);
}

export function promotionsRoutes(app: Hono, env: Env): void {
  let requests = 0;
  const handler =
    (role: Role, withBody: boolean, mutates: boolean, run: (call: Call) => Outcome<Reply, Problem>) =>
    async (c: Context): Promise<Response> => {
      const requestId = `req_${(++requests).toString(36).padStart(8, '0')}`;
      const fail = (p: Problem) => problemResponse(p, new URL(c.req.url).pathname, requestId);
      const auth = authenticate(c.req.raw.headers, env.config, role);
      if (!auth.ok) return fail(auth.error);
      const tenant = env.tenant(auth.value.organization);
      if (!tenant) return fail(problem(500, 'INTERNAL', 'Internal error', 'organization has no state'));
      let body: unknown;
      if (withBody) {
        const read = await readJson(c.req.raw);
        if (!read.ok) return fail(problem(400, 'MALFORMED_BODY', 'Malformed body', read.error));
        body = read.value;
      }
      const now = env.now();
      const settled = settleScheduled(tenant, now);
      const ctx: OpContext = {
        tenant,
        organization: auth.value.organization,
        currency: env.config.currencies[auth.value.organization] ?? 'EUR',
        now,
        random: env.random,
        actor: auth.value.actor,
      };
      const result = run({ c, ctx, body });
      if (mutates || settled) await env.store.commit();
      if (!result.ok) return fail(result.error);
      return json({ data: result.value.data, ...result.value.extra }, result.value.status, { 'x-request-id': requestId });
    };
  const show =
    (ctx: OpContext, status: number, derived = false) =>
    (r: Outcome<Promotion, Problem>): Outcome<Reply, Problem> =>
      r.ok ? ok({ status, data: presentPromotion(r.value, ctx.now, ctx.currency, derived) }) : r;
  const param = (c: Context, name: string) => c.req.param(name) ?? '';

  app.get(
    BASE,
    handler('read', false, false, ({ c, ctx }) => {
      const query = [...new URL(c.req.url).searchParams.entries()];
      const r = listPromotions(Object.values(ctx.tenant.promotions), query, ctx.now, ctx.currency);
      return r.ok ? ok({ status: 200, data: r.value.data, extra: { pagination: r.value.pagination } }) : r;
    }),
  );
  app.post(
    BASE,
    handler('write', true, true, ({ ctx, body }) => show(ctx, 201)(createPromotion(ctx, body))),
  );
  app.post(
    `${BASE}/simulate`,
    handler('read', true, false, ({ ctx, body }) => {
      const r = simulate(ctx, body);
      return r.ok ? ok({ status: 200, data: r.value }) : r;
    }),
  );
  app.get(
    `${BASE}/:id`,
    handler('read', false, false, ({ c, ctx }) => show(ctx, 200)(findPromotion(ctx, param(c, 'id')))),
  );
  for (const method of ['patch', 'put'] as const) {
    app[method](
      `${BASE}/:id`,
      handler('write', true, true, ({ c, ctx, body }) => show(ctx, 200)(updatePromotion(ctx, param(c, 'id'), body))),
    );
  }
  app.post(
    `${BASE}/:id/activate`,
    handler('write', false, true, ({ c, ctx }) => show(ctx, 200)(activatePromotion(ctx, param(c, 'id')))),
  );
  app.post(
    `${BASE}/:id/deactivate`,
    handler('write', false, true, ({ c, ctx }) => show(ctx, 200)(deactivatePromotion(ctx, param(c, 'id')))),
  );
  app.post(
    `${BASE}/:id/copy`,
    handler('write', true, true, ({ c, ctx, body }) => show(ctx, 201, true)(copyPromotion(ctx, param(c, 'id'), body))),
  );
  app.post(
    `${BASE}/:id/eligibility-preview`,
    handler('read', true, false, ({ c, ctx, body }) => {
      const r = previewEligibility(ctx, param(c, 'id'), body);
      return r.ok ? ok({ status: 200, data: r.value }) : r;
    }),
  );
  app.get(
    `${BASE}/:id/versions`,
    handler('read', false, false, ({ c, ctx }) => {
      const found = findPromotion(ctx, param(c, 'id'));
      if (!found.ok) return found;
      const wanted = c.req.queries('status') ?? [];
      const bad = wanted.filter((s) => !(VERSION_STATUSES as readonly string[]).includes(s));
      if (bad.length > 0)
        return fail(validation(bad.map((s) => ({ field: 'status', message: `unknown lifecycle status "${s}"; use ${VERSION_STATUSES.join(', ')}` }))));
      const versions = versionsOf(ctx.tenant, found.value.id)
        .filter((v) => wanted.length === 0 || wanted.includes(v.status))
        .reverse();
      return ok({ status: 200, data: versions.map((v) => presentVersion(v, ctx.tenant)) });
    }),
  );
  app.get(
    `${BASE}/:id/versions/:version`,
    handler('read', false, false, ({ c, ctx }) => {
      const found = findPromotion(ctx, param(c, 'id'));
      if (!found.ok) return found;
      const number = Number(param(c, 'version'));
      const v = versionsOf(ctx.tenant, found.value.id).find((x) => x.version === number);
      return v ? ok({ status: 200, data: presentSnapshot(v, found.value) }) : fail(notFound('promotion_version', `${found.value.id}@${param(c, 'version')}`));
    }),
  );
}
