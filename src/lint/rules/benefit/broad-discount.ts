import { isCampaign } from '../../../model/resource.js';
import { isTargeted } from '../../analysis/offers.js';
import { benefitLists, type Benefit } from '../../analysis/spec-view.js';
import { defineRule } from '../../types.js';

const VALUE_EFFECTS = ['percentOff', 'amountOff', 'credit'] as const;

export default defineRule({
  id: 'benefit/broad-discount',
  description:
    'A value or discount benefit without targeting in a campaign that targets price lines elsewhere: it reduces the whole rental, probably more than intended.',
  defaultSeverity: 'warn',
  messages: {
    broad:
      'Benefit {{index}} of "{{name}}" ({{effect}}) has no price-type or cost-source targeting, ' +
      'so it reduces the whole amount, while benefit {{targetedIndex}} targets {{lines}}.',
  },
  hints: {
    broad: 'Add appliesTo (priceTypes or costSources) to this benefit too; the mobility API warns that broad vouchers reduce more of the rental than intended.',
  },
  check({ model, report }) {
    for (const at of model.resources) {
      if (!isCampaign(at.resource)) continue;
      const all = benefitLists(at.resource).flatMap(({ path, benefits }) => benefits.map((b, i) => ({ b, path: [...path, i], index: i })));
      const targeted = all.find(({ b }) => isTargeted(b));
      if (!targeted) continue;
      for (const { b, path, index } of all) {
        const effect = VALUE_EFFECTS.find((k) => b[k] !== undefined);
        // Claim-time credit is wallet balance, not a price reduction: it has no lines to be broad on (benefit/credit-timing).
        if (!effect || isTargeted(b) || (effect === 'credit' && b.creditAt !== 'rental')) continue;
        report({
          messageId: 'broad',
          at,
          path: [...path, effect],
          data: { index, name: at.resource.metadata.name, effect, targetedIndex: targeted.index, lines: linesOf(targeted.b) },
        });
      }
    }
  },
});

function linesOf(b: Benefit): string {
  const scope = b.appliesTo ?? {};
  return [...(scope.priceTypes ?? []), ...(scope.costSources ?? []).map((c) => `${c.group}:${c.code}`)].join(', ');
}
