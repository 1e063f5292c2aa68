// What changed between two bundles: campaigns and geofences, compared on their canonical JSON, so a
// reordered list or a re-serialised file is not a change. Pure.
import { canonicalJson } from '../engine/canonical.js';
import type { Bundle, BundleCampaign, BundleGeofence } from '../generated/bundle.js';
import { bboxOf } from '../geo/index.js';
import type { MultiPolygonCoords } from '../model/resource.js';
import type { CampaignChange, GeofenceChange, GeofenceShape } from './types.js';

export interface CampaignDiff {
  readonly change: CampaignChange;
  readonly fields?: readonly string[];
}

export interface BundleChanges {
  /** Every campaign id of either side. */
  readonly campaigns: ReadonlyMap<string, CampaignDiff>;
  readonly geofences: readonly GeofenceChange[];
}

/** Every geofence of each project; without them only the geofences the bundles' zones use are compared. */
export interface Geometries {
  readonly base: ReadonlyMap<string, MultiPolygonCoords>;
  readonly head: ReadonlyMap<string, MultiPolygonCoords>;
}

export function diffBundles(base: Bundle, head: Bundle, geometries?: Geometries): BundleChanges {
  const before = new Map(base.content.campaigns.map((c) => [c.id, c]));
  const after = new Map(head.content.campaigns.map((c) => [c.id, c]));
  const campaigns = new Map<string, CampaignDiff>();
  for (const [id, h] of after) {
    const b = before.get(id);
    if (!b) {
      campaigns.set(id, { change: 'added' });
      continue;
    }
    const fields = changedFields(b, h);
    campaigns.set(id, fields.length === 0 ? { change: 'unchanged' } : { change: 'changed', fields });
  }
  for (const id of before.keys()) if (!after.has(id)) campaigns.set(id, { change: 'removed' });
  const shapes = geometries
    ? { base: fromModel(geometries.base), head: fromModel(geometries.head) }
    : { base: base.content.geofences, head: head.content.geofences };
  return { campaigns, geofences: diffGeofences(shapes.base, shapes.head) };
}

function changedFields(b: BundleCampaign, h: BundleCampaign): string[] {
  const keys = [...new Set([...Object.keys(b), ...Object.keys(h)])].sort();
  const rec = (c: BundleCampaign): Record<string, unknown> => c as unknown as Record<string, unknown>;
  return keys.filter((k) => canonicalJson(rec(b)[k] ?? null) !== canonicalJson(rec(h)[k] ?? null));
}

type Named = Pick<BundleGeofence, 'name' | 'bbox' | 'coordinates'>;

function fromModel(m: ReadonlyMap<string, MultiPolygonCoords>): Named[] {
  return [...m]
    .filter(([, c]) => c.length > 0)
    .map(([name, c]) => ({ name, bbox: [...bboxOf(c)] as Named['bbox'], coordinates: c as unknown as Named['coordinates'] }));
}

function diffGeofences(base: readonly Named[], head: readonly Named[]): GeofenceChange[] {
  const before = new Map(base.map((g) => [g.name, g]));
  const after = new Map(head.map((g) => [g.name, g]));
  const out: GeofenceChange[] = [];
  const names = [...new Set([...before.keys(), ...after.keys()])].sort();
  for (const name of names) {
    const b = before.get(name);
    const h = after.get(name);
    if (b && h && canonicalJson(b.coordinates) === canonicalJson(h.coordinates)) continue;
    out.push({ name, change: !b ? 'added' : !h ? 'removed' : 'changed', ...(b ? { before: shape(b) } : {}), ...(h ? { after: shape(h) } : {}) });
  }
  return out;
}

function shape(g: Named): GeofenceShape {
  return { bbox: [...g.bbox], coordinates: g.coordinates };
}
