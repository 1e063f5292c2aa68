import { vertexCount } from '../../../geo/index.js';
import { ofKind } from '../../../model/resource.js';
import { defineRule } from '../../types.js';
import { geometryRoot } from './invalid-geometry.js';

export default defineRule({
  id: 'geofence/too-complex',
  description: 'A geofence has more positions than the vertex budget (1000 by default); every rental start and end is tested against it.',
  defaultSeverity: 'warn',
  messages: {
    tooComplex: 'Geofence "{{name}}" has {{vertices}} positions, over the budget of {{budget}}.',
  },
  hints: {
    tooComplex: 'Simplify the outline (e.g. Douglas–Peucker with a few metres tolerance) before committing it.',
  },
  check({ model, analysis, settings, report }) {
    for (const at of ofKind(model, 'Geofence')) {
      const g = analysis.atlas.geometry(at.resource.metadata.name);
      const vertices = g ? vertexCount(g) : 0;
      if (vertices > settings.maxVertices)
        report({ messageId: 'tooComplex', at, path: geometryRoot(at), data: { name: at.resource.metadata.name, vertices, budget: settings.maxVertices } });
    }
  },
});
