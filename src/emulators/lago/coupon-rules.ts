// Model validations of a coupon, with Lago's error codes (value_is_mandatory, value_already_exist,
// value_is_invalid, value_is_out_of_range, invalid_date). Run after create or update params are assigned.
import type { Issue } from '../shared/input.js';
import { LAGO_CURRENCIES } from './currencies.js';
import type { Coupon, LagoTenant } from './model.js';

export function couponIssues(coupon: Coupon, tenant: LagoTenant, now: Date, skip: ReadonlySet<string>): Issue[] {
  const issues: Issue[] = [];
  const add = (field: string, kind: Issue['kind'], message: string): void => {
    if (!skip.has(field) && !issues.some((i) => i.field === field)) issues.push({ field, kind, message });
  };
  if (!coupon.name?.trim()) add('name', 'required', 'name is required');
  if (!coupon.code?.trim()) add('code', 'required', 'code is required');
  else if (Object.values(tenant.coupons).some((c) => c.deleted_at == null && c.code === coupon.code && c.lago_id !== coupon.lago_id)) {
    add('code', 'already_exists', `a coupon with code "${coupon.code}" already exists`);
  }
  if (coupon.coupon_type == null) add('coupon_type', 'required', 'coupon_type is required');
  if (coupon.frequency == null) add('frequency', 'required', 'frequency is required');
  if (coupon.expiration == null) add('expiration', 'required', 'expiration is required');
  if (coupon.coupon_type === 'fixed_amount') {
    if (coupon.amount_cents == null) add('amount_cents', 'required', 'amount_cents is required for fixed_amount coupons');
    else if (coupon.amount_cents <= 0) add('amount_cents', 'out_of_range', 'amount_cents must be greater than 0');
    if (coupon.amount_currency == null) add('amount_currency', 'required', 'amount_currency is required for fixed_amount coupons');
    else if (!LAGO_CURRENCIES.has(coupon.amount_currency))
      add('amount_currency', 'invalid', `amount_currency "${coupon.amount_currency}" is not a currency Lago supports`);
  }
  if (coupon.coupon_type === 'percentage') {
    if (coupon.percentage_rate == null) add('percentage_rate', 'required', 'percentage_rate is required for percentage coupons');
    else if (coupon.percentage_rate <= 0 || coupon.percentage_rate > 100)
      add('percentage_rate', 'out_of_range', 'percentage_rate must be greater than 0 and at most 100');
  }
  if (coupon.frequency === 'recurring') {
    if (coupon.frequency_duration == null) add('frequency_duration', 'required', 'frequency_duration is required for recurring coupons');
    else if (coupon.frequency_duration <= 0) add('frequency_duration', 'out_of_range', 'frequency_duration must be greater than 0');
  }
  if (coupon.expiration === 'time_limit' && coupon.expiration_at == null)
    add('expiration_at', 'required', 'expiration_at is required when expiration is time_limit');
  // Lago checks the date against the current time on create and on update alike.
  if (coupon.expiration_at != null && Date.parse(coupon.expiration_at) <= now.getTime())
    add('expiration_at', 'invalid_date', 'expiration_at must be in the future');
  return issues;
}
