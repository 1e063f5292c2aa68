import type { GeometryIssue } from '../../../geo/index.js';
import type { DocPath } from '../../../model/diagnostic.js';
import { ofKind, type Located } from '../../../model/resource.js';
import { defineRule } from '../../types.js';

export default defineRule({
  id: 'geofence/invalid-geometry',
  description:
    'A geofence geometry that is not a valid area: self-intersection, unclosed ring, too few ' +
    'positions, coordinates out of range or probably swapped, a hole outside its shell, or zero area.',
  defaultSeverity: 'error',
  messages: {
    'self-intersection': 'Geofence "{{name}}" crosses itself at [{{at}}] ({{where}}).',
    'unclosed-ring': 'Geofence "{{name}}": {{where}} is not closed; its last position [{{at}}] differs from the first.',
    'too-few-positions': 'Geofence "{{name}}": {{where}} has fewer than 4 positions.',
    'out-of-range': 'Geofence "{{name}}": position [{{at}}] ({{where}}) is outside longitude −180..180 / latitude −90..90.',
    'swapped-position': 'Geofence "{{name}}": position [{{at}}] ({{where}}) is out of range but valid with latitude and longitude exchanged.',
    'hole-outside-shell': 'Geofence "{{name}}": {{where}} is not inside its outer ring (position [{{at}}] lies outside).',
    'zero-area': 'Geofence "{{name}}": {{where}} encloses no area.',
    swapped: 'Geofence "{{name}}" lies {{where}}, but would fit with latitude and longitude exchanged.',
  },
  hints: {
    'self-intersection': 'Redraw the ring so its edges do not cross or touch; split a figure-eight into two polygons of a MultiPolygon.',
    'unclosed-ring': 'Repeat the first position at the end of the ring.',
    'too-few-positions': 'A ring needs at least three corners plus the closing position.',
    'out-of-range': 'GeoJSON positions are [longitude, latitude] in degrees.',
    'swapped-position': 'GeoJSON positions are [longitude, latitude]; exchange the two numbers.',
    'hole-outside-shell': 'Move the hole inside the outer ring, or make it a separate polygon.',
    'zero-area': 'Remove the degenerate polygon or give it real corners.',
    swapped: 'GeoJSON positions are [longitude, latitude]; exchange the two numbers in every position.',
  },
  check({ model, analysis, report }) {
    for (const at of ofKind(model, 'Geofence')) {
      const name = at.resource.metadata.name;
      for (const issue of analysis.atlas.issues(name)) {
        const messageId = issue.kind === 'out-of-range' && issue.swapped ? 'swapped-position' : issue.kind;
        report({
          messageId,
          at,
          path: issuePath(at, issue),
          data: { name, where: describeIssue(at, issue), at: issue.at ? issue.at.map(round).join(', ') : '' },
        });
      }
      const placed = analysis.placements.get(name);
      if (placed?.verdict === 'swapped') report({ messageId: 'swapped', at, path: geometryRoot(at), data: { name, where: placed.where } });
    }
  },
});

type GeofenceAt = Located<Extract<Located['resource'], { kind: 'Geofence' }>>;

/** Where in the YAML the issue is: into the coordinates when inline, at `file:` when read from a file. */
export function issuePath(at: GeofenceAt, issue: GeometryIssue): DocPath {
  const g = at.resource.spec.geometry;
  if (!('coordinates' in g)) return ['spec', 'geometry', 'file'];
  const position = issue.position === undefined ? [] : [issue.position];
  return g.type === 'Polygon'
    ? ['spec', 'geometry', 'coordinates', issue.ring, ...position]
    : ['spec', 'geometry', 'coordinates', issue.polygon, issue.ring, ...position];
}

export function geometryRoot(at: GeofenceAt): DocPath {
  return 'coordinates' in at.resource.spec.geometry ? ['spec', 'geometry', 'coordinates'] : ['spec', 'geometry', 'file'];
}

/** Coordinates as a person would write them (the crossing point of two edges has float noise). */
function round(n: number): number {
  return Math.round(n * 1e7) / 1e7;
}

function describeIssue(at: GeofenceAt, issue: GeometryIssue): string {
  const g = at.resource.spec.geometry;
  const ring = issue.ring === 0 ? 'the outer ring' : `hole ${issue.ring}`;
  const polygon = 'type' in g && g.type === 'Polygon' ? '' : ` of polygon ${issue.polygon}`;
  const file = 'file' in g ? ` in ${g.file}` : '';
  return `${ring}${polygon}${issue.position !== undefined ? `, position ${issue.position}` : ''}${file}`;
}
