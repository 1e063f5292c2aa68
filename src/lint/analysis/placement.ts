// Where geofences lie relative to the operating area, and which ones look like a latitude/longitude swap.
// With a configured area the test is exact. Without one, the area is inferred from the geofences
// themselves: a geofence far from the others of its city (spec.city), or — without a city — far from every
// other geofence, is outside; if exchanging its coordinates brings it back, it was probably swapped.
import { bboxCenter, bboxContains, bboxOf, createPointIndex, distanceKm, formatBBox, swapBBox, type BBox, type Position } from '../../geo/index.js';
import type { Atlas } from '../../geo/index.js';
import { ofKind, type Located, type Model } from '../../model/resource.js';

export interface Placement {
  readonly at: Located;
  readonly name: string;
  readonly verdict: 'outside' | 'swapped';
  /** Where it lies, relative to what, for the message: "far from every other geofence (…)". */
  readonly where: string;
}

/** A city's geofences lie within this distance of their median centre. */
export const CITY_RADIUS_KM = 200;
/** A geofence without a city this far from every other geofence is outside the operating area. */
export const ISOLATION_KM = 1000;
/** Inference needs this many geofences to say what is normal. */
const MIN_GROUP = 3;

export function placements(model: Model, atlas: Atlas, operatingArea: BBox | undefined): Map<string, Placement> {
  const placeable = ofKind(model, 'Geofence')
    .flatMap((at) => {
      const name = at.resource.metadata.name;
      const g = atlas.geometry(name);
      const broken = atlas.issues(name).some((i) => i.kind === 'out-of-range' || i.kind === 'too-few-positions');
      return g && g.length > 0 && !broken ? [{ at, name, bbox: bboxOf(g), city: at.resource.spec.city }] : [];
    })
    .map((p, index) => ({ ...p, index }));
  const out = new Map<string, Placement>();
  const put = (p: (typeof placeable)[number], verdict: Placement['verdict'], where: string): void => {
    out.set(p.name, { at: p.at, name: p.name, verdict, where });
  };
  if (operatingArea) {
    const where = `outside the operating area ${formatBBox(operatingArea)}`;
    for (const p of placeable) {
      if (!bboxContains(operatingArea, p.bbox)) put(p, bboxContains(operatingArea, swapBBox(p.bbox)) ? 'swapped' : 'outside', where);
    }
    return out;
  }
  const byCity = new Map<string, typeof placeable>();
  for (const p of placeable) {
    if (!p.city) continue;
    const list = byCity.get(p.city);
    if (list) list.push(p);
    else byCity.set(p.city, [p]);
  }
  const loners = placeable.filter((p) => !p.city || (byCity.get(p.city)?.length ?? 0) < MIN_GROUP);
  for (const [city, group] of byCity) {
    if (group.length < MIN_GROUP) continue;
    const centre = median(group.map((p) => bboxCenter(p.bbox)));
    for (const p of group) {
      const km = distanceKm(bboxCenter(p.bbox), centre);
      if (km <= CITY_RADIUS_KM) continue;
      const swapped = distanceKm(bboxCenter(swapBBox(p.bbox)), centre) <= CITY_RADIUS_KM;
      put(p, swapped ? 'swapped' : 'outside', `far from the other geofences of ${city} (${Math.round(km)} km from their centre)`);
    }
  }
  if (placeable.length >= MIN_GROUP) {
    const centres = placeable.map((p) => bboxCenter(p.bbox));
    const index = createPointIndex(centres);
    for (const p of loners) {
      const km = index.nearestKm(centres[p.index]!, p.index);
      if (km <= ISOLATION_KM) continue;
      const swapped = index.nearestKm(bboxCenter(swapBBox(p.bbox)), p.index) <= CITY_RADIUS_KM;
      put(p, swapped ? 'swapped' : 'outside', `far from every other geofence (the nearest is ${Math.round(km)} km away)`);
    }
  }
  return out;
}

function median(points: readonly Position[]): Position {
  const mid = (xs: number[]): number => {
    xs.sort((a, b) => a - b);
    const m = xs.length >> 1;
    return xs.length % 2 ? xs[m]! : (xs[m - 1]! + xs[m]!) / 2;
  };
  return [mid(points.map((p) => p[0])), mid(points.map((p) => p[1]))];
}
