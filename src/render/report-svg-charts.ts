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

/** The campaigns with the most discount (head or base) get a line each; at most `max`. */
export function dailyChart(d: DailySeries, max = 8): string {
  const W = 860; const H = 300; const L = 80; const R = 200; const T = 16; const B = 34;
  const total = (s: DailySeries['series'][number]): number => s.head.reduce((a, b) => a + b, 0) + s.base.reduce((a, b) => a + b, 0);
  const series = [...d.series].sort((a, b) => total(b) - total(a)).slice(0, max);
  if (d.days.length === 0 || series.length === 0) return '<p class="empty">No discounts in the simulated sessions.</p>';
  const top = Math.max(1, ...series.flatMap((s) => [...s.head, ...s.base]));
  const x = (i: number): number => L + (d.days.length === 1 ? 0 : (i * (W - L - R)) / (d.days.length - 1));
  const y = (v: number): number => T + (H - T - B) * (1 - v / top);
  const grid = [0, 0.25, 0.5, 0.75, 1].map((f) => `<line class="grid" x1="${L}" x2="${W - R}" y1="${r1(y(top * f))}" y2="${r1(y(top * f))}"/><text class="axis" x="${L - 6}" y="${r1(y(top * f) + 4)}" text-anchor="end">${htmlText(money(Math.round(top * f), d.currency))}</text>`);
  const ticks = d.days.map((day, i) => (i % Math.max(1, Math.ceil(d.days.length / 10)) === 0 ? `<text class="axis" x="${r1(x(i))}" y="${H - 12}" text-anchor="middle">${htmlText(day.slice(5))}</text>` : '')).join('');
  const line = (values: readonly number[], color: string, dashed: boolean, id: string): string =>
    `<polyline class="series${dashed ? ' base' : ''}" data-campaign="${htmlText(id)}" fill="none" stroke="${color}" stroke-width="${dashed ? 1.5 : 2}"${dashed ? ' stroke-dasharray="5 4"' : ''} points="${values.map((v, i) => `${r1(x(i))},${r1(y(v))}`).join(' ')}"><title>${htmlText(`${id} (${dashed ? 'base' : 'head'})`)}</title></polyline>`;
  const lines = series.map((s, i) => `${line(s.base, PALETTE[i % PALETTE.length]!, true, s.campaign)}${line(s.head, PALETTE[i % PALETTE.length]!, false, s.campaign)}`).join('');
  const legend = series.map((s, i) => `<g transform="translate(${W - R + 12},${T + 8 + i * 18})"><rect width="12" height="12" fill="${PALETTE[i % PALETTE.length]}"/><text class="legend" x="18" y="10">${htmlText(shorten(s.campaign, 28))}</text></g>`).join('');
  return `<svg id="daily-discount" class="chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="Discount per day and campaign">${grid.join('')}${ticks}${lines}${legend}</svg>`;
}

/** One bar per campaign across the months its window spans; open ends run to the chart's edge. */
export function timelineChart(rows: readonly TimelineRow[], maxRows = 200): string {
  const months = timelineMonths(rows);
  if (months.length === 0) return '<p class="empty">No campaign has a bounded window.</p>';
  const shown = [...rows.filter((r) => r.change), ...rows.filter((r) => !r.change)].slice(0, maxRows);
  const W = 860; const L = 260; const ROW = 18; const T = 24;
  const start = months[0]!;
  const last = new Date(months[months.length - 1]!);
  const end = Date.UTC(last.getUTCFullYear(), last.getUTCMonth() + 1, 1);
  const x = (t: number): number => L + ((Math.min(end, Math.max(start, t)) - start) / (end - start)) * (W - L - 10);
  const H = T + shown.length * ROW + 8;
  const every = Math.max(1, Math.ceil(52 / ((W - L - 10) / months.length)));
  const monthLabel = (m: number): string => { const d = new Date(m); return `${MONTHS[d.getUTCMonth()]}${d.getUTCMonth() === 0 || m === start ? ` ${d.getUTCFullYear()}` : ''}`; };
  const grid = months.map((m, i) => `<line class="grid" x1="${r1(x(m))}" x2="${r1(x(m))}" y1="${T - 6}" y2="${H}"/>${i % every === 0 ? `<text class="axis" x="${r1(x(m) + 2)}" y="${T - 10}">${monthLabel(m)}</text>` : ''}`).join('');
  const bars = shown.map((r, i) => {
    const y = T + i * ROW;
    const cls = `window ${r.change ?? 'same'}${r.active ? '' : ' inactive'}`;
    const x0 = x(r.from ?? start);
    const x1 = x(r.until ?? end);
    const label = `${r.change ? `${r.change}: ` : ''}${r.id}`;
    return `<text class="label" x="${L - 6}" y="${y + 12}" text-anchor="end">${htmlText(shorten(label, 40))}</text><rect class="${cls}" data-campaign="${htmlText(r.id)}" x="${r1(x0)}" y="${y + 2}" width="${r1(Math.max(2, x1 - x0))}" height="${ROW - 5}" rx="3"><title>${htmlText(`${r.id}: ${r.from !== undefined ? new Date(r.from).toISOString() : 'open'} → ${r.until !== undefined ? new Date(r.until).toISOString() : 'open'}`)}</title></rect>`;
  }).join('');
  const more = rows.length - shown.length;
  return `<svg id="timeline-chart" class="chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="Campaign windows">${grid}${bars}</svg>${more > 0 ? `<p class="note">${more} more campaigns not drawn.</p>` : ''}`;
}

export function shorten(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
