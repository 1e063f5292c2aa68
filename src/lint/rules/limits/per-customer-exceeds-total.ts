import { findResource, ofKind } from '../../../model/resource.js';
import { view } from '../../analysis/spec-view.js';
import { defineRule } from '../../types.js';

export default defineRule({
  id: 'limits/per-customer-exceeds-total',
  description: "A per-customer limit above the total redemption limit, or a code batch larger than its campaign's redemptions: the excess can never be used.",
  defaultSeverity: 'warn',
  messages: {
    perCustomer: '"{{name}}" allows {{perCustomer}} redemptions per customer but only {{redemptions}} in total.',
    batch:
      'Code batch "{{name}}" issues {{count}} codes, but "{{campaign}}" allows only {{redemptions}} redemptions: {{unusable}} codes can never be redeemed.',
  },
  hints: {
    perCustomer: 'Lower limits.perCustomer to at most limits.redemptions, or raise limits.redemptions.',
    batch: "Issue at most {{redemptions}} codes, or raise the campaign's limits.redemptions.",
  },
  check({ model, report }) {
    for (const at of model.resources) {
      const limits = view(at.resource).limits;
      if (limits?.perCustomer !== undefined && limits.redemptions !== undefined && limits.perCustomer > limits.redemptions) {
        report({
          messageId: 'perCustomer',
          at,
          path: ['spec', 'limits', 'perCustomer'],
          data: { name: at.resource.metadata.name, perCustomer: limits.perCustomer, redemptions: limits.redemptions },
        });
      }
    }
    for (const at of ofKind(model, 'CodeBatch')) {
      const campaign = findResource(model, 'Promotion', at.resource.spec.campaign);
      const redemptions = campaign?.resource.spec.limits?.redemptions;
      if (redemptions !== undefined && at.resource.spec.count > redemptions) {
        report({
          messageId: 'batch',
          at,
          path: ['spec', 'count'],
          data: {
            name: at.resource.metadata.name,
            count: at.resource.spec.count,
            campaign: at.resource.spec.campaign,
            redemptions,
            unusable: at.resource.spec.count - redemptions,
          },
          related: [{ at: campaign!, path: ['spec', 'limits', 'redemptions'], message: `"${at.resource.spec.campaign}" allows ${redemptions} redemptions` }],
        });
      }
    }
  },
});
