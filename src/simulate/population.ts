// The customers of a generated month. A customer's traits are a pure function of (seed, index), so a
// million sessions need no customer table; activity is skewed (a few heavy riders, a long tail).
import type { BusinessLine, Catalog } from './catalog.js';
import { rng, subSeed, weighted, type Rng } from './distributions.js';

export interface Customer {
  readonly id: string;
  readonly userType?: string;
  readonly tags: readonly string[];
  readonly vouchers: readonly string[];
  /** Which business the customer mostly uses. */
  readonly line: BusinessLine;
}

const USER_TYPE_SHARE: Readonly<Record<string, number>> = { public: 0.86, fleet: 0.07, staff: 0.03, vip: 0.04 };
const TAG_SHARE: Readonly<Record<string, number>> = { 'student-verified': 0.12, flagged: 0.01 };
/** Share of customers holding a voucher of one campaign of the kind: subscribers are common, goodwill rare. */
const VOUCHER_SHARE: Readonly<Record<string, number>> = {
  Subscription: 0.03,
  Package: 0.025,
  RidePass: 0.015,
  Reward: 0.02,
  Referral: 0.01,
  PricedPromotion: 0.01,
  Triggered: 0.005,
  CustomerCare: 0.002,
};

/** A customer index with heavy users first: index ≈ population × u^1.8. */
export function activeCustomer(r: Rng, population: number): number {
  return Math.min(population - 1, Math.floor(population * r() ** 1.8));
}

export function customerAt(catalog: Catalog, seed: number, index: number): Customer {
  const r = rng(subSeed(seed, index));
  const types = catalog.userTypes;
  const userType =
    types.length === 0
      ? undefined
      : weighted(
          r,
          types.map((t) => [t, USER_TYPE_SHARE[t] ?? 0.02] as const),
        );
  const tags: string[] = [];
  for (const t of catalog.customerTags) {
    const share = TAG_SHARE[t] ?? (t === 'employee' ? (userType === 'staff' ? 0.9 : 0) : t === 'b2b-account' ? (userType === 'fleet' ? 0.8 : 0.01) : 0.03);
    if (r() < share) tags.push(t);
  }
  const vouchers = catalog.vouchers.filter((v) => r() < (VOUCHER_SHARE[v.slice(0, v.indexOf('/'))] ?? 0.01));
  const line: BusinessLine =
    userType === 'fleet'
      ? weighted(r, [
          ['ev', 0.9],
          ['billing', 0.04],
          ['mobility', 0.06],
        ])
      : weighted(r, [
          ['mobility', 0.72],
          ['ev', 0.275],
          ['billing', 0.005],
        ]);
  return { id: `cust-${String(index).padStart(6, '0')}`, ...(userType ? { userType } : {}), tags, vouchers, line };
}

export function populationFor(sessions: number): number {
  return Math.max(20, Math.round(sessions / 12));
}
