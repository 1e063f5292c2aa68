// SVG charts for the HTML report, drawn as strings (no script, no library): the daily discount per
// campaign (head solid, base dashed) and the campaign windows as a timeline. Pure.
import type { DailySeries } from '../simulate/types.js';
import type { TimelineRow } from '../report/types.js';
import { timelineMonths } from '../report/timeline.js';
import { htmlText } from './report-escape.js';
import { money } from './report-format.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];
const r1 = (n: number): string => String(Math.round(n * 10) / 10);

/** A chart series: one campaign (or the folded rest) per day, base and head. */
export interface ChartSeries {
  readonly campaign: string;
  readonly base: readonly number[];
  readonly head: readonly number[];
}

/**
 * The series of the campaigns the change touches, largest |head − base| first; beyond `max`, the others are
 * summed into one "rest" series so every changed euro is still on the chart.
 */
export function changedSeries(d: DailySeries, changed: ReadonlySet<string>, max = 6): ChartSeries[] {
  const sum = (v: readonly number[]): number => v.reduce((a, b) => a + b, 0);
  const delta = (s: ChartSeries): number => Math.abs(sum(s.head) - sum(s.base));
  const picked = d.series.filter((s) => changed.has(s.campaign)).sort((a, b) => delta(b) - delta(a) || (a.campaign < b.campaign ? -1 : 1));
  if (picked.length <= max) return picked;
  const rest = picked.slice(max - 1);
  const add = (side: 'base' | 'head'): number[] => d.days.map((_, i) => rest.reduce((a, s) => a + (s[side][i] ?? 0), 0));
  return [...picked.slice(0, max - 1), { campaign: `rest (${rest.length} more changed campaigns)`, base: add('base'), head: add('head') }];
}

/** Round axis ticks (1, 2 or 5 × 10ⁿ apart) from 0 to at least `top`. */
export function niceTicks(top: number, target = 5): number[] {
  if (!(top > 0)) return [0, 1];
  const raw = top / target;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw)!;
  const n = Math.ceil(top / step - 1e-9);
  return Array.from({ length: n + 1 }, (_, i) => i * step);
}

/** Daily discount of the given series: head solid, base a wide pale band under it (visible even where equal). */
export function dailyChart(d: DailySeries, series: readonly ChartSeries[]): string {
  const W = 860;
  const H = 300;
  const L = 80;
  const R = 230;
  const T = 16;
  const B = 34;
  if (d.days.length === 0 || series.length === 0) return '<p class="empty">No changed campaign gave a discount in the simulated sessions.</p>';
  const ticksY = niceTicks(Math.max(1, ...series.flatMap((s) => [...s.head, ...s.base])));
  const top = ticksY[ticksY.length - 1]!;
  const x = (i: number): number => L + (d.days.length === 1 ? 0 : (i * (W - L - R)) / (d.days.length - 1));
  const y = (v: number): number => T + (H - T - B) * (1 - v / top);
  const grid = ticksY.map(
    (v) =>
      `<line class="grid" x1="${L}" x2="${W - R}" y1="${r1(y(v))}" y2="${r1(y(v))}"/><text class="axis" ` +
      `x="${L - 6}" y="${r1(y(v) + 4)}" text-anchor="end">${htmlText(money(v, d.currency))}</text>`,
  );
  const ticks = d.days
    .map((day, i) =>
      i % Math.max(1, Math.ceil(d.days.length / 10)) === 0
        ? `<text class="axis" x="${r1(x(i))}" y="${H - 12}" text-anchor="middle">${htmlText(day.slice(5))}</text>`
        : '',
    )
    .join('');
  const line = (values: readonly number[], color: string, base: boolean, id: string): string =>
    `<polyline class="series${base ? ' base' : ''}" data-campaign="${htmlText(id)}" fill="none" stroke="` +
    `${color}" stroke-width="${base ? 6 : 1.8}"${base ? ' stroke-opacity="0.3" stroke-linejoin="round"' : ''}` +
    ` points="${values.map((v, i) => `${r1(x(i))},${r1(y(v))}`).join(' ')}"><title>` +
    `${htmlText(`${id} (${base ? 'base' : 'head'})`)}</title></polyline>`;
  const lines =
    series.map((s, i) => line(s.base, PALETTE[i % PALETTE.length]!, true, s.campaign)).join('') +
    series.map((s, i) => line(s.head, PALETTE[i % PALETTE.length]!, false, s.campaign)).join('');
  const key =
    `<g transform="translate(${W - R + 12},${T + 4})"><line x1="0" x2="22" y1="6" y2="6" stroke="#57606a" ` +
    `stroke-width="1.8"/><text class="legend" x="28" y="10">head</text><line x1="70" x2="92" y1="6" y2="6" ` +
    `stroke="#57606a" stroke-width="6" stroke-opacity="0.3"/><text class="legend" x="98" y="10">base</text></g>`;
  const legend = series
    .map(
      (s, i) =>
        `<g class="legend-item" transform="translate(${W - R + 12},${T + 28 + i * 18}` +
        `)"><rect width="12" height="12" fill="${PALETTE[i % PALETTE.length]}"/><text ` +
        `class="legend" x="18" y="10">${htmlText(shorten(s.campaign, 32))}</text></g>`,
    )
    .join('');
  return (
    `<svg id="daily-discount" class="chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" ` +
    `aria-label="Discount per day of the changed campaigns">${grid.join('')}${ticks}${lines}${key}${legend}</svg>`
  );
}

/** One bar per campaign across the months its window spans; open ends run to the chart's edge. */
export function timelineChart(rows: readonly TimelineRow[], maxRows = 200): string {
  const months = timelineMonths(rows);
  if (months.length === 0) return '<p class="empty">No campaign has a bounded window.</p>';
  const shown = [...rows.filter((r) => r.change), ...rows.filter((r) => !r.change)].slice(0, maxRows);
  const W = 860;
  const L = 260;
  const ROW = 18;
  const T = 24;
  const start = months[0]!;
  const last = new Date(months[months.length - 1]!);
  const end = Date.UTC(last.getUTCFullYear(), last.getUTCMonth() + 1, 1);
  const x = (t: number): number => L + ((Math.min(end, Math.max(start, t)) - start) / (end - start)) * (W - L - 10);
  const H = T + shown.length * ROW + 8;
  const every = Math.max(1, Math.ceil(52 / ((W - L - 10) / months.length)));
  const monthLabel = (m: number): string => {
    const d = new Date(m);
    return `${MONTHS[d.getUTCMonth()]}${d.getUTCMonth() === 0 || m === start ? ` ${d.getUTCFullYear()}` : ''}`;
  };
  const grid = months
    .map(
      (m, i) =>
        `<line class="grid" x1="${r1(x(m))}" x2="${r1(x(m))}" y1="${T - 6}" y2="${H}"/>` +
        `${i % every === 0 ? `<text class="axis" x="${r1(x(m) + 2)}" y="${T - 10}">${monthLabel(m)}</text>` : ''}`,
    )
    .join('');
  const bars = shown
    .map((r, i) => {
      const y = T + i * ROW;
      const cls = `window ${r.change ?? 'same'}${r.active ? '' : ' inactive'}`;
      const x0 = x(r.from ?? start);
      const x1 = x(r.until ?? end);
      const label = `${r.change ? `${r.change}: ` : ''}${r.id}`;
      const title = `${r.id}: ${instantOrOpen(r.from)} → ${instantOrOpen(r.until)}`;
      return (
        `<text class="label" x="${L - 6}" y="${y + 12}" text-anchor="end">` +
        `${htmlText(shorten(label, 40))}</text><rect class="${cls}" data-campaign="${htmlText(r.id)}" ` +
        `x="${r1(x0)}" y="${y + 2}" width="${r1(Math.max(2, x1 - x0))}" height="${ROW - 5}" rx="3"><title>${htmlText(title)}</title></rect>`
      );
    })
    .join('');
  const more = rows.length - shown.length;
  return (
    `<svg id="timeline-chart" class="chart" viewBox="0 0 ${W} ${H}" width="${W}" ` +
    `height="${H}" role="img" aria-label="Campaign windows">${grid}${bars}</svg>` +
    `${more > 0 ? `<p class="note">${more} more campaigns not drawn.</p>` : ''}`
  );
}

export function shorten(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function instantOrOpen(ms: number | undefined): string {
  return ms !== undefined ? new Date(ms).toISOString() : 'open';
}
