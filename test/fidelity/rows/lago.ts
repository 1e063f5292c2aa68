// Row cases for Lago coupons (rows `lago.*` of docs/fidelity.md).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Plan } from '../../../src/generated/plan.js';
import type { ApiCases } from '../cases.js';

const coupon = (name: string, body: string, meta = '') => `apiVersion: promoc/v1
kind: Promotion
metadata: { name: ${name}, labels: { target: lago }${meta} }
spec:
${body}`;

export const lagoCases: ApiCases = {
  provider: 'lago',
  roundTrips: [
    {
      rows: [
        'lago.create',
        'lago.auth',
        'lago.name',
        'lago.code',
        'lago.description',
        'lago.coupon-type.percentage',
        'lago.percentage-rate',
        'lago.frequency.once',
        'lago.expiration.no-expiration',
        'lago.reusable.default',
        'lago.import',
      ],
      files: {
        'percent.yaml': coupon(
          'startup-deal',
          '  code: startup_deal\n  displayName: Startup deal\n  benefits: [{ percentOff: 12.5 }]\n',
          ', description: For accelerator cohorts',
        ),
      },
      check: ({ one, imported }) => {
        const c = one('coupons', 'code', 'startup_deal');
        expect(c).toMatchObject({
          name: 'Startup deal',
          coupon_type: 'percentage',
          percentage_rate: 12.5,
          amount_cents: null,
          frequency: 'once',
          expiration: 'no_expiration',
          expiration_at: null,
          reusable: true,
          deleted_at: null,
        });
        expect(c.description).toMatch(/^For accelerator cohorts/);
        expect(imported).toMatch(/code: startup_deal/);
        expect(imported).toMatch(/target: lago/);
      },
    },
    {
      rows: ['lago.code.forms'],
      files: {
        'forms-dots.yaml': coupon('spring-sale', '  code: spring.sale-2027\n  benefits: [{ percentOff: 10 }]\n'),
        'forms-case.yaml': coupon('fleet-pro', '  code: Fleet.Pro\n  benefits: [{ percentOff: 10 }]\n'),
      },
      check: ({ one }) => {
        expect(one('coupons', 'code', 'spring.sale-2027')).toBeDefined();
        expect(one('coupons', 'code', 'Fleet.Pro')).toBeDefined();
      },
    },
    {
      rows: [
        'lago.coupon-type.fixed-amount',
        'lago.amount-cents',
        'lago.amount-currency',
        'lago.frequency.recurring',
        'lago.frequency-duration',
        'lago.expiration.time-limit',
        'lago.expiration-at',
        'lago.reusable',
        'lago.applies-to.plan-codes',
      ],
      files: {
        'fixed.yaml': coupon(
          'switch-credit',
          '  code: SWITCH-CREDIT\n  window: { until: 2027-12-31T23:00:00Z }\n  duration: { frequency: ' +
            'recurring, periods: 3 }\n  providers: { lago: { reusable: false } }\n  benefits: [{ ' +
            'amountOff: { amount: "25.50", currency: USD }, appliesTo: { plans: [startup, scale] } }]\n',
        ),
      },
      check: ({ one }) => {
        expect(one('coupons', 'code', 'SWITCH-CREDIT')).toMatchObject({
          coupon_type: 'fixed_amount',
          amount_cents: 2550,
          amount_currency: 'USD',
          percentage_rate: null,
          frequency: 'recurring',
          frequency_duration: 3,
          expiration: 'time_limit',
          expiration_at: '2027-12-31T23:00:00Z',
          reusable: false,
          plan_codes: expect.arrayContaining(['scale', 'startup']),
          billable_metric_codes: [],
        });
      },
    },
    {
      rows: ['lago.frequency.forever', 'lago.applies-to.billable-metric-codes'],
      files: {
        'forever.yaml': coupon(
          'api-usage',
          '  code: api-usage\n  duration: { frequency: forever }\n  benefits: [{ percentOff: 5, appliesTo: { metrics: [api_calls] } }]\n',
        ),
      },
      check: ({ one }) => {
        expect(one('coupons', 'code', 'api-usage')).toMatchObject({
          frequency: 'forever',
          frequency_duration: null,
          billable_metric_codes: ['api_calls'],
          plan_codes: [],
        });
      },
    },
  ],
  refusals: [
    {
      rows: ['lago.expiration-at.past'],
      step: 'plan',
      files: { 'past.yaml': coupon('old-coupon', '  code: old_coupon\n  window: { until: 2020-06-01T00:00:00Z }\n  benefits: [{ percentOff: 10 }]\n') },
      at: 'past.yaml:6:20',
      reason: /target t \(lago\) refuses expiration_at 2020-06-01T00:00:00Z: it must be in the future.*plan\/past-expiry/,
    },
    {
      rows: ['lago.applies-to.both'],
      step: 'plan',
      files: {
        'both.yaml': coupon('both-limits', '  code: both_limits\n  benefits: [{ percentOff: 10, appliesTo: { plans: [startup], metrics: [api_calls] } }]\n'),
      },
      at: 'both.yaml:6:43',
      reason: /a Lago coupon is limited to plans or to billable metrics, not both/,
    },
    {
      rows: ['lago.frequency-duration.missing'],
      step: 'validate',
      files: { 'recurring.yaml': coupon('no-periods', '  code: no_periods\n  duration: { frequency: recurring }\n  benefits: [{ percentOff: 10 }]\n') },
      at: 'recurring.yaml:6:13',
      reason: /spec.duration is recurring but has no periods.*schema\/duration/,
    },
    {
      rows: ['lago.amount-currency.unknown'],
      step: 'plan',
      files: { 'currency.yaml': coupon('odd-currency', '  code: odd_currency\n  benefits: [{ amountOff: { amount: "5.00", currency: KWD } }]\n') },
      at: 'currency.yaml:6:55',
      reason: /Lago has no currency KWD/,
    },
    {
      rows: ['lago.no-other-fields'],
      step: 'plan',
      files: { 'limits.yaml': coupon('capped', '  code: capped\n  limits: { redemptions: 100 }\n  benefits: [{ percentOff: 10 }]\n') },
      at: 'limits.yaml:6:11',
      reason: /Lago coupons have no redemption or budget caps.*plan\/unsupported-field/,
    },
    {
      rows: ['lago.status-inactive'],
      step: 'plan',
      files: { 'inactive.yaml': coupon('draft-coupon', '  code: draft_coupon\n  status: inactive\n  benefits: [{ percentOff: 10 }]\n') },
      at: 'inactive.yaml:6:11',
      reason: /Lago coupons have no draft or inactive state/,
    },
  ],
  scenarios: [
    {
      name: 'a changed name is an update in place; a removed coupon is deleted with --prune',
      rows: ['lago.update', 'lago.delete'],
      files: { 'c.yaml': coupon('renamed', '  code: renamed\n  displayName: Before\n  benefits: [{ percentOff: 10 }]\n') },
      run: async ({ w, live, cli }) => {
        expect((await cli(['apply', '--auto-approve'])).code).toBe(0);
        await writeFile(join(w.repo, 'campaigns', 'c.yaml'), coupon('renamed', '  code: renamed\n  displayName: After\n  benefits: [{ percentOff: 10 }]\n'));
        const plan = JSON.parse((await cli(['plan', '--format', 'json'])).stdout) as Plan;
        expect(plan.actions.find((a) => a.key === 'renamed')).toMatchObject({ action: 'update' });
        expect((await cli(['apply', '--auto-approve'])).code).toBe(0);
        expect(live('coupons').find((c) => c.code === 'renamed')).toMatchObject({ name: 'After', deleted_at: null });
        await writeFile(join(w.repo, 'campaigns', 'c.yaml'), coupon('other', '  code: other\n  benefits: [{ percentOff: 10 }]\n'));
        expect((await cli(['apply', '--auto-approve', '--prune'])).code).toBe(0);
        expect(live('coupons').find((c) => c.code === 'renamed')?.deleted_at).toEqual(expect.any(String));
      },
    },
    {
      name: 'a change to a coupon already applied to a customer is a replacement (delete, then create)',
      rows: ['lago.immutable-once-applied'],
      files: { 'c.yaml': coupon('applied', '  code: applied\n  benefits: [{ percentOff: 10 }]\n') },
      run: async ({ w, cli }) => {
        expect((await cli(['apply', '--auto-approve'])).code).toBe(0);
        const e = w.emulators.endpoint('lago');
        const post = (path: string, body: unknown) =>
          fetch(`${e.apiBaseUrl}${path}`, {
            method: 'POST',
            headers: { authorization: 'Bearer lago_test_promoc', 'content-type': 'application/json' },
            body: JSON.stringify(body),
          });
        expect((await post('/customers', { customer: { external_id: 'acme', currency: 'EUR' } })).status).toBe(200);
        expect((await post('/applied_coupons', { applied_coupon: { external_customer_id: 'acme', coupon_code: 'applied' } })).status).toBe(200);
        await writeFile(join(w.repo, 'campaigns', 'c.yaml'), coupon('applied', '  code: applied\n  benefits: [{ percentOff: 20 }]\n'));
        const plan = JSON.parse((await cli(['plan', '--format', 'json'])).stdout) as Plan;
        expect(plan.actions.find((a) => a.key === 'applied')).toMatchObject({
          action: 'blocked',
          reason: expect.stringContaining('terminates 1 active applied coupon'),
        });
        const forced = JSON.parse((await cli(['plan', '--force', '--format', 'json'])).stdout) as Plan;
        expect(forced.actions.find((a) => a.key === 'applied')).toMatchObject({ action: 'replace' });
      },
    },
    {
      name: 'window.from: a coupon has no start date, the plan creates it at that instant',
      rows: ['lago.window-from'],
      files: { 'later.yaml': coupon('later', '  code: later\n  window: { from: 2027-03-01T00:00:00Z }\n  benefits: [{ percentOff: 10 }]\n') },
      run: async ({ w, live, cli }) => {
        const plan = JSON.parse((await cli(['plan', '--format', 'json'])).stdout) as Plan;
        expect(plan.actions.find((a) => a.key === 'later')?.schedule).toMatchObject({ at: '2027-03-01T00:00:00Z' });
        expect((await cli(['apply', '--auto-approve'])).code).toBe(0);
        expect(live('coupons')).toEqual([]);
        void w;
      },
    },
  ],
};
