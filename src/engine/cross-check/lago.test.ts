// Cross-check: the engine and the Lago emulator's invoice coupon maths (its own code) agree on 10,000
// random invoices with one applied coupon: percentage or fixed, limited to plans, to metrics, or to nothing.
// Intended difference: Lago rounds a percentage once on the sum of the eligible fees and allocates it;
// the engine rounds each discount to the minor unit per line, half away from zero. With
// k eligible fees the totals may differ by at most (k + 1) / 2 minor units, and are equal for one fee.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { finalizeInvoice } from '../../emulators/lago/invoice.js';
import { emptyLagoTenant, type LagoTenant } from '../../emulators/lago/model.js';
import { seededRandom } from '../../emulators/shared/random.js';
import { aPromotion, engineFor } from '../../../test/fixtures/engine/builders.js';
import { currencyExponent, formatMinor } from '../money.js';

const CURRENCIES = ['EUR', 'USD', 'JPY'] as const;
const PLANS = ['basic', 'pro'];
const METRICS = ['api_calls', 'storage'];
const COUPONS = 300;

interface CouponSpec {
  rate?: number;
  fixedMinor?: number;
  currency: string;
  plans: string[];
  metrics: string[];
}

const limit = fc.oneof(
  fc.constant({ plans: [] as string[], metrics: [] as string[] }),
  fc.constantFrom(...PLANS).map((p) => ({ plans: [p], metrics: [] as string[] })),
  fc.constantFrom(...METRICS).map((m) => ({ plans: [] as string[], metrics: [m] })),
);
const specs: CouponSpec[] = fc.sample(
  fc
    .tuple(
      fc.oneof(
        fc.record({
          rate: fc.oneof(
            fc.integer({ min: 1, max: 100 }),
            fc.integer({ min: 1, max: 10_000 }).map((n) => n / 100),
          ),
          currency: fc.constantFrom(...CURRENCIES),
        }),
        fc.record({ fixedMinor: fc.integer({ min: 1, max: 500_000 }), currency: fc.constantFrom(...CURRENCIES) }),
      ),
      limit,
    )
    .map(([c, l]) => ({ ...c, ...l })),
  { seed: 21, numRuns: COUPONS },
);

const code = (i: number): string => `LAGO${String(i).padStart(4, '0')}`;
const engine = engineFor(
  specs.map((s, i) =>
    aPromotion(`lago-${i}`, {
      code: code(i),
      benefits: [
        {
          ...(s.rate !== undefined
            ? { percentOff: s.rate }
            : { amountOff: { amount: formatMinor(s.fixedMinor!, currencyExponent(s.currency)), currency: s.currency } }),
          ...(s.plans.length > 0
            ? { appliesTo: { plans: s.plans as [string] } }
            : s.metrics.length > 0
              ? { appliesTo: { metrics: s.metrics as [string] } }
              : {}),
        },
      ],
    }),
  ),
);

interface Fee {
  amount: number;
  plan: string | null;
  metric: string | null;
}

function lagoCoupons(s: CouponSpec, fees: readonly Fee[], currency: string): number {
  const tenant: LagoTenant = emptyLagoTenant();
  const at = '2027-01-01T00:00:00Z';
  tenant.customers.cus = {
    lago_id: 'cus',
    sequential_id: 1,
    external_id: 'ext',
    name: null,
    email: null,
    currency,
    timezone: null,
    created_at: at,
    updated_at: at,
  };
  tenant.coupons.cou = {
    lago_id: 'cou',
    name: 'c',
    code: 'c',
    description: null,
    coupon_type: s.rate !== undefined ? 'percentage' : 'fixed_amount',
    amount_cents: s.fixedMinor ?? null,
    amount_currency: s.rate !== undefined ? null : s.currency,
    percentage_rate: s.rate ?? null,
    reusable: true,
    frequency: 'forever',
    frequency_duration: null,
    expiration: 'no_expiration',
    expiration_at: null,
    plan_codes: s.plans,
    billable_metric_codes: s.metrics,
    created_at: at,
    terminated_at: null,
    deleted_at: null,
  };
  tenant.appliedCoupons.app = {
    lago_id: 'app',
    coupon_id: 'cou',
    customer_id: 'cus',
    status: 'active',
    amount_cents: s.fixedMinor ?? null,
    amount_cents_remaining: s.fixedMinor ?? null,
    amount_currency: s.rate !== undefined ? null : s.currency,
    percentage_rate: s.rate ?? null,
    frequency: 'forever',
    frequency_duration: null,
    frequency_duration_remaining: null,
    created_at: at,
    terminated_at: null,
    credits: [],
  };
  const body = {
    external_customer_id: 'ext',
    currency,
    fees: fees.map((f) => ({ amount_cents: f.amount, ...(f.plan ? { plan_code: f.plan } : {}), ...(f.metric ? { billable_metric_code: f.metric } : {}) })),
  };
  const invoice = finalizeInvoice(tenant, body, new Date(at), seededRandom(1));
  if (!invoice.ok) throw new Error(JSON.stringify(invoice.error));
  return invoice.value.coupons_amount_cents;
}

const fee = fc.record({ amount: fc.integer({ min: 0, max: 2_000_000 }), plan: fc.constantFrom(null, ...PLANS), metric: fc.constantFrom(null, ...METRICS) });

describe('cross-check: Lago invoice coupons', () => {
  it('agrees with the emulator on 10,000 invoices', () => {
    let discounted = 0;
    fc.assert(
      fc.property(fc.nat(COUPONS - 1), fc.array(fee, { minLength: 1, maxLength: 4 }), fc.constantFrom(...CURRENCIES), (i, fees, currency) => {
        const s = specs[i]!;
        const lines = fees.map((f, k) => ({
          id: `fee-${k}`,
          amount: f.amount,
          ...(f.plan ? { plan: f.plan } : {}),
          ...(f.metric ? { metric: f.metric } : {}),
        }));
        const engineAmount = engine.evaluate({ at: 0, currency, codes: [code(i)], lines }).discounts;
        const lagoAmount = lagoCoupons(s, fees, currency);
        const eligible = fees.filter(
          (f) => (s.plans.length > 0 ? s.plans.includes(f.plan ?? '') : s.metrics.length > 0 ? s.metrics.includes(f.metric ?? '') : true) && f.amount > 0,
        ).length;
        if (s.rate === undefined || eligible <= 1) expect(engineAmount).toBe(lagoAmount);
        else expect(2 * Math.abs(engineAmount - lagoAmount)).toBeLessThanOrEqual(eligible + 1);
        if (lagoAmount > 0) discounted++;
      }),
      { seed: 22, numRuns: 10_000 },
    );
    expect(discounted).toBeGreaterThan(3_000); // the comparison is not vacuous
  });
});
