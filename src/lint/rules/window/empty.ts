import { isCampaign } from '../../../model/resource.js';
import { formatInstant, view, windowBounds } from '../../analysis/spec-view.js';
import { defineRule } from '../../types.js';

export default defineRule({
  id: 'window/empty',
  description: "A window that contains no instant: it ends before it starts, or a phase lies outside its campaign's window.",
  defaultSeverity: 'error',
  messages: {
    empty: 'The window of "{{name}}" is empty: until ({{until}}) is not after from ({{from}}).',
    emptyPhase: 'Phase "{{phase}}" of "{{name}}" is empty: until ({{until}}) is not after from ({{from}}).',
    phaseOutside: 'Phase "{{phase}}" of "{{name}}" ({{from}} – {{until}}) lies outside the campaign window, so it never applies.',
  },
  hints: {
    empty: 'A window runs from `from` (inclusive) to `until` (exclusive); fix or swap the dates.',
    emptyPhase: 'A window runs from `from` (inclusive) to `until` (exclusive); fix or swap the dates.',
    phaseOutside: 'Move the phase inside spec.window, or widen spec.window.',
  },
  check({ model, report }) {
    for (const at of model.resources) {
      const r = at.resource;
      if (!isCampaign(r)) continue;
      const s = view(r);
      const name = r.metadata.name;
      const [wf, wu] = windowBounds(s.window);
      if (s.window && wu <= wf)
        report({ messageId: 'empty', at, path: ['spec', 'window', 'until'], data: { name, from: formatInstant(wf), until: formatInstant(wu) } });
      s.phases?.forEach((p, i) => {
        const [pf, pu] = windowBounds(p.window);
        const data = { name, phase: p.name, from: pf === -Infinity ? '…' : formatInstant(pf), until: pu === Infinity ? '…' : formatInstant(pu) };
        if (pu <= pf) report({ messageId: 'emptyPhase', at, path: ['spec', 'phases', i, 'window', 'until'], data });
        else if (wf < wu && (pu <= wf || pf >= wu)) report({ messageId: 'phaseOutside', at, path: ['spec', 'phases', i, 'window'], data });
      });
    }
  },
});
