// Routes for templates: auth, /voucherables, /annotations and the deprecated /packages and /subscriptions.
import type { Hono } from 'hono';
import { ok } from '../shared/outcome.js';
import { listAnnotations, ANNOTATION_SORT, createAnnotation, findAnnotation, updateAnnotation } from './annotations.js';
import { refresh, signIn } from './auth.js';
import { makeHandler, paged, reply, type Env } from './http.js';
import { createLegacy, findLegacy, patchLegacy, presentLegacy, type LegacyKind } from './legacy.js';
import {
  createVoucherable,
  deleteVoucherable,
  findByCode,
  findVoucherable,
  listVoucherables,
  setState,
  updateVoucherable,
  VOUCHERABLE_SORT,
} from './voucherables.js';

const T = '/v1/:tenant';
const same = <V>(v: V): V => v;

export function templateRoutes(app: Hono, env: Env): void {
  const handle = makeHandler(env);
  app.post(
    `${T}/auth/sign-in-api-client`,
    handle({ anonymous: true, body: true, mutates: true }, (call, c, body) =>
      reply(signIn(call.tenant, c.req.param('tenant') ?? '', env.config, body, call.now, call.random), 200, same),
    ),
  );
  app.post(
    `${T}/auth/refresh-token`,
    handle({ anonymous: true, body: true, mutates: true }, (call, _c, body) => reply(refresh(call.tenant, body, call.now, call.random), 200, same)),
  );

  app.post(
    `${T}/voucherables`,
    handle({ body: true, mutates: true }, (call, _c, body) => reply(createVoucherable(call, body), 201, same)),
  );
  app.get(
    `${T}/voucherables`,
    handle({}, (call, c) => paged(c, ok(listVoucherables(call, new URL(c.req.url).searchParams)), VOUCHERABLE_SORT, same)),
  );
  app.get(
    `${T}/voucherables/by-code/:code`,
    handle({}, (call, c) => reply(findByCode(call, c.req.param('code') ?? ''), 200, same)),
  );
  app.get(
    `${T}/voucherables/:id`,
    handle({}, (call, c) => reply(findVoucherable(call, c.req.param('id') ?? '', 'VOUCHERABLE_VIEW'), 200, same)),
  );
  app.put(
    `${T}/voucherables/:id`,
    handle({ body: true, mutates: true }, (call, c, body) => reply(updateVoucherable(call, c.req.param('id') ?? '', body), 200, same)),
  );
  app.delete(
    `${T}/voucherables/:id`,
    handle({ mutates: true }, (call, c) => reply(deleteVoucherable(call, c.req.param('id') ?? ''), 204, () => undefined)),
  );
  app.post(
    `${T}/voucherables/:id/activate`,
    handle({ mutates: true }, (call, c) => reply(setState(call, c.req.param('id') ?? '', 'ACTIVE'), 200, same)),
  );
  app.post(
    `${T}/voucherables/:id/deactivate`,
    handle({ mutates: true }, (call, c) => reply(setState(call, c.req.param('id') ?? '', 'INACTIVE'), 200, same)),
  );

  app.get(
    `${T}/annotations`,
    handle({}, (call, c) => paged(c, listAnnotations(call, new URL(c.req.url).searchParams), ANNOTATION_SORT, same)),
  );
  app.post(
    `${T}/annotations`,
    handle({ body: true, mutates: true }, (call, _c, body) => reply(createAnnotation(call, body), 201, same)),
  );
  app.get(
    `${T}/annotations/:id`,
    handle({}, (call, c) => reply(findAnnotation(call, c.req.param('id') ?? ''), 200, same)),
  );
  app.put(
    `${T}/annotations/:id`,
    handle({ body: true, mutates: true }, (call, c, body) => reply(updateAnnotation(call, c.req.param('id') ?? '', body), 200, same)),
  );

  for (const [path, kind] of [
    ['packages', 'Package'],
    ['subscriptions', 'Subscription'],
  ] as const satisfies readonly (readonly [string, LegacyKind])[]) {
    const deprecated = (tenant: string) => ({ deprecation: 'true', link: `</v1/${tenant}/voucherables>; rel="successor-version"` });
    app.get(
      `${T}/${path}`,
      handle({}, (call, c) => {
        const items = listVoucherables(call, new URLSearchParams({ type: kind }));
        return paged(c, ok(items), ['id', 'name', 'createdAt', 'updatedAt'], presentLegacy, deprecated(c.req.param('tenant') ?? ''));
      }),
    );
    app.post(
      `${T}/${path}`,
      handle({ body: true, mutates: true }, (call, c, body) =>
        reply(createLegacy(call, kind, body), 201, presentLegacy, deprecated(c.req.param('tenant') ?? '')),
      ),
    );
    app.get(
      `${T}/${path}/:id`,
      handle({}, (call, c) => reply(findLegacy(call, kind, c.req.param('id') ?? ''), 200, presentLegacy, deprecated(c.req.param('tenant') ?? ''))),
    );
    app.patch(
      `${T}/${path}/:id`,
      handle({ body: true, mutates: true }, (call, c, body) =>
        reply(patchLegacy(call, kind, c.req.param('id') ?? '', body), 200, presentLegacy, deprecated(c.req.param('tenant') ?? '')),
      ),
    );
    if (kind === 'Subscription') {
      app.delete(
        `${T}/${path}/:id`,
        handle({ mutates: true }, (call, c) => {
          const found = findLegacy(call, kind, c.req.param('id') ?? '');
          return reply(found.ok ? deleteVoucherable(call, c.req.param('id') ?? '') : found, 204, () => undefined, deprecated(c.req.param('tenant') ?? ''));
        }),
      );
    }
  }
}
