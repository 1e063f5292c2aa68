// Which product a campaign prices. Campaigns of different products never meet in one pricing context (an EV
// charging session is not a scooter rental, a SaaS invoice is neither), so lint, the coverage matrix and the
// engine only pair campaigns of one product. Stated by spec.product, else implied by the API it is planned on
// (labels.target), else by its kind: every kind but Promotion is a mobility voucherable.
import type { Promotion } from '../generated/index.js';
import { CAMPAIGN_KINDS, type AnyResource } from './resource.js';

export type Product = NonNullable<Promotion['spec']['product']>;

export const PRODUCTS: readonly Product[] = ['ev-charging', 'vehicle-rental', 'subscription-billing'];

/** The product each provider's API prices. */
export const TARGET_PRODUCT: Readonly<Record<string, Product>> = {
  'ev-billing': 'ev-charging',
  mobility: 'vehicle-rental',
  promotions: 'subscription-billing',
  lago: 'subscription-billing',
};

export interface ProductOf {
  readonly product: Product | undefined;
  /** Where it comes from, for messages. */
  readonly source: 'spec.product' | 'labels.target' | 'kind' | 'unknown';
}

export function productOf(r: AnyResource): ProductOf {
  const explicit = (r.spec as { product?: Product }).product;
  if (explicit !== undefined) return { product: explicit, source: 'spec.product' };
  const target = r.metadata.labels?.target;
  const implied = target !== undefined ? TARGET_PRODUCT[target] : undefined;
  if (implied !== undefined) return { product: implied, source: 'labels.target' };
  if (RENTAL_ONLY.has(r.kind)) return { product: 'vehicle-rental', source: 'kind' };
  return { product: undefined, source: 'unknown' };
}

/**
 * The API that applies a campaign: its labels.target when that names one of the four APIs; undefined for the
 * engine and for unlabelled campaigns. A pricing context is priced by one API, so campaigns planned on two
 * different APIs never meet even when they price the same product (a Lago invoice applies Lago coupons only,
 * never a subscription-billing promotion of another system).
 */
export function pricingApiOf(r: AnyResource): string | undefined {
  const target = r.metadata.labels?.target;
  return target !== undefined && Object.hasOwn(TARGET_PRODUCT, target) ? target : undefined;
}

/** Kinds only the mobility voucherables API has: every campaign kind but Promotion, which all four APIs know. */
const RENTAL_ONLY: ReadonlySet<string> = new Set(CAMPAIGN_KINDS.filter((k) => k !== 'Promotion'));
