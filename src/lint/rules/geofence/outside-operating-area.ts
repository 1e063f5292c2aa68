import { defineRule } from '../../types.js';
import { geometryRoot } from './invalid-geometry.js';

export default defineRule({
  id: 'geofence/outside-operating-area',
  description: 'A geofence lies outside the operating area (configured, or inferred from where the other geofences are).',
  defaultSeverity: 'warn',
  messages: {
    outside: 'Geofence "{{name}}" lies {{where}}.',
  },
  hints: {
    outside: "Check the coordinates ([longitude, latitude]) and the city; a zone in another market belongs with that market's geofences.",
  },
  check({ analysis, report }) {
    for (const p of analysis.placements.values()) {
      // A probable lat/lon swap is reported by geofence/invalid-geometry, which names the cause.
      if (p.verdict !== 'outside') continue;
      const at = p.at as Parameters<typeof geometryRoot>[0];
      report({ messageId: 'outside', at, path: geometryRoot(at), data: { name: p.name, where: p.where } });
    }
  },
});
