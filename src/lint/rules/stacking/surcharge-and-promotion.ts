import { formatArea } from '../../../geo/index.js';
import { sidesName } from '../../analysis/meet.js';
import { describeWindow } from '../../analysis/spec-view.js';
import { defineRule } from '../../types.js';

export default defineRule({
  id: 'stacking/surcharge-and-promotion',
  description: 'A geofence surcharge and a geofence promotion can fire on the same rental event in the same place at the same time.',
  defaultSeverity: 'warn',
  messages: {
    both:
      'Promotion "{{name}}" and surcharge "{{surcharge}}" both fire on rental {{sides}} in {{area}} ({{share}}% ' +
      'of the smaller zone) {{window}}: the same rental is charged a fee and given a discount there.',
  },
  hints: {
    both:
      "Keep the promotion's zone out of the surcharge zone or use different phases; to waive " +
      'the fee on purpose, target the surcharge with appliesTo.costSources (group SURCHARGE).',
  },
  check({ analysis, report }) {
    for (const p of analysis.zonePairs) {
      const [promotion, surcharge] = p.a.surcharge ? [p.b, p.a] : [p.a, p.b];
      if (promotion.surcharge || !surcharge.surcharge) continue;
      // A promotion that only reduces surcharge lines is a deliberate waiver.
      if (promotion.benefits.length > 0 && promotion.benefits.every((b) => b.lines !== null && [...b.lines].every((l) => l.startsWith('cs:SURCHARGE:'))))
        continue;
      report({
        messageId: 'both',
        at: promotion.at,
        path: ['spec', 'zone', 'geofences'],
        data: {
          name: promotion.name,
          surcharge: surcharge.name,
          sides: sidesName(p.sides),
          area: formatArea(p.overlap.areaM2),
          share: Math.round(p.overlap.share * 1000) / 10,
          window: describeWindow(Math.max(p.a.from, p.b.from), Math.min(p.a.until, p.b.until)),
        },
        related: [{ at: surcharge.at, path: ['spec', 'zone', 'geofences'], message: `surcharge "${surcharge.name}" charges here` }],
      });
    }
  },
});
