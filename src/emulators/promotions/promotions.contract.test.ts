// Contract suite for the subscription-billing promotions emulator, over real HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulators, type RunningEmulators } from '../index.js';
import { arr, call, fakeClock, obj, type CallOptions, type HttpReply } from '../shared/testing.js';

const clock = fakeClock('2027-01-15T10:00:00Z');
let emulators: RunningEmulators;
let origin: string;
const KEY = 'kt_test_promoc';

const api = (path: string, options: CallOptions = {}, key = KEY) =>
  call(`${origin}/v1${path}`, { ...options, headers: { authorization: `Bearer ${key}`, ...options.headers } });
const data = (r: HttpReply) => obj(obj(r.body).data);
const listData = (r: HttpReply): unknown => obj(r.body).data;
const percent = (p: number) => [{ name: 'Default', conditions: [], effects: [{ type: 'percent_discount', percent: p }] }];
async function create(fields: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const r = await api('/promotions', { body: { name: 'Spring', code: 'SPRING', phases: percent(10), ...fields } });
  expect(r.status).toBe(201);
  return data(r);
}
async function active(fields: Record<string, unknown> = {}): Promise<string> {
  const id = String((await create(fields)).id);
  expect((await api(`/promotions/${id}/activate`, { method: 'POST' })).status).toBe(200);
  return id;
}
const seedCustomer = (body: Record<string, unknown>) => call(`${origin}/__emulator/customers`, { body });

beforeAll(async () => {
  emulators = await startEmulators({ providers: ['promotions'], now: clock.now, seed: 11 });
  origin = emulators.endpoint('promotions').baseUrl;
});
afterAll(() => emulators.close());
beforeEach(async () => {
  clock.set('2027-01-15T10:00:00Z');
  await emulators.control('promotions').reset();
});

describe('auth and errors', () => {
  it('answers problem+json 401, 403 for read-only keys, and isolates organizations', async () => {
    const none = await call(`${origin}/v1/promotions`);
    expect(none.status).toBe(401);
    expect(none.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(obj(none.body)).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', instance: '/v1/promotions' });
    expect(String(obj(none.body).request_id)).toMatch(/^req_/);
    expect((await api('/promotions', { body: { name: 'x' } }, `${KEY}-readonly`)).status).toBe(403);
    const id = String((await create()).id);
    expect((await api(`/promotions/${id}`, {}, `${KEY}-other`)).status).toBe(404);
  });

  it('answers 404 with entity_type and entity_id', async () => {
    const r = await api('/promotions/00000000-0000-4000-8000-000000000000');
    expect(obj(r.body)).toMatchObject({ status: 404, code: 'NOT_FOUND', entity_type: 'promotion', entity_id: '00000000-0000-4000-8000-000000000000' });
  });
});

describe('create and lifecycle', () => {
  it('creates a draft (version 1, Default phase) wrapped in data', async () => {
    const r = await api('/promotions', { body: { name: 'Plain' } });
    expect(r.status).toBe(201);
    const p = data(r);
    expect(p).toMatchObject({
      name: 'Plain',
      status: 'draft',
      version: 1,
      condition_mode: 'ALL',
      is_phased: false,
      stackable: false,
      priority: 0,
      current_redemptions: 0,
      current_budget_used: '0.00',
      organization_id: emulators.endpoint('promotions').tenant,
    });
    expect(arr(p.phases).map((ph) => obj(ph).name)).toEqual(['Default']);
    expect(p.head_version_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('validates every field at once with fields[]', async () => {
    const r = await api('/promotions', {
      body: {
        code: 'x',
        priority: -1,
        condition_mode: 'SOME',
        valid_from: '2027-02-01T00:00:00Z',
        valid_to: '2027-01-01T00:00:00Z',
        phases: [{ effects: [{ type: 'percent_discount', percent: 0 }] }],
      },
    });
    expect(r.status).toBe(400);
    const body = obj(r.body);
    expect(body.code).toBe('VALIDATION');
    expect(arr(body.fields).map((f) => obj(f).field)).toEqual(['name', 'code', 'condition_mode', 'phases[0].effects[0].percent', 'priority', 'valid_to']);
    const ladder = await api('/promotions', { body: { name: 'L', archetype: 'loyalty_ladder', is_phased: true } });
    expect(arr(obj(ladder.body).fields).map((f) => obj(f).field)).toEqual(['phases']);
  });

  it('goes draft → active → archived, and only that way', async () => {
    const id = String((await create()).id);
    const activated = data(await api(`/promotions/${id}/activate`, { method: 'POST' }));
    expect(activated).toMatchObject({ status: 'active', published_at: '2027-01-15T10:00:00Z', published_by: 'api-key:primary' });
    const again = await api(`/promotions/${id}/activate`, { method: 'POST' });
    expect(obj(again.body)).toMatchObject({ status: 409, code: 'INVALID_STATE_TRANSITION' });
    expect(data(await api(`/promotions/${id}/deactivate`, { method: 'POST' }))).toMatchObject({ status: 'archived', archived_at: '2027-01-15T10:00:00Z' });
    expect((await api(`/promotions/${id}/deactivate`, { method: 'POST' })).status).toBe(409);
    expect(obj((await api(`/promotions/${id}`, { method: 'PATCH', body: { name: 'x' } })).body).code).toBe('INVALID_STATE_TRANSITION');
    const draft = String((await create({ code: 'OTHER' })).id);
    expect((await api(`/promotions/${draft}/deactivate`, { method: 'POST' })).status).toBe(409);
  });

  it('refuses to activate without an effect or with a code already live', async () => {
    const empty = String(obj(data(await api('/promotions', { body: { name: 'Nothing' } }))).id);
    expect(obj((await api(`/promotions/${empty}/activate`, { method: 'POST' })).body).code).toBe('VALIDATION');
    await active();
    const twin = String((await create()).id);
    expect(obj((await api(`/promotions/${twin}/activate`, { method: 'POST' })).body).code).toBe('CODE_CONFLICT');
  });

  it('shows expired after valid_to', async () => {
    const id = await active({ valid_to: '2027-02-01T00:00:00Z' });
    clock.set('2027-02-01T00:00:00Z');
    expect(data(await api(`/promotions/${id}`)).status).toBe('expired');
    expect(arr(obj((await api('/promotions?status=expired')).body).data)).toHaveLength(1);
  });

  it('copies any promotion as a new draft with derived fields', async () => {
    const id = await active({ max_redemptions: 10, max_budget: '500.00' });
    const r = await api(`/promotions/${id}/copy`, { body: { name: 'Spring again', code: 'SPRING2', status: 'active' } });
    expect(r.status).toBe(201);
    expect(data(r)).toMatchObject({
      name: 'Spring again',
      code: 'SPRING2',
      status: 'draft',
      version: 1,
      derived_status: 'draft',
      remaining_budget: '500.00',
      remaining_redemptions: 10,
      max_redemptions: 10,
    });
    expect(data(await api(`/promotions/${id}/copy`, { body: {} })).name).toBe('Spring (copy)');
  });
});

describe('updates and versions', () => {
  it('edits a draft in place and guards with expected_version (409 with both versions)', async () => {
    const id = String((await create()).id);
    const r = await api(`/promotions/${id}`, { method: 'PATCH', body: { name: 'Spring 2', expected_version: 1 } });
    expect(data(r)).toMatchObject({ name: 'Spring 2', version: 2, status: 'draft' });
    const stale = await api(`/promotions/${id}`, { method: 'PATCH', body: { name: 'lost', expected_version: 1 } });
    expect(stale.status).toBe(409);
    expect(obj(stale.body)).toMatchObject({ code: 'VERSION_CONFLICT', expected_version: 1, current_version: 2 });
    expect(obj((await api(`/promotions/${id}`, { method: 'PATCH', body: { effective_at: '2027-03-01T00:00:00Z' } })).body).code).toBe('VALIDATION');
  });

  it('publishes a new version of an active promotion and keeps snapshots', async () => {
    const id = await active();
    clock.set('2027-01-16T00:00:00Z');
    const r = await api(`/promotions/${id}`, { method: 'PUT', body: { priority: 5, expected_version: 1 } });
    expect(data(r)).toMatchObject({ priority: 5, version: 2, status: 'active', published_at: '2027-01-16T00:00:00Z' });
    const versions = arr(listData(await api(`/promotions/${id}/versions`)));
    expect(versions.map((v) => [obj(v).version, obj(v).status])).toEqual([
      [2, 'published'],
      [1, 'superseded'],
    ]);
    expect(obj(versions[1]).effective_to).toBe('2027-01-16T00:00:00Z');
    const v1 = data(await api(`/promotions/${id}/versions/1`));
    expect(v1).toMatchObject({ version: 1, priority: 0, status: 'superseded', promotion_status: 'active', release_strategy: 'draft' });
    expect((await api(`/promotions/${id}/versions/9`)).status).toBe(404);
    expect(obj((await api(`/promotions/${id}`, { method: 'PATCH', body: { phases: percent(50) } })).body).code).toBe('VALIDATION');
  });

  it('keeps save_as_draft changes off the live promotion', async () => {
    const id = await active();
    const r = data(await api(`/promotions/${id}`, { method: 'PATCH', body: { name: 'Next', save_as_draft: true } }));
    expect(r).toMatchObject({ name: 'Spring', version: 2 });
    expect(data(await api(`/promotions/${id}`)).name).toBe('Spring');
    expect(arr(listData(await api(`/promotions/${id}/versions?status=draft`))).map((v) => obj(v).version)).toEqual([2]);
    expect((await api(`/promotions/${id}/versions?status=bogus`)).status).toBe(400);
  });

  it('schedules a version with effective_at and publishes it when the time comes', async () => {
    const id = await active();
    await api(`/promotions/${id}`, { method: 'PATCH', body: { name: 'Summer', effective_at: '2027-06-01T00:00:00Z' } });
    expect(data(await api(`/promotions/${id}`)).name).toBe('Spring');
    expect(arr(listData(await api(`/promotions/${id}/versions?status=scheduled`)))).toHaveLength(1);
    clock.set('2027-06-01T00:00:01Z');
    expect(data(await api(`/promotions/${id}`))).toMatchObject({ name: 'Summer', published_at: '2027-06-01T00:00:00Z' });
    expect(arr(listData(await api(`/promotions/${id}/versions?status=published&status=superseded`))).map((v) => obj(v).version)).toEqual([2, 1]);
  });

  // Why promoc cannot lower dated phases to scheduled versions: the seed says phases are "draft-only".
  it('refuses to schedule new phases (effects) on an active promotion', async () => {
    const id = await active();
    const r = await api(`/promotions/${id}`, { method: 'PATCH', body: { phases: percent(25), effective_at: '2027-03-01T00:00:00Z' } });
    expect(obj(r.body)).toMatchObject({
      status: 400,
      code: 'VALIDATION',
      fields: [{ field: 'phases', message: 'phases are a full replacement and can only be changed while the promotion is a draft' }],
    });
    expect(arr(listData(await api(`/promotions/${id}/versions?status=scheduled`)))).toHaveLength(0);
  });

  it('derives requires_continuous_coverage from free-period effects and ignores it on write', async () => {
    const plain = await create({ requires_continuous_coverage: true });
    expect(plain.requires_continuous_coverage).toBe(false);
    const free = await create({ code: 'FREE1', phases: [{ name: 'Default', conditions: [], effects: [{ type: 'free_period', periods: 1 }] }] });
    expect(free.requires_continuous_coverage).toBe(true);
  });
});

describe('list: filters, sort and cursors', () => {
  it('pages with cursors: empty, exact page, last page', async () => {
    expect(obj((await api('/promotions')).body)).toEqual({ data: [], pagination: { cursor: null, has_more: false, total_count: 0 } });
    for (let i = 0; i < 5; i++) {
      await create({ name: `P${i}`, code: `CODE${i}`, priority: i });
      clock.advance(1000);
    }
    const exact = obj((await api('/promotions?limit=5')).body);
    expect(exact.pagination).toEqual({ cursor: null, has_more: false, total_count: 5 });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Record<string, unknown> = obj((await api(`/promotions?limit=2&sort=-priority${cursor ? `&cursor=${cursor}` : ''}`)).body);
      seen.push(...arr(page.data).map((p) => String(obj(p).name)));
      cursor = obj(page.pagination).cursor as string | null;
    } while (cursor);
    expect(seen).toEqual(['P4', 'P3', 'P2', 'P1', 'P0']);
    const first = obj((await api('/promotions?limit=2')).body);
    expect((await api(`/promotions?limit=2&sort=name&cursor=${String(obj(first.pagination).cursor)}`)).status).toBe(400);
    expect((await api('/promotions?cursor=garbage')).status).toBe(400);
    expect((await api('/promotions?limit=201')).status).toBe(400);
  });

  it('applies the field.op=value grammar and names every bad operator', async () => {
    await create({ name: 'Alpha', code: 'ALPHA', priority: 1 });
    clock.advance(1000);
    await create({ name: 'Beta', code: 'BETA', priority: 7, stackable: true });
    clock.advance(1000);
    await active({ name: 'Gamma', code: 'GAMMA', priority: 3 });
    const names = async (q: string) => arr(obj((await api(`/promotions?${q}`)).body).data).map((p) => obj(p).name);
    expect(await names('status=draft')).toEqual(['Alpha', 'Beta']);
    expect(await names('status.ne=draft')).toEqual(['Gamma']);
    expect(await names('status.in=active,archived')).toEqual(['Gamma']);
    expect(await names('priority.gte=3&sort=-priority')).toEqual(['Beta', 'Gamma']);
    expect(await names('name.contains=ph')).toEqual(['Alpha']);
    expect(await names('stackable=true&unknown_field.like=1')).toEqual(['Beta']);
    expect(await names('created_at.lte=2027-01-15T10:00:01Z')).toEqual(['Alpha', 'Beta']);
    const bad = await api('/promotions?status.like=x&priority.contains=3&stackable.gt=true&priority.lt=abc');
    expect(bad.status).toBe(400);
    expect(obj(bad.body).code).toBe('VALIDATION');
    expect(arr(obj(bad.body).fields).map((f) => obj(f).field)).toEqual(['status.like', 'priority.contains', 'stackable.gt', 'priority.lt']);
    expect((await api('/promotions?sort=-nope')).status).toBe(400);
  });
});

describe('simulate and eligibility preview', () => {
  beforeEach(async () => {
    await seedCustomer({
      id: 'cus_1',
      attributes: { segment: 'smb', seats: 12 },
      first_purchase: true,
      subscriptions: [{ id: 'sub_1', plan_code: 'pro', amount: '99.99', currency: 'EUR', quantity: 1 }],
    });
  });

  it('computes discounts in order without persisting anything', async () => {
    const big = await active({ name: 'Big', code: 'BIG', priority: 10, stackable: true, phases: percent(10) });
    const fixed = await active({
      name: 'Fixed',
      code: 'FIX',
      priority: 5,
      stackable: true,
      phases: [
        {
          effects: [
            { type: 'fixed_discount', amount: '5.00', currency: 'EUR' },
            { type: 'credit_grant', amount: '2.50', currency: 'EUR' },
          ],
        },
      ],
    });
    const lone = await active({ name: 'Lone', code: 'LONE', priority: 1, stackable: false, phases: percent(50) });
    const before = JSON.stringify(emulators.control('promotions').snapshot());
    const r = await api('/promotions/simulate', {
      body: {
        customer_id: 'cus_1',
        billing_period_start: '2027-02-01T00:00:00Z',
        billing_period_end: '2027-03-01T00:00:00Z',
        promotion_ids: [lone, fixed, big],
      },
    });
    expect(r.status).toBe(200);
    // 10% of 99.99 = 9.999 → 10.00; then 5.00 off the remaining 89.99
    expect(data(r)).toMatchObject({ subtotal: '99.99', discount_total: '15.00', total: '84.99', credits_granted: '2.50', persisted: false });
    expect(arr(data(r).applied_promotions).map((p) => obj(p).name)).toEqual(['Big', 'Fixed']);
    expect(arr(data(r).rejected_promotions).map((p) => obj(p).reason)).toEqual(['not stackable and another promotion already applied']);
    expect(JSON.stringify(emulators.control('promotions').snapshot())).toBe(before);
    expect(
      obj(
        (
          await api('/promotions/simulate', {
            body: { customer_id: 'nobody', billing_period_start: '2027-02-01T00:00:00Z', billing_period_end: '2027-03-01T00:00:00Z', promotion_ids: [big] },
          })
        ).body,
      ).entity_type,
    ).toBe('customer');
    expect((await api('/promotions/simulate', { body: { customer_id: 'cus_1' } })).status).toBe(400);
  });

  it('caps a hard budget and reports per-condition results', async () => {
    const id = await active({
      condition_mode: 'ALL',
      max_budget: '3.00',
      phases: [
        {
          conditions: [
            { type: 'minimum_spend', amount: '50.00', currency: 'EUR' },
            { type: 'subscription_plan', plan_codes: ['enterprise'] },
            { type: 'customer_attribute', attribute: 'seats', operator: 'gte', value: 10 },
            { type: 'first_purchase' },
          ],
          effects: [{ type: 'percent_discount', percent: 20 }],
        },
      ],
    });
    const preview = data(await api(`/promotions/${id}/eligibility-preview`, { body: { customer_id: 'cus_1' } }));
    expect(preview).toMatchObject({
      promotion_id: id,
      promotion_name: 'Spring',
      eligible: false,
      effect_summary: '20% off',
      reason: 'conditions not met (ALL): subscription_plan',
    });
    expect(arr(preview.conditions).map((c) => [obj(c).type, obj(c).passed])).toEqual([
      ['minimum_spend', true],
      ['subscription_plan', false],
      ['customer_attribute', true],
      ['first_purchase', true],
    ]);
    await api(`/promotions/${id}`, { method: 'PATCH', body: { condition_mode: 'ANY' } });
    expect(data(await api(`/promotions/${id}/eligibility-preview`, { body: { customer_id: 'cus_1' } }))).toMatchObject({ eligible: true, reason: null });
    const sim = data(
      await api('/promotions/simulate', {
        body: { customer_id: 'cus_1', billing_period_start: '2027-02-01T00:00:00Z', billing_period_end: '2027-03-01T00:00:00Z', promotion_ids: [id] },
      }),
    );
    expect(sim).toMatchObject({ discount_total: '3.00', total: '96.99' });
    await call(`${origin}/__emulator/redemptions`, { body: { promotion_id: id, customer_id: 'cus_1', amount: '2.00' } });
    expect(data(await api(`/promotions/${id}`))).toMatchObject({ status: 'active', current_budget_used: '2.00' });
    // Using up a hard budget deactivates the promotion ("the promotion deactivates when the budget is exhausted").
    await call(`${origin}/__emulator/redemptions`, { body: { promotion_id: id, customer_id: 'cus_1', amount: '1.00' } });
    expect(data(await api(`/promotions/${id}`))).toMatchObject({ status: 'archived', current_budget_used: '3.00' });
    const versions = (await api(`/promotions/${id}/versions`)).body as unknown;
    expect(JSON.stringify(versions)).toContain('"archived_reason":"budget exhausted"');
    expect(data(await api(`/promotions/${id}/eligibility-preview`, { body: { customer_id: 'cus_1' } })).reason).toBe('promotion is archived');
    const draft = String((await create({ code: 'DRAFTY' })).id);
    expect(data(await api(`/promotions/${draft}/eligibility-preview`, { body: { customer_id: 'cus_1' } })).reason).toBe('promotion is a draft (not active)');
  });
});
