// Each benefit type, applied to what remains of its lines. `times` is how often the campaign's
// zone phase was met (START_PLUS_END_RENTAL can give 2): percentages compound, amounts multiply.
import type { BundleBenefit } from '../generated/bundle.js';
import type { Grant } from './evaluation.js';
import type { Lines, Take } from './lines.js';
import { mulDivRound, percentOf } from './money.js';

/** Price types billed per minute, which free minutes reduce. */
const TIME_PRICED = ['TIME_PRICE', 'DRIVING_PRICE', 'PARKING_PRICE'];

export function applyBenefit(b: BundleBenefit, times: number, lines: Lines, take: Take, grants: Grant[], campaign: string): void {
  const n = lines.info.length;
  const rem = lines.remaining;
  switch (b.type) {
    case 'percentOff':
      for (let k = 0; k < times; k++) {
        for (let i = 0; i < n; i++) if (lines.inScope(i, b.scope)) take.take(i, percentOf(rem[i]!, b.rate));
      }
      return;
    case 'packageDiscount':
      for (let k = 0; k < times; k++) {
        for (let i = 0; i < n; i++) if (lines.inPackageScope(i, b.scope)) take.take(i, percentOf(rem[i]!, b.rate));
      }
      return;
    case 'amountOff': {
      // A rebate is drawn line by line in the context's order until it is used up.
      let left = b.amount.minor * times;
      for (let i = 0; i < n && left > 0; i++) if (lines.inScope(i, b.scope)) left -= take.take(i, left);
      return;
    }
    case 'freeUnlocks': {
      let left = b.count * times;
      for (let i = 0; i < n && left > 0; i++) {
        if (lines.info[i]!.priceType !== 'UNLOCK_FEE' || !lines.inScope(i, b.scope)) continue;
        if (take.take(i, rem[i]!) > 0) left--;
      }
      return;
    }
    case 'freeMinutes': {
      let left = b.minutes * times;
      for (let i = 0; i < n && left > 0; i++) {
        const mins = lines.minutesLeft[i]!;
        if (!TIME_PRICED.includes(lines.info[i]!.priceType ?? '') || !(mins > 0) || !lines.inScope(i, b.scope)) continue;
        // The free minutes cost what the line's remaining minutes cost on average, rounded.
        const covered = Math.min(left, mins);
        lines.minutesLeft[i] = mins - covered;
        left -= covered;
        take.take(i, covered === mins ? rem[i]! : mulDivRound(rem[i]!, covered, mins));
      }
      return;
    }
    case 'entitlement':
      for (let i = 0; i < n; i++) {
        const cs = lines.info[i]!.costSource;
        if (cs?.group !== 'ADDITION' || cs.code !== b.addition || !lines.inScope(i, b.scope)) continue;
        take.take(i, rem[i]!);
      }
      return;
    case 'credit':
      grants.push({ campaign, type: 'credit', amount: b.amount.minor * times, currency: b.amount.currency });
      return;
    case 'trialExtension':
      grants.push({ campaign, type: 'trialExtension', days: b.days * times });
      return;
  }
}
