// The PR comment: the summary on top, what the change does, then one collapsible section per view
// (simulation, changed geofences, windows, coverage, lint, validate, each plan). GitHub refuses comments
// over 65,535 characters, so every section is rendered within a budget (summarising what does not fit)
// and the sections are packed into numbered parts, each under the limit. A pure view.
import type { ReportInput } from '../report/types.js';
import { renderPlanMarkdownPages } from './plan-markdown.js';
import { summaryLine as planSummaryLine } from './plan-shared.js';
import { htmlText } from './report-escape.js';
import { coverageMarkdown, timelineMarkdown } from './report-markdown-grids.js';
import { approvalMarkdown, changesList, diagnosticsTable, geofenceMaps, summaryTable } from './report-markdown-sections.js';
import { scheduleMarkdown } from './report-markdown-schedule.js';
import { simulationBody } from './simulation-markdown.js';

/** First line of every part: how a workflow finds the comment to update in place. */
export const REPORT_MARKER = '<!-- promoc-report -->';
export const GITHUB_LIMIT = 65_535;

export interface ReportMarkdownOptions {
  /** Characters per part. Default 60,000: room under GitHub's limit for a sticky-comment header. */
  readonly limit?: number;
}

interface Section {
  readonly title: string;
  readonly body: string;
  readonly open?: boolean;
}

export function renderReportMarkdown(r: ReportInput, options: ReportMarkdownOptions = {}): string[] {
  const limit = Math.min(options.limit ?? 60_000, GITHUB_LIMIT);
  const budget = Math.max(1_000, limit - 3_000);
  const head = [
    `## ${htmlText(r.title)}`,
    '',
    approvalMarkdown(r),
    '',
    summaryTable(r),
    '',
    ...(r.changes.campaigns.length > 0 || r.base ? ['### What changes', '', changesList(r), ''] : []),
  ].join('\n');
  const blocks = sections(r, budget).map(details);
  const parts: string[][] = [[head]];
  let size = head.length;
  for (const b of blocks) {
    if (size + b.length + 600 > limit) {
      parts.push([]);
      size = 0;
    }
    parts[parts.length - 1]!.push(b);
    size += b.length + 2;
  }
  const n = parts.length;
  return parts.map((p, i) => {
    const top = i === 0 ? REPORT_MARKER : `${REPORT_MARKER.replace('-->', `part ${i + 1} -->`)}\n### ${htmlText(r.title)} (continued, part ${i + 1}/${n})\n`;
    const bottom = i === n - 1 ? footer(r) : `_Part ${i + 1}/${n}: continued in the next comment._`;
    return `${top}\n${p.join('\n\n')}\n\n${bottom}\n`;
  });
}

function sections(r: ReportInput, budget: number): Section[] {
  const out: Section[] = [];
  if (r.simulation)
    out.push({
      title: `Simulation: ${r.simulation.sessions.evaluated.toLocaleString('en-US')} sessions replayed through base and head`,
      body: simulationBody(r.simulation, budget),
      open: true,
    });
  if (r.changes.geofences.length > 0) out.push({ title: `Changed geofences (${r.changes.geofences.length})`, body: geofenceMaps(r.changes.geofences, budget) });
  out.push({ title: 'Campaign windows', body: timelineMarkdown(r.timeline, budget) });
  if (r.schedule && r.schedule.rows.length > 0)
    out.push({
      title: `Upcoming launches and expiries (${r.schedule.rows.length})`,
      body: scheduleMarkdown(r.schedule.rows, r.schedule.now, budget),
      open: true,
    });
  if (r.coverage) out.push({ title: 'Coverage: who pays what, where', body: coverageMarkdown(r.coverage, budget) });
  if (r.lint)
    out.push({
      title: `Lint: ${r.lint.diagnostics.length} finding${r.lint.diagnostics.length === 1 ? '' : 's'}`,
      body: diagnosticsTable(r.lint.diagnostics, budget, r.sourceUrl),
    });
  if (r.validate.diagnostics.length > 0)
    out.push({
      title: `Validate: ${r.validate.diagnostics.length} problem${r.validate.diagnostics.length === 1 ? '' : 's'}`,
      body: diagnosticsTable(r.validate.diagnostics, budget, r.sourceUrl),
    });
  for (const plan of r.plans) {
    const pages = renderPlanMarkdownPages(plan, { limit: budget });
    pages.forEach((page, i) =>
      out.push({ title: `Plan · target ${plan.target}${pages.length > 1 ? ` (${i + 1}/${pages.length})` : ''}: ${planSummaryLine(plan)}`, body: page.trim() }),
    );
  }
  return out;
}

function details(s: Section): string {
  return `<details${s.open ? ' open' : ''}><summary><b>${htmlText(s.title)}</b></summary>\n\n${s.body}\n\n</details>`;
}

function footer(r: ReportInput): string {
  const digests = [`head ${r.head.digest.slice(0, 19)}`, ...(r.base ? [`base ${r.base.digest.slice(0, 19)}`] : [])].join(' · ');
  const more = r.detailsUrl ? ` · <a href="${htmlText(r.detailsUrl)}">full report and artefacts</a>` : '';
  return `<sub>promoc · bundle digests ${htmlText(digests)}${more}</sub>`;
}
