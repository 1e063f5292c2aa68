// The /__emulator test controls: describe, snapshot/restore, reset, out-of-band dashboard edits, clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulators, type RunningEmulators } from './index.js';
import { call, fakeClock, obj } from './shared/testing.js';

const clock = fakeClock('2027-01-15T10:00:00Z');
let emulators: RunningEmulators;
let admin: string;
let api: string;
const auth = { authorization: 'Bearer lago_test_promoc' };

beforeAll(async () => {
  emulators = await startEmulators({ providers: ['lago'], now: clock.now });
  admin = emulators.endpoint('lago').adminUrl;
  api = emulators.endpoint('lago').apiBaseUrl;
});
afterAll(() => emulators.close());

describe('admin controls', () => {
  it('describes the emulator and its credentials', async () => {
    const info = obj((await call(admin)).body);
    expect(info).toMatchObject({ provider: 'lago', tenant: 'org-demo', stateFile: null, now: '2027-01-15T10:00:00.000Z' });
  });

  it('edits stored objects out of band, bypassing the API rules', async () => {
    const coupon = obj(
      obj(
        (
          await call(`${api}/coupons`, {
            headers: auth,
            body: { coupon: { name: 'A', code: 'a', coupon_type: 'percentage', percentage_rate: 10, frequency: 'forever', expiration: 'no_expiration' } },
          })
        ).body,
      ).coupon,
    );
    const edited = await call(`${admin}/tenants/org-demo/coupons/${String(coupon.lago_id)}`, {
      method: 'PATCH',
      body: { percentage_rate: 99, name: 'Edited in the dashboard' },
    });
    expect(edited.status).toBe(200);
    expect(obj(obj((await call(`${api}/coupons/a`, { headers: auth })).body).coupon)).toMatchObject({
      percentage_rate: '99.0',
      name: 'Edited in the dashboard',
    });
    expect((await call(`${admin}/tenants/org-demo/coupons/nope`, { method: 'PATCH', body: {} })).status).toBe(404);
    expect((await call(`${admin}/tenants/org-demo/widgets/x`, { method: 'PATCH', body: {} })).status).toBe(404);
    expect((await call(`${admin}/tenants/nobody/coupons`)).status).toBe(404);
    expect(Array.isArray((await call(`${admin}/tenants/org-demo/coupons`)).body)).toBe(true);
  });

  it('snapshots, resets and restores state', async () => {
    const snapshot = (await call(`${admin}/state`)).body;
    expect((await call(`${admin}/reset`, { method: 'POST' })).status).toBe(200);
    expect(obj(obj((await call(`${api}/coupons`, { headers: auth })).body).meta).total_count).toBe(0);
    expect((await call(`${admin}/state`, { method: 'PUT', body: snapshot })).status).toBe(200);
    expect(obj(obj((await call(`${api}/coupons`, { headers: auth })).body).meta).total_count).toBe(1);
    const wrong = await call(`${admin}/state`, { method: 'PUT', body: { format: 'promoc-emulator/v1', provider: 'mobility', random: 1, tenants: {} } });
    expect(wrong.status).toBe(400);
    expect(String(obj(wrong.body).error)).toContain('mobility');
  });

  it('shows every change in the next listing, though listings are kept between changes', async () => {
    const codes = async (): Promise<string[]> =>
      (obj((await call(`${api}/coupons?per_page=100`, { headers: auth })).body).coupons as { code: string }[]).map((c) => c.code);
    const before = await codes();
    expect(await codes()).toEqual(before);
    const body = (code: string) => ({
      coupon: { name: code, code, coupon_type: 'percentage', percentage_rate: 10, frequency: 'forever', expiration: 'no_expiration' },
    });
    const created = obj(obj((await call(`${api}/coupons`, { headers: auth, body: body('listed1') })).body).coupon);
    expect(await codes()).toEqual(['listed1', ...before]);
    await call(`${admin}/tenants/org-demo/coupons/${String(created.lago_id)}`, { method: 'PATCH', body: { deleted_at: '2027-01-15T10:00:00Z' } });
    expect(await codes()).toEqual(before);
    await call(`${admin}/tenants/org-demo/coupons/${String(created.lago_id)}`, { method: 'PATCH', body: { deleted_at: null, code: 'renamed1' } });
    expect(await codes()).toEqual(['renamed1', ...before]);
    await call(`${api}/coupons/renamed1`, { method: 'PUT', headers: auth, body: { coupon: { name: 'Renamed' } } });
    const first = (obj((await call(`${api}/coupons`, { headers: auth })).body).coupons as { name: string }[])[0];
    expect(first?.name).toBe('Renamed');
    await call(`${api}/coupons/renamed1`, { method: 'DELETE', headers: auth });
    expect(await codes()).toEqual(before);
  });

  it('moves the clock', async () => {
    expect(obj((await call(`${admin}/clock`, { method: 'PUT', body: { advanceMs: 60_000 } })).body).now).toBe('2027-01-15T10:01:00.000Z');
    expect(obj((await call(`${admin}/clock`, { method: 'PUT', body: { now: '2030-01-01T00:00:00Z' } })).body).now).toBe('2030-01-01T00:00:00.000Z');
    expect((await call(`${admin}/clock`, { method: 'PUT', body: { now: 'tomorrow' } })).status).toBe(400);
    expect(obj((await call(`${admin}/clock`, { method: 'PUT', body: { now: null } })).body).now).toBe('2027-01-15T10:00:00.000Z');
  });

  it('refuses clock changes it could not represent, and keeps answering writes', async () => {
    for (const body of [
      { advanceMs: 1e308 },
      { advanceMs: 8.64e15 },
      { now: '+275760-09-13T00:00:00Z' },
      { now: '9999-12-31T23:00:00Z', advanceMs: 7_200_000 },
      { now: '1969-12-31T23:59:59Z' },
    ]) {
      const r = await call(`${admin}/clock`, { method: 'PUT', body });
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(r.body)).toMatch(/must be|would move the clock|is not an ISO 8601/);
    }
    for (let i = 0; i < 3; i++) await call(`${admin}/clock`, { method: 'PUT', body: { advanceMs: 99 * 365 * 24 * 3600 * 1000 } });
    const r = await call(`${admin}/clock`, { method: 'PUT', body: { advanceMs: 99 * 365 * 24 * 3600 * 1000 } });
    expect(r.status).toBe(200);
    const coupon = {
      name: 'Clock',
      code: 'clock1',
      coupon_type: 'fixed_amount',
      amount_cents: 100,
      amount_currency: 'EUR',
      frequency: 'once',
      expiration: 'no_expiration',
    };
    expect((await call(`${api}/coupons`, { method: 'POST', headers: auth, body: { coupon } })).status).toBe(200);
    await call(`${api}/coupons/clock1`, { method: 'DELETE', headers: auth });
    expect(obj((await call(`${admin}/clock`, { method: 'PUT', body: { now: null } })).body).now).toBe('2027-01-15T10:00:00.000Z');
  });

  it('answers unknown API routes in the family shape', async () => {
    const r = await call(`${api}/plans`, { headers: auth });
    expect(r.status).toBe(404);
    expect(obj(r.body)).toMatchObject({ status: 404, error: 'Not Found' });
  });
});
