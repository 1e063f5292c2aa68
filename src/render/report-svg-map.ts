// The geofences as an SVG map: an equirectangular projection scaled by cos(latitude) (good enough at a
// city's scale). Geofences far apart (a city and its airport) are drawn as separate panels, each fitted
// to its own cluster, so no empty band wastes the page. Every panel has a scale bar; names are written on
// the map; a changed geofence shows its base shape dashed under the head's; overlaps are filled red; a
// legend explains the marks. Pure.
import type { MapGeofence, MapOverlap } from '../report/types.js';
import { htmlText } from './report-escape.js';
import { shorten } from './report-svg-charts.js';
import { maxOf, minOf } from '../model/append.js';

type Coords = MapGeofence['coordinates'];
type Box = [number, number, number, number];

const METRES_PER_DEGREE = 111_320;
const GAP = 16;
const PAD = 14;
const LEGEND = 30;

export function geofenceMap(geofences: readonly MapGeofence[], overlaps: readonly MapOverlap[], width = 860): string {
  const items = geofences.map((g) => ({ g, box: bbox([g.coordinates, g.before ?? []]) })).filter((i): i is { g: MapGeofence; box: Box } => i.box !== undefined);
  if (items.length === 0) return '<p class="empty">No geofences.</p>';
  const all = items.map((i) => i.box).reduce((a, b) => union(a, b));
  const k = Math.cos((((all[1] + all[3]) / 2) * Math.PI) / 180);
  const clusters = cluster(
    items.map((i) => i.box),
    k,
  );
  const aspect = clusters.map((c) => Math.max(1e-9, (c.box[2] - c.box[0]) * k) / Math.max(1e-9, c.box[3] - c.box[1]));
  const inner = width - GAP * (clusters.length - 1);
  // One height for every panel: as tall as the widths allow, within reason.
  const h = Math.max(180, Math.min(560, inner / aspect.reduce((a, b) => a + Math.max(b, 0.25), 0)));
  const widths = aspect.map((a) => Math.max(140, Math.min(inner, h * Math.max(a, 0.25))));
  const total = widths.reduce((a, b) => a + b, 0);
  const fit = Math.min(1, inner / total);
  let left = 0;
  const panels = clusters.map((c, ci) => {
    const w = widths[ci]! * fit;
    const ph = clusters.length === 1 ? Math.min(h, w / Math.max(aspect[ci]!, 1e-9) + 2 * PAD) : h;
    const panel = drawPanel(
      ci,
      left,
      w,
      ph,
      c.box,
      k,
      items.filter((_, i) => c.members.includes(i)).map((i) => i.g),
      overlaps,
    );
    left += w + GAP;
    return { svg: panel, height: ph };
  });
  const height = Math.round(maxOf(panels.map((p) => p.height)) + LEGEND);
  const svgWidth = Math.round(left - GAP);
  return (
    `<svg id="geofence-map" class="map" viewBox="0 0 ${svgWidth} ${height}" width="${svgWidth}" height="` +
    `${height}" role="img" aria-label="Geofences, their changes and overlaps">` +
    `${panels.map((p) => p.svg).join('')}${legend(height - LEGEND + 8, geofences, overlaps.length > 0)}</svg>`
  );
}

function drawPanel(
  index: number,
  left: number,
  w: number,
  h: number,
  box: Box,
  k: number,
  geofences: readonly MapGeofence[],
  overlaps: readonly MapOverlap[],
): string {
  const [minLon, minLat, maxLon, maxLat] = box;
  const s = Math.min((w - 2 * PAD) / Math.max(1e-9, (maxLon - minLon) * k), (h - 2 * PAD) / Math.max(1e-9, maxLat - minLat));
  // Centre the cluster inside its panel.
  const ox = left + (w - (maxLon - minLon) * k * s) / 2;
  const oy = (h - (maxLat - minLat) * s) / 2;
  const px = (lon: number): number => Math.round((ox + (lon - minLon) * k * s) * 10) / 10;
  const py = (lat: number): number => Math.round((oy + (maxLat - lat) * s) * 10) / 10;
  const d = (c: Coords): string => c.map((poly) => poly.map((ring) => `M${ring.map((p) => `${px(p[0]!)} ${py(p[1]!)}`).join('L')}Z`).join('')).join('');
  const names = new Set(geofences.map((g) => g.name));
  const shapes = geofences
    .filter((g) => g.coordinates.length > 0)
    .map(
      (g) =>
        `<path class="geofence${g.change ? ` ${g.change}` : ''}" data-geofence="${htmlText(g.name)}" fill-rule="evenodd" ` +
        `d="${d(g.coordinates)}"><title>${htmlText(`${g.name}${g.change ? ` (${g.change})` : ''}`)}</title></path>`,
    )
    .join('');
  const before = geofences
    .filter((g) => g.before && g.before.length > 0)
    .map(
      (g) =>
        `<path class="base-shape${g.change === 'removed' ? ' removed' : ''}" data-geofence="${htmlText(g.name)}` +
        `" fill-rule="evenodd" d="${d(g.before!)}"><title>${htmlText(`${g.name}: base shape`)}</title></path>`,
    )
    .join('');
  const marks = geofences
    .filter((g) => g.before)
    .map((g) => partMarks(g, px, py))
    .join('');
  const hot = overlaps
    .filter((o) => names.has(o.a) && names.has(o.b))
    .map(
      (o) =>
        `<path class="overlap" data-overlap="${htmlText(`${o.a}|${o.b}`)}" fill-rule="evenodd" d="${d(o.coordinates)}` +
        `"><title>${htmlText(`${o.a} ∩ ${o.b}: ${o.areaM2.toLocaleString('en-US')} m²`)}</title></path>`,
    )
    .join('');
  const labels = geofences
    .map((g) => {
      const [lon, lat] = labelPoint(g.coordinates.length > 0 ? g.coordinates : (g.before ?? []));
      const text = `${shorten(g.name, 28)}${g.change ? ` (${g.change})` : ''}`;
      const half = text.length * 3;
      const x = Math.min(left + w - half - 2, Math.max(left + half + 2, px(lon)));
      return (
        `<text class="map-label${g.change ? ' changed' : ''}" x="${Math.round(x)}" y="` +
        `${Math.round(Math.min(h - 6, Math.max(12, py(lat))))}" text-anchor="middle">${htmlText(text)}</text>`
      );
    })
    .join('');
  return (
    `<g class="panel" data-panel="${index}"><rect class="panel-frame" x="${r1(left)}" y="0.5" width="${r1(w)}` +
    `" height="${r1(h - 1)}"/>${shapes}${before}${hot}${marks}${labels}${scaleBar(left + 10, h - 12, s)}</g>`
  );
}

/**
 * A changed geofence's parts can be a few pixels wide at a city's scale: each part that is new (or gone)
 * gets a ring around it, so the change is visible without zooming.
 */
function partMarks(g: MapGeofence, px: (lon: number) => number, py: (lat: number) => number): string {
  const key = (poly: Coords[number]): string => JSON.stringify(poly);
  const base = new Set((g.before ?? []).map(key));
  const head = new Set(g.coordinates.map(key));
  const ring = (poly: Coords[number], cls: string, what: string): string => {
    const box = bbox([[poly]])!;
    const [x0, y0, x1, y1] = [px(box[0]), py(box[3]), px(box[2]), py(box[1])];
    const r = Math.max(12, Math.hypot(x1 - x0, y1 - y0) / 2 + 6);
    return (
      `<circle class="part-mark ${cls}" data-geofence="${htmlText(g.name)}" cx="${r1((x0 + x1) / 2)}" ` +
      `cy="${r1((y0 + y1) / 2)}" r="${r1(r)}"><title>${htmlText(`${g.name}: ${what}`)}</title></circle>`
    );
  };
  return [
    ...g.coordinates.filter((p) => !base.has(key(p))).map((p) => ring(p, 'new', 'new or reshaped part')),
    ...(g.before ?? []).filter((p) => !head.has(key(p))).map((p) => ring(p, 'gone', 'part in the base only')),
  ].join('');
}

/** A bar of a round length (1, 2 or 5 × 10ⁿ metres) between 40 and 120 pixels long. */
function scaleBar(x: number, y: number, pixelsPerDegree: number): string {
  const pxPerMetre = pixelsPerDegree / METRES_PER_DEGREE;
  const lengths = [10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000];
  const metres = lengths.find((m) => m * pxPerMetre >= 40) ?? lengths[lengths.length - 1]!;
  const len = r1(metres * pxPerMetre);
  const label = metres >= 1_000 ? `${metres / 1_000} km` : `${metres} m`;
  return (
    `<g class="scale-bar" transform="translate(${r1(x)},${r1(y)})"><path d="M0 -5V0H` +
    `${len}V-5"/><text x="${r1(len / 2)}" y="-7" text-anchor="middle">${label}</text></g>`
  );
}

function legend(y: number, geofences: readonly MapGeofence[], overlaps: boolean): string {
  const entries: [string, string][] = [['geofence', 'geofence']];
  if (geofences.some((g) => g.change === 'changed' || g.change === 'added')) entries.push(['geofence changed', 'added or changed (head)']);
  if (geofences.some((g) => g.before)) entries.push(['base-shape', 'base shape (before the change)'], ['part-mark new', 'part that changed']);
  if (overlaps) entries.push(['overlap', 'overlap']);
  let x = 0;
  const items = entries.map(([cls, text]) => {
    const item =
      `<g class="legend-item" transform="translate(${x},${y})"><rect class="${cls}" ` +
      `width="16" height="12"/><text class="legend" x="22" y="10">${text}</text></g>`;
    x += 34 + text.length * 6.2;
    return item;
  });
  return `<g class="map-legend">${items.join('')}</g>`;
}

/** Geofences whose boxes lie within 15% of the whole extent (east-west scaled by k) of each other end up in one panel. */
function cluster(boxes: readonly Box[], k: number): { box: Box; members: number[] }[] {
  const all = boxes.reduce((a, b) => union(a, b));
  const reach = 0.15 * Math.max((all[2] - all[0]) * k, all[3] - all[1]);
  const parent = boxes.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) if (gap(boxes[i]!, boxes[j]!, k) <= reach) parent[find(i)] = find(j);
  }
  const groups = new Map<number, number[]>();
  boxes.forEach((_, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), i]));
  const out = [...groups.values()].map((members) => ({ members, box: members.map((m) => boxes[m]!).reduce((a, b) => union(a, b)) }));
  // More than three clusters read as scattered points: one panel over everything instead.
  if (out.length > 3) return [{ members: boxes.map((_, i) => i), box: all }];
  return out.sort((a, b) => b.box[3] - a.box[3] || a.box[0] - b.box[0]);
}

function gap(a: Box, b: Box, k: number): number {
  const dx = k * Math.max(0, Math.max(a[0], b[0]) - Math.min(a[2], b[2]));
  const dy = Math.max(0, Math.max(a[1], b[1]) - Math.min(a[3], b[3]));
  return Math.max(dx, dy);
}

function union(a: Box, b: Box): Box {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

function bbox(shapes: readonly Coords[]): Box | undefined {
  let box: Box | undefined;
  for (const c of shapes)
    for (const poly of c)
      for (const ring of poly)
        for (const p of ring) {
          const b: Box = [p[0]!, p[1]!, p[0]!, p[1]!];
          box = box ? union(box, b) : b;
        }
  return box;
}

/** The centre of the largest part's bounding box: good enough to place a name. */
function labelPoint(c: Coords): [number, number] {
  let best: [number, number] = [0, 0];
  let bestArea = -1;
  for (const poly of c) {
    const ring = poly[0] ?? [];
    const xs = ring.map((p) => p[0]!);
    const ys = ring.map((p) => p[1]!);
    const area = (maxOf(xs) - minOf(xs)) * (maxOf(ys) - minOf(ys));
    if (area > bestArea) {
      bestArea = area;
      best = [(maxOf(xs) + minOf(xs)) / 2, (maxOf(ys) + minOf(ys)) / 2];
    }
  }
  return best;
}

const r1 = (n: number): number => Math.round(n * 10) / 10;
