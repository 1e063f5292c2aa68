// Every lint rule, one line each. Adding a rule: its file, its docs page, its fixtures, and a line here.
import contradiction from './rules/audience/contradiction.js';
import broadDiscount from './rules/benefit/broad-discount.js';
import neverApplies from './rules/benefit/never-applies.js';
import creditTiming from './rules/benefit/credit-timing.js';
import confusable from './rules/code/confusable.js';
import formatForTarget from './rules/code/format-for-target.js';
import invalidGeometry from './rules/geofence/invalid-geometry.js';
import outsideOperatingArea from './rules/geofence/outside-operating-area.js';
import overlap from './rules/geofence/overlap.js';
import surchargeOverlap from './rules/geofence/surcharge-overlap.js';
import tooComplex from './rules/geofence/too-complex.js';
import budgetCurrencyMismatch from './rules/limits/budget-currency-mismatch.js';
import perCustomerExceedsTotal from './rules/limits/per-customer-exceeds-total.js';
import unknownRef from './rules/ref/unknown.js';
import ambiguousOrder from './rules/stacking/ambiguous-order.js';
import excessiveCombinedDiscount from './rules/stacking/excessive-combined-discount.js';
import exclusiveOverlap from './rules/stacking/exclusive-overlap.js';
import unknownProduct from './rules/scope/unknown-product.js';
import shadowed from './rules/stacking/shadowed.js';
import surchargeAndPromotion from './rules/stacking/surcharge-and-promotion.js';
import labelledAsDiscount from './rules/surcharge/labelled-as-discount.js';
import empty from './rules/window/empty.js';
import expired from './rules/window/expired.js';
import scheduleGranularity from './rules/window/schedule-granularity.js';

export const rules = [
  ambiguousOrder,
  shadowed,
  exclusiveOverlap,
  excessiveCombinedDiscount,
  surchargeAndPromotion,
  invalidGeometry,
  overlap,
  surchargeOverlap,
  outsideOperatingArea,
  tooComplex,
  expired,
  scheduleGranularity,
  empty,
  perCustomerExceedsTotal,
  budgetCurrencyMismatch,
  formatForTarget,
  confusable,
  unknownRef,
  broadDiscount,
  neverApplies,
  creditTiming,
  labelledAsDiscount,
  contradiction,
  unknownProduct,
] as const;

export type RuleId = (typeof rules)[number]['id'];

export const RULE_IDS: readonly RuleId[] = rules.map((r) => r.id);
