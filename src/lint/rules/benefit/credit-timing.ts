import { isCampaign } from '../../../model/resource.js';
import { benefitLists, type Benefit } from '../../analysis/spec-view.js';
import { defineRule } from '../../types.js';

/** What scopes a benefit to rental lines or places, which claim-time wallet credit does not honour. */
function rentalScope(b: Benefit): string | undefined {
  if ((b.appliesTo?.priceTypes?.length ?? 0) + (b.appliesTo?.costSources?.length ?? 0) > 0) return 'appliesTo';
  if (b.branches) return 'branches';
  if (b.vehicleCategories) return 'vehicleCategories';
  return undefined;
}

export default defineRule({
  id: 'benefit/credit-timing',
  description:
    'A credit whose timing changes what the customer gets: claim-time wallet credit scoped to rental lines or places it cannot be held to, ' +
    'or a rental-time credit ahead of a percentage discount, which then takes its percentage of less.',
  defaultSeverity: 'warn',
  messages: {
    scopeIgnored:
      'Benefit {{index}} of "{{name}}" is claim-time credit (wallet balance when the voucher is claimed): ' +
      'its {{field}} does not limit it, since the wallet pays any price.',
    creditBeforeDiscount:
      'Benefit {{credit}} of "{{name}}" is a rental-time credit ahead of benefit {{discount}} ({{percent}}% off): ' +
      'the percentage is taken of what the credit leaves, so the customer saves less than with claim-time credit or with the percentage first.',
  },
  hints: {
    scopeIgnored:
      'If the tenant turns promotion redemptions into rental-time vouchers, say `creditAt: rental`; ' +
      'otherwise drop the scope, or use amountOff for a rebate on those lines.',
    creditBeforeDiscount:
      'List the percentage before the credit if it should apply to the full price, ' +
      'or make the credit claim-time (`creditAt: claim`) if that is what the tenant does.',
  },
  check({ model, report }) {
    for (const at of model.resources) {
      if (!isCampaign(at.resource)) continue;
      const name = at.resource.metadata.name;
      for (const { path, benefits } of benefitLists(at.resource)) {
        let rentalCredit: number | undefined;
        benefits.forEach((b, index) => {
          if (b.credit && b.creditAt !== 'rental') {
            const field = rentalScope(b);
            if (field) report({ messageId: 'scopeIgnored', at, path: [...path, index, field], data: { index, name, field } });
          }
          if (b.credit && b.creditAt === 'rental') rentalCredit ??= index;
          if (b.percentOff !== undefined && rentalCredit !== undefined) {
            report({
              messageId: 'creditBeforeDiscount',
              at,
              path: [...path, index, 'percentOff'],
              data: { credit: rentalCredit, discount: index, name, percent: b.percentOff },
            });
          }
        });
      }
    }
  },
});
