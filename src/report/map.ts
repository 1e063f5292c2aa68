// The geofences a map shows, and where they overlap: candidate pairs from the atlas (spatial index,
// exact relation), the overlap area clipped once per pair so the map can highlight it.
import { createAtlas } from '../geo/index.js';
import { intersect } from '../geo/clip.js';
import type { MultiPolygonCoords } from '../geo/index.js';
import type { ChangedCampaign, MapGeofence, MapOverlap } from './types.js';

export function mapData(geometries: ReadonlyMap<string, MultiPolygonCoords>, changed: ReadonlyMap<string, ChangedCampaign['change']>): { geofences: MapGeofence[]; overlaps: MapOverlap[] } {
  const atlas = createAtlas(geometries);
  const geofences = atlas.names.flatMap((name) => {
    const coordinates = geometries.get(name);
    if (!coordinates || coordinates.length === 0) return [];
    const change = changed.get(name);
    return [{ name, coordinates, ...(change ? { change } : {}) }];
  });
  const overlaps: MapOverlap[] = [];
  for (const { a, b } of atlas.overlappingPairs()) {
    const o = atlas.pairOverlap(a, b);
    const area = intersect(geometries.get(a)!, geometries.get(b)!);
    if (o && o.kind !== 'none' && area && area.length > 0) overlaps.push({ a, b, areaM2: Math.round(o.areaM2), coordinates: area });
  }
  return { geofences, overlaps };
}
