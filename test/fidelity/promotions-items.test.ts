// Subscription-billing promotions, item by item against the emulator: ladder archetypes, the free period,
// usage thresholds with their metric, product combinations, external verification, internal visibility,
// renewal timing and ANY groups that mix condition types each round-trip (validate → plan → apply → plan,
// no changes → import → plan, no changes), and the API holds what the campaign says.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { explain, roundTrip, workspace, type Workspace } from './round-trip.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/fidelity/promotions');

let w: Workspace | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

async function fixture(name: string): Promise<string> {
  return readFile(join(FIXTURES, name), 'utf8');
}

interface ApiPromotion {
  code: string;
  archetype: string;
  is_phased: boolean;
  visibility: string;
  application_timing: string;
  condition_mode: string;
  requires_continuous_coverage: boolean;
  phases: { name: string; conditions: Record<string, unknown>[]; effects: Record<string, unknown>[] }[];
}

async function apiPromotions(w: Workspace): Promise<Map<string, ApiPromotion>> {
  const e = w.emulators.endpoint('promotions');
  const res = await fetch(`${e.apiBaseUrl}/promotions?limit=200`, { headers: { authorization: 'Bearer kt_test_promoc' } });
  const body = (await res.json()) as { data: ApiPromotion[] };
  return new Map(body.data.map((p) => [p.code, p]));
}

describe('subscription-billing promotions: every item round-trips', () => {
  it('validate → plan → apply → plan → import → plan, and the API holds each item', async () => {
    const files: Record<string, string> = {};
    for (const f of (await readdir(FIXTURES)).filter((x) => x.endsWith('.yaml')).sort()) files[`campaigns/${f}`] = await fixture(f);
    w = await workspace('promotions', files);
    const r = await roundTrip(w);
    expect(r.importedPlan?.code, explain(r)).toBe(0);
    expect(r.replan!.stdout).toMatch(/No changes/);
    expect(r.importedPlan!.stdout).toMatch(/No changes/);
    const api = await apiPromotions(w);
    const loyalty = api.get('LOYALTYLADDER')!;
    expect(loyalty).toMatchObject({ archetype: 'loyalty_ladder', is_phased: true });
    expect(loyalty.phases.map((p) => [p.name, p.effects])).toEqual([
      ['first-year', [{ type: 'percent_discount', percent: 5 }]],
      ['second-year', [{ type: 'percent_discount', percent: 10 }]],
      ['third-year', [{ type: 'percent_discount', percent: 15 }]],
    ]);
    const growth = api.get('GROWTHLADDER')!;
    expect(growth).toMatchObject({ archetype: 'growth_ladder', is_phased: true });
    expect(growth.phases.map((p) => p.name)).toEqual(['Step 1', 'expand']);
    expect(growth.phases.every((p) => p.conditions.some((c) => c.type === 'subscription_plan'))).toBe(true);
    expect(api.get('TWOFREEMONTHS')).toMatchObject({ requires_continuous_coverage: true, phases: [{ effects: [{ type: 'free_period', periods: 2 }] }] });
    expect(api.get('HEAVYUSER')!.phases[0]!.conditions).toEqual([{ type: 'usage_threshold', metric: 'telematics_api_calls', threshold: 10000 }]);
    expect(api.get('BUNDLEFLEET')!.phases[0]!.conditions).toEqual([{ type: 'product_combination', product_ids: ['fleet-manager', 'telematics-addon'] }]);
    expect(api.get('NONPROFIT')!.phases[0]!.conditions).toEqual([{ type: 'external_verification', provider: 'sheerid' }]);
    expect(api.get('STAFFGOODWILL')!.visibility).toBe('internal');
    expect(api.get('RENEWYEARLY')!.application_timing).toBe('renewal');
    const any = api.get('ANYOFFIVE')!;
    expect(any.condition_mode).toBe('ANY');
    expect(any.phases[0]!.conditions.map((c) => c.type).sort()).toEqual([
      'external_verification',
      'first_purchase',
      'minimum_spend',
      'subscription_plan',
      'usage_threshold',
    ]);
  });
});

const campaign = (name: string, body: string): string => `apiVersion: promoc/v1
kind: Promotion
metadata: { name: ${name}, labels: { target: promotions } }
spec:
  window: { until: 2029-01-01T00:00:00Z }
${body}`;

describe('subscription-billing promotions: located refusals', () => {
  it('refuses what the API cannot hold, at the field, with the alternative', async () => {
    w = await workspace('promotions', {
      'campaigns/usage.yaml': campaign('usage-any', '  code: USAGEANY\n  conditions: { usageAtLeast: 100 }\n  benefits: [{ percentOff: 5 }]\n'),
      'campaigns/any.yaml': campaign(
        'any-audience',
        '  code: ANYAUDIENCE\n  audience: { firstPurchaseOnly: true }\n  conditions:\n    ' +
          'mode: ANY\n    minimumSpend: { amount: "10.00", currency: EUR }\n    ' +
          'usageThresholds: [{ metric: seats, atLeast: 3 }]\n  benefits: [{ percentOff: 5 }]\n',
      ),
      'campaigns/coverage.yaml': campaign(
        'coverage',
        '  code: COVERAGE\n  benefits: [{ percentOff: 5 }]\n  providers: { promotions: { requiresContinuousCoverage: true } }\n',
      ),
    });
    expect((await w.cli(['validate'])).code).toBe(0);
    const plan = await w.cli(['plan']);
    const out = plan.stdout + plan.stderr;
    expect(plan.code, out).toBe(1);
    expect(out).toMatch(/campaigns\/usage\.yaml:7:\d+ +error .*usage_threshold condition names a billable metric/);
    expect(out).toMatch(/usageThresholds: \[\{ metric: <billable metric>, atLeast: <n> \}\]/);
    expect(out).toMatch(/campaigns\/any\.yaml:9:\d+ +error .*condition_mode ANY would also apply to audience\.firstPurchaseOnly/);
    expect(out).toMatch(/spec\.conditions\.firstPurchase: true/);
    expect(out).toMatch(/campaigns\/coverage\.yaml:8:\d+ +error .*requires_continuous_coverage is read-only.*false \(no benefit is freePeriods\)/);
  });
});

describe('subscription-billing promotions: save_as_draft', () => {
  const promo = (name: string, draft: boolean) =>
    campaign(
      'spring',
      `  code: SPRINGDRAFT
  displayName: ${name}
  benefits: [{ percentOff: 10 }]
${draft ? '  providers: { promotions: { saveAsDraft: true } }\n' : ''}`,
    );

  it('prepares a change to an active promotion as a draft version, then plans no changes while the draft holds it', async () => {
    w = await workspace('promotions', { 'campaigns/p.yaml': promo('Spring', false) });
    const first = await w.cli(['apply', '--auto-approve']);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    await import('node:fs/promises').then((fs) => fs.writeFile(join(w!.repo, 'campaigns', 'p.yaml'), promo('Spring (revised)', true)));
    const r = await roundTrip(w);
    expect(r.importedPlan?.code, explain(r)).toBe(0);
    expect(r.plan!.stdout).toMatch(/prepared as a draft version \(save_as_draft\)/);
    expect(r.replan!.stdout).toMatch(/No changes/);
    const e = w.emulators.endpoint('promotions');
    const headers = { authorization: 'Bearer kt_test_promoc' };
    const live = (
      (await (await fetch(`${e.apiBaseUrl}/promotions?code=SPRINGDRAFT`, { headers })).json()) as { data: { id: string; name: string; status: string }[] }
    ).data;
    expect(live).toMatchObject([{ name: 'Spring', status: 'active' }]);
    const versions = (
      (await (await fetch(`${e.apiBaseUrl}/promotions/${live[0]!.id}/versions?status=draft`, { headers })).json()) as { data: { version: number }[] }
    ).data;
    expect(versions).toHaveLength(1);
    const snapshot = (
      (await (await fetch(`${e.apiBaseUrl}/promotions/${live[0]!.id}/versions/${versions[0]!.version}`, { headers })).json()) as { data: { name: string } }
    ).data;
    expect(snapshot.name).toBe('Spring (revised)');
  });

  it('refuses a draft version of a change only a replace can make', async () => {
    w = await workspace('promotions', { 'campaigns/p.yaml': promo('Spring', false) });
    expect((await w.cli(['apply', '--auto-approve'])).code).toBe(0);
    const changed = promo('Spring', true).replace('percentOff: 10', 'percentOff: 20');
    await import('node:fs/promises').then((fs) => fs.writeFile(join(w!.repo, 'campaigns', 'p.yaml'), changed));
    const plan = await w.cli(['plan']);
    expect(plan.code).toBe(2);
    expect(plan.stdout).toMatch(/saveAsDraft prepares a draft version .* needs a replace/);
    expect((await w.cli(['apply', '--auto-approve'])).stdout + '').not.toMatch(/deactivate/);
  });
});
