import { isCampaign } from '../../../model/resource.js';
import { PROVIDER_IDS, providerFor } from '../../../providers/index.js';
import { formatInstant, isActive, view, windowBounds } from '../../analysis/spec-view.js';
import type { TargetRef } from '../../settings.js';
import { reaches } from '../../analysis/reaches.js';
import { defineRule } from '../../types.js';

/** Without targets in the config, plans go to the local emulators: each provider takes `labels.target: <provider>`. */
const LOCAL: readonly TargetRef[] = PROVIDER_IDS.map((provider) => ({ name: 'local', provider, selector: { target: provider } }));

export default defineRule({
  id: 'window/schedule-granularity',
  description: "A launch that promoc's scheduler (`apply --due`) carries out is closer than the scheduler's granularity, or the window is shorter than it.",
  defaultSeverity: 'warn',
  messages: {
    soon:
      '"{{name}}" launches at {{from}} on target "{{target}}" ({{provider}}, no start ' +
      "date): {{minutes}} min from now, closer than the scheduler's " +
      '{{granularity}}-minute granularity, so it may launch up to {{granularity}} min late.',
    short:
      '"{{name}}" runs {{minutes}} min on target "{{target}}" ({{provider}}, no start date), shorter than the ' +
      "scheduler's {{granularity}}-minute granularity: it may be created late or only after it has ended.",
  },
  hints: {
    soon:
      'Move `from` at least {{granularity}} min ahead, run `promoc apply --due` yourself once it is ' +
      "due, or lower `schedule.granularityMinutes` (and the workflow's cron) in promoc.config.yaml.",
    short: 'Make the window at least {{granularity}} min long, plan the campaign on a target that holds a start date, or lower `schedule.granularityMinutes`.',
  },
  check({ model, settings, report }) {
    const granularity = settings.scheduleGranularityMinutes;
    const targets = settings.targets ?? LOCAL;
    for (const at of model.resources) {
      const r = at.resource;
      if (!isCampaign(r) || !isActive(r)) continue;
      const w = view(r).window;
      if (w?.from === undefined) continue;
      const target = targets.find((t) => reaches(t, r) && providerFor(t.provider).capabilities.kinds[r.kind]?.holds?.start === false);
      if (!target) continue;
      const [from, until] = windowBounds(w);
      const data = { name: r.metadata.name, target: target.name, provider: target.provider, granularity, from: formatInstant(from) };
      if (until !== Infinity && until - from < granularity * 60_000) {
        report({ messageId: 'short', at, path: ['spec', 'window'], data: { ...data, minutes: Math.round((until - from) / 60_000) } });
      } else if (from > settings.now && from - settings.now < granularity * 60_000) {
        report({ messageId: 'soon', at, path: ['spec', 'window', 'from'], data: { ...data, minutes: Math.round((from - settings.now) / 60_000) } });
      }
    }
  },
});
