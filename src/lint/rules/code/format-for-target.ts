import { view } from '../../analysis/spec-view.js';
import type { TargetRef } from '../../settings.js';
import { reaches } from '../../analysis/reaches.js';
import { defineRule } from '../../types.js';

/** Code formats the target APIs accept, from their documentation (API-NOTES.md, seeds/). */
const FORMATS: readonly { provider: TargetRef['provider']; kinds: readonly string[]; pattern: RegExp; text: string }[] = [
  // EV billing: "Uppercase letters and numbers only, 4–20 characters."
  { provider: 'ev-billing', kinds: ['Promotion'], pattern: /^[A-Z0-9]{4,20}$/, text: '4–20 uppercase letters and digits' },
];

/** Without targets in the config, plans go to the local emulators, which cover every provider. */
const LOCAL: readonly TargetRef[] = [{ name: 'local', provider: 'ev-billing' }];

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
        if (!f.kinds.includes(at.resource.kind) || f.pattern.test(code)) continue;
        const target = targets.find((t) => t.provider === f.provider && reaches(t, at.resource));
        if (!target) continue;
        report({
          messageId: 'format', at, path: ['spec', 'code'],
          data: { code, name: at.resource.metadata.name, target: target.name, provider: f.provider, format: f.text, suggestion: code.replace(/[^A-Z0-9]/g, '').slice(0, 20).padEnd(4, '0') },
        });
      }
    }
  },
});
