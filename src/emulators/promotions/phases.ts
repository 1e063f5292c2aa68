// Phases hold a promotion's conditions and effects (`phases` is "populated when is_phased=true; single
// Default phase otherwise"). This file reads and checks them from a request body.
import { FieldReader } from '../shared/input.js';
import { decimalStringToMinor, ISO_4217 } from '../shared/money.js';
import { randomUuid, type Random } from '../shared/random.js';
import type { AttributeOperator, Condition, Effect, Phase } from './model.js';

export const CONDITION_TYPES = [
  'minimum_spend',
  'subscription_plan',
  'customer_attribute',
  'first_purchase',
  'usage_threshold',
  'quantity_threshold',
  'product_combination',
  'external_verification',
] as const;
export const EFFECT_TYPES = ['percent_discount', 'fixed_discount', 'free_period', 'trial_extension', 'credit_grant'] as const;
const OPERATORS: readonly AttributeOperator[] = ['eq', 'ne', 'in', 'contains', 'gt', 'gte', 'lt', 'lte'];

/** A positive decimal amount given as a string ("10.00") or number, with a currency. */
function money(r: FieldReader): { amount: string; currency: string } | undefined {
  const currency = r.string('currency', { required: true, pattern: /^[A-Z]{3}$/ });
  if (currency && !ISO_4217.has(currency)) r.add(r.path('currency'), 'invalid', `currency "${currency}" is not ISO 4217`);
  const raw = r.source.amount;
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw : undefined;
  if (text === undefined) {
    r.add(r.path('amount'), raw == null ? 'required' : 'invalid', `${r.path('amount')} must be a decimal amount such as "10.00"`);
    return undefined;
  }
  const minor = currency && ISO_4217.has(currency) ? decimalStringToMinor(text, currency) : undefined;
  if (minor === undefined || minor <= 0) {
    r.add(r.path('amount'), 'invalid', `${r.path('amount')} "${text}" must be a positive amount with at most the currency's decimals`);
    return undefined;
  }
  return currency ? { amount: text, currency } : undefined;
}

function readCondition(r: FieldReader): Condition | undefined {
  const type = r.oneOf('type', CONDITION_TYPES, { required: true });
  switch (type) {
    case 'minimum_spend': {
      const m = money(r);
      return m ? { type, ...m } : undefined;
    }
    case 'subscription_plan': {
      const plan_codes = r.stringArray('plan_codes', { required: true });
      return plan_codes ? { type, plan_codes } : undefined;
    }
    case 'customer_attribute': {
      const attribute = r.string('attribute', { required: true });
      const operator = r.oneOf('operator', OPERATORS) ?? 'eq';
      const value = r.source.value;
      const okValue = ['string', 'number', 'boolean'].includes(typeof value) || (Array.isArray(value) && value.every((v) => typeof v === 'string'));
      if (!okValue) r.add(r.path('value'), value == null ? 'required' : 'invalid', `${r.path('value')} must be a string, number, boolean or list of strings`);
      return attribute && okValue ? { type, attribute, operator, value: value as string | number | boolean | string[] } : undefined;
    }
    case 'first_purchase':
      return { type };
    case 'usage_threshold': {
      const metric = r.string('metric', { required: true });
      const threshold = r.number('threshold', { required: true, min: 0 });
      return metric && threshold != null ? { type, metric, threshold } : undefined;
    }
    case 'quantity_threshold': {
      const min_quantity = r.number('min_quantity', { required: true, integer: true, min: 1 });
      return min_quantity ? { type, min_quantity } : undefined;
    }
    case 'product_combination': {
      const product_ids = r.stringArray('product_ids', { required: true });
      return product_ids ? { type, product_ids } : undefined;
    }
    case 'external_verification': {
      const provider = r.string('provider', { required: true });
      return provider ? { type, provider } : undefined;
    }
    default:
      return undefined;
  }
}

function readEffect(r: FieldReader): Effect | undefined {
  const type = r.oneOf('type', EFFECT_TYPES, { required: true });
  switch (type) {
    case 'percent_discount': {
      const percent = r.number('percent', { required: true, exclusiveMin: 0, max: 100 });
      return percent ? { type, percent } : undefined;
    }
    case 'fixed_discount':
    case 'credit_grant': {
      const m = money(r);
      return m ? { type, ...m } : undefined;
    }
    case 'free_period': {
      const periods = r.number('periods', { required: true, integer: true, min: 1 });
      return periods ? { type, periods } : undefined;
    }
    case 'trial_extension': {
      const days = r.number('days', { required: true, integer: true, min: 1 });
      return days ? { type, days } : undefined;
    }
    default:
      return undefined;
  }
}

function readList<T>(r: FieldReader, key: string, read: (item: FieldReader) => T | undefined): T[] {
  const items = r.array(key) ?? [];
  return items.flatMap((item, i) => {
    const value = read(new FieldReader(item, `${r.path(key)}[${i}]`, r.issues));
    return value === undefined ? [] : [value];
  });
}

export function readPhases(r: FieldReader, random: Random): Phase[] | undefined {
  const items = r.array('phases');
  if (items == null) return items === null ? [] : undefined;
  return items.map((item, i) => {
    const p = new FieldReader(item, `phases[${i}]`, r.issues);
    return {
      id: randomUuid(random),
      name: p.string('name', { maxLength: 100 }) ?? (i === 0 ? 'Default' : `Phase ${i + 1}`),
      sequence: i + 1,
      conditions: readList(p, 'conditions', readCondition),
      effects: readList(p, 'effects', readEffect),
    };
  });
}
