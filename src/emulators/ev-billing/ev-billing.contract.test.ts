// Contract suite for the EV billing emulator, over real HTTP on loopback.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulators, type RunningEmulators } from '../index.js';
import { arr, call, fakeClock, obj, type CallOptions } from '../shared/testing.js';

const clock = fakeClock('2027-01-15T10:00:00Z');
let emulators: RunningEmulators;
let origin: string;
let key: string;

const api = (path: string, options: CallOptions = {}, apiKey: string = key) =>
  call(`${origin}/api/v1/billing${path}`, { ...options, headers: { authorization: `Bearer ${apiKey}`, ...options.headers } });

const createCode = (body: Record<string, unknown>) => api('/promotional-codes', { body });

async function seedSession(body: Record<string, unknown>): Promise<string> {
  const r = await call(`${origin}/__emulator/sessions`, { body });
  expect(r.status).toBe(201);
  return String(obj(r.body).session_id);
}

beforeAll(async () => {
  emulators = await startEmulators({ providers: ['ev-billing'], now: clock.now, seed: 7 });
  origin = emulators.endpoint('ev-billing').baseUrl;
  const credentials = emulators.endpoint('ev-billing').credentials;
  key = credentials.kind === 'api-key' ? credentials.apiKey : '';
});
afterAll(() => emulators.close());
beforeEach(async () => {
  clock.set('2027-01-15T10:00:00Z');
  await emulators.control('ev-billing').reset();
});

describe('auth', () => {
  it('answers 401 in the error envelope without a key or with an unknown key', async () => {
    const none = await call(`${origin}/api/v1/billing/promotional-codes`);
    expect(none.status).toBe(401);
    expect(obj(obj(none.body).error).code).toBe('unauthorized');
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await api('/promotional-codes', {}, 'nope')).status).toBe(401);
  });

  it('accepts X-API-Key as well as Bearer', async () => {
    const r = await call(`${origin}/api/v1/billing/promotional-codes`, { headers: { 'x-api-key': key } });
    expect(r.status).toBe(200);
  });

  it('answers 403 when the key lacks the write scope', async () => {
    expect((await api('/promotional-codes', {}, `${key}-readonly`)).status).toBe(200);
    const r = await api('/promotional-codes', { body: { code: 'SAVE10', discount_type: 'percent', discount_value: 10 } }, `${key}-readonly`);
    expect(r.status).toBe(403);
    expect(obj(obj(r.body).error).code).toBe('insufficient_scope');
  });

  it('keeps organisations isolated', async () => {
    const a = await createCode({ code: 'SAVE10', discount_type: 'percent', discount_value: 10 });
    const id = String(obj(a.body).code_id);
    expect((await api(`/promotional-codes/${id}`, {}, `${key}-other`)).status).toBe(404);
    expect(obj((await api('/promotional-codes', {}, `${key}-other`)).body).total).toBe(0);
    expect((await api('/promotional-codes', { body: { code: 'SAVE10', discount_type: 'percent', discount_value: 10 } }, `${key}-other`)).status).toBe(201);
  });
});

describe('create and read codes', () => {
  it('creates a percent code with the documented fields', async () => {
    const r = await createCode({
      code: 'SUMMER25',
      discount_type: 'percent',
      discount_value: 25,
      max_uses: 500,
      max_uses_per_user: 1,
      expires_at: '2027-08-31T23:59:59Z',
      description: 'Summer',
    });
    expect(r.status).toBe(201);
    const code = obj(r.body);
    expect(code).toMatchObject({
      code: 'SUMMER25',
      discount_type: 'percent',
      discount_value: 25,
      currency: null,
      max_uses: 500,
      max_uses_per_user: 1,
      expires_at: '2027-08-31T23:59:59Z',
      uses_count: 0,
      active: true,
      created_at: '2027-01-15T10:00:00Z',
    });
    expect(code.code_id).toMatch(/^promo_[0-9A-Z]{5}$/);
    expect(obj((await api(`/promotional-codes/${String(code.code_id)}`)).body)).toEqual(code);
  });

  it('rejects every invalid field at once', async () => {
    const r = await createCode({ code: 'summer', discount_type: 'percent', discount_value: 150, max_uses: 0, expires_at: '2026-01-01T00:00:00Z' });
    expect(r.status).toBe(422);
    const error = obj(obj(r.body).error);
    expect(error.code).toBe('validation_error');
    expect(arr(error.details).map((d) => obj(d).field)).toEqual(['code', 'discount_value', 'max_uses', 'expires_at']);
  });

  it('requires a currency for fixed codes and checks its precision', async () => {
    const missing = await createCode({ code: 'FIVEOFF', discount_type: 'fixed', discount_value: 5 });
    expect(arr(obj(obj(missing.body).error).details).map((d) => obj(d).field)).toEqual(['currency']);
    expect((await createCode({ code: 'FIVEOFF', discount_type: 'fixed', discount_value: 5.555, currency: 'EUR' })).status).toBe(422);
    expect((await createCode({ code: 'FIVEOFF', discount_type: 'fixed', discount_value: 5, currency: 'XXX' })).status).toBe(422);
    expect((await createCode({ code: 'FIVEOFF', discount_type: 'fixed', discount_value: 5.5, currency: 'EUR' })).status).toBe(201);
  });

  it('refuses a duplicate code with 409 and bad JSON with 400', async () => {
    await createCode({ code: 'SAVE10', discount_type: 'percent', discount_value: 10 });
    const dup = await createCode({ code: 'SAVE10', discount_type: 'percent', discount_value: 20 });
    expect(dup.status).toBe(409);
    expect(obj(obj(dup.body).error).code).toBe('code_already_exists');
    const bad = await api('/promotional-codes', { rawBody: '{"code":', method: 'POST' });
    expect(bad.status).toBe(400);
    expect((await api('/promotional-codes/promo_NOPE1')).status).toBe(404);
  });

  it('has no update or delete endpoint', async () => {
    const created = obj((await createCode({ code: 'SAVE10', discount_type: 'percent', discount_value: 10 })).body);
    expect((await api(`/promotional-codes/${String(created.code_id)}`, { method: 'PUT', body: { discount_value: 20 } })).status).toBe(404);
    expect((await api(`/promotional-codes/${String(created.code_id)}`, { method: 'DELETE' })).status).toBe(404);
  });
});

describe('list codes', () => {
  it('paginates with limit/offset: empty, exact page, last page', async () => {
    const empty = obj((await api('/promotional-codes')).body);
    expect(empty).toEqual({ promotional_codes: [], total: 0, limit: 20, offset: 0 });
    for (let i = 0; i < 5; i++) await createCode({ code: `CODE000${i}`, discount_type: 'percent', discount_value: 10 });
    const exact = obj((await api('/promotional-codes?limit=5')).body);
    expect(arr(exact.promotional_codes)).toHaveLength(5);
    expect(exact.total).toBe(5);
    const last = obj((await api('/promotional-codes?limit=2&offset=4')).body);
    expect(arr(last.promotional_codes).map((c) => obj(c).code)).toEqual(['CODE0004']);
    expect(arr(obj((await api('/promotional-codes?limit=2&offset=10')).body).promotional_codes)).toEqual([]);
    expect((await api('/promotional-codes?limit=0')).status).toBe(422);
    expect((await api('/promotional-codes?limit=101')).status).toBe(422);
    expect((await api('/promotional-codes?offset=x')).status).toBe(422);
  });

  it('filters by discount type and active status', async () => {
    await createCode({ code: 'PCT10', discount_type: 'percent', discount_value: 10 });
    await createCode({ code: 'FIX5', discount_type: 'fixed', discount_value: 5, currency: 'EUR', expires_at: '2027-02-01T00:00:00Z' });
    const fixed = obj((await api('/promotional-codes?discount_type=fixed')).body);
    expect(arr(fixed.promotional_codes).map((c) => obj(c).code)).toEqual(['FIX5']);
    clock.set('2027-02-01T00:00:00Z');
    const inactive = obj((await api('/promotional-codes?active=false')).body);
    expect(arr(inactive.promotional_codes).map((c) => obj(c).code)).toEqual(['FIX5']);
    expect((await api('/promotional-codes?active=maybe')).status).toBe(422);
    expect((await api('/promotional-codes?discount_type=bogo')).status).toBe(422);
  });
});

describe('apply-code', () => {
  it('computes total before, discount and total after (percent rounds half away from zero)', async () => {
    await createCode({ code: 'SAVE15', discount_type: 'percent', discount_value: 15 });
    const session = await seedSession({ user_id: 'driver-1', total: 12.3 });
    const r = await api(`/promotional-codes/sessions/${session}/apply-code`, { body: { code: 'save15' } });
    expect(r.status).toBe(200);
    // 15% of 12.30 = 1.845 → 1.85 (half away from zero)
    expect(obj(r.body)).toMatchObject({
      session_id: session,
      code: 'SAVE15',
      user_id: 'driver-1',
      currency: 'EUR',
      total_before: 12.3,
      discount_amount: 1.85,
      total_after: 10.45,
    });
  });

  it('caps a fixed discount at the session total and checks the currency', async () => {
    await createCode({ code: 'FIVEOFF', discount_type: 'fixed', discount_value: 5, currency: 'EUR' });
    const small = await seedSession({ user_id: 'd', total: 3.2 });
    expect(obj((await api(`/promotional-codes/sessions/${small}/apply-code`, { body: { code: 'FIVEOFF' } })).body)).toMatchObject({
      discount_amount: 3.2,
      total_after: 0,
    });
    const gbp = await seedSession({ user_id: 'd', total: 30, currency: 'GBP' });
    const mismatch = await api(`/promotional-codes/sessions/${gbp}/apply-code`, { body: { code: 'FIVEOFF' } });
    expect(mismatch.status).toBe(422);
    expect(obj(obj(mismatch.body).error).code).toBe('currency_mismatch');
  });

  it('works only on a completed session, once, with an existing code', async () => {
    await createCode({ code: 'SAVE10', discount_type: 'percent', discount_value: 10 });
    const running = await seedSession({ user_id: 'd', total: 10, status: 'in_progress' });
    const done = await seedSession({ user_id: 'd', total: 10 });
    const codeOf = async (path: string, body: unknown) => {
      const r = await api(path, { body });
      return [r.status, obj(obj(r.body).error).code];
    };
    expect(await codeOf(`/promotional-codes/sessions/${running}/apply-code`, { code: 'SAVE10' })).toEqual([409, 'session_not_completed']);
    expect(await codeOf('/promotional-codes/sessions/sess_missing/apply-code', { code: 'SAVE10' })).toEqual([404, 'session_not_found']);
    expect(await codeOf(`/promotional-codes/sessions/${done}/apply-code`, { code: 'NOPE' })).toEqual([404, 'code_not_found']);
    expect(await codeOf(`/promotional-codes/sessions/${done}/apply-code`, {})).toEqual([422, 'validation_error']);
    expect((await api(`/promotional-codes/sessions/${done}/apply-code`, { body: { code: 'SAVE10' } })).status).toBe(200);
    expect(await codeOf(`/promotional-codes/sessions/${done}/apply-code`, { code: 'SAVE10' })).toEqual([409, 'code_already_applied']);
  });

  it('enforces the per-user limit and turns the code inactive at max_uses', async () => {
    const code = obj((await createCode({ code: 'TWICE', discount_type: 'percent', discount_value: 10, max_uses: 2, max_uses_per_user: 1 })).body);
    const apply = async (user: string) =>
      api(`/promotional-codes/sessions/${await seedSession({ user_id: user, total: 10 })}/apply-code`, { body: { code: 'TWICE' } });
    expect((await apply('a')).status).toBe(200);
    const again = await apply('a');
    expect([again.status, obj(obj(again.body).error).code]).toEqual([422, 'user_limit_reached']);
    expect((await apply('b')).status).toBe(200);
    const after = obj((await api(`/promotional-codes/${String(code.code_id)}`)).body);
    expect(after).toMatchObject({ uses_count: 2, active: false });
    const third = await apply('c');
    expect([third.status, obj(obj(third.body).error).code]).toEqual([422, 'code_exhausted']);
  });

  it('turns the code inactive once expires_at passes', async () => {
    const code = obj((await createCode({ code: 'SOON', discount_type: 'percent', discount_value: 10, expires_at: '2027-01-16T00:00:00Z' })).body);
    clock.set('2027-01-16T00:00:00Z');
    expect(obj((await api(`/promotional-codes/${String(code.code_id)}`)).body).active).toBe(false);
    const r = await api(`/promotional-codes/sessions/${await seedSession({ user_id: 'a', total: 10 })}/apply-code`, { body: { code: 'SOON' } });
    expect(obj(obj(r.body).error).code).toBe('code_expired');
  });
});

describe('usage stats', () => {
  it('reports totals, distinct users and a daily breakdown with date filters', async () => {
    const code = obj((await createCode({ code: 'SAVE10', discount_type: 'percent', discount_value: 10 })).body);
    const id = String(code.code_id);
    const apply = async (user: string, total: number) =>
      api(`/promotional-codes/sessions/${await seedSession({ user_id: user, total })}/apply-code`, { body: { code: 'SAVE10' } });
    await apply('a', 10);
    await apply('b', 20);
    clock.set('2027-01-17T09:00:00Z');
    await apply('a', 5);
    const all = obj((await api(`/promotional-codes/${id}/usage`)).body);
    expect(all).toMatchObject({ total_uses: 3, unique_users: 2, total_discount: 3.5, currency: 'EUR' });
    expect(all.daily_breakdown).toEqual([
      { date: '2027-01-15', uses: 2, discount_total: 3 },
      { date: '2027-01-17', uses: 1, discount_total: 0.5 },
    ]);
    const day = obj((await api(`/promotional-codes/${id}/usage?from=2027-01-16&to=2027-01-17`)).body);
    expect(day).toMatchObject({ total_uses: 1, unique_users: 1, total_discount: 0.5, from: '2027-01-16T00:00:00Z', to: '2027-01-17T23:59:59Z' });
    expect((await api(`/promotional-codes/${id}/usage?from=yesterday`)).status).toBe(422);
    expect((await api(`/promotional-codes/${id}/usage?from=2027-01-18&to=2027-01-17`)).status).toBe(422);
    expect((await api('/promotional-codes/promo_NONE0/usage')).status).toBe(404);
  });
});

describe('user types', () => {
  it('creates, lists and assigns, replacing the previous type', async () => {
    const staff = await api('/user-types', { body: { name: 'staff', description: 'Employees' } });
    expect(staff.status).toBe(201);
    expect(obj(staff.body).user_type_id).toMatch(/^ut_/);
    await api('/user-types', { body: { name: 'fleet-customer' } });
    expect((await api('/user-types', { body: { name: 'staff' } })).status).toBe(409);
    expect((await api('/user-types', { body: { name: 'Not Valid' } })).status).toBe(422);
    const list = obj((await api('/user-types')).body);
    expect(arr(list.user_types).map((t) => obj(t).name)).toEqual(['staff', 'fleet-customer']);
    expect(list.total).toBe(2);
    const first = await api('/user-types/users/driver-9/user-type', { method: 'PUT', body: { user_type: 'staff' } });
    expect(obj(first.body)).toMatchObject({ user_id: 'driver-9', previous_user_type: null });
    const second = await api('/user-types/users/driver-9/user-type', { method: 'PUT', body: { user_type: 'fleet-customer' } });
    expect(obj(second.body)).toMatchObject({ previous_user_type: 'staff' });
    expect(obj(obj(second.body).user_type).name).toBe('fleet-customer');
    const state = obj(emulators.control('ev-billing').snapshot());
    const assignments = obj(obj(obj(state.tenants).org_demo).assignments);
    expect(Object.keys(assignments)).toEqual(['driver-9']);
    expect((await api('/user-types/users/driver-9/user-type', { method: 'PUT', body: { user_type: 'vip' } })).status).toBe(404);
  });
});
