// Row cases for the EV billing promotional codes API (rows `ev.*` of docs/fidelity.md).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Plan } from '../../../src/generated/plan.js';
import type { ApiCases } from '../cases.js';
import type { Workspace } from '../round-trip.js';

const code = (name: string, body: string, extraMeta = '') => `apiVersion: promoc/v1
kind: Promotion
metadata: { name: ${name}, labels: { target: ev-billing }${extraMeta} }
spec:
${body}`;

/** Calls the EV billing emulator as a driver app or the charging backend would. */
async function ev(w: Workspace, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const e = w.emulators.endpoint('ev-billing');
  const res = await fetch(`${e.apiBaseUrl}/api/v1/billing${path}`, {
    method,
    headers: { authorization: 'Bearer dyn_test_promoc', 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return (await res.json()) as Record<string, unknown>;
}

async function seedSession(w: Workspace, id: string, user: string, total: number): Promise<void> {
  const res = await fetch(`${w.emulators.endpoint('ev-billing').adminUrl}/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ session_id: id, user_id: user, total, currency: 'EUR' }),
  });
  expect(res.status).toBeLessThan(300);
}

const planJson = async (w: Workspace): Promise<Plan> => JSON.parse((await w.cli(['plan', '--format', 'json'])).stdout) as Plan;

export const evCases: ApiCases = {
  provider: 'ev-billing',
  roundTrips: [
    {
      rows: [
        'ev.create',
        'ev.code',
        'ev.code.format',
        'ev.discount-type.percent',
        'ev.discount-value.percent',
        'ev.max-uses',
        'ev.max-uses-per-user',
        'ev.expires-at',
        'ev.description',
        'ev.code-id',
      ],
      files: {
        'percent.yaml': code(
          'summer-25',
          '  code: SUMMER25\n  window: { until: 2027-08-31T23:59:59Z }\n  limits: { redemptions: 500, perCustomer: 1 }\n  benefits: [{ percentOff: 25 }]\n',
          ', description: Summer road trips',
        ),
      },
      check: ({ one }) => {
        const c = one('codes', 'code', 'SUMMER25');
        expect(c).toMatchObject({
          discount_type: 'percent',
          discount_value: 25,
          currency: null,
          max_uses: 500,
          max_uses_per_user: 1,
          expires_at: '2027-08-31T23:59:59Z',
        });
        expect(c.description).toMatch(/^Summer road trips/);
        expect(c.code_id).toMatch(/^promo_/);
      },
    },
    {
      rows: ['ev.discount-type.fixed', 'ev.discount-value.fixed', 'ev.currency', 'ev.max-uses.unlimited', 'ev.expires-at.none', 'ev.list', 'ev.list.paging'],
      files: {
        'fixed-eur.yaml': code('welcome-eur', '  code: WELCOMEEUR\n  benefits: [{ amountOff: { amount: "5.50", currency: EUR } }]\n'),
        'fixed-usd.yaml': code(
          'welcome-usd',
          '  code: WELCOMEUSD\n  window: { until: 2029-01-01T00:00:00Z }\n  benefits: [{ amountOff: { amount: "5.00", currency: USD } }]\n',
        ),
        'fixed-jpy.yaml': code(
          'welcome-jpy',
          '  code: WELCOMEJPY\n  limits: { perCustomer: 1 }\n  benefits: [{ amountOff: { amount: "500", currency: JPY } }]\n',
        ),
      },
      check: ({ one, imported }) => {
        // Four codes at two a page: import read every page.
        for (const c of ['SUMMER25', 'WELCOMEEUR', 'WELCOMEUSD', 'WELCOMEJPY']) expect(imported).toContain(`code: ${c}`);
        expect(one('codes', 'code', 'WELCOMEEUR')).toMatchObject({
          discount_type: 'fixed',
          discount_value: 5.5,
          currency: 'EUR',
          max_uses: null,
          max_uses_per_user: null,
          expires_at: null,
        });
        expect(one('codes', 'code', 'WELCOMEUSD')).toMatchObject({ discount_type: 'fixed', discount_value: 5, currency: 'USD' });
        expect(one('codes', 'code', 'WELCOMEJPY')).toMatchObject({ discount_type: 'fixed', discount_value: 500, currency: 'JPY', max_uses: null });
      },
    },
    {
      rows: ['ev.user-types.create', 'ev.user-types.name', 'ev.user-types.description', 'ev.user-types.list'],
      files: {
        'user-types.yaml':
          'apiVersion: promoc/v1\nkind: UserType\nmetadata: { name: fleet-customer, labels: { target: ' +
          'ev-billing } }\nspec: { description: Drivers of contract fleets }\n---\napiVersion: ' +
          'promoc/v1\nkind: UserType\nmetadata: { name: staff, labels: { target: ev-billing } }\nspec: {}\n',
      },
      check: ({ one, imported }) => {
        expect(one('userTypes', 'name', 'fleet-customer').description).toMatch(/^Drivers of contract fleets/);
        expect(one('userTypes', 'name', 'staff')).toBeDefined();
        expect(imported).toMatch(/kind: UserType\nmetadata:\n {2}name: fleet-customer/);
      },
    },
  ],
  refusals: [
    {
      rows: ['ev.code.unique'],
      step: 'validate',
      files: {
        'dup-a.yaml': code('dup-a', '  code: SAMECODE\n  benefits: [{ percentOff: 10 }]\n'),
        'dup-b.yaml': code('dup-b', '  code: SAMECODE\n  benefits: [{ percentOff: 20 }]\n'),
      },
      at: 'dup-b.yaml:5:9',
      reason: /code SAMECODE is already used by Promotion "dup-a".*model\/duplicate-code/,
    },
    {
      rows: ['ev.status-inactive'],
      step: 'plan',
      files: { 'inactive.yaml': code('inactive', '  code: INACTIVE\n  status: inactive\n  benefits: [{ percentOff: 10 }]\n') },
      at: 'inactive.yaml:6:11',
      reason: /promotional codes cannot be created inactive or deactivated/,
    },
    {
      rows: ['ev.code.other-forms'],
      step: 'validate',
      files: { 'lower.yaml': code('lower-code', '  code: summer_25\n  benefits: [{ percentOff: 10 }]\n') },
      at: 'lower.yaml:5:9',
      reason: /code "summer_25" does not fit target ev-billing: it accepts 4–20 uppercase letters and digits.*schema\/code-format/,
    },
    {
      rows: ['ev.expires-at.past'],
      step: 'plan',
      files: { 'past.yaml': code('old-code', '  code: OLDCODE1\n  window: { until: 2020-01-01T00:00:00Z }\n  benefits: [{ percentOff: 10 }]\n') },
      at: 'past.yaml:6:20',
      reason: /refuses expires_at 2020-01-01T00:00:00Z: it must be in the future.*plan\/past-expiry/,
    },
    {
      rows: ['ev.no-other-fields'],
      step: 'plan',
      files: { 'stacking.yaml': code('stacking', '  code: STACKING\n  stacking: { stackable: true, priority: 5 }\n  benefits: [{ percentOff: 10 }]\n') },
      at: 'stacking.yaml:6:13',
      reason: /promotional codes have no stacking rules or priority.*plan\/unsupported-field/,
    },
    {
      rows: ['ev.code.two-benefits'],
      step: 'plan',
      files: { 'two.yaml': code('two-benefits', '  code: TWOBENEFITS\n  benefits: [{ percentOff: 10 }, { amountOff: { amount: "1.00", currency: EUR } }]\n') },
      at: 'two.yaml:6:13',
      reason: /a promotional code has exactly one discount \(got 2\)/,
    },
  ],
  scenarios: [
    {
      name: 'uses_count and the active flag reach the plan as counters once drivers redeem the code',
      rows: ['ev.uses-count', 'ev.active', 'ev.apply-code'],
      files: { 'once.yaml': code('once', '  code: ONCEONLY\n  limits: { redemptions: 1 }\n  benefits: [{ percentOff: 20 }]\n') },
      run: async ({ w, cli }) => {
        expect((await cli(['apply', '--auto-approve'])).code).toBe(0);
        await seedSession(w, 'sess-1', 'driver-1', 12.5);
        const applied = await ev(w, 'POST', '/promotional-codes/sessions/sess-1/apply-code', { code: 'ONCEONLY' });
        expect(applied).toMatchObject({ total_before: 12.5, discount_amount: 2.5, total_after: 10 });
        // promoc's engine gives the same discount for the same session total (cents).
        await writeFile(
          join(w.repo, 'session.json'),
          JSON.stringify({
            product: 'ev-charging',
            codes: ['ONCEONLY'],
            lines: [{ id: 'session', amount: '12.50' }],
            currency: 'EUR',
            at: '2027-01-15T10:00:00Z',
            customer: { id: 'driver-1' },
          }),
        );
        const evaluated = await cli(['eval', '--context', 'session.json', '--format', 'json']);
        expect(evaluated.code, evaluated.stdout + evaluated.stderr).toBe(0);
        expect(JSON.parse(evaluated.stdout)).toMatchObject({ total: 1000 });
        const action = (await planJson(w)).actions.find((a) => a.key === 'ONCEONLY')!;
        expect(action.counters).toContainEqual(expect.objectContaining({ name: 'redemptions', value: 1 }));
        expect(action.counters).toContainEqual(expect.objectContaining({ name: 'active', value: 'false' }));
      },
    },
    {
      name: 'a changed or removed code is blocked in the plan: the API has no update or delete',
      rows: ['ev.update', 'ev.delete'],
      files: { 'fixed.yaml': code('fixed-code', '  code: FIXEDCODE\n  benefits: [{ percentOff: 10 }]\n') },
      run: async ({ w, cli }) => {
        expect((await cli(['apply', '--auto-approve'])).code).toBe(0);
        await writeFile(join(w.repo, 'campaigns', 'fixed.yaml'), code('fixed-code', '  code: FIXEDCODE\n  benefits: [{ percentOff: 15 }]\n'));
        const changed = await cli(['plan']);
        expect(changed.stdout + changed.stderr).toMatch(/has no update endpoint: promotional codes are create-only/);
        await writeFile(join(w.repo, 'campaigns', 'fixed.yaml'), code('other-code', '  code: OTHERCODE\n  benefits: [{ percentOff: 10 }]\n'));
        const removed = await cli(['plan', '--prune']);
        expect(removed.stdout + removed.stderr).toMatch(/has no delete endpoint/);
      },
    },
    {
      name: 'window.from: the API has no start date, the plan creates the code at that instant',
      rows: ['ev.window-from'],
      files: { 'later.yaml': code('later', '  code: LATERCODE\n  window: { from: 2027-03-01T00:00:00Z }\n  benefits: [{ percentOff: 10 }]\n') },
      run: async ({ w, live, cli }) => {
        const plan = await planJson(w);
        expect(plan.actions.find((a) => a.key === 'LATERCODE')?.schedule).toMatchObject({ at: '2027-03-01T00:00:00Z' });
        expect((await cli(['apply', '--auto-approve'])).code).toBe(0);
        expect(live('codes')).toEqual([]);
      },
    },
  ],
  elsewhere: [{ rows: ['ev.server-reasons'], file: 'test/fidelity/ev-billing.test.ts', test: "keeps the server's field-level reason in an apply error" }],
};
