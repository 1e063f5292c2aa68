// The Lago emulator must conform to Lago's published OpenAPI description. Every response body the
// coupon flow produces is validated against the schema the OpenAPI document names for that
// operation and status (the subset of the document vendored under test/fixtures/lago-openapi/).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulators, type RunningEmulators } from '../src/emulators/index.js';
import { lagoOpenApiValidator } from './helpers/lago-openapi.js';

describe('Lago emulator conforms to the OpenAPI description', () => {
  let emulators: RunningEmulators;
  let base = '';
  let key = '';
  let validate: (schema: string, body: unknown) => string[];

  beforeAll(async () => {
    validate = lagoOpenApiValidator();
    emulators = await startEmulators({ providers: ['lago'], port: 0, seed: 1 });
    const ep = emulators.endpoint('lago');
    base = ep.apiBaseUrl;
    key = (ep.credentials as { apiKey: string }).apiKey;
  });
  afterAll(async () => {
    await emulators?.close();
  });

  const call = async (method: string, path: string, body?: unknown, auth = true): Promise<{ status: number; json: unknown }> => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${key}` } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, json: await res.json() };
  };

  it('the schemas reject a body that does not conform (so the checks below can fail)', () => {
    expect(validate('Coupon', { coupon: { lago_id: 'x', code: 7 } }).length).toBeGreaterThan(0);
    expect(validate('ApiErrorNotFound', { status: '404' }).length).toBeGreaterThan(0);
  });

  it('coupon create, get, list, update and delete answer with the documented schemas', async () => {
    const created = await call('POST', '/coupons', {
      coupon: {
        name: 'Spring',
        code: 'SPRING10',
        coupon_type: 'percentage',
        percentage_rate: 10,
        frequency: 'recurring',
        frequency_duration: 3,
        expiration: 'no_expiration',
        applies_to: { plan_codes: ['pro'] },
      },
    });
    expect(created.status).toBe(200);
    expect(validate('Coupon', created.json)).toEqual([]);
    const fixed = await call('POST', '/coupons', {
      coupon: {
        name: 'Fixed',
        code: 'FIXED5',
        coupon_type: 'fixed_amount',
        amount_cents: 500,
        amount_currency: 'EUR',
        frequency: 'once',
        expiration: 'no_expiration',
      },
    });
    expect(validate('Coupon', fixed.json)).toEqual([]);
    expect(validate('Coupon', (await call('GET', '/coupons/SPRING10')).json)).toEqual([]);
    const list = await call('GET', '/coupons?page=1&per_page=1');
    expect(list.status).toBe(200);
    expect(validate('CouponsPaginated', list.json)).toEqual([]);
    expect(validate('Coupon', (await call('PUT', '/coupons/SPRING10', { coupon: { name: 'Spring sale' } })).json)).toEqual([]);
    expect(validate('Coupon', (await call('DELETE', '/coupons/FIXED5')).json)).toEqual([]);
  });

  it('applied coupons answer with the documented schemas', async () => {
    await call('POST', '/customers', { customer: { external_id: 'cust-1', name: 'Fleet GmbH', currency: 'EUR' } });
    const applied = await call('POST', '/applied_coupons', { applied_coupon: { external_customer_id: 'cust-1', coupon_code: 'SPRING10' } });
    expect(applied.status).toBe(200);
    expect(validate('AppliedCoupon', applied.json)).toEqual([]);
    const list = await call('GET', '/applied_coupons?external_customer_id=cust-1');
    expect(validate('AppliedCouponsPaginated', list.json)).toEqual([]);
  });

  it('errors use the documented error schemas', async () => {
    const unauthorized = await call('GET', '/coupons', undefined, false);
    expect(unauthorized.status).toBe(401);
    expect(validate('ApiErrorUnauthorized', unauthorized.json)).toEqual([]);
    const missing = await call('GET', '/coupons/NOPE');
    expect(missing.status).toBe(404);
    expect(validate('ApiErrorNotFound', missing.json)).toEqual([]);
    const invalid = await call('POST', '/coupons', {
      coupon: { name: 'x', code: 'SPRING10', coupon_type: 'percentage', frequency: 'once', expiration: 'no_expiration' },
    });
    expect(invalid.status).toBe(422);
    expect(validate('ApiErrorUnprocessableEntity', invalid.json)).toEqual([]);
  });
});
