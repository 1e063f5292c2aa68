// Generated from schemas/ by `npm run gen:types`. Do not edit by hand.
/* eslint-disable */

/**
 * A GeoJSON Polygon or MultiPolygon (WGS 84, [longitude, latitude]), inline or from a .geojson file inside the repository.
 */
export type Geometry = Polygon | MultiPolygon | FileRef;
/**
 * A closed linear ring: at least 4 positions, the last equal to the first.
 *
 * @minItems 4
 */
export type Ring = [Position, Position, Position, Position, ...Position[]];
/**
 * [longitude, latitude] in degrees.
 *
 * @minItems 2
 * @maxItems 2
 */
export type Position = [unknown, unknown];

/**
 * A named area (WGS 84). Referenced by geofence promotions and surcharges.
 */
export interface Geofence {
  /**
   * Source format version.
   */
  apiVersion: 'promoc/v1';
  /**
   * Resource kind.
   */
  kind: 'Geofence';
  metadata: Metadata;
  /**
   * The Geofence's definition.
   */
  spec: {
    geometry: Geometry;
    /**
     * What the area is, e.g. Airport terminal forecourt.
     */
    description?: string;
    /**
     * City or market, for grouping in reports.
     */
    city?: string;
  };
}
/**
 * Identity and bookkeeping of a resource. Never sent to customers.
 */
export interface Metadata {
  /**
   * Stable key within the kind (kebab-case). Renaming it means a new resource.
   */
  name: string;
  /**
   * Internal note for reviewers; never shown to customers.
   */
  description?: string;
  labels?: Labels;
}
/**
 * Free-form labels, e.g. team: growth.
 */
export interface Labels {
  [k: string]: string | undefined;
}
/**
 * A GeoJSON Polygon: an outer ring followed by optional holes.
 */
export interface Polygon {
  /**
   * GeoJSON geometry type.
   */
  type: 'Polygon';
  /**
   * Rings: the outer boundary first, then holes.
   *
   * @minItems 1
   */
  coordinates: [Ring, ...Ring[]];
}
/**
 * A GeoJSON MultiPolygon.
 */
export interface MultiPolygon {
  /**
   * GeoJSON geometry type.
   */
  type: 'MultiPolygon';
  /**
   * Polygons, each a list of rings.
   *
   * @minItems 1
   */
  coordinates: [[Ring, ...Ring[]], ...[Ring, ...Ring[]][]];
}
/**
 * Geometry kept in a GeoJSON file next to the campaign (a Geometry, Feature or single-feature FeatureCollection).
 */
export interface FileRef {
  /**
   * Path relative to this YAML file; must stay inside the repository.
   */
  file: string;
}
