import { describeRank } from '../../analysis/order.js';
import { describeWindow, hasPath } from '../../analysis/spec-view.js';
import type { Offer } from '../../analysis/offers.js';
import type { DocPath } from '../../../model/diagnostic.js';
import { listNames } from '../../message.js';
import { defineRule } from '../../types.js';

const PRIORITY: DocPath = ['spec', 'stacking', 'priority'];
const STACKING: DocPath = ['spec', 'stacking'];

/**
 * Where a campaign's stacking is written (shared paths: findings never change theirs). `firstPath` spelled
 * out: it runs for every stacking finding and each campaign it names.
 */
export const stackingPath = (o: Offer): DocPath =>
  hasPath(o.at.resource, PRIORITY) ? PRIORITY : hasPath(o.at.resource, STACKING) ? STACKING : ['metadata', 'name'];

export default defineRule({
  id: 'stacking/ambiguous-order',
  description: 'Two non-stackable campaigns that can meet have the same rank and priority, so only their names decide which one applies.',
  defaultSeverity: 'warn',
  messages: {
    tie:
      '"{{name}}" has the same rank ({{rank}}) as {{others}} and they can be eligible ' +
      'together {{window}}: only the names decide the order, and "{{first}}" sorts first.',
  },
  hints: {
    tie: 'Give the campaign that should win a higher stacking.priority, or make their windows or audiences disjoint.',
  },
  check({ analysis, report }) {
    for (const { offer, others, from, until } of analysis.stacking.ambiguous) {
      report({
        messageId: 'tie',
        at: offer.at,
        path: stackingPath(offer),
        data: {
          name: offer.name,
          rank: describeRank(offer),
          others: listNames(others.map((o) => o.name)),
          first: others[0]!.name,
          window: describeWindow(from, until),
        },
        related: others.slice(0, 3).map((o) => ({ at: o.at, path: stackingPath(o), message: `"${o.name}" has the same rank (${describeRank(o)})` })),
      });
    }
  },
});
