import { productOf } from '../../../model/product.js';
import { isCampaign } from '../../../model/resource.js';
import { defineRule } from '../../types.js';

export default defineRule({
  id: 'scope/unknown-product',
  description:
    'In a repository pricing several products, a campaign whose product is neither ' +
    'stated nor implied by its target, so lint pairs it with campaigns of every product.',
  defaultSeverity: 'warn',
  messages: {
    unknown: '"{{name}}" does not say which product it prices, so it is checked against campaigns of every product ({{products}}).',
  },
  hints: {
    unknown:
      'Add `product: ev-charging`, `vehicle-rental` or `subscription-billing` to spec, or label it with the target API it is planned on (labels.target).',
  },
  check({ model, report }) {
    const campaigns = model.resources.filter((at) => isCampaign(at.resource));
    const known = new Set(campaigns.map((at) => productOf(at.resource).product).filter((p) => p !== undefined));
    // A repository for one product needs no product: nothing of another product can be paired with it.
    if (known.size < 2) return;
    const products = [...known].sort().join(', ');
    for (const at of campaigns) {
      if (productOf(at.resource).product !== undefined) continue;
      report({ messageId: 'unknown', at, path: ['metadata', 'name'], data: { name: at.resource.metadata.name, products } });
    }
  },
});
