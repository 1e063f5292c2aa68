// Contract suite for the mobility emulator: auth, templates, permissions, pagination, annotations, legacy.
import { describe, expect, it } from 'vitest';
import { arr, call, fakeClock, obj } from '../shared/testing.js';
import { promotion, SECRET, useMobilityKit, type MobilityKit } from './mobility-test-kit.js';

const clock = fakeClock('2027-01-15T10:00:00Z');
let kit: MobilityKit;

const create = async (fields: Record<string, unknown> = {}) => {
  const r = await kit.api('/voucherables', { body: promotion(fields) });
  expect(r.status, r.text).toBe(201);
  return obj(r.body);
};

useMobilityKit(clock, '2027-01-15T10:00:00Z', (k) => {
  kit = k;
});

describe('auth', () => {
  it('signs in, refreshes with rotation, and expires access tokens after 5 hours', async () => {
    const r = await call(`${kit.origin}/v1/demo/auth/sign-in-api-client`, { body: { clientId: 'promoc', clientKey: SECRET } });
    const tokens = obj(r.body);
    expect(tokens).toMatchObject({ expiresIn: 18000 });
    expect((await kit.api('/voucherables', {}, String(tokens.accessToken))).status).toBe(200);
    clock.advance(5 * 3600_000);
    const expired = await kit.api('/voucherables', {}, String(tokens.accessToken));
    expect(expired.status).toBe(401);
    expect(obj(expired.body)).toMatchObject({ errorCode: 'A102', httpStatus: 401 });
    expect(String(obj(expired.body).traceId)).toMatch(/^[0-9a-f]{16}$/);
    const refreshed = await call(`${kit.origin}/v1/demo/auth/refresh-token`, { body: { refreshToken: tokens.refreshToken } });
    expect(refreshed.status).toBe(200);
    expect((await kit.api('/voucherables', {}, String(obj(refreshed.body).accessToken))).status).toBe(200);
    const reused = await call(`${kit.origin}/v1/demo/auth/refresh-token`, { body: { refreshToken: tokens.refreshToken } });
    expect(obj(reused.body).errorCode).toBe('A103');
  });

  it('rejects bad credentials, missing tokens and tokens of another tenant', async () => {
    const bad = await call(`${kit.origin}/v1/demo/auth/sign-in-api-client`, { body: { clientId: 'promoc', clientKey: 'nope' } });
    expect(bad.status).toBe(401);
    expect(Object.keys(obj(bad.body)).sort()).toEqual(['errorCode', 'httpStatus', 'traceId', 'userMessage']);
    expect(obj((await call(`${kit.origin}/v1/demo/voucherables`)).body).errorCode).toBe('A100');
    const other = await kit.signIn('promoc', `${SECRET}-other`, 'other');
    expect((await kit.api('/voucherables', {}, other)).status).toBe(401);
    expect((await kit.api('/voucherables', {}, other, 'other')).status).toBe(200);
    expect((await call(`${kit.origin}/v1/nowhere/auth/sign-in-api-client`, { body: { clientId: 'a', clientKey: 'b' } })).status).toBe(404);
  });
});

describe('voucherables', () => {
  it('creates INACTIVE templates, omits null fields, and finds them by id and code', async () => {
    const v = await create();
    expect(v).toMatchObject({ id: 1, type: 'Promotion', state: 'INACTIVE', code: 'SPRING', showInUserApp: true, businessUnitId: 1 });
    expect(Object.values(v).includes(null)).toBe(false);
    expect('description' in v).toBe(false);
    expect(obj(arr(v.benefits)[0])).toEqual({ type: 'Discount', discount: 0.2, applicablePriceType: 'TIME_PRICE', numberOfRentals: 3 });
    expect(obj((await kit.api('/voucherables/by-code/spring')).body).id).toBe(1);
    expect(obj((await kit.api('/voucherables/by-code/NOPE')).body).errorCode).toBe('VA100');
    expect(obj((await kit.api('/voucherables/99')).body)).toMatchObject({ errorCode: 'VA100', httpStatus: 404 });
  });

  it('validates fields (R102.1), unique codes (VA101) and malformed JSON (R102.2)', async () => {
    const r = await kit.api('/voucherables', { body: { type: 'Coupon', benefits: [{ type: 'Discount', discount: 25 }], applicableBranchIds: [99] } });
    expect(r.status).toBe(400);
    expect(obj(r.body).errorCode).toBe('R102.1');
    for (const part of ['type must be one of', 'name is required', 'benefits[0].discount', 'unknown branches 99'])
      expect(String(obj(r.body).userMessage)).toContain(part);
    await create();
    expect(obj((await kit.api('/voucherables', { body: promotion({ code: 'spring' }) })).body).errorCode).toBe('VA101');
    expect(obj((await kit.api('/voucherables', { method: 'POST', rawBody: '{' })).body).errorCode).toBe('R102.2');
  });

  it('activation validates the configuration; deactivate returns to INACTIVE', async () => {
    const incomplete = await create({ code: null, applicableBranchIds: [], benefits: [] });
    const r = await kit.api(`/voucherables/${String(incomplete.id)}/activate`, { method: 'POST' });
    expect(r.status).toBe(400);
    expect(obj(r.body).errorCode).toBe('VA102');
    expect(String(obj(r.body).userMessage)).toContain('applicableBranchIds');
    const unpaid = await create({ type: 'PricedPromotion', code: null, price: 4.9 });
    expect(String(obj((await kit.api(`/voucherables/${String(unpaid.id)}/activate`, { method: 'POST' })).body).userMessage)).toContain(
      'a PricedPromotion needs a code',
    );
    const automatic = await create({ code: null });
    expect(obj((await kit.api(`/voucherables/${String(automatic.id)}/activate`, { method: 'POST' })).body).state).toBe('ACTIVE');
    const care = await create({ type: 'CustomerCare', code: null, applicableBranchIds: [] });
    expect(obj((await kit.api(`/voucherables/${String(care.id)}/activate`, { method: 'POST' })).body).state).toBe('ACTIVE');
    const good = await create({ code: 'GOOD', validUntil: '2027-03-01T00:00:00Z' });
    expect(obj((await kit.api(`/voucherables/${String(good.id)}/activate`, { method: 'POST' })).body).state).toBe('ACTIVE');
    expect(obj((await kit.api(`/voucherables/${String(good.id)}/deactivate`, { method: 'POST' })).body).state).toBe('INACTIVE');
    clock.set('2027-03-02T00:00:00Z');
    await kit.refreshPrimary();
    expect(String(obj((await kit.api(`/voucherables/${String(good.id)}/activate`, { method: 'POST' })).body).userMessage)).toContain(
      'validUntil is in the past',
    );
  });

  it('updates by full replacement, keeps ACTIVE templates valid, and deletes only INACTIVE ones', async () => {
    const v = await create();
    const id = String(v.id);
    await kit.api(`/voucherables/${id}/activate`, { method: 'POST' });
    const updated = await kit.api(`/voucherables/${id}`, { method: 'PUT', body: promotion({ name: 'Renamed', description: 'x' }) });
    expect(obj(updated.body)).toMatchObject({ name: 'Renamed', description: 'x', state: 'ACTIVE' });
    expect(obj((await kit.api(`/voucherables/${id}`, { method: 'PUT', body: promotion({ benefits: [] }) })).body).errorCode).toBe('VA102');
    expect(obj((await kit.api(`/voucherables/${id}`, { method: 'PUT', body: promotion({ type: 'Package' }) })).body).errorCode).toBe('R102.1');
    expect(obj((await kit.api(`/voucherables/${id}`, { method: 'DELETE' })).body).errorCode).toBe('VA103');
    await kit.api(`/voucherables/${id}/deactivate`, { method: 'POST' });
    expect((await kit.api(`/voucherables/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await kit.api(`/voucherables/${id}`)).status).toBe(404);
  });

  it('supports geofence and vehicle promotions, surcharges and cost sources', async () => {
    const zone = {
      type: 'Polygon',
      coordinates: [
        [
          [13.3, 52.5],
          [13.4, 52.5],
          [13.4, 52.6],
          [13.3, 52.5],
        ],
      ],
    };
    const geo = await create({
      type: 'GeoFencePromotion',
      code: null,
      geofence: zone,
      applicableRentalType: 'END_RENTAL',
      benefits: [{ type: 'RentalRebate', rentalRebate: 1.5, costSources: [{ group: 'SURCHARGE', sourceCodes: ['PARKING'] }] }],
    });
    expect(obj((await kit.api(`/voucherables/${String(geo.id)}/activate`, { method: 'POST' })).body).state).toBe('ACTIVE');
    const open = {
      type: 'Polygon',
      coordinates: [
        [
          [13.3, 52.5],
          [13.4, 52.5],
          [13.4, 52.6],
        ],
      ],
    };
    expect(String(obj((await kit.api('/voucherables', { body: promotion({ code: 'X1', geofence: open }) })).body).userMessage)).toContain('geofence');
    const surcharge = await create({
      type: 'GeoFenceSurcharge',
      code: null,
      geofence: zone,
      applicableRentalType: 'START_RENTAL',
      benefits: [{ type: 'Value', value: -2 }],
    });
    expect((await kit.api(`/voucherables/${String(surcharge.id)}/activate`, { method: 'POST' })).status).toBe(200);
    expect(obj((await kit.api('/voucherables', { body: promotion({ code: 'NEG', benefits: [{ type: 'Value', value: -2 }] }) })).body).errorCode).toBe('R102.1');
    const tag = obj((await kit.api('/annotations', { body: { name: 'campaign-cars', type: 'TAG' } })).body);
    const vehicle = await create({ type: 'VehiclePromotion', code: null, vehicleAnnotationIds: [tag.id] });
    expect((await kit.api(`/voucherables/${String(vehicle.id)}/activate`, { method: 'POST' })).status).toBe(200);
    const novehicle = await create({ type: 'VehiclePromotion', code: null });
    expect(String(obj((await kit.api(`/voucherables/${String(novehicle.id)}/activate`, { method: 'POST' })).body).userMessage)).toContain(
      'vehicleAnnotationIds',
    );
  });
});

describe('business-unit permissions', () => {
  it('gates templates on the owning business unit, not on branch access', async () => {
    const south = await create({ code: 'SOUTH', businessUnitId: 2, applicableBranchIds: [21] });
    const north = await kit.signIn('promoc-north', `${SECRET}-north`);
    const denied = await kit.api(`/voucherables/${String(south.id)}`, {}, north);
    expect(denied.status).toBe(403);
    expect(obj(denied.body).errorCode).toBe('P100');
    // The north client has operational access to branch 21, yet cannot create a South template for it.
    expect((await kit.api('/voucherables', { body: promotion({ code: 'SNEAKY', businessUnitId: 2, applicableBranchIds: [21] }) }, north)).status).toBe(403);
    expect((await kit.api('/voucherables', { body: promotion({ code: 'MINE', businessUnitId: 1, applicableBranchIds: [21] }) }, north)).status).toBe(201);
    expect(arr((await kit.api('/voucherables', {}, north)).body).map((v) => obj(v).code)).toEqual(['MINE']);
    const viewer = await kit.signIn('promoc-viewer', `${SECRET}-viewer`);
    expect((await kit.api(`/voucherables/${String(south.id)}`, {}, viewer)).status).toBe(200);
    expect((await kit.api(`/voucherables/${String(south.id)}/deactivate`, { method: 'POST' }, viewer)).status).toBe(403);
  });
});

describe('pagination', () => {
  it('returns bare arrays with X-Pagination-* headers: empty, exact page, last page', async () => {
    const empty = await kit.api('/voucherables');
    expect(empty.body).toEqual([]);
    expect(empty.headers.get('x-pagination-totalelements')).toBe('0');
    expect(empty.headers.get('x-pagination-totalpages')).toBe('0');
    expect([empty.headers.get('x-pagination-first'), empty.headers.get('x-pagination-last')]).toEqual(['true', 'true']);
    for (let i = 0; i < 5; i++) await create({ code: `CODE${i}`, name: `Name ${4 - i}` });
    const exact = await kit.api('/voucherables?size=5');
    expect(arr(exact.body)).toHaveLength(5);
    expect(exact.headers.get('x-pagination-totalpages')).toBe('1');
    const last = await kit.api('/voucherables?size=2&page=2&sort=name,desc');
    expect(arr(last.body).map((v) => obj(v).name)).toEqual(['Name 0']);
    expect(Object.fromEntries([...last.headers].filter(([k]) => k.startsWith('x-pagination-')))).toEqual({
      'x-pagination-totalpages': '3',
      'x-pagination-totalelements': '5',
      'x-pagination-number': '2',
      'x-pagination-numberofelements': '1',
      'x-pagination-size': '2',
      'x-pagination-first': 'false',
      'x-pagination-last': 'true',
    });
    expect(arr((await kit.api('/voucherables?sort=name,asc&size=2')).body).map((v) => obj(v).name)).toEqual(['Name 0', 'Name 1']);
    expect(arr((await kit.api('/voucherables?page=9')).body)).toEqual([]);
    expect(obj((await kit.api('/voucherables?size=5001')).body).errorCode).toBe('R103');
    expect(obj((await kit.api('/voucherables?sort=colour,asc')).body).errorCode).toBe('R103');
    expect(arr((await kit.api('/voucherables?code=CODE3')).body)).toHaveLength(1);
  });
});

describe('annotations', () => {
  it('creates, lists by type, gets and updates tags and labels', async () => {
    const tag = obj((await kit.api('/annotations', { body: { name: 'employees', type: 'TAG', color: '#00AA00' } })).body);
    await kit.api('/annotations', { body: { name: 'flagged', type: 'LABEL' } });
    expect(obj((await kit.api('/annotations', { body: { name: 'Employees', type: 'TAG' } })).body).errorCode).toBe('AN101');
    expect(arr((await kit.api('/annotations?type=LABEL')).body).map((a) => obj(a).name)).toEqual(['flagged']);
    expect(obj((await kit.api(`/annotations/${String(tag.id)}`, { method: 'PUT', body: { name: 'staff', type: 'TAG' } })).body).name).toBe('staff');
    // PUT replaces the annotation: the colour it did not repeat is gone (and null fields are omitted).
    expect(obj((await kit.api(`/annotations/${String(tag.id)}`)).body)).toEqual({
      id: tag.id,
      name: 'staff',
      type: 'TAG',
      createdAt: '2027-01-15T10:00:00Z',
      updatedAt: '2027-01-15T10:00:00Z',
    });
    expect(obj((await kit.api('/annotations/99')).body).errorCode).toBe('AN100');
    expect(arr((await create({ guserRequiredAnnotationIds: [tag.id] })).guserRequiredAnnotationIds)).toEqual([tag.id]);
    const unknown = await kit.api('/voucherables', { body: promotion({ code: 'GATED', guserProhibitedAnnotationIds: [77] }) });
    expect(String(obj(unknown.body).userMessage)).toContain('unknown annotations 77');
  });
});

describe('legacy endpoints', () => {
  it('keeps /packages and /subscriptions working as views over voucherables, marked deprecated', async () => {
    const pkg = await kit.api('/packages', { body: { name: '10 EUR pack', price: 9.5, value: 10, applicableBranchIds: [11], active: true } });
    expect(pkg.status).toBe(201);
    expect(pkg.headers.get('deprecation')).toBe('true');
    expect(obj(pkg.body)).toMatchObject({ name: '10 EUR pack', price: 9.5, value: 10, active: true });
    const id = String(obj(pkg.body).id);
    expect(obj((await kit.api(`/voucherables/${id}`)).body)).toMatchObject({ type: 'Package', state: 'ACTIVE' });
    expect(obj((await kit.api(`/packages/${id}`, { method: 'PATCH', body: { value: 12 } })).body).value).toBe(12);
    expect(arr((await kit.api('/packages')).body)).toHaveLength(1);
    expect(obj((await kit.api(`/packages/${id}`)).body)).toMatchObject({ id: Number(id), value: 12, active: true });
    const sub = await kit.api('/subscriptions', { body: { name: 'Monthly', price: 19, interval: 'MONTHLY', discount: 0.1, applicableBranchIds: [11] } });
    const subId = String(obj(sub.body).id);
    expect(obj(sub.body)).toMatchObject({ interval: 'MONTHLY', discount: 0.1, active: false });
    expect((await kit.api(`/packages/${subId}`)).status).toBe(404);
    const subs = await kit.api('/subscriptions');
    expect(arr(subs.body).map((x) => obj(x).name)).toEqual(['Monthly']);
    expect(subs.headers.get('link')).toBe('</v1/demo/voucherables>; rel="successor-version"');
    expect(obj((await kit.api(`/subscriptions/${subId}`, { method: 'PATCH', body: { active: true } })).body).active).toBe(true);
    expect(obj((await kit.api(`/subscriptions/${subId}`, { method: 'DELETE' })).body).errorCode).toBe('VA103');
    await kit.api(`/subscriptions/${subId}`, { method: 'PATCH', body: { active: false } });
    expect((await kit.api(`/subscriptions/${subId}`, { method: 'DELETE' })).status).toBe(204);
  });
});
