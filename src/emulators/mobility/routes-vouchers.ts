// Routes for what templates issue: vouchers, constraint vouchers, redeemable batches, user subscriptions
// and customer-care grants.
import type { Hono } from 'hono';
import { FieldReader } from '../shared/input.js';
import { fail, ok } from '../shared/outcome.js';
import { applyCustomerCare, numericId } from './customer-care.js';
import { denied } from './context.js';
import { invalid, mobilityError, notFound } from './errors.js';
import { makeHandler, paged, reply, type Env } from './http.js';
import { createBatch, summary } from './redeemable.js';
import { cancelUserSubscription, listUserSubscriptions, SUBSCRIPTION_SORT } from './user-subscriptions.js';
import { cancelConstraintVoucher, issueFromTemplate, listVouchers, presentVoucher, voucherByCode, VOUCHER_SORT } from './vouchers.js';

const T = '/v1/:tenant';
const same = <V>(v: V): V => v;

export function voucherRoutes(app: Hono, env: Env): void {
  const handle = makeHandler(env);
  const query = (url: string) => new URL(url).searchParams;

  app.get(
    `${T}/vouchers`,
    handle({}, (call, c) => paged(c, listVouchers(call, query(c.req.url), false), VOUCHER_SORT, (v) => presentVoucher(v, call.now))),
  );
  // Deprecated single-voucher creation, kept working: `{ voucherableId, userId }`.
  app.post(
    `${T}/vouchers`,
    handle({ body: true, mutates: true }, (call, c, body) => {
      const r = new FieldReader(body);
      const voucherableId = r.number('voucherableId', { required: true, integer: true });
      const userId = r.number('userId', { required: true, integer: true });
      if (r.issues.length > 0 || voucherableId == null || userId == null) return fail(invalid(r.issues));
      const template = call.tenant.voucherables[String(voucherableId)];
      if (!template) return fail(notFound('VA100', 'Voucherable', voucherableId));
      const no = denied(call, template.businessUnitId, 'VOUCHER_CREATE');
      if (no) return fail(no);
      const issued = issueFromTemplate(call, template, { userId });
      return reply(ok(issued), 201, (vs) => vs.map((v) => presentVoucher(v, call.now)), {
        deprecation: 'true',
        link: `</v1/${c.req.param('tenant') ?? ''}/vouchers/redeemable/constraint>; rel="successor-version"`,
      });
    }),
  );
  app.get(
    `${T}/vouchers/by-code/:code`,
    handle({}, (call, c) => reply(voucherByCode(call, c.req.param('code') ?? ''), 200, (v) => presentVoucher(v, call.now))),
  );
  app.get(
    `${T}/vouchers/constraint-vouchers`,
    handle({}, (call, c) => paged(c, listVouchers(call, query(c.req.url), true), VOUCHER_SORT, (v) => presentVoucher(v, call.now))),
  );
  app.post(
    `${T}/vouchers/constraint-vouchers/:id/cancel`,
    handle({ mutates: true }, (call, c) => reply(cancelConstraintVoucher(call, c.req.param('id') ?? ''), 200, (v) => presentVoucher(v, call.now))),
  );
  app.post(
    `${T}/vouchers/redeemable`,
    handle({ body: true, mutates: true }, (call, _c, body) => reply(createBatch(call, body, false), 201, same)),
  );
  app.post(
    `${T}/vouchers/redeemable/constraint`,
    handle({ body: true, mutates: true }, (call, _c, body) => reply(createBatch(call, body, true), 201, same)),
  );
  app.get(
    `${T}/vouchers/redeemable/summary`,
    handle({}, (call, c) => reply(ok(summary(call, query(c.req.url))), 200, same)),
  );

  app.get(
    `${T}/user-subscriptions`,
    handle({}, (call, c) => paged(c, listUserSubscriptions(call, query(c.req.url)), SUBSCRIPTION_SORT, same)),
  );
  app.post(
    `${T}/user-subscriptions/:id/cancel`,
    handle({ mutates: true }, (call, c) => {
      const flag = query(c.req.url).get('cancelBenefits');
      if (flag !== null && flag !== 'true' && flag !== 'false') return fail(mobilityError(400, 'R102.1', 'cancelBenefits must be true or false'));
      return reply(cancelUserSubscription(call, c.req.param('id') ?? '', flag === 'true'), 200, same);
    }),
  );

  for (const [path, key] of [
    ['customers/:targetId', 'userId'],
    ['groups/:targetId', 'groupId'],
  ] as const) {
    app.post(
      `${T}/${path}/apply-vouchers`,
      handle({ body: true, mutates: true }, (call, c, body) => {
        const id = numericId(c.req.param('targetId') ?? '');
        if (id === undefined) return fail(mobilityError(400, 'R102.1', `${key} must be numeric`));
        const target = key === 'userId' ? { userId: id } : { groupId: id };
        return reply(applyCustomerCare(call, target, body), 201, (vs) => vs.map((v) => presentVoucher(v, call.now)));
      }),
    );
  }
}
