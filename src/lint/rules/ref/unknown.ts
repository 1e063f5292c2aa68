import { closest, distance } from 'fastest-levenshtein';
import type { Kind } from '../../../generated/index.js';
import { refsOf } from '../../../load/cross-checks.js';
import { ofKind } from '../../../model/resource.js';
import { defineRule } from '../../types.js';

/** Who a referenced tag must be assigned to, by the field that references it. */
const SUBJECT: Readonly<Record<string, 'user' | 'vehicle'>> = { requireTags: 'user', excludeTags: 'user', vehicleTags: 'vehicle' };

export default defineRule({
  id: 'ref/unknown',
  description: 'A reference to a user type, tag, geofence or campaign that does not exist, or to a tag not assigned to that kind of subject.',
  defaultSeverity: 'error',
  messages: {
    unknown: '{{field}} refers to {{kind}} "{{ref}}", which does not exist{{suggestion}}.',
    wrongSubject: '{{field}} uses tag "{{ref}}", which is assigned to {{subjects}}, not to {{subject}}s.',
  },
  hints: {
    unknown: 'Fix the name, or add the {{kind}} resource.',
    wrongSubject: 'Add "{{subject}}" to the tag\'s spec.subjects, or use a {{subject}} tag.',
  },
  check({ model, report }) {
    const names = new Map<string, Set<string>>();
    const known = (kind: Kind): Set<string> => {
      let set = names.get(kind);
      if (!set) {
        set = new Set(ofKind(model, kind).map((l) => l.resource.metadata.name));
        names.set(kind, set);
      }
      return set;
    };
    const subjects = new Map(ofKind(model, 'Tag').map((t) => [t.resource.metadata.name, t.resource.spec.subjects as readonly string[]]));
    for (const at of model.resources) {
      // The loader's own check (model/unresolved-ref) finds the same unknown names; the runner keeps one.
      for (const ref of refsOf(at.resource)) {
        // Named only in a finding: most references resolve.
        const field = (): string =>
          ref.path
            .filter((s) => typeof s === 'string')
            .slice(1)
            .join('.');
        const subject = SUBJECT[String(ref.path.at(-2))];
        if (!known(ref.kind).has(ref.name)) {
          const guess = suggest(ref.name, [...known(ref.kind)]);
          report({
            messageId: 'unknown',
            at,
            path: ref.path,
            data: { field: field(), kind: ref.kind, ref: ref.name, suggestion: guess ? ` (did you mean "${guess}"?)` : '' },
          });
        } else if (subject && !subjects.get(ref.name)?.includes(subject)) {
          report({
            messageId: 'wrongSubject',
            at,
            path: ref.path,
            data: { field: field(), ref: ref.name, subject, subjects: (subjects.get(ref.name) ?? []).join(', ') },
          });
        }
      }
    }
  },
});

function suggest(name: string, candidates: string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const c = closest(name, candidates);
  return distance(name, c) <= Math.max(2, Math.floor(name.length / 4)) ? c : undefined;
}
