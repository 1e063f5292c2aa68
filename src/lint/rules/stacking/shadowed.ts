import { describeRank } from '../../analysis/order.js';
import { describeWindow, firstPath } from '../../analysis/spec-view.js';
import { defineRule } from '../../types.js';
import type { DocPath } from '../../../model/diagnostic.js';
import { stackingPath } from './ambiguous-order.js';

/** Where the finding points, the first that exists (shared paths: findings never change theirs). */
const WHERE: readonly DocPath[] = [
  ['spec', 'stacking', 'priority'],
  ['spec', 'stacking'],
  ['spec', 'benefits'],
];

export default defineRule({
  id: 'stacking/shadowed',
  description: 'A campaign can never apply because a non-stackable campaign that goes first is eligible wherever it is.',
  defaultSeverity: 'error',
  messages: {
    shadowed: '"{{name}}" can never apply: "{{winner}}" ({{winnerRank}}) goes first and is eligible wherever "{{name}}" is, {{window}}.',
  },
  hints: {
    shadowed: 'Raise "{{name}}" above priority {{winnerPriority}}, make "{{winner}}" stackable, or narrow "{{winner}}" (window, audience, scope, zone).',
  },
  check({ analysis, report }) {
    for (const {
      offer,
      others: [winner],
      from,
      until,
    } of analysis.stacking.shadowed) {
      if (!winner) continue;
      report({
        messageId: 'shadowed',
        at: offer.at,
        path: firstPath(offer.at.resource, ...WHERE),
        data: { name: offer.name, winner: winner.name, winnerRank: describeRank(winner), winnerPriority: winner.priority, window: describeWindow(from, until) },
        related: [{ at: winner.at, path: stackingPath(winner), message: `"${winner.name}" wins (${describeRank(winner)})` }],
      });
    }
  },
});
