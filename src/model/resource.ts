// The resolved, typed model every stage after validation works on. Types come from
// src/generated (the schemas); this file only adds where each resource came from.
import type { AnyResource, Kind } from '../generated/index.js';

export type { AnyResource, Kind } from '../generated/index.js';
export type ResourceOf<K extends Kind> = Extract<AnyResource, { kind: K }>;

/** Where a resource was written: file (repo-relative, '/'-separated) and document index. */
export interface SourceRef {
  readonly file: string;
  readonly docIndex: number;
}

export interface Located<T extends AnyResource = AnyResource> {
  readonly resource: T;
  readonly source: SourceRef;
}

/** GeoJSON MultiPolygon coordinates ([lon, lat]); Polygons are wrapped, file refs resolved. */
export type MultiPolygonCoords = readonly (readonly (readonly (readonly [number, number])[])[])[];

export interface Model {
  /** Sorted by kind, then name. */
  readonly resources: readonly Located[];
  /** Geofence name → its area, with `{ file }` geometries already read. */
  readonly geometries: ReadonlyMap<string, MultiPolygonCoords>;
}

/** Kinds that grant benefits or fees to customers (everything but reference data). */
export const CAMPAIGN_KINDS = [
  'Promotion',
  'Package',
  'Subscription',
  'RidePass',
  'Reward',
  'Referral',
  'Triggered',
  'CustomerCare',
  'PricedPromotion',
  'VehiclePromotion',
  'GeofencePromotion',
  'GeofenceSurcharge',
] as const satisfies readonly Kind[];
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];

export function isCampaign(r: AnyResource): r is ResourceOf<CampaignKind> {
  return (CAMPAIGN_KINDS as readonly string[]).includes(r.kind);
}

export function ofKind<K extends Kind>(model: Model, kind: K): Located<ResourceOf<K>>[] {
  return model.resources.filter((l): l is Located<ResourceOf<K>> => l.resource.kind === kind);
}

export function findResource<K extends Kind>(model: Model, kind: K, name: string): Located<ResourceOf<K>> | undefined {
  return ofKind(model, kind).find((l) => l.resource.metadata.name === name);
}

/** A resource, or anything naming one by kind and name (a plan action, a live object's owner, a call-graph entry). */
export type NamesResource = AnyResource | { readonly kind: string; readonly name: string };

/** "Kind/name": how promoc names a resource in plans, journals, messages and lookups. */
export function resourceKey(r: NamesResource): string {
  return 'metadata' in r ? `${r.kind}/${r.metadata.name}` : `${r.kind}/${r.name}`;
}
