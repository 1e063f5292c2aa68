// How large a geofence may be, checked before anything expensive sees it. A geometry file is refused
// from its size before it is read, and a geometry (inline or from a file) from its number of positions
// before schema validation. What the position limit bounds: ajv checks a geometry with a wrong or missing
// `type` against both `oneOf` branches, and its errors for the wrong one grow quadratically (10,000
// positions take 2 s, 100,000 took minutes; a right `type` is checked against its branch alone, see
// check-file.ts); the linter's self-intersection sweep is quadratic for hostile shapes (a 10,000-point
// star takes about half a second); polygon-clipping and the engine's point tests are linear or n log n.
// Both limits are far above what a rental zone needs: geofence/too-complex warns from 1,000 positions.
import type { Diagnostic } from '../model/diagnostic.js';
import { MAX_FILE_BYTES } from './read.js';

/** Positions (closing positions included) one geofence may have, inline or from a file. */
export const MAX_GEOFENCE_POSITIONS = 10_000;
/**
 * A geometry file larger than this is refused before it is read. Like a campaign file: when it has schema
 * errors the YAML parser reads it again to locate them. 10,000 positions take well under 1 MiB.
 */
export const MAX_GEOMETRY_FILE_BYTES = MAX_FILE_BYTES;
/** Schema problems shown for one geometry; the rest are counted in one more diagnostic. */
export const MAX_GEOMETRY_PROBLEMS = 20;

export type GeometryType = 'Polygon' | 'MultiPolygon';

const SIMPLIFY =
  'Simplify the outline before committing it (e.g. `mapshaper in.geojson -simplify 10% -o out.geojson`, or ' +
  "Douglas–Peucker with a few metres' tolerance); geofence/too-complex asks for at most 1,000 positions by default.";

/**
 * Positions in GeoJSON coordinates, for the limit: every entry of a ring (whatever it holds) plus every
 * non-list standing where a ring or polygon belongs, so malformed input cannot hide work from the count.
 * The nesting follows `type`; without a usable one it is guessed from the first entries. Never looks
 * deeper than a position, so deeply nested input costs nothing here.
 */
export function countPositions(geometry: { readonly type?: unknown; readonly coordinates?: unknown }): number {
  const coords = geometry.coordinates;
  if (!Array.isArray(coords)) return 0;
  const first = (x: unknown): unknown => (Array.isArray(x) ? x[0] : undefined);
  const multi = geometry.type === 'MultiPolygon' || (geometry.type !== 'Polygon' && Array.isArray(first(first(first(coords)))));
  return entries(coords, multi ? 3 : 2);
}

function entries(list: unknown, levels: number): number {
  if (!Array.isArray(list)) return 1;
  if (levels === 1) return list.length;
  let n = 0;
  for (const item of list) n += entries(item, levels - 1);
  return n;
}

/** The inline or file geometry's type, when it names one of the two branches. */
export function geometryType(geometry: { readonly type?: unknown }): GeometryType | undefined {
  return geometry.type === 'Polygon' || geometry.type === 'MultiPolygon' ? geometry.type : undefined;
}

/** A valid geometry of each type: what the resource schema checks in place of the real one (checked on its own). */
export const GEOMETRY_STUB: Readonly<Record<GeometryType, { readonly type: GeometryType; readonly coordinates: unknown }>> = {
  Polygon: {
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ],
    ],
  },
  MultiPolygon: {
    type: 'MultiPolygon',
    coordinates: [
      [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
      ],
    ],
  },
};

type At = Pick<Diagnostic, 'file' | 'docIndex' | 'path' | 'atKey'>;

export function tooManyPositions(at: At, name: string, positions: number, file?: string): Diagnostic {
  return {
    ...at,
    ruleId: 'load/geometry-too-large',
    severity: 'error',
    message:
      `geofence ${JSON.stringify(name)} has ${positions.toLocaleString('en-US')} positions${file ? ` in "${file}"` : ''}` +
      `, over the limit of ${MAX_GEOFENCE_POSITIONS.toLocaleString('en-US')} for one geofence`,
    hint: SIMPLIFY,
  };
}

export function geometryFileTooLarge(at: At, file: string, bytes: number): Diagnostic {
  return {
    ...at,
    ruleId: 'load/geometry-too-large',
    severity: 'error',
    message: `geometry file "${file}" is ${mib(bytes)}, over the ${mib(MAX_GEOMETRY_FILE_BYTES)} limit for a geometry file; it was not read`,
    hint: `A geofence may have at most ${MAX_GEOFENCE_POSITIONS.toLocaleString('en-US')} positions, which take well under 1 MiB. ${SIMPLIFY}`,
  };
}

/**
 * The first MAX_GEOMETRY_PROBLEMS schema problems of one geometry, and how many more there are: 9,000
 * positions out of range are 18,000 problems, one frame each, which nobody reads.
 */
export function capGeometryProblems(problems: readonly Diagnostic[], at: At, name: string): Diagnostic[] {
  if (problems.length <= MAX_GEOMETRY_PROBLEMS) return [...problems];
  const more = problems.length - MAX_GEOMETRY_PROBLEMS;
  return [
    ...problems.slice(0, MAX_GEOMETRY_PROBLEMS),
    {
      ...at,
      ruleId: 'load/geometry-problems',
      severity: 'error',
      message: `geofence ${JSON.stringify(name)} has ${more.toLocaleString('en-US')} more problem${more === 1 ? '' : 's'} in its geometry, not shown`,
      hint: 'Fix the ones shown first; this many usually means a wrong export: GeoJSON positions are [longitude, latitude] in degrees (WGS 84).',
    },
  ];
}

function mib(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MiB`;
}
