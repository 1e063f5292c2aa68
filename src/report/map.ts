// The geofences a map shows, and where they overlap: candidate pairs from the atlas (spatial index,
// exact relation), the overlap area clipped once per pair so the map can highlight it. A changed
// geofence carries its base shape too, and a removed one is drawn from the base alone.
import { createAtlas } from '../geo/index.js';
import { intersect } from '../geo/clip.js';
import type { MultiPolygonCoords } from '../geo/index.js';
import type { GeofenceChange } from '../simulate/types.js';
import type { MapGeofence, MapOverlap } from './types.js';

export function mapData(
  geometries: ReadonlyMap<string, MultiPolygonCoords>,
  changes: readonly GeofenceChange[],
): { geofences: MapGeofence[]; overlaps: MapOverlap[] } {
  const changed = new Map(changes.map((g) => [g.name, g]));
  const atlas = createAtlas(geometries);
  const geofences: MapGeofence[] = atlas.names.flatMap((name) => {
    const coordinates = geometries.get(name);
    if (!coordinates || coordinates.length === 0) return [];
    const change = changed.get(name);
    return [
      {
        name,
        coordinates,
        ...(change ? { change: change.change } : {}),
        ...(change?.change === 'changed' && change.before ? { before: change.before.coordinates } : {}),
      },
    ];
  });
  for (const g of changes) {
    if (g.change === 'removed' && g.before && !geometries.has(g.name))
      geofences.push({ name: g.name, coordinates: [], change: 'removed', before: g.before.coordinates });
  }
  const overlaps: MapOverlap[] = [];
  for (const { a, b } of atlas.overlappingPairs()) {
    const o = atlas.pairOverlap(a, b);
    const area = intersect(geometries.get(a)!, geometries.get(b)!);
    if (o && o.kind !== 'none' && area && area.length > 0) overlaps.push({ a, b, areaM2: Math.round(o.areaM2), coordinates: area });
  }
  return { geofences, overlaps };
}
