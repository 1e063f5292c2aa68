// The report as one self-contained HTML file: inline CSS, SVG charts and map, no script, no external
// request (a Content-Security-Policy forbids both), every author- or session-controlled string escaped.
// A pure view over the same ReportInput as the PR comment.
import type { Diagnostic } from '../model/diagnostic.js';
import type { ReportInput } from '../report/types.js';
import { hasMoved } from '../simulate/compare.js';
import { summaryLine as planSummaryLine, title as actionTitle, VERB } from './plan-shared.js';
import { htmlText as h } from './report-escape.js';
import { count, countDelta, day, money, moneyDelta, moneyOf, percent } from './report-format.js';
import { REPORT_CSS } from './report-html-style.js';
import { dailyChart, timelineChart } from './report-svg-charts.js';
import { geofenceMap } from './report-svg-map.js';

export function renderReportHtml(r: ReportInput): string {
  const side = (s: { label: string; revision: string | null }): string => `${h(s.label)}${s.revision ? ` <code>${h(s.revision.slice(0, 12))}</code>` : ''}`;
  const body = [
    `<h1>${h(r.title)}</h1>`,
    `<p class="sides">head: ${side(r.head)}${r.base ? ` · base: ${side(r.base)}` : ''}</p>`,
    section('summary', 'Summary', summary(r)),
    r.changes.campaigns.length > 0 ? section('changes', 'What changes', `<ul>${r.changes.campaigns.map((c) => `<li><b>${c.change}</b> ${h(c.id)}${c.fields?.length ? ` <span class="muted">(${c.fields.map(h).join(', ')})</span>` : ''}</li>`).join('')}</ul>`) : '',
    r.simulation ? section('simulation', 'Simulation', simulation(r)) : '',
    section('timeline', 'Campaign windows', timelineChart(r.timeline)),
    section('map', 'Geofences and overlaps', `${geofenceMap(r.map.geofences, r.map.overlaps)}${overlapList(r)}`),
    r.coverage ? section('coverage', 'Coverage: who pays what, where', coverage(r)) : '',
    r.lint ? section('lint', `Lint (${r.lint.diagnostics.length})`, diagnostics(r.lint.diagnostics)) : '',
    r.validate.diagnostics.length > 0 ? section('validate', `Validate (${r.validate.diagnostics.length})`, diagnostics(r.validate.diagnostics)) : '',
    ...r.plans.map((p) => section(`plan-${h(p.target)}`, `Plan · target ${h(p.target)}`, plan(p))),
  ].filter((x) => x !== '').join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(r.title)}</title>
<style>${REPORT_CSS}</style>
</head><body><main>
${body}
<footer>head digest <code>${h(r.head.digest)}</code>${r.base ? ` · base digest <code>${h(r.base.digest)}</code>` : ''}</footer>
</main></body></html>
`;
}

function section(id: string, title: string, content: string): string {
  return `<section id="${id}"><h2>${title}</h2>${content}</section>`;
}

function summary(r: ReportInput): string {
  const rows: [string, string][] = [
    ['Validate', findings(r.validate.diagnostics)],
    ['Lint', r.lint ? findings(r.lint.diagnostics) : 'not run'],
    ...r.plans.map((p): [string, string] => [`Plan · ${h(p.target)}`, h(planSummaryLine(p))]),
    ['Simulate', r.simulation ? `${count(r.simulation.sessions.evaluated)} sessions: discounts ${moneyOf(r.simulation.totals.base.discount)} → ${moneyOf(r.simulation.totals.head.discount)} (${moneyDelta(r.simulation.totals.base.discount, r.simulation.totals.head.discount)})` : 'no sessions given'],
  ];
  return `<table class="summary">${rows.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('')}</table>`;
}

function findings(diags: readonly Diagnostic[]): string {
  const e = diags.filter((d) => d.severity === 'error').length;
  const w = diags.filter((d) => d.severity === 'warn').length;
  const n = (k: number, word: string): string => `${k} ${word}${k === 1 ? '' : 's'}`;
  return e > 0 ? `<span class="bad">${n(e, 'error')}</span>, ${n(w, 'warning')}` : w > 0 ? `<span class="warn">${n(w, 'warning')}</span>` : '<span class="good">no problems</span>';
}

function simulation(r: ReportInput): string {
  const s = r.simulation!;
  const rows = s.campaigns.filter(hasMoved).slice(0, 300).map((c) => `<tr><td>${h(c.id)}</td><td>${c.change === 'unchanged' ? '' : c.change}</td><td class="num">${count(c.base?.redemptions ?? 0)} → ${count(c.head?.redemptions ?? 0)} (${countDelta(c.base?.redemptions ?? 0, c.head?.redemptions ?? 0)})</td><td class="num">${moneyOf(c.base?.amount)} → ${moneyOf(c.head?.amount)} (${moneyDelta(c.base?.amount, c.head?.amount)})</td><td class="num">${count(c.base?.customers ?? 0)} → ${count(c.head?.customers ?? 0)}</td><td>${c.head?.exhausted ? `${day(c.head.exhausted.at)} (${c.head.exhausted.by})` : ''}</td><td class="num">${c.head?.worst ? percent(c.head.worst.percent) : ''}</td></tr>`);
  const table = rows.length > 0 ? `<table><thead><tr><th>Campaign</th><th>Change</th><th>Redemptions</th><th>Discount / fees</th><th>Customers</th><th>Limit reached</th><th>Worst</th></tr></thead><tbody>${rows.join('')}</tbody></table>` : '<p>No campaign changed and no result moved.</p>';
  return `<p>${count(s.sessions.evaluated)} sessions from ${day(s.sessions.first)} to ${day(s.sessions.last)}, ${count(s.sessions.customers)} customers.</p><figure>${dailyChart(s.daily)}<figcaption>Discount per day (${h(s.daily.currency)}): head solid, base dashed.</figcaption></figure>${table}`;
}

function overlapList(r: ReportInput): string {
  if (r.map.overlaps.length === 0) return '<p>No geofences overlap.</p>';
  return `<ul class="overlaps">${r.map.overlaps.map((o) => `<li><span class="swatch overlap"></span>${h(o.a)} ∩ ${h(o.b)}: ${o.areaM2.toLocaleString('en-US')} m²</li>`).join('')}</ul>`;
}

function coverage(r: ReportInput): string {
  const m = r.coverage!;
  const price = (n: number): string => money(n, m.currency);
  const intro = `<p>Net price of one line at ${h(m.at)} (${h(m.category ?? 'any vehicle')}${m.branch ? `, ${h(m.branch)}` : ''}), a rental starting and ending in the zone; below it the code that lowers it most.</p>`;
  const tables = (m.userTypes.length > 0 ? m.userTypes : ['(no user type)']).map((u, ui) => `<h3>${h(u)}</h3><table class="coverage"><thead><tr><th>Zone</th>${m.priceTypes.map((t, ti) => `<th>${h(t)}<br><span class="muted">${price(m.cells[ui]?.[0]?.[ti]?.original ?? 0)}</span></th>`).join('')}</tr></thead><tbody>${m.zones.map((z, zi) => `<tr><th>${h(z)}</th>${m.priceTypes.map((_, ti) => {
    const c = m.cells[ui]![zi]![ti]!;
    return `<td class="${c.net < c.original ? 'cheaper' : c.net > c.original ? 'dearer' : ''}">${price(c.net)}${c.campaigns.length > 0 ? `<div class="muted">${c.campaigns.map(h).join('<br>')}</div>` : ''}${c.bestCode ? `<div class="code">${h(c.bestCode.code)}: ${price(c.bestCode.net)}</div>` : ''}</td>`;
  }).join('')}</tr>`).join('')}</tbody></table>`).join('');
  return intro + tables;
}

function diagnostics(diags: readonly Diagnostic[]): string {
  if (diags.length === 0) return '<p>No findings.</p>';
  const rows = diags.slice(0, 2000).map((d) => `<tr class="${d.severity}"><td>${d.severity}</td><td><code>${h(d.range ? `${d.file}:${d.range.start.line}:${d.range.start.col}` : d.file)}</code></td><td><code>${h(d.ruleId)}</code></td><td>${h(d.message)}${d.hint ? `<div class="muted">${h(d.hint)}</div>` : ''}</td></tr>`);
  return `<table><thead><tr><th>Severity</th><th>Location</th><th>Rule</th><th>Message</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function plan(p: ReportInput['plans'][number]): string {
  const changed = p.actions.filter((a) => a.action !== 'noop');
  const rows = changed.slice(0, 2000).map((a) => `<tr><td>${VERB[a.action]}</td><td>${h(actionTitle(a))}</td><td>${h(a.provider)}</td><td>${a.changes.map((c) => h(c.path)).join(', ')}${a.reason ? `<div class="muted">${h(a.reason)}</div>` : ''}</td></tr>`);
  return `<p>${h(planSummaryLine(p))}</p>${rows.length > 0 ? `<table><thead><tr><th>Action</th><th>Resource</th><th>Provider</th><th>Fields</th></tr></thead><tbody>${rows.join('')}</tbody></table>` : ''}`;
}
