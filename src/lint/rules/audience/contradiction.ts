import { view } from '../../analysis/spec-view.js';
import { defineRule } from '../../types.js';

export default defineRule({
  id: 'audience/contradiction',
  description: 'An audience that requires and excludes the same tag matches nobody, so the campaign can never apply.',
  defaultSeverity: 'error',
  messages: {
    contradiction: '"{{name}}" both requires and excludes tag "{{tag}}", so no customer is eligible.',
  },
  hints: {
    contradiction: 'Remove "{{tag}}" from requireTags or from excludeTags.',
  },
  check({ model, report }) {
    for (const at of model.resources) {
      const a = view(at.resource).audience;
      const required = new Set(a?.requireTags ?? []);
      a?.excludeTags?.forEach((tag, i) => {
        if (required.has(tag))
          report({ messageId: 'contradiction', at, path: ['spec', 'audience', 'excludeTags', i], data: { name: at.resource.metadata.name, tag } });
      });
    }
  },
});
