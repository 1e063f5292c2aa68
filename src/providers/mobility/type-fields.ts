// The business parameters of voucherable types, both ways. The seed names the types but not their fields;
// the names (rewardCondition, triggerEvent, triggerConditions, referrerBenefits, qualifyingRentals,
// reasonCodes, trialPeriodDays) are an assumption shared with the emulator (both READMEs).
//
//   Reward       spec.after { rentals, minutes, spend }   rewardCondition { numberOfRentals, minutes, spendAmount }
//   Triggered    spec.event, spec.conditions.minimumSpend  triggerEvent, triggerConditions { minimumSpend }
//   Referral     spec.referrer.benefits, qualifyingRentals referrerBenefits[], qualifyingRentals (API default 1)
//   CustomerCare spec.reasons                              reasonCodes[]
//   Subscription spec.trialDays                            trialPeriodDays
import type { Kind } from '../../generated/index.js';
import { canonicalAmount, type Json } from '../../model/canonical.js';

type Spec = Readonly<Record<string, unknown>>;
type Money = { amount: string; currency: string };

export interface TypeFieldHelpers {
  money(m: Money | undefined, path: (string | number)[]): number | null;
  benefits(list: readonly Spec[], path: (string | number)[]): Json[];
}

/** Payload fields for the kind's type; other kinds get none (the API refuses them on other types). */
export function lowerTypeFields(kind: Kind, s: Spec, h: TypeFieldHelpers): Record<string, Json> {
  switch (kind) {
    case 'Reward': {
      const after = (s.after ?? {}) as { rentals?: number; minutes?: number; spend?: Money };
      return {
        rewardCondition: {
          numberOfRentals: after.rentals ?? null,
          minutes: after.minutes ?? null,
          spendAmount: h.money(after.spend, ['spec', 'after', 'spend']),
        },
      };
    }
    case 'Triggered': {
      const minimumSpend = (s.conditions as { minimumSpend?: Money } | undefined)?.minimumSpend;
      return {
        triggerEvent: (s.event as string | undefined) ?? null,
        triggerConditions: minimumSpend ? { minimumSpend: h.money(minimumSpend, ['spec', 'conditions', 'minimumSpend']) } : null,
      };
    }
    case 'Referral': {
      const referrer = (s.referrer as { benefits?: Spec[] } | undefined)?.benefits;
      // The API's default is 1 (the schema's too): always sent, so both sides of the diff hold it.
      return {
        referrerBenefits: referrer ? h.benefits(referrer, ['spec', 'referrer', 'benefits']) : null,
        qualifyingRentals: (s.qualifyingRentals as number | undefined) ?? 1,
      };
    }
    case 'CustomerCare':
      return { reasonCodes: (s.reasons as string[] | undefined) ?? null };
    case 'Subscription':
      return { trialPeriodDays: (s.trialDays as number | undefined) ?? null };
    default:
      return {};
  }
}

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/** Normalized spec fields for the kind's type, from an API object or lower's payload. */
export function raiseTypeFields(kind: Kind, o: Spec, currency: string, raiseBenefits: (list: unknown) => Json[]): Record<string, Json> {
  const money = (v: unknown): Json => (typeof v === 'number' ? { amount: canonicalAmount(v, currency), currency } : null);
  const obj = (v: unknown): Spec => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Spec) : {});
  switch (kind) {
    case 'Reward': {
      const c = obj(o.rewardCondition);
      return { after: { rentals: num(c.numberOfRentals), minutes: num(c.minutes), spend: money(c.spendAmount) } };
    }
    case 'Triggered':
      return { event: (o.triggerEvent as string | null | undefined) ?? null, conditions: { minimumSpend: money(obj(o.triggerConditions).minimumSpend) } };
    case 'Referral':
      return { referrer: { benefits: raiseBenefits(o.referrerBenefits) }, qualifyingRentals: num(o.qualifyingRentals) };
    case 'CustomerCare':
      return { reasons: Array.isArray(o.reasonCodes) ? o.reasonCodes.map(String) : [] };
    case 'Subscription':
      return { trialDays: num(o.trialPeriodDays) };
    default:
      return {};
  }
}
