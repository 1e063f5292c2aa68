import { describeRank } from '../../analysis/order.js';
import { describeWindow } from '../../analysis/spec-view.js';
import { listNames } from '../../message.js';
import { defineRule } from '../../types.js';
import { stackingPath } from './ambiguous-order.js';

export default defineRule({
  id: 'stacking/exclusive-overlap',
  description: 'Where a non-stackable campaign and a campaign ranked after it are both eligible, the non-stackable one applies and the other does not.',
  defaultSeverity: 'info',
  messages: {
    yields: 'Where both are eligible ({{window}}), "{{name}}" ({{rank}}) gives way to non-stackable {{winners}}{{more}}, which {{verb}} first.',
  },
  hints: {
    yields: 'If that is intended there is nothing to do; otherwise change the priorities, make one of them stackable, or separate their windows or audiences.',
  },
  check({ analysis, report }) {
    for (const { offer, others, more, from, until } of analysis.stacking.exclusive) {
      report({
        messageId: 'yields',
        at: offer.at,
        path: stackingPath(offer),
        data: {
          name: offer.name,
          rank: describeRank(offer),
          winners: listNames(others.map((o) => o.name)),
          more: more ? ' among others' : '',
          verb: others.length === 1 && !more ? 'goes' : 'go',
          window: describeWindow(from, until),
        },
        related: others.slice(0, 3).map((w) => ({ at: w.at, path: stackingPath(w), message: `"${w.name}" goes first (${describeRank(w)})` })),
      });
    }
  },
});
