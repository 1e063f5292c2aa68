import { ofKind } from '../../../model/resource.js';
import { defineRule } from '../../types.js';

/** Words that promise a saving. "off" alone is too common ("drop-off"), so only "N% off" counts. */
const PROMISE =
  /\b(discounts?|promo(?:tion)?s?|vouchers?|coupons?|rebates?|sav(?:e|es|ings?)|free|deals?|bonus(?:es)?|cashback|rewards?|gifts?)\b|\d+\s*%\s*off\b/i;

export default defineRule({
  id: 'surcharge/labelled-as-discount',
  description: 'A geofence surcharge whose customer-facing name or description reads like a discount; surcharges are fees and must be labelled as such.',
  defaultSeverity: 'warn',
  messages: {
    label: 'Surcharge "{{name}}" is shown to customers as "{{text}}", which reads like a discount ("{{word}}").',
  },
  hints: {
    label: 'Name it as a fee, e.g. "Airport pick-up fee"; the mobility API says surcharges must be labelled as surcharges or fees, not as vouchers.',
  },
  check({ model, report }) {
    for (const at of ofKind(model, 'GeofenceSurcharge')) {
      const s = at.resource.spec;
      // displayName defaults to metadata.name, so the name is customer-facing when displayName is absent.
      const fields = [
        s.displayName !== undefined
          ? { path: ['spec', 'displayName'], text: s.displayName }
          : { path: ['metadata', 'name'], text: at.resource.metadata.name.replace(/-/g, ' ') },
        ...(s.publicDescription !== undefined ? [{ path: ['spec', 'publicDescription'], text: s.publicDescription }] : []),
      ];
      for (const f of fields) {
        const word = PROMISE.exec(f.text)?.[0];
        if (word)
          report({
            messageId: 'label',
            at,
            path: f.path,
            data: { name: at.resource.metadata.name, text: f.text.length > 60 ? `${f.text.slice(0, 57)}…` : f.text, word },
          });
      }
    }
  },
});
