// Each benefit type, applied to what remains of its lines. `times` is how often the campaign's
// zone phase was met (START_PLUS_END_RENTAL can give 2): percentages compound, amounts multiply.
import type { CompiledBenefit } from './runtime-campaigns.js';
import type { Grant } from './evaluation.js';
import type { Lines, Take } from './lines.js';
import { mulDivRound, percentOf } from './money.js';
import type { Scratch } from './scratch.js';

/** Price types billed per minute, which free minutes reduce. */
const TIME_PRICED = ['TIME_PRICE', 'DRIVING_PRICE', 'PARKING_PRICE'];

/**
 * What `covered` of a line's `minutes` cost. mulDivRound is exact on integers only, and quantities may be
 * fractional (150.5 minutes): then both are counted in millionths of a minute, the same ratio.
 */
function minutesCost(amount: number, covered: number, minutes: number): number {
  if (Number.isInteger(covered) && Number.isInteger(minutes)) return mulDivRound(amount, covered, minutes);
  const of = Math.round(minutes * 1e6);
  // A line shorter than half a millionth of a minute: no integer ratio left, the float one is as good.
  if (of === 0) return Math.min(amount, Math.round((amount * covered) / minutes));
  return mulDivRound(amount, Math.round(covered * 1e6), of);
}

export function applyBenefit(b: CompiledBenefit, times: number, lines: Lines, take: Take, grants: Pick<Scratch<Grant>, 'push'>, campaign: string): void {
  const all = lines.all;
  const n = lines.count;
  switch (b.type) {
    case 'percentOff':
      for (let k = 0; k < times; k++) {
        for (let i = 0; i < n; i++) if (lines.inScope(all[i]!, b.scope)) take.take(all[i]!, percentOf(all[i]!.remaining, b.rate));
      }
      return;
    case 'packageDiscount':
      for (let k = 0; k < times; k++) {
        for (let i = 0; i < n; i++) if (lines.inPackageScope(all[i]!, b.scope)) take.take(all[i]!, percentOf(all[i]!.remaining, b.rate));
      }
      return;
    case 'amountOff': {
      // A rebate is drawn line by line in the context's order until it is used up.
      let left = b.amount.minor * times;
      for (let i = 0; i < n && left > 0; i++) if (lines.inScope(all[i]!, b.scope)) left -= take.take(all[i]!, left);
      return;
    }
    case 'freeUnlocks': {
      let left = b.count * times;
      for (let i = 0; i < n && left > 0; i++) {
        const line = all[i]!;
        if (line.priceType !== 'UNLOCK_FEE' || !lines.inScope(line, b.scope)) continue;
        if (take.take(line, line.remaining) > 0) left--;
      }
      return;
    }
    case 'freeMinutes': {
      let left = b.minutes * times;
      for (let i = 0; i < n && left > 0; i++) {
        const line = all[i]!;
        const mins = line.minutesLeft;
        if (!TIME_PRICED.includes(line.priceType ?? '') || !(mins > 0) || !lines.inScope(line, b.scope)) continue;
        // The free minutes cost what the line's remaining minutes cost on average, rounded.
        const covered = Math.min(left, mins);
        line.minutesLeft = mins - covered;
        left -= covered;
        take.take(line, covered === mins ? line.remaining : minutesCost(line.remaining, covered, mins));
      }
      return;
    }
    case 'entitlement':
      for (let i = 0; i < n; i++) {
        const line = all[i]!;
        const cs = line.costSource;
        if (cs?.group !== 'ADDITION' || cs.code !== b.addition || !lines.inScope(line, b.scope)) continue;
        take.take(line, line.remaining);
      }
      return;
    case 'credit':
      if (b.at === 'rental') {
        // A rental-time voucher: drawn off its lines like a rebate, where it applies, instead of wallet credit on claim.
        let left = b.amount.minor * times;
        for (let i = 0; i < n && left > 0; i++) if (b.scope === undefined || lines.inScope(all[i]!, b.scope)) left -= take.take(all[i]!, left);
        return;
      }
      grants.push({ campaign, type: 'credit', amount: b.amount.minor * times, currency: b.amount.currency });
      return;
    case 'trialExtension':
      grants.push({ campaign, type: 'trialExtension', days: b.days * times });
      return;
    case 'freePeriod':
      // This invoice is one of the free periods (eligibility stops the campaign once they are used).
      for (let i = 0; i < n; i++) if (lines.inScope(all[i]!, b.scope)) take.take(all[i]!, all[i]!.remaining);
      return;
  }
}
