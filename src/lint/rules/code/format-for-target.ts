import type { Kind } from '../../../generated/index.js';
import { PROVIDER_IDS, providerFor } from '../../../providers/index.js';
import { view } from '../../analysis/spec-view.js';
import type { TargetRef } from '../../settings.js';
import { reaches } from '../../analysis/reaches.js';
import { defineRule } from '../../types.js';

/** The code formats the providers restrict, by kind (KindCapability.codeFormat). */
const FORMATS = PROVIDER_IDS.flatMap((provider) =>
  Object.entries(providerFor(provider).capabilities.kinds).flatMap(([kind, k]) => (k?.codeFormat ? [{ provider, kind: kind as Kind, ...k.codeFormat }] : [])),
);

/**
 * Without targets in the config, plans go to the local emulators, which cover every provider; each plans the
 * resources labelled with its id (labels.target), so a Lago coupon is never held to the EV billing form.
 */
const LOCAL: readonly TargetRef[] = PROVIDER_IDS.map((provider) => ({ name: 'local', provider, selector: { target: provider } }));

export default defineRule({
  id: 'code/format-for-target',
  description: 'A code that a target it is planned against cannot accept (e.g. the EV billing API takes only 4–20 uppercase letters and digits).',
  defaultSeverity: 'error',
  messages: {
    format: 'Code "{{code}}" of "{{name}}" cannot be created on target "{{target}}" ({{provider}}): it accepts {{format}}.',
  },
  hints: {
    format: 'Use a code such as "{{suggestion}}", or keep this campaign off that target (target kinds or selector).',
  },
  check({ model, settings, report }) {
    const targets = settings.targets ?? LOCAL;
    for (const at of model.resources) {
      const code = view(at.resource).code;
      if (code === undefined) continue;
      for (const f of FORMATS) {
        if (f.kind !== at.resource.kind || f.pattern.test(code)) continue;
        const target = targets.find((t) => t.provider === f.provider && reaches(t, at.resource));
        if (!target) continue;
        report({
          messageId: 'format',
          at,
          path: ['spec', 'code'],
          data: { code, name: at.resource.metadata.name, target: target.name, provider: f.provider, format: f.text, suggestion: f.suggest(code) },
        });
      }
    }
  },
});
