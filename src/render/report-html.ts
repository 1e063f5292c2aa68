// The report as one self-contained HTML file: inline CSS, SVG charts and map, no script, no external
// request (a Content-Security-Policy forbids both), every author- or session-controlled string escaped.
// A pure view over the same ReportInput as the PR comment.
import type { Diagnostic } from '../model/diagnostic.js';
import type { ReportInput } from '../report/types.js';
import { hasMoved } from '../simulate/compare.js';
import { formatValue, isGeometry, summaryLine as planSummaryLine, title as actionTitle, VERB } from './plan-shared.js';
import { lintOrder, sourceLink } from './report-lint-links.js';
import { htmlText as h } from './report-escape.js';
import { count, countDelta, day, money, moneyDelta, moneyOf, percent } from './report-format.js';
import { REPORT_CSS } from './report-html-style.js';
import { changedSeries, dailyChart, timelineChart } from './report-svg-charts.js';
import { geofenceMap } from './report-svg-map.js';
import { resourceKey } from '../model/resource.js';
import { verdictsHtml } from './plan-verdicts.js';

export function renderReportHtml(r: ReportInput): string {
  const side = (s: { label: string; revision: string | null }): string => `${h(s.label)}${s.revision ? ` <code>${h(s.revision.slice(0, 12))}</code>` : ''}`;
  const body = [
    `<h1>${h(r.title)}</h1>`,
    `<p class="sides">head: ${side(r.head)}${r.base ? ` · base: ${side(r.base)}` : ''}</p>`,
    section('approval', 'To approve', approval(r)),
    warnings(r),
    section('summary', 'Summary', summary(r)),
    r.changes.campaigns.length > 0 ? section('changes', 'What changes', `<ul>${r.changes.campaigns.map(changedCampaign).join('')}</ul>`) : '',
    r.simulation ? section('simulation', 'Simulation', simulation(r)) : '',
    section('timeline', 'Campaign windows', timelineChart(r.timeline)),
    section('map', 'Geofences and overlaps', `${geofenceMap(r.map.geofences, r.map.overlaps)}${overlapList(r)}`),
    r.coverage ? section('coverage', 'Coverage: who pays what, where', coverage(r)) : '',
    r.lint ? section('lint', `Lint (${r.lint.diagnostics.length})`, diagnostics(r.lint.diagnostics, r.sourceUrl)) : '',
    r.validate.diagnostics.length > 0
      ? section('validate', `Validate (${r.validate.diagnostics.length})`, diagnostics(r.validate.diagnostics, r.sourceUrl))
      : '',
    ...r.plans.map((p) => section(`plan-${h(p.target)}`, `Plan · target ${h(p.target)}`, plan(p))),
  ]
    .filter((x) => x !== '')
    .join('\n');
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

function changedCampaign(c: ReportInput['changes']['campaigns'][number]): string {
  return `<li><b>${c.change}</b> ${h(c.id)}${c.fields?.length ? ` <span class="muted">(${c.fields.map(h).join(', ')})</span>` : ''}</li>`;
}

/** An RFC 3339 instant to the minute, as the report shows launch times. */
function minuteUtc(at: string): string {
  return `${h(at.slice(0, 16).replace('T', ' '))} UTC`;
}

function section(id: string, title: string, content: string): string {
  return `<section id="${id}"><h2>${title}</h2>${content}</section>`;
}

function approval(r: ReportInput): string {
  const a = r.approval;
  if (a.targets.length === 0) return '<p>No plan was given: this report does not say what merging would apply (pass <code>--plan</code>).</p>';
  const rows = a.targets.map((t) => {
    const s = t.summary;
    const counts =
      [
        ['create', s.create],
        ['update', s.update],
        ['replace', s.replace],
        ['delete', s.delete],
        ['activate', s.activate],
        ['deactivate', s.deactivate],
        ['scheduled', s.scheduled ?? 0],
        ['blocked', s.blocked],
      ]
        .filter(([, n]) => n !== 0)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ') || 'nothing';
    const riskyItem = (x: (typeof t.risky)[number]): string => {
      const why = x.reason ? ` <span class="muted">${h(x.reason)}</span>` : '';
      return `<li><b class="${x.action === 'blocked' ? 'bad' : 'warn'}">${x.action}</b> ${h(x.resource)}${why}</li>`;
    };
    const risky = t.risky.length > 0 ? `<ul class="risky">${t.risky.map(riskyItem).join('')}</ul>` : '<span class="good">none</span>';
    const owners = t.owners.length > 0 ? t.owners.map((o) => `<b>${h(o.team)}</b>: ${o.resources.map(h).join(', ')}`).join('<br>') : '—';
    const later =
      t.scheduled.length > 0
        ? `<div class="scheduled"><b>Scheduled:</b> ` +
          `${t.scheduled.map((x) => `${h(x.op)} ${h(x.resource)} at ${h(x.at.slice(0, 16).replace('T', ' '))} UTC (by ${h(x.by)})`).join('; ')}</div>`
        : '';
    return (
      `<tr data-target="${h(t.target)}"><th>${h(t.target)}</th><td>${counts}<div class="muted">${s.noop} ` +
      `unchanged</div>${later}</td><td>${risky}</td><td>${owners}</td><td><code>${h(t.apply)}</code></td></tr>`
    );
  });
  const launch = (l: (typeof a.launches)[number]): string =>
    `${h(l.id)} (${l.change}) from ${minuteUtc(l.from!)}${l.until ? ` until ${minuteUtc(l.until)}` : ''}`;
  const launches =
    a.launches.length > 0 ? `<p><b>Launches:</b> ${a.launches.map(launch).join('; ')}.</p>` : '<p><b>Launches:</b> none scheduled by this change.</p>';
  return (
    `<table class="approval"><thead><tr><th>Target</th><th>Merging applies</th><th>Risky actions</th><th>Owners ` +
    `(labels.team)</th><th>Applied by</th></tr></thead><tbody>${rows.join('')}</tbody></table>${launches}`
  );
}

/** Prune, blocked and conflict warnings, and a plan that is not of this head: before anything else. */
function warnings(r: ReportInput): string {
  const items = r.approval.targets.flatMap((t) => [
    ...t.disagreement.map(
      (d) =>
        `<li class="bad">The plan for target ${h(t.target)} is not of the head this report ` +
        `shows: ${h(d)}. Re-run <code>promoc plan</code> on the head and pass that plan.</li>`,
    ),
    ...t.risky
      .filter((x) => x.action === 'blocked')
      .map((x) => `<li class="bad">Target ${h(t.target)}: ${h(x.resource)} is blocked${x.reason ? `: ${h(x.reason)}` : ''}</li>`),
    ...t.risky
      .filter((x) => x.action !== 'blocked')
      .map((x) => `<li class="warn">Target ${h(t.target)}: ${x.action} ${h(x.resource)}${x.reason ? `: ${h(x.reason)}` : ''}</li>`),
    ...t.warnings.map((w) => `<li class="warn">Target ${h(t.target)}: ${h(w)}</li>`),
  ]);
  return items.length > 0 ? section('warnings', `Warnings (${items.length})`, `<ul class="warnings">${items.join('')}</ul>`) : '';
}

function summary(r: ReportInput): string {
  const rows: [string, string][] = [
    ['Validate', findings(r.validate.diagnostics)],
    ['Lint', r.lint ? findings(r.lint.diagnostics) : 'not run'],
    ...r.plans.map((p): [string, string] => [`Plan · ${h(p.target)}`, h(planSummaryLine(p))]),
    [
      'Simulate',
      r.simulation
        ? `${count(r.simulation.sessions.evaluated)} sessions: discounts ` +
          `${moneyOf(r.simulation.totals.base.discount)} → ${moneyOf(r.simulation.totals.head.discount)}` +
          ` (${moneyDelta(r.simulation.totals.base.discount, r.simulation.totals.head.discount)})`
        : 'no sessions given',
    ],
  ];
  return `<table class="summary">${rows.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('')}</table>`;
}

function findings(diags: readonly Diagnostic[]): string {
  const e = diags.filter((d) => d.severity === 'error').length;
  const w = diags.filter((d) => d.severity === 'warn').length;
  const n = (k: number, word: string): string => `${k} ${word}${k === 1 ? '' : 's'}`;
  return e > 0
    ? `<span class="bad">${n(e, 'error')}</span>, ${n(w, 'warning')}`
    : w > 0
      ? `<span class="warn">${n(w, 'warning')}</span>`
      : '<span class="good">no problems</span>';
}

function simulation(r: ReportInput): string {
  const s = r.simulation!;
  const rows = s.campaigns
    .filter(hasMoved)
    .slice(0, 300)
    .map(
      (c) =>
        `<tr><td>${h(c.id)}</td><td>${c.change === 'unchanged' ? '' : c.change}</td><td class="num">${count(c.base?.redemptions ?? 0)}` +
        ` → ${count(c.head?.redemptions ?? 0)} (${countDelta(c.base?.redemptions ?? 0, c.head?.redemptions ?? 0)})</td>` +
        `<td class="num">${moneyOf(c.base?.amount)} → ${moneyOf(c.head?.amount)} (${moneyDelta(c.base?.amount, c.head?.amount)})</td>` +
        `<td class="num">${count(c.base?.customers ?? 0)} → ${count(c.head?.customers ?? 0)}</td><td>` +
        `${c.head?.exhausted ? `${day(c.head.exhausted.at)} (${c.head.exhausted.by})` : ''}</td><td class="num">` +
        `${c.head?.worst ? percent(c.head.worst.percent) : ''}</td></tr>`,
    );
  const table =
    rows.length > 0
      ? `<table><thead><tr><th>Campaign</th><th>Change</th><th>Redemptions</th><th>Discount / fees</th>` +
        `<th>Customers</th><th>Limit reached</th><th>Worst</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
      : '<p>No campaign changed and no result moved.</p>';
  const series = changedSeries(s.daily, new Set(r.changes.campaigns.map((c) => c.id)));
  return (
    `<p>${count(s.sessions.evaluated)} sessions from ${day(s.sessions.first)} to ${day(s.sessions.last)}` +
    `, ${count(s.sessions.customers)} customers.</p><figure>${dailyChart(s.daily, series)}` +
    `<figcaption>Discount per day (${h(s.daily.currency)}) of the campaigns this change touches, ` +
    `largest change first: head a thin line, base the wide pale band.</figcaption></figure>${table}`
  );
}

function overlapList(r: ReportInput): string {
  if (r.map.overlaps.length === 0) return '<p>No geofences overlap.</p>';
  const item = (o: (typeof r.map.overlaps)[number]): string =>
    `<li><span class="swatch overlap"></span>${h(o.a)} ∩ ${h(o.b)}: ${o.areaM2.toLocaleString('en-US')} m²</li>`;
  return `<ul class="overlaps">${r.map.overlaps.map(item).join('')}</ul>`;
}

function coverage(r: ReportInput): string {
  const m = r.coverage!;
  const price = (n: number): string => money(n, m.currency);
  const intro =
    `<p>Net price of one line at ${h(m.at)} (${h(m.category ?? 'any vehicle')}${m.branch ? `, ${h(m.branch)}` : ''}` +
    `), a rental starting and ending in the zone; below it the code that lowers it most.</p>`;
  const cell = (c: (typeof m.cells)[number][number][number]): string => {
    const campaigns = c.campaigns.length > 0 ? `<div class="muted">${c.campaigns.map(breakable).join('<br>')}</div>` : '';
    const code = c.bestCode ? `<div class="code">${h(c.bestCode.code)}: ${price(c.bestCode.net)}</div>` : '';
    return `<td class="${c.net < c.original ? 'cheaper' : c.net > c.original ? 'dearer' : ''}">${price(c.net)}${campaigns}${code}</td>`;
  };
  const tables = (m.userTypes.length > 0 ? m.userTypes : ['(no user type)'])
    .map((u, ui) => {
      const head = m.priceTypes.map((t, ti) => `<th>${h(t)}<br><span class="muted">${price(m.cells[ui]?.[0]?.[ti]?.original ?? 0)}</span></th>`).join('');
      const body = m.zones.map((z, zi) => `<tr><th>${h(z)}</th>${m.priceTypes.map((_, ti) => cell(m.cells[ui]![zi]![ti]!)).join('')}</tr>`).join('');
      return `<h3>${h(u)}</h3><table class="coverage"><thead><tr><th>Zone</th>${head}</tr></thead><tbody>${body}</tbody></table>`;
    })
    .join('');
  return intro + tables;
}

function diagnostics(diags: readonly Diagnostic[], sourceUrl: string | undefined): string {
  if (diags.length === 0) return '<p>No findings.</p>';
  const rows = lintOrder(diags)
    .slice(0, 2000)
    .map((d) => {
      const where = d.range ? `${d.file}:${d.range.start.line}:${d.range.start.col}` : d.file;
      const link = sourceLink(sourceUrl, d);
      return (
        `<tr class="${d.severity}"><td>${SEVERITY_WORD[d.severity]}</td><td>` +
        `${link ? `<a href="${h(link)}"><code>${h(where)}</code></a>` : `<code>${h(where)}</code>`}</td><td><code>` +
        `${h(d.ruleId)}</code></td><td>${h(d.message)}${d.hint ? `<div class="muted">${h(d.hint)}</div>` : ''}</td></tr>`
      );
    });
  return `<table><thead><tr><th>Severity</th><th>Location</th><th>Rule</th><th>Message</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** Every changed resource with its fields, old → new, as the PR comment's diff shows them. */
function plan(p: ReportInput['plans'][number]): string {
  const changed = p.actions.filter((a) => a.action !== 'noop');
  const value = (v: unknown): string => (v === undefined ? '<span class="muted">(absent)</span>' : `<code>${h(formatValue(v, 200))}</code>`);
  const rows = changed.slice(0, 2000).map((a) => {
    const fields = a.changes
      .slice(0, 200)
      .map(
        (c) =>
          `<tr class="field"><td><code>${h(c.path)}</code></td><td class="old">${value(c.before)}</td><td class="new">` +
          `${value(c.after)}${c.immutable ? `<div class="muted">cannot change in place: ${h(c.immutable)}</div>` : ''}` +
          `${isGeometry(c.before) || isGeometry(c.after) ? '<div class="muted">drawn on the map above</div>' : ''}</td></tr>`,
      )
      .join('');
    const more = a.changes.length > 200 ? `<tr><td colspan="3" class="muted">… and ${a.changes.length - 200} more fields</td></tr>` : '';
    const notes = [
      ...(a.reason ? [`<b>${a.action === 'blocked' ? 'Blocked' : 'Why'}:</b> ${h(a.reason)}`] : []),
      ...(a.consequences ?? []).map((x) => `<b>Consequence:</b> ${h(x)}`),
      ...(a.drift ? [`<b>Drift:</b> ${h(a.drift.message)}`] : []),
      ...(a.source ? [] : ['No longer in the repository.']),
    ]
      .map((n) => `<div class="note">${n}</div>`)
      .join('');
    const verb = `<span class="verb">${VERB[a.action]}${a.activation ? ` + ${a.activation}` : ''}</span>`;
    const where = `<span class="muted">${h(a.apiObject ?? a.kind)} on ${h(a.provider)}${a.source ? ` · ${h(a.source.file)}` : ''}</span>`;
    const table = fields
      ? `<table class="fields"><thead><tr><th>Field</th><th>Live (old)</th><th>Repository (new)</th></tr></thead><tbody>${fields}${more}</tbody></table>`
      : '';
    return `<div class="action ${a.action}" data-resource="${h(resourceKey(a))}"><h3>${verb} ${h(actionTitle(a))} ${where}</h3>${notes}${table}</div>`;
  });
  const more = changed.length > 2000 ? `<p class="note">${changed.length - 2000} more actions not shown.</p>` : '';
  return `<p>${h(planSummaryLine(p))}</p>${rows.join('')}${more}${verdictsHtml(p, h)}`;
}

/** A campaign id that may wrap after its kind. */
const breakable = (id: string): string => h(id).replace('/', '/<wbr>');

const SEVERITY_WORD = { error: 'error', warn: 'warning', info: 'info' } as const;
