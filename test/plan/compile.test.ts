// What a target cannot express is a compile error naming the target, the field and what it offers instead;
// what it can is lowered with its units converted.
import { describe, expect, it } from 'vitest';
import type { AnyResource, Located, Model } from '../../src/model/resource.js';
import { compileDesired } from '../../src/plan/lower-desired.js';
import { providerFor } from '../../src/providers/index.js';
import type { ProviderId } from '../../src/providers/provider.js';

function aPromotion(spec: Record<string, unknown>, name = 'promo'): Located {
  return {
    resource: { apiVersion: 'promoc/v1', kind: 'Promotion', metadata: { name }, spec: { benefits: [{ percentOff: 25 }], ...spec } } as unknown as AnyResource,
    source: { file: 'campaigns/p.yaml', docIndex: 0 },
  };
}
const model: Model = { resources: [], geometries: new Map() };
/** An active mobility template needs a branch scope (the API validates it on activation). */
const BERLIN = { branches: ['berlin'] };
const compile = (provider: ProviderId, ...resources: Located[]) =>
  compileDesired(providerFor(provider), resources, { model, currency: 'EUR', target: 'staging' });

describe('compile errors', () => {
  it('EV billing: no audience, codes of 4-20 letters and digits; a start date is scheduled, not sent', () => {
    const r = compile('ev-billing', aPromotion({ code: 'SUMMER-25', window: { from: '2027-06-01T00:00:00Z' }, audience: { userTypes: ['staff'] } }));
    expect(r.entries).toEqual([]);
    expect(r.diagnostics.map((d) => [d.ruleId, d.path?.join('.'), d.message, d.hint])).toEqual([
      [
        'plan/unsupported-field',
        'spec.audience',
        'target staging (ev-billing) cannot express spec.audience: promotional codes cannot be restricted to an audience',
        'Drop the audience, or plan it on the embedded engine (labels.target: engine).',
      ],
      [
        'plan/unsupported-field',
        'spec.code',
        'target staging (ev-billing) cannot express spec.code: code "SUMMER-25" is not 4–20 uppercase letters and digits',
        'EV billing codes match ^[A-Z0-9]{4,20}$: drop "-" and "_" and keep it at most 20 characters.',
      ],
    ]);
    expect(r.diagnostics[0]!.data).toEqual({ target: 'staging', provider: 'ev-billing', field: 'spec.audience' });
  });

  it('Lago: no limits, no start date, plans or metrics but not both', () => {
    const r = compile(
      'lago',
      aPromotion({ code: 'X1234', limits: { redemptions: 5 }, benefits: [{ percentOff: 10, appliesTo: { plans: ['p'], metrics: ['m'] } }] }),
    );
    expect(r.diagnostics.map((d) => d.data?.field)).toEqual(['spec.limits', 'spec.benefits[0].appliesTo']);
  });

  it('promotions: dated phases and the read-only coverage flag', () => {
    const r = compile(
      'promotions',
      aPromotion({
        code: 'PH1',
        phases: [{ name: 'a', window: {}, benefits: [{ percentOff: 5 }] }],
        providers: { promotions: { requiresContinuousCoverage: true } },
      }),
    );
    expect(r.diagnostics.map((d) => d.data?.field)).toEqual(['spec.phases', 'spec.providers.promotions.requiresContinuousCoverage']);
  });

  it('mobility: stacking only as the API does it (stackable, no priority); no budget; unknown branch names', () => {
    const r = compile(
      'mobility',
      aPromotion({
        code: 'M1234',
        stacking: { stackable: false, priority: 3 },
        limits: { budget: { amount: '5.00', currency: 'EUR' } },
        targeting: { branches: ['atlantis'] },
      }),
    );
    expect(r.diagnostics.map((d) => d.data?.field)).toEqual([
      'spec.stacking.stackable',
      'spec.stacking.priority',
      'spec.limits.budget',
      'spec.targeting.branches[0]',
    ]);
    expect(r.diagnostics[0]!.message).toBe(
      'target staging (mobility) cannot express spec.stacking.stackable: the mobility pricing engine always ' +
        'combines the benefits a customer holds (targeted before broad); a template cannot be made exclusive',
    );
    expect(r.diagnostics[0]!.hint).toContain('Write `stacking: { stackable: true }`');
    expect(r.diagnostics[1]!.message).toContain('templates have no priority');
    expect(r.diagnostics[2]!.hint).toContain('enforced only by the promoc engine bundle');
    expect(r.diagnostics[3]!.message).toContain('"atlantis" is not a known branches id');
    expect(compile('mobility', aPromotion({ code: 'M1234', stacking: { stackable: true, priority: 0 }, targeting: BERLIN })).diagnostics).toEqual([]);
  });

  it('mobility: leaving stacking out means non-stackable, which the API cannot do', () => {
    const absent = compile('mobility', aPromotion({ code: 'M1234', targeting: BERLIN }));
    expect(absent.diagnostics.map((d) => [d.path?.join('.'), d.data?.field])).toEqual([['spec', 'spec.stacking']]);
    expect(absent.diagnostics[0]!.message).toBe(
      'target staging (mobility) cannot express spec.stacking: it is absent, which makes a Promotion non-stackable; ' +
        'the mobility pricing engine always combines the benefits a customer holds (targeted before broad)',
    );
    const half = compile('mobility', aPromotion({ code: 'M1234', stacking: { priority: 0 }, targeting: BERLIN }));
    expect(half.diagnostics.map((d) => [d.path?.join('.'), d.data?.field])).toEqual([['spec.stacking', 'spec.stacking.stackable']]);
  });

  it("mobility: values that are the API's own behaviour are accepted, others are not", () => {
    const neutral = compile(
      'mobility',
      aPromotion({ code: 'M1234', stacking: { stackable: true }, audience: { userTypes: [], firstPurchaseOnly: false }, targeting: BERLIN }),
    );
    expect(neutral.diagnostics).toEqual([]);
    const gated = compile(
      'mobility',
      aPromotion({
        code: 'M1234',
        stacking: { stackable: true },
        audience: { userTypes: ['staff'], firstPurchaseOnly: true },
        conditions: { mode: 'ANY', minimumSpend: { amount: '5.00', currency: 'EUR' } },
        targeting: BERLIN,
      }),
    );
    expect(gated.diagnostics.map((d) => d.data?.field)).toEqual([
      'spec.audience.userTypes',
      'spec.audience.firstPurchaseOnly',
      'spec.conditions.mode',
      'spec.conditions.minimumSpend',
    ]);
  });

  it('mobility: what activation would refuse is an error at plan time (an inactive draft may be incomplete)', () => {
    const r = compile('mobility', aPromotion({ code: 'M1234', stacking: { stackable: true } }));
    expect(r.diagnostics.map((d) => [d.path?.join('.'), d.data?.field, d.message])).toEqual([
      [
        'spec',
        'spec.targeting.branches',
        'target staging (mobility) cannot express spec.targeting.branches: an active Promotion ' +
          'needs at least one branch (the API validates the branch scope on activation)',
      ],
    ]);
    expect(compile('mobility', aPromotion({ code: 'M1234', status: 'inactive', stacking: { stackable: true } })).diagnostics).toEqual([]);
  });

  it('promotions: requiresContinuousCoverage only as the API derives it (false: promoc lowers no free period)', () => {
    expect(compile('promotions', aPromotion({ code: 'PH2', providers: { promotions: { requiresContinuousCoverage: false } } })).diagnostics).toEqual([]);
    const r = compile('promotions', aPromotion({ code: 'PH3', providers: { promotions: { requiresContinuousCoverage: true } } }));
    expect(r.diagnostics[0]!.message).toContain('requires_continuous_coverage is read-only');
  });

  it('a kind the provider has no object for', () => {
    const tag = {
      resource: { apiVersion: 'promoc/v1', kind: 'Tag', metadata: { name: 't' }, spec: { type: 'TAG', subjects: ['user'] } } as unknown as AnyResource,
      source: { file: 'x.yaml', docIndex: 0 },
    };
    expect(compile('lago', tag).diagnostics[0]).toMatchObject({
      ruleId: 'plan/unsupported-kind',
      message: 'target staging (lago) cannot express kind Tag',
      hint: 'Lago coupons offers Promotion.',
    });
  });

  it('two resources with one natural key on a target', () => {
    const r = compile('lago', aPromotion({ code: 'SAME1' }, 'a'), aPromotion({ code: 'SAME1' }, 'b'));
    expect(r.diagnostics[0]).toMatchObject({ ruleId: 'plan/duplicate-key' });
  });

  it('mobility: a code batch whose campaign another target writes (found by fuzzing: apply had no template)', () => {
    const batch: Located = {
      resource: {
        apiVersion: 'promoc/v1',
        kind: 'CodeBatch',
        metadata: { name: 'fair-codes', labels: { target: 'mobility' } },
        spec: { campaign: 'welcome', count: 10 },
      } as unknown as AnyResource,
      source: { file: 'campaigns/b.yaml', docIndex: 1 },
    };
    const welcome = aPromotion({ code: 'WELCOME5', stacking: { stackable: true }, targeting: BERLIN }, 'welcome');
    const elsewhere: Located = { ...welcome, resource: { ...welcome.resource, metadata: { name: 'welcome', labels: { target: 'engine' } } } };
    const withModel = (...selected: Located[]) =>
      compileDesired(providerFor('mobility'), selected, {
        model: { resources: [elsewhere, batch], geometries: new Map() },
        currency: 'EUR',
        target: 'staging',
      });
    const r = withModel(batch);
    expect(r.entries).toEqual([]);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        ruleId: 'plan/reference-elsewhere',
        file: 'campaigns/b.yaml',
        docIndex: 1,
        path: ['spec', 'campaign'],
        message:
          'CodeBatch/fair-codes needs Promotion/welcome written by the same API, and Promotion/welcome ' +
          'is not planned on target staging (mobility) (labels.target: engine); apply could not issue it',
        related: [{ file: 'campaigns/p.yaml', docIndex: 0, path: ['metadata', 'labels'], message: 'Promotion/welcome is declared here' }],
      }),
    ]);
    // Planned together, the batch lowers; a campaign that fails to lower takes its batch with it.
    expect(compile('mobility', welcome, batch).diagnostics).toEqual([]);
    const broken = compile('mobility', aPromotion({ code: 'WELCOME5', targeting: BERLIN }, 'welcome'), batch);
    expect(broken.entries).toEqual([]);
    expect(broken.diagnostics.map((d) => d.ruleId)).toEqual(['plan/unsupported-field', 'plan/reference-elsewhere']);
    expect(broken.diagnostics[1]!.message).toContain('cannot be planned on target staging (mobility): see its error');
  });
});

describe('unit conversions', () => {
  const payload = (provider: ProviderId, spec: Record<string, unknown>) => compile(provider, aPromotion(spec)).entries[0]!.lowered.payload;
  it("percent stays a percent on EV billing and Lago (a decimal string, as Lago's OpenAPI types it), becomes a fraction on mobility", () => {
    expect(payload('ev-billing', { code: 'ABCD' })).toMatchObject({ discount_type: 'percent', discount_value: 25 });
    expect(payload('lago', { code: 'ABCD' })).toMatchObject({ coupon_type: 'percentage', percentage_rate: '25' });
    expect(payload('lago', { code: 'ABCD', benefits: [{ percentOff: 0.0000001 }] })).toMatchObject({ percentage_rate: '0.0000001' });
    expect(payload('mobility', { code: 'ABCD', benefits: [{ percentOff: 15 }], stacking: { stackable: true }, targeting: BERLIN })).toMatchObject({
      benefits: [{ type: 'Discount', discount: 0.15 }],
    });
  });
  it('money: major units on EV billing and mobility, minor units (amount_cents) on Lago', () => {
    const fixed = { code: 'ABCD', benefits: [{ amountOff: { amount: '2.50', currency: 'EUR' } }] };
    expect(payload('ev-billing', fixed)).toMatchObject({ discount_type: 'fixed', discount_value: 2.5, currency: 'EUR' });
    expect(payload('lago', fixed)).toMatchObject({ coupon_type: 'fixed_amount', amount_cents: 250, amount_currency: 'EUR' });
    expect(payload('mobility', { ...fixed, stacking: { stackable: true }, targeting: BERLIN })).toMatchObject({
      benefits: [{ type: 'RentalRebate', rentalRebate: 2.5 }],
    });
  });
  it('an ANY group of one attribute folds into an `in` condition beside first-purchase', () => {
    const p = payload('promotions', {
      code: 'FAIR1',
      audience: { firstPurchaseOnly: true },
      conditions: {
        mode: 'ANY',
        customerAttributes: [
          { attribute: 'country', equals: 'DE' },
          { attribute: 'country', equals: 'AT' },
        ],
      },
    });
    expect(p).toMatchObject({
      condition_mode: 'ALL',
      phases: [{ conditions: [{ type: 'customer_attribute', operator: 'in', value: ['DE', 'AT'] }, { type: 'first_purchase' }] }],
    });
  });
});
