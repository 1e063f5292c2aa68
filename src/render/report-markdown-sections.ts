// The PR comment's parts other than the grids: the summary table at the top, the list of what the
// change does, the findings tables, and a ```geojson map per changed geofence. Pure views; every string
// an author or a session file controls goes through mdText or codeText.
import { countBySeverity, type Diagnostic } from '../model/diagnostic.js';
import type { ReportInput } from '../report/types.js';
import type { GeofenceChange } from '../simulate/types.js';
import { summaryLine as planSummaryLine } from './plan-shared.js';
import { codeText, mdText } from './report-escape.js';
import { lintOrder, sourceLink } from './report-lint-links.js';
import { countDelta, moneyDelta } from './report-format.js';
import { simulationHeadline } from './simulation-markdown.js';

export function summaryTable(r: ReportInput): string {
  const rev = (s: { label: string; revision: string | null }): string => `${mdText(s.label)}${s.revision ? ` (${mdText(s.revision.slice(0, 12))})` : ''}`;
  const rows = [
    `| Validate | ${findings(r.validate.diagnostics, `${r.validate.files} files`)} |`,
    `| Lint | ${r.lint ? findings(r.lint.diagnostics, `${r.head.campaigns} campaigns`, r.lint.suppressed) : '⏭️ not run'} |`,
    ...r.plans.map(
      (p) =>
        `| Plan · ${mdText(p.target)} | ${p.summary.changes === 0 && p.summary.blocked === 0 ? '✅' : p.summary.blocked > 0 ? '⛔' : '📝'}` +
        ` ${mdText(planSummaryLine(p))} |`,
    ),
    `| Simulate | ${r.simulation ? simulationHeadline(r.simulation) : '⏭️ no sessions given'} |`,
    `| Changes | ${changeCounts(r)} |`,
  ];
  return [`**Head:** ${rev(r.head)}${r.base ? ` · **base:** ${rev(r.base)}` : ''}`, '', '| Stage | Result |', '|---|---|', ...rows].join('\n');
}

function findings(diags: readonly Diagnostic[], what: string, suppressed = 0): string {
  const n = countBySeverity(diags);
  const quiet = suppressed > 0 ? ` (${suppressed} suppressed)` : '';
  if (n.error > 0) return `❌ ${n.error} error${n.error === 1 ? '' : 's'}, ${n.warn} warning${n.warn === 1 ? '' : 's'}${quiet}`;
  if (n.warn > 0) return `⚠️ ${n.warn} warning${n.warn === 1 ? '' : 's'}${n.info > 0 ? `, ${n.info} info` : ''}${quiet}`;
  return `✅ ${what}, no problems${n.info > 0 ? ` (${n.info} info)` : ''}${quiet}`;
}

function changeCounts(r: ReportInput): string {
  if (!r.base) return 'no base to compare with';
  const by = (k: string): number => r.changes.campaigns.filter((c) => c.change === k).length;
  const g = r.changes.geofences.length;
  const parts = [`${by('changed')} campaign${by('changed') === 1 ? '' : 's'} changed`, `${by('added')} added`, `${by('removed')} removed`];
  return `${parts.join(', ')}; ${g} geofence${g === 1 ? '' : 's'} changed`;
}

/** What the change does, campaign by campaign, with the simulated money next to it. */
export function changesList(r: ReportInput, max = 25): string {
  if (r.changes.campaigns.length === 0) return r.base ? 'No campaign changes between base and head.' : '';
  const sim = new Map((r.simulation?.campaigns ?? []).map((c) => [c.id, c]));
  const items = r.changes.campaigns.slice(0, max).map((c) => {
    const s = sim.get(c.id);
    const effect = s
      ? ` — discount ${moneyDelta(s.base?.amount, s.head?.amount)}, redemptions ${countDelta(s.base?.redemptions ?? 0, s.head?.redemptions ?? 0)}`
      : '';
    return `- **${c.change}** ${mdText(c.id)}${c.fields && c.fields.length > 0 ? ` (${c.fields.map(mdText).join(', ')})` : ''}${effect}`;
  });
  const more = r.changes.campaigns.length - max;
  return [...items, ...(more > 0 ? [`- … and ${more} more`] : [])].join('\n');
}

/** The approval summary: per target what merging applies, what is risky, who owns it, how it is applied. */
const riskMark = (action: string): string => (action === 'blocked' ? '⛔' : '⚠️');

export function approvalMarkdown(r: ReportInput): string {
  const a = r.approval;
  if (a.targets.length === 0) return '_No plan given: this report does not say what merging would apply (pass `--plan`)._';
  const lines = ['| Target | Merging applies | Risky actions | Owners (`labels.team`) |', '|---|---|---|---|'];
  for (const t of a.targets) {
    const s = t.summary;
    const counts =
      (
        [
          ['create', s.create],
          ['update', s.update],
          ['replace', s.replace],
          ['delete', s.delete],
          ['activate', s.activate],
          ['deactivate', s.deactivate],
          ['scheduled', s.scheduled ?? 0],
          ['blocked', s.blocked],
        ] as const
      )
        .filter(([, n]) => n !== 0)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ') || 'nothing';
    const risky = t.risky.length > 0 ? t.risky.map((x) => `${riskMark(x.action)} ${x.action} ${mdText(x.resource)}`).join('<br>') : 'none';
    const owners =
      t.owners.length > 0
        ? t.owners
            .map((o) => `**${mdText(o.team)}**: ${o.resources.length} (${mdText(o.resources.slice(0, 4).join(', '))}${o.resources.length > 4 ? ', …' : ''})`)
            .join('<br>')
        : '—';
    lines.push(`| ${mdText(t.target)} | ${counts} | ${risky} | ${owners} |`);
  }
  const warnings = a.targets.flatMap((t) => [
    ...t.disagreement.map(
      (d) =>
        `- ⛔ **The plan for target ${mdText(t.target)} is not of the head this report ` +
        `shows:** ${mdText(d)}. Re-run \`promoc plan\` on the head and pass that plan.`,
    ),
    ...t.risky.filter((x) => x.reason).map((x) => `- ${riskMark(x.action)} ${mdText(t.target)}: ${x.action} ${mdText(x.resource)}: ${mdText(x.reason!)}`),
    ...t.warnings.map((w) => `- ⚠️ ${mdText(t.target)}: ${mdText(w)}`),
  ]);
  const minute = (at: string): string => `${at.slice(0, 16).replace('T', ' ')} UTC`;
  const launch = (l: (typeof a.launches)[number]): string =>
    `${mdText(l.id)} (${l.change}) from ${minute(l.from!)}${l.until ? ` until ${minute(l.until)}` : ''}`;
  const launches = a.launches.length > 0 ? `**Launches:** ${a.launches.map(launch).join('; ')}.` : '**Launches:** none scheduled by this change.';
  const apply = a.targets.map((t) => `- ${mdText(t.target)}: \`${codeText(t.apply).replace(/`/g, "'")}\``);
  const scheduled = a.targets.flatMap((t) =>
    t.scheduled.map((x) => `- ${mdText(t.target)}: ${x.op} ${mdText(x.resource)} at ${x.at.slice(0, 16).replace('T', ' ')} UTC (by \`${x.by}\`)`),
  );
  return [
    '### To approve',
    '',
    ...lines,
    '',
    ...(warnings.length > 0 ? [...warnings, ''] : []),
    launches,
    '',
    ...(scheduled.length > 0 ? ['**Scheduled by the plan:**', ...scheduled, ''] : []),
    '**Applied by:**',
    ...apply,
  ].join('\n');
}

/** Findings as a table, errors first, then by file; cut to the budget. Locations link to the head commit when known. */
export function diagnosticsTable(diags: readonly Diagnostic[], budget: number, sourceUrl?: string): string {
  if (diags.length === 0) return 'No findings.';
  const label = { error: '**error**', warn: 'warning', info: 'info' } as const;
  const lines = ['| Severity | Location | Rule | Message |', '|---|---|---|---|'];
  let size = 100;
  let shown = 0;
  for (const d of lintOrder(diags)) {
    const where = d.range ? `${d.file}:${d.range.start.line}:${d.range.start.col}` : d.file || '—';
    const link = sourceLink(sourceUrl, d);
    const row =
      `| ${label[d.severity]} | ${link ? `[${mdText(where)}](${link})` : mdText(where)} | ` +
      `${mdText(d.ruleId)} | ${mdText(d.message)}${d.hint ? `<br>*${mdText(d.hint)}*` : ''} |`;
    if (size + row.length + 200 > budget) break;
    lines.push(row);
    size += row.length + 1;
    shown += 1;
  }
  if (shown < diags.length) lines.push('', `… and ${diags.length - shown} more (see the CI log or the SARIF report).`);
  return lines.join('\n');
}

/** One map per changed geofence; GitHub renders a ```geojson block as a map. Base red, head green. */
export function geofenceMaps(changes: readonly GeofenceChange[], budget: number): string {
  const out: string[] = [];
  let size = 0;
  let shown = 0;
  for (const g of changes) {
    const feature = (state: 'base' | 'head', shape: GeofenceChange['before']) =>
      shape && {
        type: 'Feature',
        properties: {
          name: g.name,
          state,
          stroke: state === 'base' ? '#d73a49' : '#28a745',
          fill: state === 'base' ? '#d73a49' : '#28a745',
          'fill-opacity': 0.25,
        },
        geometry: { type: 'MultiPolygon', coordinates: shape.coordinates },
      };
    const features = [feature('base', g.before), feature('head', g.after)].filter(Boolean);
    const block = [
      `**${mdText(g.name)}** — ${g.change}${g.before && g.after ? ' (red: base, green: head)' : ''}`,
      '',
      '```geojson',
      codeText(JSON.stringify({ type: 'FeatureCollection', features })),
      '```',
      '',
    ].join('\n');
    if (size + block.length > budget) break;
    out.push(block);
    size += block.length;
    shown += 1;
  }
  if (shown < changes.length) out.push(`… and ${changes.length - shown} more changed geofences (too large for a comment; see the HTML report).`);
  return out.join('\n');
}
