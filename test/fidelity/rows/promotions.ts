// Row cases for subscription-billing promotions (rows `promo.*` of docs/fidelity.md).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Plan } from '../../../src/generated/plan.js';
import type { ApiCases } from '../cases.js';

const promo = (name: string, body: string, meta = '') => `apiVersion: promoc/v1
kind: Promotion
metadata: { name: ${name}, labels: { target: promotions }${meta} }
spec:
${body}`;

type Obj = Record<string, unknown>;
const phase = (p: Obj): Obj => (p.phases as Obj[])[0]!;
const planJson = async (cli: (args: readonly string[]) => Promise<{ stdout: string }>): Promise<Plan> =>
  JSON.parse((await cli(['plan', '--format', 'json'])).stdout) as Plan;

export const promotionsCases: ApiCases = {
  provider: 'promotions',
  roundTrips: [
    {
      rows: [
        'promo.create',
        'promo.activate',
        'promo.code',
        'promo.name',
        'promo.description',
        'promo.public-description',
        'promo.valid-from',
        'promo.valid-to',
        'promo.max-redemptions',
        'promo.max-redemptions-per-customer',
        'promo.effect.percent',
        'promo.stackable',
        'promo.priority',
        'promo.visibility.public',
        'promo.archetype.standard',
        'promo.phases.default',
        'promo.application-timing.next-invoice',
        'promo.budget-behavior.hard-cap',
        'promo.condition.subscription-plan',
        'promo.condition-mode.all',
        'promo.read.counters',
      ],
      files: {
        'spring.yaml': promo(
          'spring-saas',
          '  code: SPRINGSAAS\n  displayName: Spring SaaS\n  publicDescription: 20% off the Pro plan ' +
            'this spring.\n  window: { from: 2027-01-01T00:00:00Z, until: 2029-01-01T00:00:00Z }\n  ' +
            'limits: { redemptions: 1000, perCustomer: 1 }\n  benefits: [{ percentOff: 20, appliesTo: ' +
            '{ plans: [pro] } }]\n  stacking: { stackable: true, priority: 40 }\n  visibility: public\n',
          ', description: Spring push',
        ),
      },
      check: async ({ one, w }) => {
        const p = one('promotions', 'code', 'SPRINGSAAS');
        expect(p).toMatchObject({
          status: 'active',
          name: 'Spring SaaS',
          public_description: '20% off the Pro plan this spring.',
          valid_from: '2027-01-01T00:00:00Z',
          valid_to: '2029-01-01T00:00:00Z',
          max_redemptions: 1000,
          max_redemptions_per_customer: 1,
          stackable: true,
          priority: 40,
          visibility: 'public',
          archetype: 'standard',
          application_timing: 'next_invoice',
          budget_behavior: 'hard_cap',
          condition_mode: 'ALL',
        });
        expect(p.description).toMatch(/^Spring push/);
        expect(p.is_phased).toBe(false);
        expect(p.phases).toHaveLength(1);
        expect(phase(p)).toMatchObject({
          name: 'Default',
          effects: [{ type: 'percent_discount', percent: 20 }],
          conditions: [{ type: 'subscription_plan', plan_codes: ['pro'] }],
        });
        const action = (await planJson((a) => w.cli(a))).actions.find((a) => a.key === 'SPRINGSAAS')!;
        expect(action.counters).toContainEqual(expect.objectContaining({ name: 'redemptions', value: 0 }));
      },
    },
    {
      rows: [
        'promo.list',
        'promo.code.none',
        'promo.max-budget',
        'promo.budget-behavior.soft-cap',
        'promo.application-timing.immediate',
        'promo.effect.fixed',
        'promo.condition.minimum-spend',
        'promo.condition.quantity-threshold',
      ],
      files: {
        'fleet.yaml': promo(
          'fleet-volume',
          '  displayName: Fleet volume\n  limits: { budget: { amount: "50000.00", currency: EUR } }\n  ' +
            'conditions: { mode: ALL, quantityAtLeast: 25, minimumSpend: { amount: "500.00", currency: EUR } }\n  ' +
            'benefits: [{ amountOff: { amount: "40.00", currency: EUR } }]\n  stacking: { stackable: true, ' +
            'priority: 50 }\n  providers: { promotions: { applicationTiming: immediate, budgetBehavior: notify } }\n',
        ),
      },
      check: ({ one, imported }) => {
        // Four promotions at two a page: import read every page.
        for (const c of ['SPRINGSAAS', 'FAIRTRIAL14', 'UPGRADE50']) expect(imported).toContain(`code: ${c}`);
        const p = one('promotions', 'name', 'Fleet volume');
        expect(p).toMatchObject({ code: null, max_budget: '50000.00', budget_behavior: 'soft_cap', application_timing: 'immediate' });
        expect(phase(p).effects).toEqual([{ type: 'fixed_discount', amount: '40.00', currency: 'EUR' }]);
        expect(phase(p).conditions).toEqual(
          expect.arrayContaining([
            { type: 'minimum_spend', amount: '500.00', currency: 'EUR' },
            { type: 'quantity_threshold', min_quantity: 25 },
          ]),
        );
      },
    },
    {
      rows: [
        'promo.effect.trial-extension',
        'promo.condition.first-purchase',
        'promo.condition.customer-attribute',
        'promo.condition-mode.any-attributes',
        'promo.visibility.private',
      ],
      files: {
        'trial.yaml': promo(
          'fair-trial',
          '  code: FAIRTRIAL14\n  audience: { firstPurchaseOnly: true }\n  conditions:\n    mode: ANY\n    ' +
            'customerAttributes: [{ attribute: country, equals: DE }, { attribute: country, equals: AT }]\n  benefits: ' +
            '[{ trialExtensionDays: 14 }]\n  stacking: { stackable: true, priority: 20 }\n  visibility: hidden\n',
        ),
      },
      check: ({ one }) => {
        const p = one('promotions', 'code', 'FAIRTRIAL14');
        expect(p).toMatchObject({ visibility: 'private', condition_mode: 'ALL' });
        expect(phase(p).effects).toEqual([{ type: 'trial_extension', days: 14 }]);
        expect(phase(p).conditions).toEqual(
          expect.arrayContaining([
            { type: 'first_purchase' },
            expect.objectContaining({ type: 'customer_attribute', attribute: 'country', operator: 'in', value: ['DE', 'AT'] }),
          ]),
        );
      },
    },
    {
      rows: ['promo.effect.credit', 'promo.draft'],
      files: {
        'credit.yaml': promo(
          'upgrade-credit',
          '  code: UPGRADE50\n  status: inactive\n  benefits: [{ credit: { amount: ' +
            '"50.00", currency: EUR } }]\n  stacking: { stackable: false, priority: 10 }\n',
        ),
      },
      check: ({ one }) => {
        const p = one('promotions', 'code', 'UPGRADE50');
        expect(p.status).toBe('draft');
        expect(phase(p).effects).toEqual([{ type: 'credit_grant', amount: '50.00', currency: 'EUR' }]);
      },
    },
  ],
  refusals: [
    {
      rows: ['promo.priority.range'],
      step: 'plan',
      files: { 'priority.yaml': promo('too-high', '  code: TOOHIGH\n  benefits: [{ percentOff: 10 }]\n  stacking: { stackable: true, priority: 5000 }\n') },
      at: 'priority.yaml:7:42',
      reason: /priority 5000 is above the API's maximum of 1000/,
    },
    {
      rows: ['promo.phases.dated'],
      step: 'plan',
      files: {
        'phased.yaml': promo(
          'phased',
          '  code: PHASED\n  window: { from: 2027-01-01T00:00:00Z, until: 2028-01-01T00:00:00Z ' +
            '}\n  benefits: [{ percentOff: 10 }]\n  phases:\n    - { name: summer, window: { from: ' +
            '2027-06-01T00:00:00Z, until: 2027-09-01T00:00:00Z }, benefits: [{ percentOff: 20 }] }\n',
        ),
      },
      at: 'phased.yaml:9:5',
      reason: /the promotions API has no dated phases.*plan\/unsupported-field/,
    },
    {
      rows: ['promo.requires-continuous-coverage'],
      step: 'plan',
      files: {
        'coverage.yaml': promo(
          'coverage',
          '  code: COVERAGE\n  benefits: [{ percentOff: 10 }]\n  providers: { promotions: { requiresContinuousCoverage: true } }\n',
        ),
      },
      at: 'coverage.yaml:7:58',
      reason: /requires_continuous_coverage is read-only/,
    },
  ],
  scenarios: [
    {
      name: 'a changed name is an update guarded by expected_version; a changed benefit of an active promotion is a replacement',
      rows: ['promo.update', 'promo.update.draft-only-phases'],
      files: { 'p.yaml': promo('edit-me', '  code: EDITME\n  displayName: Before\n  benefits: [{ percentOff: 10 }]\n') },
      run: async ({ w, live, cli }) => {
        expect((await cli(['apply', '--auto-approve'])).code).toBe(0);
        const version = live('promotions').find((p) => p.code === 'EDITME')!.version as number;
        await writeFile(join(w.repo, 'campaigns', 'p.yaml'), promo('edit-me', '  code: EDITME\n  displayName: After\n  benefits: [{ percentOff: 10 }]\n'));
        expect((await planJson(cli)).actions.find((a) => a.key === 'EDITME')).toMatchObject({ action: 'update' });
        expect((await cli(['apply', '--auto-approve'])).code).toBe(0);
        const updated = live('promotions').find((p) => p.code === 'EDITME' && p.status === 'active')!;
        expect(updated).toMatchObject({ name: 'After' });
        expect(updated.version).toBeGreaterThan(version);
        expect((await cli(['plan'])).code).toBe(0);
        await writeFile(join(w.repo, 'campaigns', 'p.yaml'), promo('edit-me', '  code: EDITME\n  displayName: After\n  benefits: [{ percentOff: 15 }]\n'));
        expect((await planJson(cli)).actions.find((a) => a.key === 'EDITME')).toMatchObject({ action: 'replace' });
      },
    },
  ],
  elsewhere: [
    {
      rows: ['promo.budget-exhausted'],
      file: 'src/emulators/promotions/promotions.contract.test.ts',
      test: 'caps a hard budget and reports per-condition results',
    },
    {
      rows: [
        'promo.visibility.internal',
        'promo.application-timing.renewal',
        'promo.archetype.ladders',
        'promo.effect.free-period',
        'promo.condition.usage-threshold',
        'promo.condition.product-combination',
        'promo.condition.external-verification',
        'promo.condition-mode.any-mixed',
      ],
      file: 'test/fidelity/promotions-items.test.ts',
      test: 'validate → plan → apply → plan → import → plan, and the API holds each item',
    },
    {
      rows: ['promo.condition.usage-without-metric', 'promo.condition-mode.any-beside-audience'],
      file: 'test/fidelity/promotions-items.test.ts',
      test: 'refuses what the API cannot hold, at the field, with the alternative',
    },
    {
      rows: ['promo.save-as-draft'],
      file: 'test/fidelity/promotions-items.test.ts',
      test: 'prepares a change to an active promotion as a draft version, then plans no changes while the draft holds it',
    },
    {
      rows: ['promo.save-as-draft.replace'],
      file: 'test/fidelity/promotions-items.test.ts',
      test: 'refuses a draft version of a change only a replace can make',
    },
    {
      rows: ['promo.simulate', 'promo.eligibility'],
      file: 'test/fidelity/promotions-verdict.test.ts',
      test: "shows the API's verdict beside the engine's: agreeing, and flagging a disagreement at the campaign",
    },
    {
      rows: ['promo.deactivate', 'promo.copy', 'promo.reactivate-latest'],
      file: 'test/fidelity/promotions.test.ts',
      test: 'diffs a re-activation against the most recently archived copy',
    },
    {
      rows: ['promo.effective-at', 'promo.versions'],
      file: 'test/apply/scheduled.test.ts',
      test: 'is written as an effective_at version that becomes current at that instant',
    },
  ],
};
