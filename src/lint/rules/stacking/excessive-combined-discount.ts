import { BROAD_LINE } from '../../analysis/discounts.js';
import { describeWindow } from '../../analysis/spec-view.js';
import { defineRule } from '../../types.js';

export default defineRule({
  id: 'stacking/excessive-combined-discount',
  description:
    'Stackable discounts that can all apply to one context combine, applied in ' +
    'sequence, to the cap (100% unless lint.maxCombinedDiscountPercent says otherwise).',
  defaultSeverity: 'error',
  messages: {
    excessive: 'Stacked in order {{stack}}, the worst-case discount on {{line}} reaches {{combined}}% (cap {{cap}}%) {{window}}.',
  },
  hints: {
    excessive:
      'Make one of them non-stackable, lower a discount or separate their windows ' +
      'or audiences; raise lint.maxCombinedDiscountPercent only if this is intended.',
  },
  check({ analysis, settings, report }) {
    for (const s of analysis.discountStacks) {
      const last = s.members.at(-1)!;
      report({
        messageId: 'excessive',
        at: last.at,
        path: s.shares.at(-1)!.path,
        data: {
          stack: s.members.map((m, i) => `"${m.name}" ${round(s.shares[i]!.share * 100)}%`).join(' → '),
          line: s.line === BROAD_LINE ? 'the whole amount' : s.line.replace(/^(pt|cs):/, ''),
          combined: round(s.combined * 100),
          cap: settings.maxCombinedDiscountPercent,
          window: describeWindow(s.from, s.until),
          name: last.name,
        },
        related: s.members
          .slice(0, -1)
          .map((m, i) => ({ at: m.at, path: s.shares[i]!.path, message: `"${m.name}" takes ${round(s.shares[i]!.share * 100)}%` })),
      });
    }
  },
});

function round(percent: number): number {
  return Math.round(percent * 100) / 100;
}
