import type { Located } from '../../../model/resource.js';
import { view } from '../../analysis/spec-view.js';
import { defineRule } from '../../types.js';

/** Characters customers mistake for one another when reading or typing a code. */
const LOOK_ALIKE: Readonly<Record<string, string>> = { O: '0', Q: '0', I: '1', L: '1', S: '5', Z: '2', B: '8' };

export function codeSkeleton(code: string): string {
  return [...code.toUpperCase()].map((c) => LOOK_ALIKE[c] ?? c).join('');
}

export default defineRule({
  id: 'code/confusable',
  description: 'Two codes differ only by look-alike characters (O/0, I/L/1, S/5, Z/2, B/8) or case, so customers will enter one for the other.',
  defaultSeverity: 'warn',
  messages: {
    confusable: 'Code "{{code}}" of "{{name}}" is easily mistaken for "{{other}}" of "{{otherName}}".',
  },
  hints: {
    confusable: 'Change one of the codes so they differ by more than look-alike characters.',
  },
  check({ model, report }) {
    const bySkeleton = new Map<string, { at: Located; code: string }>();
    for (const at of model.resources) {
      const code = view(at.resource).code;
      if (code === undefined) continue;
      const key = codeSkeleton(code);
      const first = bySkeleton.get(key);
      if (!first) {
        bySkeleton.set(key, { at, code });
        continue;
      }
      if (first.code === code) continue; // an exact duplicate is the loader's error, not a look-alike
      report({
        messageId: 'confusable',
        at,
        path: ['spec', 'code'],
        data: { code, name: at.resource.metadata.name, other: first.code, otherName: first.at.resource.metadata.name },
        related: [{ at: first.at, path: ['spec', 'code'], message: `"${first.code}" is defined here` }],
      });
    }
  },
});
