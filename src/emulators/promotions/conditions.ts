// Evaluating a promotion's conditions for one customer context: the emulator's own code (not the engine),
// returning a result per condition so eligibility preview can say which passed.
import { decimalStringToMinor } from '../shared/money.js';
import type { Condition, ConditionMode } from './model.js';

export interface EvalContext {
  readonly subtotalMinor: number;
  readonly currency: string;
  readonly planCode: string | null;
  readonly quantity: number;
  readonly productIds: readonly string[];
  readonly usage: Readonly<Record<string, number>>;
  readonly attributes: Readonly<Record<string, string | number | boolean>>;
  readonly firstPurchase: boolean;
}

export interface ConditionResult {
  readonly type: string;
  readonly passed: boolean;
  readonly detail: string;
}

function attribute(c: Extract<Condition, { type: 'customer_attribute' }>, actual: string | number | boolean | undefined): boolean {
  if (actual === undefined) return false;
  const v = c.value;
  switch (c.operator) {
    case 'eq':
      return actual === v;
    case 'ne':
      return actual !== v;
    case 'in':
      return Array.isArray(v) && v.includes(String(actual));
    case 'contains':
      return typeof actual === 'string' && typeof v === 'string' && actual.includes(v);
    case 'gt':
      return typeof actual === 'number' && typeof v === 'number' && actual > v;
    case 'gte':
      return typeof actual === 'number' && typeof v === 'number' && actual >= v;
    case 'lt':
      return typeof actual === 'number' && typeof v === 'number' && actual < v;
    case 'lte':
      return typeof actual === 'number' && typeof v === 'number' && actual <= v;
  }
}

export function evaluateCondition(c: Condition, ctx: EvalContext): ConditionResult {
  const result = (passed: boolean, detail: string): ConditionResult => ({ type: c.type, passed, detail });
  switch (c.type) {
    case 'minimum_spend': {
      const min = decimalStringToMinor(c.amount, c.currency) ?? Number.POSITIVE_INFINITY;
      if (c.currency !== ctx.currency) return result(false, `minimum spend is in ${c.currency}, the invoice in ${ctx.currency}`);
      return result(ctx.subtotalMinor >= min, `spend ${ctx.subtotalMinor} vs minimum ${min} (minor units)`);
    }
    case 'subscription_plan':
      return result(
        ctx.planCode !== null && c.plan_codes.includes(ctx.planCode),
        `plan ${ctx.planCode ?? 'none'} ${ctx.planCode !== null && c.plan_codes.includes(ctx.planCode) ? 'is' : 'is not'} one of ${c.plan_codes.join(', ')}`,
      );
    case 'customer_attribute': {
      const actual = ctx.attributes[c.attribute];
      return result(attribute(c, actual), `${c.attribute}=${JSON.stringify(actual ?? null)} ${c.operator} ${JSON.stringify(c.value)}`);
    }
    case 'first_purchase':
      return result(ctx.firstPurchase, ctx.firstPurchase ? 'first purchase' : 'the customer has purchased before');
    case 'usage_threshold': {
      const used = ctx.usage[c.metric] ?? 0;
      return result(used >= c.threshold, `${c.metric} usage ${used} vs threshold ${c.threshold}`);
    }
    case 'quantity_threshold':
      return result(ctx.quantity >= c.min_quantity, `quantity ${ctx.quantity} vs minimum ${c.min_quantity}`);
    case 'product_combination': {
      const missing = c.product_ids.filter((id) => !ctx.productIds.includes(id));
      return result(missing.length === 0, missing.length === 0 ? 'all products present' : `missing products: ${missing.join(', ')}`);
    }
    case 'external_verification': {
      // No verifier is reachable from an emulator: a customer attribute `verified_<provider>: true` stands in.
      const verified = ctx.attributes[`verified_${c.provider}`] === true;
      return result(verified, verified ? `verified by ${c.provider}` : `not verified by ${c.provider}`);
    }
  }
}

export function evaluateAll(conditions: readonly Condition[], mode: ConditionMode, ctx: EvalContext): { passed: boolean; results: ConditionResult[] } {
  const results = conditions.map((c) => evaluateCondition(c, ctx));
  if (results.length === 0) return { passed: true, results };
  return { passed: mode === 'ALL' ? results.every((r) => r.passed) : results.some((r) => r.passed), results };
}
