// The geo module: the only place that imports turf or a clipper.
export { createAtlas, overlapReport } from './atlas.js';
export type { Atlas, AtlasOptions, OverlapPair } from './atlas.js';
export { bboxCenter, bboxContains, bboxOf, bboxesIntersect, distanceKm, formatBBox, swapBBox } from './bbox.js';
export { areaM2, formatArea, vertexCount } from './measure.js';
export { DEFAULT_MIN_OVERLAP_M2, overlapOf, relate, toShape } from './overlap.js';
export type { Overlap, OverlapKind, Relation, Shape } from './overlap.js';
export { boxPairs, naiveBoxPairs } from './spatial-index.js';
export { geometryIssues } from './validity.js';
export type { GeometryIssue, GeometryIssueKind } from './validity.js';
export type { BBox, MultiPolygonCoords, PolygonCoords, Position, Ring } from './types.js';
export { createPointIndex } from './points.js';
export type { PointIndex } from './points.js';
