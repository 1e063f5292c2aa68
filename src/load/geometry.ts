// Geofence geometries: inline GeoJSON, or { file } read from inside the repository. The file
// read is injected; the containment rules (no `..` escape, no symlink out) live here.
import { isAbsolute, posix } from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Located, MultiPolygonCoords } from '../model/resource.js';
import { SCHEMA_BASE, type Validator } from '../schema/validator.js';
import { translateErrors } from '../schema/translate.js';
import {
  capGeometryProblems,
  countPositions,
  geometryFileTooLarge,
  geometryType,
  MAX_GEOFENCE_POSITIONS,
  MAX_GEOMETRY_FILE_BYTES,
  tooManyPositions,
} from './geometry-size.js';
import { append } from '../model/append.js';

export interface GeometryIo {
  /**
   * Repo-relative path → text, an error message, or the size of a file over `maxBytes` (checked before
   * reading it). Must refuse paths that resolve outside the repo.
   */
  readText(repoPath: string, maxBytes: number): { text: string } | { error: string } | { tooLarge: number };
}

const FILE_SCHEMA = {
  $id: `${SCHEMA_BASE}geometry-file.schema.json`,
  oneOf: [{ $ref: 'defs/geometry.schema.json#/$defs/polygon' }, { $ref: 'defs/geometry.schema.json#/$defs/multiPolygon' }],
};

export function resolveGeometries(
  geofences: readonly Located[],
  io: GeometryIo,
  validator: Validator,
): { geometries: Map<string, MultiPolygonCoords>; diagnostics: Diagnostic[] } {
  const geometries = new Map<string, MultiPolygonCoords>();
  const diagnostics: Diagnostic[] = [];
  for (const l of geofences) {
    if (l.resource.kind !== 'Geofence') continue;
    const g = l.resource.spec.geometry as { type?: string; coordinates?: unknown; file?: string };
    const at = { file: l.source.file, docIndex: l.source.docIndex, path: ['spec', 'geometry', 'file'] };
    if (typeof g.file !== 'string') {
      geometries.set(l.resource.metadata.name, asMulti(g.type, g.coordinates));
      continue;
    }
    const target = posix.normalize(posix.join(posix.dirname(l.source.file), g.file));
    if (isAbsolute(g.file) || target.startsWith('../') || target === '..') {
      diagnostics.push({
        ...at,
        ruleId: 'load/outside-repo',
        severity: 'error',
        message: `geometry file "${g.file}" is outside the repository`,
        hint: 'Keep geometry files inside the repository, next to the campaign.',
      });
      continue;
    }
    const read = io.readText(target, MAX_GEOMETRY_FILE_BYTES);
    if ('tooLarge' in read) {
      diagnostics.push(geometryFileTooLarge(at, g.file, read.tooLarge));
      continue;
    }
    if ('error' in read) {
      diagnostics.push({
        ...at,
        ruleId: 'load/geometry-file',
        severity: 'error',
        message: `cannot read geometry file "${g.file}": ${read.error}`,
        hint: 'The path is relative to this YAML file.',
      });
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(read.text);
    } catch (e) {
      diagnostics.push({
        ...at,
        ruleId: 'load/geometry-file',
        severity: 'error',
        message: `geometry file "${g.file}" is not valid JSON: ${(e as Error).message}`,
        hint: 'Export the area as GeoJSON.',
      });
      continue;
    }
    const { geometry, path } = unwrap(json);
    // Counted before the schema sees it, as inline coordinates are (see geometry-size.ts).
    const positions = isMapping(geometry) ? countPositions(geometry) : 0;
    if (positions > MAX_GEOFENCE_POSITIONS) {
      diagnostics.push(tooManyPositions(at, l.resource.metadata.name, positions, g.file));
      continue;
    }
    const type = isMapping(geometry) ? geometryType(geometry) : undefined;
    const found = geometry === undefined ? [] : type ? validator.validateGeometry(type, geometry) : validator.validateAgainst(FILE_SCHEMA, geometry);
    const errors = translateErrors(found, geometry, validator, { file: target, docIndex: 0 });
    if (geometry === undefined || errors.length > 0) {
      diagnostics.push({
        ...at,
        ruleId: 'load/geometry-file',
        severity: 'error',
        message: `geometry file "${g.file}" does not hold one Polygon or MultiPolygon`,
        hint: 'Use a GeoJSON Polygon/MultiPolygon, a Feature with one, or a FeatureCollection with exactly one such Feature.',
      });
      append(
        diagnostics,
        capGeometryProblems(
          errors.map((e) => ({ ...e, path: [...path, ...(e.path ?? [])] })),
          at,
          l.resource.metadata.name,
        ),
      );
      continue;
    }
    const geom = geometry as { type: string; coordinates: unknown };
    geometries.set(l.resource.metadata.name, asMulti(geom.type, geom.coordinates));
  }
  return { geometries, diagnostics };
}

/** Geometry, Feature, or single-feature FeatureCollection → the geometry and where it sits. */
function unwrap(json: unknown): { geometry: unknown; path: (string | number)[] } {
  const o = json as { type?: string; geometry?: unknown; features?: { geometry?: unknown }[] } | null;
  if (o?.type === 'Feature') return { geometry: o.geometry, path: ['geometry'] };
  if (o?.type === 'FeatureCollection')
    return o.features?.length === 1 ? { geometry: o.features[0]!.geometry, path: ['features', 0, 'geometry'] } : { geometry: undefined, path: [] };
  return { geometry: json, path: [] };
}

function asMulti(type: string | undefined, coords: unknown): MultiPolygonCoords {
  return (type === 'Polygon' ? [coords] : coords) as MultiPolygonCoords;
}

function isMapping(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
