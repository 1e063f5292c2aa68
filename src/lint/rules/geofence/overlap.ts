import { formatArea } from '../../../geo/index.js';
import { sidesName } from '../../analysis/meet.js';
import { describeWindow } from '../../analysis/spec-view.js';
import type { ZonePair } from '../../analysis/zones.js';
import { defineRule } from '../../types.js';
import { resourceKey } from '../../../model/resource.js';

export default defineRule({
  id: 'geofence/overlap',
  description: 'Two geofence promotions whose zones share area can fire on the same rental event at the same time; containment counts, touching edges do not.',
  defaultSeverity: 'warn',
  messages: {
    overlap: 'Promotions "{{name}}" and "{{other}}" overlap by {{area}} ({{share}}% of the smaller zone) and both fire on rental {{sides}} {{window}}.',
    contained: 'The zone of promotion "{{name}}" lies entirely inside that of "{{other}}" ({{area}}); both fire on rental {{sides}} {{window}}.',
  },
  hints: {
    overlap: 'Make the zones disjoint, give them different phases or windows, or check that their stacking is intended.',
    contained: 'Make the zones disjoint, give them different phases or windows, or check that their stacking is intended.',
  },
  check({ analysis, report }) {
    for (const p of analysis.zonePairs) {
      if (p.a.kind !== 'GeofencePromotion' || p.b.kind !== 'GeofencePromotion') continue;
      report(zoneFinding(p, 'promotion'));
    }
  },
});

/** Shared with geofence/surcharge-overlap: report on the smaller zone's campaign, the other as related. */
export function zoneFinding(p: ZonePair, noun: string) {
  const o = p.overlap;
  // Report where the smaller zone is (the one "inside"); the larger is related. Equal zones: the later name.
  const aInner = o.areaA !== o.areaB ? o.areaA < o.areaB : resourceKey(p.a) > resourceKey(p.b);
  const [inner, outer] = aInner ? [p.a, p.b] : [p.b, p.a];
  const contained = o.kind !== 'partial';
  return {
    messageId: contained ? ('contained' as const) : ('overlap' as const),
    at: inner.at,
    path: ['spec', 'zone', 'geofences'],
    data: {
      name: inner.name,
      other: outer.name,
      area: formatArea(o.areaM2),
      share: Math.round(o.share * 1000) / 10,
      sides: sidesName(p.sides),
      window: describeWindow(Math.max(p.a.from, p.b.from), Math.min(p.a.until, p.b.until)),
    },
    related: [{ at: outer.at, path: ['spec', 'zone', 'geofences'], message: `${noun} "${outer.name}" covers this area too` }],
  };
}
