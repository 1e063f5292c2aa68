// Business parameters that belong to one voucherable type. The seed names the types ("a reward granted after
// a usage condition is met", "a benefit triggered by a configured event", "signup/referral benefit template
// for referrers and referees", customer-care templates for support) but not their fields: these names are
// the emulator's assumption (README). Each field is refused on other types, so a payload meant for one kind
// of template cannot silently configure another.
import { FieldReader } from '../shared/input.js';
import { toMinor } from '../shared/money.js';
import { readBenefit } from './benefits.js';
import { TRIGGER_EVENTS, type Benefit, type RewardCondition, type TriggerConditions, type VoucherableType } from './model.js';

export interface TypeFields {
  rewardCondition: RewardCondition | null;
  triggerEvent: (typeof TRIGGER_EVENTS)[number] | null;
  triggerConditions: TriggerConditions | null;
  referrerBenefits: Benefit[] | null;
  qualifyingRentals: number | null;
  reasonCodes: string[] | null;
  trialPeriodDays: number | null;
}

const OWNER: Readonly<Record<keyof TypeFields, VoucherableType>> = {
  rewardCondition: 'Reward',
  triggerEvent: 'Triggered',
  triggerConditions: 'Triggered',
  referrerBenefits: 'SignupReferral',
  qualifyingRentals: 'SignupReferral',
  reasonCodes: 'CustomerCare',
  trialPeriodDays: 'Subscription',
};

/** A money amount in major units: positive, at most the currency's decimals. */
function amount(r: FieldReader, key: string, currency: string): number | null {
  const v = r.number(key, { exclusiveMin: 0 });
  if (v == null) return null;
  if (toMinor(v, currency) === undefined) {
    r.add(r.path(key), 'invalid', `${r.path(key)} ${v} has more decimals than ${currency} allows`);
    return null;
  }
  return v;
}

function rewardCondition(r: FieldReader, currency: string): RewardCondition | null {
  const c = r.object('rewardCondition');
  if (!c) return null;
  const out: RewardCondition = {
    numberOfRentals: c.number('numberOfRentals', { integer: true, min: 1 }) ?? null,
    minutes: c.number('minutes', { integer: true, min: 1 }) ?? null,
    spendAmount: amount(c, 'spendAmount', currency),
  };
  if (!['numberOfRentals', 'minutes', 'spendAmount'].some((k) => c.source[k] != null))
    c.add('rewardCondition', 'required', 'rewardCondition needs at least one of numberOfRentals, minutes, spendAmount');
  return out;
}

function triggerConditions(r: FieldReader, currency: string): TriggerConditions | null {
  const c = r.object('triggerConditions');
  if (!c) return null;
  const minimumSpend = amount(c, 'minimumSpend', currency);
  if (c.source.minimumSpend == null) c.add('triggerConditions', 'required', 'triggerConditions needs at least one condition (minimumSpend)');
  return { minimumSpend };
}

function reasonCodes(r: FieldReader): string[] | null {
  const codes = r.stringArray('reasonCodes');
  if (!codes) return null;
  codes.forEach((code, i) => {
    if (code.trim() === '' || code.length > 64) r.add(`reasonCodes[${i}]`, 'out_of_range', `reasonCodes[${i}] must be 1–64 characters`);
  });
  const seen = new Set<string>();
  for (const code of codes) {
    if (seen.has(code)) r.add('reasonCodes', 'invalid', `reasonCodes lists ${JSON.stringify(code)} twice`);
    seen.add(code);
  }
  return codes;
}

export function readTypeFields(r: FieldReader, type: VoucherableType | null | undefined, currency: string): TypeFields {
  for (const [key, owner] of Object.entries(OWNER)) {
    if (type && type !== owner && r.has(key) && r.source[key] !== null) r.add(key, 'invalid', `${key} is only for ${owner} templates (this one is a ${type})`);
  }
  const referrer = r.array('referrerBenefits');
  const fields: TypeFields = {
    rewardCondition: rewardCondition(r, currency),
    triggerEvent: r.oneOf('triggerEvent', TRIGGER_EVENTS) ?? null,
    triggerConditions: triggerConditions(r, currency),
    referrerBenefits: referrer
      ? referrer.flatMap((item, i) => {
          const b = readBenefit(new FieldReader(item, `referrerBenefits[${i}]`, r.issues), false);
          return b ? [b] : [];
        })
      : null,
    qualifyingRentals: r.number('qualifyingRentals', { integer: true, min: 1, max: 100 }) ?? null,
    reasonCodes: reasonCodes(r),
    trialPeriodDays: r.number('trialPeriodDays', { integer: true, min: 1, max: 365 }) ?? null,
  };
  // The server default: a referrer is rewarded after the referee's first rental.
  if (type === 'SignupReferral' && fields.qualifyingRentals == null) fields.qualifyingRentals = 1;
  return fields;
}
