// Coordinate shapes shared by the geo module. Positions are GeoJSON [longitude, latitude] in WGS 84.
import type { MultiPolygonCoords } from '../model/resource.js';

export type { MultiPolygonCoords } from '../model/resource.js';
export type Position = readonly [number, number];
export type Ring = readonly Position[];
export type PolygonCoords = readonly Ring[];
/** [minLon, minLat, maxLon, maxLat] */
export type BBox = readonly [number, number, number, number];

export const EMPTY_MULTIPOLYGON: MultiPolygonCoords = [];
