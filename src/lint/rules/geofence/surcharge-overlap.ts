import { defineRule } from '../../types.js';
import { zoneFinding } from './overlap.js';

export default defineRule({
  id: 'geofence/surcharge-overlap',
  description: 'Two geofence surcharges whose zones share area can both charge the same rental event.',
  defaultSeverity: 'error',
  messages: {
    overlap:
      'Surcharges "{{name}}" and "{{other}}" overlap by {{area}} ({{share}}% of the smaller ' +
      'zone) and both charge a rental {{sides}} there {{window}}: the customer pays twice.',
    contained:
      'The zone of surcharge "{{name}}" lies entirely inside that of "{{other}}" ' +
      '({{area}}); both charge a rental {{sides}} there {{window}}: the customer pays twice.',
  },
  hints: {
    overlap: 'Cut one zone out of the other, or give them different phases, windows or vehicles.',
    contained: 'Cut the inner zone out of the outer one (a hole), or give them different phases, windows or vehicles.',
  },
  check({ analysis, report }) {
    for (const p of analysis.zonePairs) {
      if (p.a.surcharge && p.b.surcharge) report(zoneFinding(p, 'surcharge'));
    }
  },
});
