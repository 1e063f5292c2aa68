import type { DocPath } from '../../../model/diagnostic.js';
import type { AnyResource } from '../../../generated/index.js';
import { benefitLists, view } from '../../analysis/spec-view.js';
import { defineRule } from '../../types.js';

export default defineRule({
  id: 'limits/budget-currency-mismatch',
  description: "A campaign's budget is in a different currency from the amounts it grants or charges, so the budget cannot be drawn down.",
  defaultSeverity: 'error',
  messages: {
    mismatch: 'The budget of "{{name}}" is in {{budget}}, but {{field}} is in {{currency}}.',
  },
  hints: {
    mismatch: 'Use one currency in a campaign; create one campaign per currency if you sell in several.',
  },
  check({ model, report }) {
    for (const at of model.resources) {
      const budget = view(at.resource).limits?.budget;
      if (!budget) continue;
      const other = moneyFields(at.resource).find((m) => m.currency !== budget.currency);
      if (!other) continue;
      report({
        messageId: 'mismatch',
        at,
        path: ['spec', 'limits', 'budget', 'currency'],
        data: { name: at.resource.metadata.name, budget: budget.currency, currency: other.currency, field: other.path.join('.') },
        related: [{ at, path: [...other.path, 'currency'], message: `${other.currency} here` }],
      });
    }
  },
});

function moneyFields(r: AnyResource): { path: DocPath; currency: string }[] {
  const s = view(r);
  const out: { path: DocPath; currency: string }[] = [];
  for (const { path, benefits } of benefitLists(r)) {
    benefits.forEach((b, i) => {
      if (b.amountOff) out.push({ path: [...path, i, 'amountOff'], currency: b.amountOff.currency });
      if (b.credit) out.push({ path: [...path, i, 'credit'], currency: b.credit.currency });
    });
  }
  if (s.price) out.push({ path: ['spec', 'price'], currency: s.price.currency });
  if (s.conditions?.minimumSpend) out.push({ path: ['spec', 'conditions', 'minimumSpend'], currency: s.conditions.minimumSpend.currency });
  return out;
}
