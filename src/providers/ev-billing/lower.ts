// Desired resources → EV billing payloads. A promotional code is one percent or fixed discount on the whole
// session, with max_uses, max_uses_per_user and expires_at: no audience, no stacking, and no start date
// (window.from is not sent: the plan creates the code at that instant instead, see src/plan/schedule.ts).
import type { AnyResource, ResourceOf } from '../../model/resource.js';
import { toMinorUnits } from '../../model/minor-units.js';
import type { Json } from '../../model/canonical.js';
import { apiInstant, issueAt, majorNumber, unsupportedFields, type FieldRules } from '../lowering.js';
import { appendMarker, MARKER_MAX_LENGTH } from '../ownership.js';
import type { LowerIssue, LowerResult, Lowered, Ownership } from '../provider.js';
import { raiseCode, raiseUserType } from './read.js';

const CODE_RULES: FieldRules = {
  apiName: 'an EV billing promotional code',
  allowed: [
    'metadata.description',
    'spec.code',
    'spec.status',
    'spec.window.until',
    'spec.window.from',
    'spec.window.timeZone',
    'spec.limits.redemptions',
    'spec.limits.perCustomer',
    'spec.benefits[].percentOff',
    'spec.benefits[].amountOff',
  ],
  reasons: {
    'spec.audience': 'promotional codes cannot be restricted to an audience',
    'spec.stacking': 'promotional codes have no stacking rules or priority',
    'spec.limits.budget': 'promotional codes have no budget cap',
    'spec.benefits[].appliesTo': 'a promotional code discounts the whole session total',
    'spec.benefits[]': 'a promotional code is a percent or fixed discount only',
    'spec.conditions': 'promotional codes have no purchase conditions',
    'spec.displayName': 'promotional codes have no customer-facing name',
    'spec.publicDescription': 'promotional codes have no customer-facing description',
    'spec.visibility': 'promotional codes are never advertised by the API',
    'spec.targeting': 'promotional codes cannot target branches or vehicles',
    'spec.phases': 'promotional codes have no phases',
    'spec.duration': 'promotional codes apply to one session',
    'spec.providers': 'knobs of other providers',
  },
  hints: {
    'spec.audience': 'Drop the audience, or plan it on the embedded engine (labels.target: engine).',
    'spec.stacking': 'Drop spec.stacking for this target, or use labels.target: engine.',
    'spec.limits.budget': 'EV billing offers spec.limits.redemptions (max_uses) and spec.limits.perCustomer (max_uses_per_user).',
    'spec.benefits[].appliesTo': 'Remove appliesTo: EV billing discounts the whole session.',
    'spec.benefits[]': 'EV billing offers exactly one benefit: percentOff or amountOff.',
    'spec.displayName': 'Remove displayName; metadata.description becomes the internal description.',
    'spec.publicDescription': 'Remove publicDescription; metadata.description becomes the internal description.',
    'spec.visibility': 'Remove visibility: whoever knows the code can redeem it.',
    'spec.providers': 'Remove knobs meant for other providers from a campaign planned on EV billing.',
  },
};

const USER_TYPE_RULES: FieldRules = {
  apiName: 'an EV billing user type',
  allowed: ['spec.description', 'metadata.description'],
  hints: {},
};

const CODE_PATTERN = /^[A-Z0-9]{4,20}$/;
const NAME_PATTERN = /^[a-z0-9][a-z0-9_-]{0,49}$/;
const DESCRIPTION_MAX = 500;

export function lowerEv(resource: AnyResource): LowerResult {
  if (resource.kind === 'Promotion') return lowerCode(resource);
  if (resource.kind === 'UserType') return lowerUserType(resource);
  return { ok: false, issues: [issueAt(['kind'], 'kind', CODE_RULES, `the EV billing API has no ${resource.kind}`)] };
}

function lowerCode(r: ResourceOf<'Promotion'>): LowerResult {
  const issues: LowerIssue[] = [...unsupportedFields(r, CODE_RULES)];
  const s = r.spec;
  const at = (path: (string | number)[], generic: string, message: string, hint: string): void => {
    issues.push(issueAt(path, generic, { ...CODE_RULES, hints: { [generic]: hint } }, message));
  };
  if (s.code === undefined)
    at(
      ['spec'],
      'spec.code',
      'a promotional code needs a code: the API has no automatic discounts',
      'Add spec.code, or plan the automatic campaign on the embedded engine (labels.target: engine).',
    );
  else if (!CODE_PATTERN.test(s.code))
    at(
      ['spec', 'code'],
      'spec.code',
      `code "${s.code}" is not 4–20 uppercase letters and digits`,
      'EV billing codes match ^[A-Z0-9]{4,20}$: drop "-" and "_" and keep it at most 20 characters.',
    );
  if (s.status === 'inactive')
    at(
      ['spec', 'status'],
      'spec.status',
      'promotional codes cannot be created inactive or deactivated',
      'EV billing offers spec.window.until (expires_at): set it to end the code.',
    );
  if (s.benefits.length !== 1)
    at(
      ['spec', 'benefits'],
      'spec.benefits',
      `a promotional code has exactly one discount (got ${s.benefits.length})`,
      'Keep one percentOff or amountOff benefit.',
    );
  const b = s.benefits[0];
  const payload: Record<string, Json> = { code: s.code ?? '' };
  if (b?.percentOff !== undefined) Object.assign(payload, { discount_type: 'percent', discount_value: b.percentOff });
  else if (b?.amountOff !== undefined) {
    const { amount, currency } = b.amountOff;
    // The create body carries `currency` (ISO 4217, required for fixed): any currency the organisation bills
    // sessions in. A session in another currency refuses the code (currency_mismatch) when it is applied.
    // The API takes a major-unit number ("2.50" EUR → 2.5); the amount must fit the currency's minor unit.
    const minor = safeMinor(amount, currency);
    if (minor === undefined)
      at(
        ['spec', 'benefits', 0, 'amountOff', 'amount'],
        'spec.benefits[].amountOff',
        `${amount} ${currency} is not a valid amount in ${currency}`,
        "Use at most the currency's decimals.",
      );
    else if (minor === 0)
      at(
        ['spec', 'benefits', 0, 'amountOff', 'amount'],
        'spec.benefits[].amountOff',
        'a fixed discount of zero: the API takes a discount_value above 0',
        'Give an amount above zero, or remove the benefit.',
      );
    else if (majorNumber(amount) === undefined)
      at(
        ['spec', 'benefits', 0, 'amountOff', 'amount'],
        'spec.benefits[].amountOff',
        `${amount} ${currency} has too many digits to send exactly as a number`,
        'EV billing takes discount_value as a JSON number in major units; use an amount of at most 15 significant digits.',
      );
    Object.assign(payload, { discount_type: 'fixed', discount_value: Number(amount), currency });
  }
  if (s.limits?.redemptions !== undefined) payload.max_uses = s.limits.redemptions;
  if (s.limits?.perCustomer !== undefined) payload.max_uses_per_user = s.limits.perCustomer;
  if (s.window?.until !== undefined) payload.expires_at = apiInstant(s.window.until, ['spec', 'window', 'until'], 'EV billing', issues);
  if (r.metadata.description !== undefined) {
    payload.description = r.metadata.description;
    if (r.metadata.description.length + MARKER_MAX_LENGTH > DESCRIPTION_MAX)
      at(
        ['metadata', 'description'],
        'metadata.description',
        `the description is ${r.metadata.description.length} characters; EV billing keeps ` +
          `${DESCRIPTION_MAX}, including promoc's ownership marker (up to ${MARKER_MAX_LENGTH})`,
        `Shorten metadata.description to ${DESCRIPTION_MAX - MARKER_MAX_LENGTH} characters.`,
      );
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { payload, normalized: { ...raiseCode(payload).normalized, name: r.metadata.name } } };
}

function lowerUserType(r: ResourceOf<'UserType'>): LowerResult {
  const issues: LowerIssue[] = [...unsupportedFields(r, USER_TYPE_RULES)];
  if (!NAME_PATTERN.test(r.metadata.name))
    issues.push(issueAt(['metadata', 'name'], 'metadata.name', USER_TYPE_RULES, `user type names are at most 50 characters (got ${r.metadata.name.length})`));
  const payload: Record<string, Json> = { name: r.metadata.name };
  if (r.spec.description !== undefined) payload.description = r.spec.description;
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { payload, normalized: raiseUserType(payload).normalized } };
}

export function stampEv(payload: Lowered['payload'], owner: Required<Ownership>): Record<string, Json> {
  return { ...payload, description: appendMarker(payload.description as string | undefined, owner) };
}

function safeMinor(amount: string, currency: string): number | undefined {
  try {
    return toMinorUnits(amount, currency);
  } catch {
    return undefined;
  }
}
