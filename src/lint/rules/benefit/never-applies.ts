import { isCampaign } from '../../../model/resource.js';
import { benefitLists, formatInstant, view, windowBounds } from '../../analysis/spec-view.js';
import { defineRule } from '../../types.js';

const show = (ms: number): string => (Math.abs(ms) === Infinity ? '…' : formatInstant(ms));

export default defineRule({
  id: 'benefit/never-applies',
  description: "A benefit whose own dated window, branches or vehicle categories can never meet its campaign's: it grants nothing.",
  defaultSeverity: 'error',
  messages: {
    outsideWindow:
      'Benefit {{index}} of "{{name}}" is valid {{from}} – {{until}}, outside the campaign window ({{campaignFrom}} – {{campaignUntil}}), so it never applies.',
    outsideBranches: 'Benefit {{index}} of "{{name}}" applies only in {{own}}, where the campaign never applies (it targets {{campaign}}).',
    outsideCategories: 'Benefit {{index}} of "{{name}}" applies only to {{own}}, which the campaign never reaches (it targets {{campaign}}).',
  },
  hints: {
    outsideWindow: "Move the benefit's window inside spec.window, or widen spec.window.",
    outsideBranches: 'Give the benefit branches among spec.targeting.branches, or add its branches to the campaign.',
    outsideCategories: 'Give the benefit categories among spec.targeting.vehicleCategories, or add its categories to the campaign.',
  },
  check({ model, report }) {
    for (const at of model.resources) {
      const r = at.resource;
      if (!isCampaign(r)) continue;
      const s = view(r);
      const name = r.metadata.name;
      const [wf, wu] = windowBounds(s.window);
      const branches = s.targeting?.branches ?? [];
      const categories = s.targeting?.vehicleCategories ?? [];
      for (const { path, benefits } of benefitLists(r)) {
        benefits.forEach((b, index) => {
          if (b.window) {
            const [bf, bu] = windowBounds(b.window);
            const data = { index, name, from: show(bf), until: show(bu), campaignFrom: show(wf), campaignUntil: show(wu) };
            // An empty window is the loader's schema/window error already.
            if (bf < bu && wf < wu && (bu <= wf || bf >= wu)) report({ messageId: 'outsideWindow', at, path: [...path, index, 'window'], data });
          }
          if (b.branches && branches.length > 0 && !b.branches.some((x) => branches.includes(x))) {
            report({
              messageId: 'outsideBranches',
              at,
              path: [...path, index, 'branches'],
              data: { index, name, own: b.branches.join(', '), campaign: branches.join(', ') },
            });
          }
          if (b.vehicleCategories && categories.length > 0 && !b.vehicleCategories.some((x) => categories.includes(x))) {
            report({
              messageId: 'outsideCategories',
              at,
              path: [...path, index, 'vehicleCategories'],
              data: { index, name, own: b.vehicleCategories.join(', '), campaign: categories.join(', ') },
            });
          }
        });
      }
    }
  },
});
