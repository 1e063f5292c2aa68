// Reads the `{ "coupon": {...} }` body of create and update. Only types are checked here; the model rules
// (coupon-rules.ts) run on the resulting coupon, the way Rails assigns attributes and then validates.
import { FieldReader, isRecord, type Issue } from '../shared/input.js';
import { isoSeconds, parseDateTime } from '../shared/iso-time.js';
import { fail, ok, type Outcome } from '../shared/outcome.js';
import { badRequest, type LagoError } from './errors.js';
import type { CouponType, Expiration, Frequency } from './model.js';

/** undefined = not sent (keep), null = sent as null. */
export interface CouponParams {
  name?: string | null;
  code?: string | null;
  description?: string | null;
  coupon_type?: CouponType | null;
  amount_cents?: number | null;
  amount_currency?: string | null;
  percentage_rate?: number | null;
  reusable?: boolean | null;
  frequency?: Frequency | null;
  frequency_duration?: number | null;
  expiration?: Expiration | null;
  expiration_at?: string | null;
  plan_codes?: string[];
  billable_metric_codes?: string[];
}

/** Lago accepts numbers as JSON numbers or numeric strings (Rails casts them). */
function numeric(r: FieldReader, key: string, integer: boolean): number | null | undefined {
  const raw = r.source[key];
  if (raw === undefined) return undefined;
  if (raw === null) return null;
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  const pattern = integer ? /^-?\d+$/ : /^-?\d+(\.\d+)?$/;
  if (!pattern.test(text)) {
    r.add(r.path(key), 'invalid', `${key} must be ${integer ? 'an integer' : 'a number'}`);
    return undefined;
  }
  return Number(text);
}

export function readRoot(body: unknown, root: string): Outcome<unknown, LagoError> {
  return isRecord(body) && isRecord(body[root]) ? ok(body[root]) : fail(badRequest(`param is missing or the value is empty: ${root}`));
}

export function readCouponParams(raw: unknown): { params: CouponParams; issues: Issue[] } {
  const r = new FieldReader(raw);
  const params: CouponParams = {
    name: r.string('name'),
    code: r.string('code'),
    description: r.string('description'),
    coupon_type: r.oneOf<CouponType>('coupon_type', ['fixed_amount', 'percentage']),
    amount_cents: numeric(r, 'amount_cents', true),
    amount_currency: r.string('amount_currency'),
    percentage_rate: numeric(r, 'percentage_rate', false),
    reusable: r.boolean('reusable'),
    frequency: r.oneOf<Frequency>('frequency', ['once', 'recurring', 'forever']),
    frequency_duration: numeric(r, 'frequency_duration', true),
    expiration: r.oneOf<Expiration>('expiration', ['no_expiration', 'time_limit']),
  };
  if (r.has('expiration_at') || r.source.expiration_at === null) {
    const value = r.source.expiration_at;
    const at = typeof value === 'string' ? parseDateTime(value) : undefined;
    if (value === null) params.expiration_at = null;
    else if (at) params.expiration_at = isoSeconds(at);
    else r.add('expiration_at', 'invalid_date', `expiration_at ${JSON.stringify(value)} is not an ISO 8601 date-time`);
  }
  const appliesTo = r.object('applies_to');
  if (appliesTo) {
    const plans = appliesTo.stringArray('plan_codes');
    const metrics = appliesTo.stringArray('billable_metric_codes');
    if (plans !== undefined) params.plan_codes = plans ?? [];
    if (metrics !== undefined) params.billable_metric_codes = metrics ?? [];
  } else if (appliesTo === null) {
    params.plan_codes = [];
    params.billable_metric_codes = [];
  }
  const defined = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined)) as CouponParams;
  return { params: defined, issues: r.issues };
}
