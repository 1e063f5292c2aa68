// Desired resources → Lago coupon bodies. Percentages go as percentage_rate ("25" = 25%), fixed amounts as
// integer amount_cents in the currency's minor unit; window.until becomes expiration time_limit. A coupon has
// no start date: window.from is not sent, the plan creates the coupon at that instant instead (schedule.ts).
import { LAGO_CURRENCIES } from './currencies.js';
import { toMinorUnits } from '../../model/minor-units.js';
import type { AnyResource, ResourceOf } from '../../model/resource.js';
import type { Json } from '../../model/canonical.js';
import { apiInstant, blankDisplayName, issueAt, unsupportedFields, type FieldRules } from '../lowering.js';
import { appendMarker } from '../ownership.js';
import type { LowerIssue, LowerResult, Lowered, Ownership } from '../provider.js';
import { raiseCoupon } from './read.js';

const RULES: FieldRules = {
  apiName: 'a Lago coupon',
  allowed: [
    'spec.code',
    'spec.status',
    'spec.displayName',
    'spec.window.until',
    'spec.window.from',
    'spec.window.timeZone',
    'spec.duration',
    'spec.providers.lago',
    'spec.benefits[].percentOff',
    'spec.benefits[].amountOff',
    'spec.benefits[].appliesTo.plans',
    'spec.benefits[].appliesTo.metrics',
  ],
  reasons: {
    'spec.limits': 'Lago coupons have no redemption or budget caps',
    'spec.audience': 'Lago coupons are applied to customers explicitly; they have no audience rules',
    'spec.conditions': 'Lago coupons have no conditions',
    'spec.stacking': 'Lago orders coupons itself (metric-limited, then plan-limited, then oldest)',
    'spec.benefits[].appliesTo': 'Lago limits coupons to plans or billable metrics only',
    'spec.benefits[]': 'a Lago coupon is a percentage or a fixed amount',
    'spec.publicDescription': 'Lago coupons have no customer-facing description',
    'spec.visibility': 'Lago coupons are never advertised',
    'spec.targeting': 'Lago coupons cannot target branches or vehicles',
    'spec.phases': 'Lago coupons have no phases',
    'spec.providers': 'knobs of other providers',
  },
  hints: {
    'spec.limits': 'Lago offers spec.providers.lago.reusable (once per customer when false) and spec.duration.',
    'spec.benefits[].appliesTo': 'Lago offers appliesTo.plans (plan_codes) or appliesTo.metrics (billable_metric_codes), not both.',
    'spec.benefits[]': 'Lago offers exactly one benefit: percentOff or amountOff, optionally with appliesTo.plans or appliesTo.metrics.',
    'spec.stacking': 'Drop spec.stacking for Lago.',
    'spec.providers': 'Lago reads only spec.providers.lago.',
  },
};

export function lowerLago(resource: AnyResource): LowerResult {
  if (resource.kind !== 'Promotion') return { ok: false, issues: [issueAt(['kind'], 'kind', RULES, `Lago has no ${resource.kind}: only coupons (Promotion)`)] };
  return lowerCoupon(resource);
}

function lowerCoupon(r: ResourceOf<'Promotion'>): LowerResult {
  const issues: LowerIssue[] = [...unsupportedFields(r, RULES)];
  const at = (path: (string | number)[], generic: string, message: string, hint: string): void => {
    issues.push(issueAt(path, generic, { ...RULES, hints: { [generic]: hint } }, message));
  };
  const s = r.spec;
  if (s.code === undefined) at(['spec'], 'spec.code', 'a Lago coupon needs a code', 'Add spec.code: Lago coupons are applied to customers by code.');
  blankDisplayName(s.displayName, 'Lago', issues);
  if (s.status === 'inactive')
    at(
      ['spec', 'status'],
      'spec.status',
      'Lago coupons have no draft or inactive state',
      'Lago offers spec.window.until to end a coupon, or remove it with --prune (a soft delete).',
    );
  if (s.benefits.length !== 1)
    at(['spec', 'benefits'], 'spec.benefits', `a Lago coupon has exactly one discount (got ${s.benefits.length})`, 'Keep one percentOff or amountOff benefit.');
  const b = s.benefits[0];
  const body: Record<string, Json> = { name: s.displayName ?? r.metadata.name, code: s.code ?? '' };
  if (r.metadata.description !== undefined) body.description = r.metadata.description;
  if (b?.percentOff !== undefined) Object.assign(body, { coupon_type: 'percentage', percentage_rate: decimalText(b.percentOff) });
  else if (b?.amountOff !== undefined) {
    const { amount, currency } = b.amountOff;
    let cents = 0;
    try {
      cents = toMinorUnits(amount, currency);
    } catch {
      at(
        ['spec', 'benefits', 0, 'amountOff', 'amount'],
        'spec.benefits[].amountOff',
        `${amount} ${currency} has more decimals than ${currency} allows`,
        "Lago takes amount_cents in the currency's minor unit.",
      );
      cents = -1;
    }
    if (!LAGO_CURRENCIES.has(currency))
      at(
        ['spec', 'benefits', 0, 'amountOff', 'currency'],
        'spec.benefits[].amountOff',
        `Lago has no currency ${currency}`,
        "Use a currency of Lago's list (its OpenAPI Currency enum), or plan the campaign elsewhere.",
      );
    if (cents === 0)
      at(
        ['spec', 'benefits', 0, 'amountOff', 'amount'],
        'spec.benefits[].amountOff',
        'a fixed discount of zero: Lago takes amount_cents above 0',
        'Give an amount above zero, or remove the benefit.',
      );
    Object.assign(body, { coupon_type: 'fixed_amount', amount_cents: cents, amount_currency: currency });
  }
  const plans = b?.appliesTo?.plans ?? [];
  const metrics = b?.appliesTo?.metrics ?? [];
  if (plans.length > 0 && metrics.length > 0)
    at(
      ['spec', 'benefits', 0, 'appliesTo'],
      'spec.benefits[].appliesTo',
      'a Lago coupon is limited to plans or to billable metrics, not both',
      'Split it into two campaigns, one per limitation.',
    );
  // Both lists, always: an update keeps whatever list it does not name, so switching from metrics to plans (or
  // dropping the limitation) would otherwise leave the old one in place.
  body.applies_to = { plan_codes: plans, billable_metric_codes: metrics };
  const frequency = s.duration?.frequency ?? 'once';
  body.frequency = frequency;
  if (frequency === 'recurring') {
    if (s.duration?.periods === undefined)
      at(
        ['spec', 'duration'],
        'spec.duration.periods',
        'a recurring coupon needs the number of billing periods',
        'Add spec.duration.periods (Lago frequency_duration).',
      );
    else body.frequency_duration = s.duration.periods;
  }
  body.expiration = s.window?.until !== undefined ? 'time_limit' : 'no_expiration';
  if (s.window?.until !== undefined) body.expiration_at = apiInstant(s.window.until, ['spec', 'window', 'until'], 'Lago', issues);
  body.reusable = s.providers?.lago?.reusable ?? true;
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { payload: body, normalized: { ...raiseCoupon(body).normalized, name: r.metadata.name } } };
}

/** Lago's OpenAPI types percentage_rate as a decimal string (`^[0-9]+.?[0-9]*$`): 25 → "25", 1e-7 → "0.0000001". */
function decimalText(n: number): string {
  const s = String(n);
  const m = /^(\d)(?:\.(\d+))?e-(\d+)$/.exec(s); // below 1e-6 String() writes an exponent; percentages stay under 1e21
  return m ? `0.${'0'.repeat(Number(m[3]) - 1)}${m[1]}${m[2] ?? ''}` : s;
}

export function stampLago(payload: Lowered['payload'], owner: Required<Ownership>): Record<string, Json> {
  return { ...payload, description: appendMarker(payload.description as string | undefined, owner) };
}
