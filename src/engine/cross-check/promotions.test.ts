// Cross-check: the engine and the promotions emulator's simulate endpoint (its own invoice pipeline)
// agree on 10,000 random invoices with 1-4 promotions: percent, fixed, free period, credit and trial
// effects, several per promotion, random priorities (with ties) and stackability.
// Overlap: one subscription line in one currency, no budget caps. Intended difference: the emulator
// counts a promotion whose effects come to zero as applied (so a non-stackable one would close the
// invoice); the engine rejects it ("nothing to apply") and lets it block nothing. The generator keeps
// the first promotion's effect non-zero (subtotal ≥ 1.00, percentages ≥ 1%), where the two coincide.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Promotion as SourcePromotion } from '../../generated/index.js';
import type { OpContext } from '../../emulators/promotions/lifecycle.js';
import { emptyPromotionsTenant, type Effect, type Promotion } from '../../emulators/promotions/model.js';
import { simulate } from '../../emulators/promotions/simulate.js';
import { decimalStringToMinor } from '../../emulators/shared/money.js';
import { seededRandom } from '../../emulators/shared/random.js';
import { aPromotion, engineFor } from '../../../test/fixtures/engine/builders.js';
import { formatMinor } from '../money.js';

const POOL = 300;
const AT = '2027-03-01T00:00:00Z';

const effect: fc.Arbitrary<Effect> = fc.oneof(
  fc
    .oneof(
      fc.integer({ min: 1, max: 100 }),
      fc.integer({ min: 100, max: 10_000 }).map((n) => n / 100),
    )
    .map((percent) => ({ type: 'percent_discount' as const, percent })),
  fc.integer({ min: 1, max: 20_000 }).map((minor) => ({ type: 'fixed_discount' as const, amount: formatMinor(minor, 2), currency: 'EUR' })),
  fc.integer({ min: 1, max: 10_000 }).map((minor) => ({ type: 'credit_grant' as const, amount: formatMinor(minor, 2), currency: 'EUR' })),
  fc.integer({ min: 1, max: 90 }).map((days) => ({ type: 'trial_extension' as const, days })),
  fc.constant({ type: 'free_period' as const, periods: 1 }),
);
const pool = fc.sample(
  fc.record({ effects: fc.array(effect, { minLength: 1, maxLength: 2 }), priority: fc.integer({ min: 0, max: 3 }), stackable: fc.boolean() }),
  { seed: 31, numRuns: POOL },
);
const name = (i: number): string => `sim-${String(i).padStart(4, '0')}`;
const code = (i: number): string => `SIM${String(i).padStart(4, '0')}`;

type SourceBenefit = SourcePromotion['spec']['benefits'][number];
function benefit(e: Effect): SourceBenefit {
  switch (e.type) {
    case 'percent_discount':
      return { percentOff: e.percent };
    case 'fixed_discount':
      return { amountOff: { amount: e.amount, currency: e.currency } };
    case 'credit_grant':
      return { credit: { amount: e.amount, currency: e.currency } };
    case 'trial_extension':
      return { trialExtensionDays: e.days };
    case 'free_period':
      return { freePeriods: e.periods };
  }
}

// Names follow creation order, so the engine's name tiebreak is the emulator's "oldest first".
const engine = engineFor(
  pool.map((p, i) =>
    aPromotion(name(i), {
      code: code(i),
      benefits: p.effects.map(benefit) as SourcePromotion['spec']['benefits'],
      stacking: { stackable: p.stackable, priority: p.priority },
    }),
  ),
);

function emulatorPromotion(i: number): Promotion {
  const p = pool[i]!;
  const created = new Date(Date.parse('2026-01-01T00:00:00Z') + i * 1000).toISOString();
  return {
    id: `p${i}`,
    organization_id: 'org',
    status: 'active',
    version: 1,
    head_version_id: 'v',
    current_budget_used: '0.00',
    current_redemptions: 0,
    created_at: created,
    updated_at: created,
    published_at: null,
    published_by: null,
    archived_at: null,
    deleted_at: null,
    name: name(i),
    code: code(i),
    description: null,
    public_description: null,
    archetype: 'standard',
    application_timing: 'immediate',
    budget_behavior: 'soft_cap',
    condition_mode: 'ALL',
    is_phased: false,
    phases: [{ id: `ph${i}`, name: 'Default', sequence: 1, conditions: [], effects: p.effects }],
    max_budget: null,
    max_redemptions: null,
    max_redemptions_per_customer: null,
    priority: p.priority,
    stackable: p.stackable,
    valid_from: null,
    valid_to: null,
    visibility: 'public',
  };
}

function simulated(ids: readonly number[], unitMinor: number, quantity: number): { discount: number; credits: number } {
  const tenant = emptyPromotionsTenant();
  for (const i of ids) tenant.promotions[`p${i}`] = emulatorPromotion(i);
  tenant.customers.c = {
    id: 'c',
    attributes: {},
    first_purchase: false,
    subscriptions: [{ id: 's', plan_code: 'pro', amount: formatMinor(unitMinor, 2), currency: 'EUR', quantity, product_ids: [], usage: {} }],
  };
  const ctx: OpContext = { tenant, organization: 'org', currency: 'EUR', now: new Date(AT), random: seededRandom(1), actor: 'test' };
  const out = simulate(ctx, {
    customer_id: 'c',
    subscription_id: 's',
    billing_period_start: AT,
    billing_period_end: '2027-04-01T00:00:00Z',
    promotion_ids: ids.map((i) => `p${i}`),
  });
  if (!out.ok) throw new Error(JSON.stringify(out.error));
  const v = out.value as { discount_total: string; credits_granted: string };
  return { discount: decimalStringToMinor(v.discount_total, 'EUR')!, credits: decimalStringToMinor(v.credits_granted, 'EUR')! };
}

describe('cross-check: promotions simulate', () => {
  it('agrees with the emulator on 10,000 invoices', () => {
    let discounted = 0;
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat(POOL - 1), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 100, max: 99_999 }),
        fc.integer({ min: 1, max: 3 }),
        (ids, unit, quantity) => {
          const e = engine.evaluate({ at: AT, currency: 'EUR', codes: ids.map(code), lines: [{ id: 'subscription', amount: unit * quantity }] });
          const credits = e.grants.reduce((s, g) => s + (g.type === 'credit' ? g.amount : 0), 0);
          const expected = simulated(ids, unit, quantity);
          expect({ discount: e.discounts, credits }).toEqual(expected);
          if (expected.discount > 0) discounted++;
        },
      ),
      { seed: 32, numRuns: 10_000 },
    );
    expect(discounted).toBeGreaterThan(5_000); // the comparison is not vacuous
  });
});
