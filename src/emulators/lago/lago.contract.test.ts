// Contract suite for the Lago emulator, over real HTTP, against Lago's OpenAPI document and observed behaviour.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulators, type RunningEmulators } from '../index.js';
import { arr, call, fakeClock, obj, type CallOptions } from '../shared/testing.js';

const clock = fakeClock('2027-01-15T10:00:00Z');
let emulators: RunningEmulators;
let origin: string;
const KEY = 'lago_test_promoc';

const api = (path: string, options: CallOptions = {}, key = KEY) =>
  call(`${origin}/api/v1${path}`, { ...options, headers: { authorization: `Bearer ${key}`, ...options.headers } });
const coupon = (fields: Record<string, unknown>) => ({
  coupon: {
    name: 'Startup deal',
    code: 'startup',
    coupon_type: 'percentage',
    percentage_rate: 10,
    frequency: 'forever',
    expiration: 'no_expiration',
    ...fields,
  },
});
const createCoupon = (fields: Record<string, unknown> = {}) => api('/coupons', { body: coupon(fields) });
const createCustomer = (externalId: string, extra: Record<string, unknown> = {}) =>
  api('/customers', { body: { customer: { external_id: externalId, ...extra } } });
const apply = (externalId: string, code: string, extra: Record<string, unknown> = {}) =>
  api('/applied_coupons', { body: { applied_coupon: { external_customer_id: externalId, coupon_code: code, ...extra } } });
const finalize = (body: Record<string, unknown>) => call(`${origin}/__emulator/invoices/finalize`, { body });
const details = (r: { body: unknown }) => obj(obj(r.body).error_details);

beforeAll(async () => {
  emulators = await startEmulators({ providers: ['lago'], now: clock.now, seed: 3 });
  origin = emulators.endpoint('lago').baseUrl;
});
afterAll(() => emulators.close());
beforeEach(async () => {
  clock.set('2027-01-15T10:00:00Z');
  await emulators.control('lago').reset();
});

describe('auth and tenants', () => {
  it('answers 401 {status, error} without a valid Bearer key', async () => {
    for (const r of [
      await call(`${origin}/api/v1/coupons`),
      await api('/coupons', {}, 'wrong'),
      await call(`${origin}/api/v1/coupons`, { headers: { 'x-api-key': KEY } }),
    ]) {
      expect(r.status).toBe(401);
      expect(r.body).toEqual({ status: 401, error: 'Unauthorized' });
    }
  });

  it('isolates organisations', async () => {
    await createCoupon();
    expect(obj(obj((await api('/coupons', {}, `${KEY}-other`)).body).meta).total_count).toBe(0);
    expect((await api('/coupons/startup', {}, `${KEY}-other`)).status).toBe(404);
  });
});

describe('coupons', () => {
  it('creates with a root-key wrapper, 200, defaults and the decimal-string rate', async () => {
    const r = await createCoupon({ applies_to: { plan_codes: ['pro'] } });
    expect(r.status).toBe(200);
    const c = obj(obj(r.body).coupon);
    expect(c).toMatchObject({
      name: 'Startup deal',
      code: 'startup',
      coupon_type: 'percentage',
      percentage_rate: '10.0',
      amount_cents: null,
      amount_currency: null,
      reusable: true,
      frequency: 'forever',
      frequency_duration: null,
      expiration: 'no_expiration',
      expiration_at: null,
      limited_plans: true,
      plan_codes: ['pro'],
      limited_billable_metrics: false,
      billable_metric_codes: [],
      created_at: '2027-01-15T10:00:00Z',
      terminated_at: null,
    });
    expect(c.lago_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(obj((await api('/coupons/startup')).body)).toEqual({ coupon: c });
    const fixed = obj(
      obj(
        (
          await createCoupon({
            code: 'fixed',
            coupon_type: 'fixed_amount',
            amount_cents: 500,
            amount_currency: 'EUR',
            frequency: 'recurring',
            frequency_duration: 3,
            percentage_rate: undefined,
          })
        ).body,
      ).coupon,
    );
    expect(fixed).toMatchObject({ amount_cents: 500, amount_currency: 'EUR', percentage_rate: null, frequency_duration: 3 });
  });

  it('answers 422 validation_errors with Lago codes', async () => {
    const missing = await api('/coupons', {
      body: {
        coupon: { coupon_type: 'bogus', frequency: 'recurring', frequency_duration: 0, expiration: 'time_limit', expiration_at: '2026-01-01T00:00:00Z' },
      },
    });
    expect(missing.status).toBe(422);
    expect(obj(missing.body)).toMatchObject({ status: 422, error: 'Unprocessable Entity', code: 'validation_errors' });
    expect(details(missing)).toEqual({
      coupon_type: ['value_is_invalid'],
      name: ['value_is_mandatory'],
      code: ['value_is_mandatory'],
      frequency_duration: ['value_is_out_of_range'],
      expiration_at: ['invalid_date'],
    });
    await createCoupon();
    expect(details(await createCoupon())).toEqual({ code: ['value_already_exist'] });
    expect(details(await createCoupon({ code: 'f', coupon_type: 'fixed_amount', amount_cents: 0, amount_currency: 'XXX' }))).toEqual({
      amount_cents: ['value_is_out_of_range'],
      amount_currency: ['value_is_invalid'],
    });
    expect(details(await createCoupon({ code: 'p', percentage_rate: null }))).toEqual({ percentage_rate: ['value_is_mandatory'] });
  });

  it('answers 405 for two limitation types and 400 without the root key', async () => {
    const both = await createCoupon({ applies_to: { plan_codes: ['a'], billable_metric_codes: ['b'] } });
    expect(both.status).toBe(405);
    expect(both.body).toEqual({ status: 405, error: 'Method Not Allowed', code: 'only_one_limitation_type_per_coupon_allowed' });
    const bare = await api('/coupons', { body: { name: 'x' } });
    expect(bare.status).toBe(400);
    expect(obj(bare.body).status).toBe(400);
    expect((await api('/coupons', { method: 'POST', rawBody: '{' })).status).toBe(400);
  });

  it('answers 404 coupon_not_found', async () => {
    const r = await api('/coupons/nope');
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ status: 404, error: 'Not Found', code: 'coupon_not_found' });
    expect((await api('/coupons/nope', { method: 'PUT', body: coupon({}) })).status).toBe(404);
    expect((await api('/coupons/nope', { method: 'DELETE' })).status).toBe(404);
  });

  it('paginates with meta: empty, exact page, last page, beyond', async () => {
    expect(obj((await api('/coupons')).body)).toEqual({
      coupons: [],
      meta: { current_page: 1, next_page: null, prev_page: null, total_pages: 0, total_count: 0 },
    });
    for (let i = 0; i < 5; i++) {
      await createCoupon({ code: `c${i}` });
      clock.advance(1000);
    }
    const first = obj((await api('/coupons?per_page=5')).body);
    expect(arr(first.coupons).map((c) => obj(c).code)).toEqual(['c4', 'c3', 'c2', 'c1', 'c0']);
    expect(first.meta).toEqual({ current_page: 1, next_page: null, prev_page: null, total_pages: 1, total_count: 5 });
    const last = obj((await api('/coupons?per_page=2&page=3')).body);
    expect(arr(last.coupons).map((c) => obj(c).code)).toEqual(['c0']);
    expect(last.meta).toEqual({ current_page: 3, next_page: null, prev_page: 2, total_pages: 3, total_count: 5 });
    const beyond = obj((await api('/coupons?per_page=2&page=9')).body);
    expect(beyond.coupons).toEqual([]);
    expect(obj((await api('/coupons?per_page=2&page=1')).body).meta).toMatchObject({ next_page: 2, prev_page: null });
  });

  it('updates every field of a coupon that was never applied, checking expiration_at again', async () => {
    await createCoupon();
    const r = await api('/coupons/startup', { method: 'PUT', body: { coupon: { code: 'renamed', percentage_rate: '12.5', reusable: false, name: 'New' } } });
    expect(r.status).toBe(200);
    expect(obj(obj(r.body).coupon)).toMatchObject({ code: 'renamed', percentage_rate: '12.5', reusable: false, name: 'New' });
    expect((await api('/coupons/startup')).status).toBe(404);
    const past = await api('/coupons/renamed', { method: 'PUT', body: { coupon: { expiration: 'time_limit', expiration_at: '2027-01-01T00:00:00Z' } } });
    expect(details(past)).toEqual({ expiration_at: ['invalid_date'] });
  });

  it('silently ignores changes to an applied coupon except name, description and expiration (200)', async () => {
    await createCoupon();
    await createCustomer('cus-1');
    expect((await apply('cus-1', 'startup')).status).toBe(200);
    const r = await api('/coupons/startup', {
      method: 'PUT',
      body: {
        coupon: {
          code: 'other',
          percentage_rate: 50,
          frequency: 'once',
          reusable: false,
          applies_to: { plan_codes: ['x'] },
          name: 'Renamed',
          description: 'd',
          expiration: 'time_limit',
          expiration_at: '2027-12-31T00:00:00Z',
        },
      },
    });
    expect(r.status).toBe(200);
    const c = obj(obj(r.body).coupon);
    expect(c).toMatchObject({
      code: 'startup',
      percentage_rate: '10.0',
      frequency: 'forever',
      reusable: true,
      plan_codes: [],
      name: 'Renamed',
      description: 'd',
      expiration: 'time_limit',
      expiration_at: '2027-12-31T00:00:00Z',
    });
  });

  it('soft-deletes: frees the code and terminates active applications', async () => {
    await createCoupon();
    await createCustomer('cus-1');
    const applied = obj(obj((await apply('cus-1', 'startup')).body).applied_coupon);
    const del = await api('/coupons/startup', { method: 'DELETE' });
    expect(del.status).toBe(200);
    expect(obj(obj(del.body).coupon).code).toBe('startup');
    expect((await api('/coupons/startup')).status).toBe(404);
    expect(obj(obj((await api('/coupons')).body).meta).total_count).toBe(0);
    const list = obj((await api('/applied_coupons')).body);
    expect(obj(arr(list.applied_coupons)[0])).toMatchObject({
      lago_id: applied.lago_id,
      status: 'terminated',
      terminated_at: '2027-01-15T10:00:00Z',
      coupon_status: 'terminated',
      coupon_deleted_at: '2027-01-15T10:00:00Z',
    });
    expect((await createCoupon()).status).toBe(200);
  });

  it('terminates by expiry: blocks new applications only', async () => {
    await createCoupon({ expiration: 'time_limit', expiration_at: '2027-02-01T00:00:00Z' });
    await createCustomer('cus-1', { currency: 'EUR' });
    await apply('cus-1', 'startup');
    clock.set('2027-02-02T00:00:00Z');
    expect(obj(obj((await api('/coupons/startup')).body).coupon).terminated_at).toBe('2027-02-01T00:00:00Z');
    await createCustomer('cus-2');
    expect(obj((await apply('cus-2', 'startup')).body).code).toBe('coupon_not_found');
    const invoice = obj(obj((await finalize({ external_customer_id: 'cus-1', fees: [{ amount_cents: 1000 }] })).body).invoice);
    expect(invoice.coupons_amount_cents).toBe(100);
  });
});

describe('customers and applied coupons', () => {
  it('creates or updates customers by external_id', async () => {
    const first = obj(obj((await createCustomer('cus-1', { name: 'Ada' })).body).customer);
    const again = obj(obj((await createCustomer('cus-1', { currency: 'EUR' })).body).customer);
    expect(again).toMatchObject({ lago_id: first.lago_id, external_id: 'cus-1', name: 'Ada', currency: 'EUR' });
    expect(obj(obj((await api('/customers/cus-1')).body).customer).currency).toBe('EUR');
    expect(obj((await api('/customers/nobody')).body).code).toBe('customer_not_found');
    expect(details(await api('/customers', { body: { customer: { name: 'x' } } }))).toEqual({ external_id: ['value_is_mandatory'] });
    expect(obj(obj((await api('/customers')).body).meta).total_count).toBe(1);
  });

  it('applies coupons with overrides and checks customer, coupon, reusability and currency', async () => {
    await createCoupon({
      code: 'fixed',
      coupon_type: 'fixed_amount',
      amount_cents: 1000,
      amount_currency: 'EUR',
      percentage_rate: undefined,
      frequency: 'once',
      reusable: false,
    });
    await createCustomer('cus-1');
    const r = await apply('cus-1', 'fixed', { amount_cents: 700 });
    expect(r.status).toBe(200);
    expect(obj(obj(r.body).applied_coupon)).toMatchObject({
      coupon_code: 'fixed',
      external_customer_id: 'cus-1',
      status: 'active',
      amount_cents: 700,
      amount_cents_remaining: 700,
      amount_currency: 'EUR',
      frequency: 'once',
    });
    expect(obj(obj((await api('/customers/cus-1')).body).customer).currency).toBe('EUR');
    expect(details(await apply('cus-1', 'fixed'))).toEqual({ coupon: ['coupon_is_not_reusable'] });
    expect(obj((await apply('ghost', 'fixed')).body).code).toBe('customer_not_found');
    expect(obj((await apply('cus-1', 'ghost')).body).code).toBe('coupon_not_found');
    await createCustomer('cus-usd', { currency: 'USD' });
    expect(details(await apply('cus-usd', 'fixed'))).toEqual({ currency: ['currencies_does_not_match'] });
  });

  it('lists with status, customer and coupon_code[] filters, and terminates', async () => {
    await createCoupon({ code: 'a' });
    await createCoupon({ code: 'b' });
    await createCustomer('cus-1');
    await createCustomer('cus-2');
    const a1 = obj(obj((await apply('cus-1', 'a')).body).applied_coupon);
    await apply('cus-1', 'b');
    await apply('cus-2', 'a');
    const codes = (r: { body: unknown }) => arr(obj(r.body).applied_coupons).map((x) => `${String(obj(x).external_customer_id)}:${String(obj(x).coupon_code)}`);
    expect(codes(await api('/applied_coupons?coupon_code[]=a'))).toEqual(['cus-2:a', 'cus-1:a']);
    expect(codes(await api('/applied_coupons?external_customer_id=cus-1'))).toEqual(['cus-1:b', 'cus-1:a']);
    expect(codes(await api('/customers/cus-1/applied_coupons?coupon_code[]=b&coupon_code[]=a'))).toEqual(['cus-1:b', 'cus-1:a']);
    expect(arr(obj((await api('/applied_coupons')).body).applied_coupons).every((x) => Array.isArray(obj(x).credits))).toBe(true);
    const del = await api(`/customers/cus-1/applied_coupons/${String(a1.lago_id)}`, { method: 'DELETE' });
    expect(obj(obj(del.body).applied_coupon)).toMatchObject({ status: 'terminated', terminated_at: '2027-01-15T10:00:00Z' });
    expect(codes(await api('/applied_coupons?status=terminated'))).toEqual(['cus-1:a']);
    expect((await api('/applied_coupons?status=gone')).status).toBe(422);
    expect(obj((await api(`/customers/cus-1/applied_coupons/${String(a1.lago_id)}`, { method: 'DELETE' })).body).code).toBe('applied_coupon_not_found');
    expect(obj((await api(`/customers/cus-2/applied_coupons/${String(a1.lago_id)}`, { method: 'DELETE' })).body).code).toBe('applied_coupon_not_found');
    expect(obj((await api('/customers/ghost/applied_coupons')).body).code).toBe('customer_not_found');
  });
});

describe('invoice coupon maths', () => {
  it('applies metric-limited, then plan-limited, then oldest; percentages round half away from zero', async () => {
    await createCustomer('cus-1', { currency: 'EUR' });
    await createCoupon({ code: 'general', percentage_rate: 10 });
    await createCoupon({
      code: 'plan',
      coupon_type: 'fixed_amount',
      amount_cents: 1000,
      amount_currency: 'EUR',
      percentage_rate: undefined,
      applies_to: { plan_codes: ['pro'] },
    });
    await createCoupon({ code: 'metric', percentage_rate: 50, applies_to: { billable_metric_codes: ['api_calls'] } });
    await apply('cus-1', 'general');
    await apply('cus-1', 'plan');
    await apply('cus-1', 'metric');
    const r = await finalize({
      external_customer_id: 'cus-1',
      taxes_rate: 20,
      fees: [
        { amount_cents: 5000, plan_code: 'pro' },
        { amount_cents: 1001, billable_metric_code: 'api_calls' },
      ],
    });
    const invoice = obj(obj(r.body).invoice);
    // metric: 50% of 1001 = 500.5 → 501; plan: min(1000, 5000) = 1000; general: 10% of (6001 - 1501 = 4500) = 450
    expect(invoice).toMatchObject({
      fees_amount_cents: 6001,
      coupons_amount_cents: 1951,
      sub_total_excluding_taxes_amount_cents: 4050,
      taxes_amount_cents: 810,
      total_amount_cents: 4860,
    });
    expect(arr(invoice.credits).map((c) => [obj(obj(c).item).code, obj(c).amount_cents])).toEqual([
      ['general', 450],
      ['plan', 1000],
      ['metric', 501],
    ]);
  });

  it('draws down a fixed once coupon across invoices and counts down recurring periods', async () => {
    await createCustomer('cus-1', { currency: 'EUR' });
    await createCoupon({
      code: 'once',
      coupon_type: 'fixed_amount',
      amount_cents: 1500,
      amount_currency: 'EUR',
      percentage_rate: undefined,
      frequency: 'once',
    });
    await apply('cus-1', 'once');
    const invoice = async () => obj(obj((await finalize({ external_customer_id: 'cus-1', fees: [{ amount_cents: 1000 }] })).body).invoice).coupons_amount_cents;
    expect(await invoice()).toBe(1000);
    expect(await invoice()).toBe(500);
    expect(await invoice()).toBe(0);
    const once = obj(arr(obj((await api('/applied_coupons')).body).applied_coupons)[0]);
    expect(once).toMatchObject({ status: 'terminated', amount_cents_remaining: 0 });
    expect(arr(once.credits)).toHaveLength(2);

    await createCoupon({ code: 'rec', percentage_rate: 25, frequency: 'recurring', frequency_duration: 2 });
    await apply('cus-1', 'rec');
    expect(await invoice()).toBe(250);
    const mid = obj(arr(obj((await api('/applied_coupons?coupon_code[]=rec')).body).applied_coupons)[0]);
    expect(mid).toMatchObject({ status: 'active', frequency_duration_remaining: 1 });
    expect(await invoice()).toBe(250);
    expect(await invoice()).toBe(0);
    expect(obj(arr(obj((await api('/applied_coupons?coupon_code[]=rec')).body).applied_coupons)[0])).toMatchObject({
      status: 'terminated',
      frequency_duration_remaining: 0,
    });
  });
});
