import type { DocPath } from '../../../model/diagnostic.js';
import { isCampaign } from '../../../model/resource.js';
import { formatInstant, isActive, view, windowBounds, type SpecView } from '../../analysis/spec-view.js';
import { defineRule } from '../../types.js';

export default defineRule({
  id: 'window/expired',
  description: 'An active campaign whose window (or last phase) has already ended.',
  defaultSeverity: 'warn',
  messages: {
    expired: '"{{name}}" ended on {{until}} but is still active.',
  },
  hints: {
    expired: 'Set `status: inactive` or delete it; to keep it running, move `until` forward.',
  },
  check({ model, settings, report }) {
    for (const at of model.resources) {
      const r = at.resource;
      if (!isCampaign(r) || !isActive(r)) continue;
      const s = view(r);
      const ends = [
        ...(s.window?.until ? [{ until: windowBounds(s.window)[1], path: ['spec', 'window', 'until'] }] : []),
        // A phased campaign ends with its last phase, unless a phase is open-ended.
        ...(s.phases && s.phases.every((p) => p.window.until) ? [lastPhaseEnd(s.phases)] : []),
      ];
      const end = ends.sort((a, b) => a.until - b.until)[0];
      if (end && end.until <= settings.now)
        report({ messageId: 'expired', at, path: end.path, data: { name: r.metadata.name, until: formatInstant(end.until) } });
    }
  },
});

function lastPhaseEnd(phases: NonNullable<SpecView['phases']>): { until: number; path: DocPath } {
  return phases
    .map((p, i) => ({ until: windowBounds(p.window)[1], path: ['spec', 'phases', i, 'window', 'until'] as DocPath }))
    .reduce((a, b) => (b.until > a.until ? b : a));
}
