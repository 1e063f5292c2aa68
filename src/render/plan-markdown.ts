// The pull-request view of a plan: a summary table, one collapsible block per resource with a ```diff of its
// fields, a ```geojson block for every geofence change (GitHub draws it as a map), and reasons, drift and
// counters. GitHub refuses comments over 65,536 characters, so `renderPlanMarkdownPages` splits the output
// into comments below a limit; `renderPlanMarkdown` is the single-string form.
import type { Action, Change, Plan } from '../generated/plan.js';
import { timeUntil } from '../model/time-until.js';
import { sanitizeForTerminal } from './sanitize.js';
import { formatValue, isEmpty, isGeometry, scheduleText, summaryLine, SYMBOL, title, VERB } from './plan-shared.js';
import { verdictsMarkdown } from './plan-verdicts.js';

export const GITHUB_COMMENT_LIMIT = 65_535;
/** Where a consumer should split the single-string form into separate comments. */
export const PAGE_BREAK = '\n<!-- promoc:plan-page-break -->\n';

export interface MarkdownOptions {
  /** Characters per page (default a margin below GitHub's comment limit). */
  readonly limit?: number;
}

const esc = (s: string): string =>
  sanitizeForTerminal(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '&#124;').replace(/`/g, '&#96;');

export function renderPlanMarkdown(plan: Plan, options: MarkdownOptions = {}): string {
  return renderPlanMarkdownPages(plan, options).join(PAGE_BREAK);
}

export function renderPlanMarkdownPages(plan: Plan, options: MarkdownOptions = {}): string[] {
  const limit = options.limit ?? GITHUB_COMMENT_LIMIT - 535;
  const head = header(plan, Math.floor(limit / 2));
  const sections = plan.actions.filter((a) => a.action !== 'noop').map((a) => fit(section(a, plan.createdAt), a, limit - 200, plan.createdAt));
  const verdicts = verdictsMarkdown(plan, esc);
  const tail = verdicts === undefined ? footer(plan) : `${verdicts}\n\n${footer(plan)}`;
  const pages: string[][] = [[head]];
  let size = head.length;
  for (const s of [...sections, tail]) {
    // 200 characters stay free for the "continued" heading and the closing note of a page.
    if (size + s.length + 2 > limit - 200 && pages[pages.length - 1]!.length > 0) {
      pages.push([]);
      size = 0;
    }
    pages[pages.length - 1]!.push(s);
    size += s.length + 2;
  }
  if (pages.length === 1) return [`${pages[0]!.join('\n\n')}\n`];
  return pages.map(
    (p, i) =>
      `${i === 0 ? '' : `### promoc plan · target \`${esc(plan.target)}\` (continued, part ${i + 1}/${pages.length})\n\n`}` +
      `${p.join('\n\n')}${i === 0 ? `\n\n_Part 1/${pages.length}: the plan continues in the next comment._` : ''}\n`,
  );
}

function header(plan: Plan, budget: number): string {
  const s = plan.summary;
  const lines = [`### promoc plan · target \`${esc(plan.target)}\``, '', `**${summaryLine(plan)}**`, ''];
  if (isEmpty(plan)) lines.push('No changes. Live state matches the repository.', '');
  for (const c of plan.conflicts ?? []) lines.push(`> [!CAUTION]\n> **Conflict** on ${esc(c.provider)}: ${esc(c.message)}`, '');
  lines.push(
    '| | create | update | replace | delete | activate | deactivate | blocked | scheduled | unchanged | drifted |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  lines.push(
    `| **total** | ${s.create} | ${s.update} | ${s.replace} | ${s.delete} | ${s.activate}` +
      ` | ${s.deactivate} | ${s.blocked} | ${s.scheduled ?? 0} | ${s.noop} | ${s.drift} |`,
  );
  const changed = plan.actions.filter((a) => a.action !== 'noop');
  if (changed.length > 0) {
    lines.push('', '| | Resource | Action | Provider | Fields | When |', '|---|---|---|---|---|---|');
    let size = lines.join('\n').length;
    for (const [i, a] of changed.entries()) {
      const row =
        `| \`${SYMBOL[a.action].trim() || '='}\` | ${esc(title(a))} | ${VERB[a.action]}` +
        `${a.activation ? ` + ${a.activation}` : ''}${a.drift ? ' (drift)' : ''} | ${a.provider} | ${a.changes.length}` +
        ` | ${a.schedule ? `${a.schedule.at} (${timeUntil(a.schedule.at, plan.createdAt)})` : ''} |`;
      if (size + row.length > budget) {
        lines.push(`| | … and ${changed.length - i} more, listed below | | | | |`);
        break;
      }
      lines.push(row);
      size += row.length + 1;
    }
  }
  return lines.join('\n');
}

function section(a: Action, planAt: string, withGeo = true): string {
  const lines = [
    `<details${a.action === 'blocked' || a.action === 'replace' || a.action === 'delete' ? ' open' : ''}` +
      `><summary><code>${esc(SYMBOL[a.action])}</code> <b>${esc(title(a))}</b> — ${VERB[a.action]}` +
      `${a.activation ? ` then ${a.activation}` : ''} (${esc(a.apiObject ?? a.kind)} on ${a.provider})</summary>`,
    '',
  ];
  const when = scheduleText(a, planAt);
  if (when) lines.push(`> **When:** ${esc(when)}`, '');
  if (a.reason) lines.push(`> **${a.action === 'blocked' ? 'Blocked' : 'Why'}:** ${esc(a.reason)}`, '');
  for (const x of a.consequences ?? []) lines.push(`> **Consequence:** ${esc(x)}`, '');
  if (a.drift) lines.push(`> **Drift:** ${esc(a.drift.message)}`, '');
  if (a.adopt) lines.push('> **Adopt:** the live object carries no promoc marker; applying marks it as managed.', '');
  const fields = a.changes.filter((c) => !isGeometry(c.before) && !isGeometry(c.after));
  if (fields.length > 0) lines.push('```diff', ...fields.flatMap(diffLines), '```', '');
  for (const g of a.changes.filter((c) => isGeometry(c.before) || isGeometry(c.after))) {
    lines.push(
      `Geofence change at \`${esc(g.path)}\`: ${esc(g.before ? formatValue(g.before) : '(none)')}` +
        ` → ${esc(g.after ? formatValue(g.after) : '(none)')}. Red: live, green: git.`,
      '',
    );
    if (withGeo) lines.push('```geojson', geojson(g), '```', '');
  }
  if ((a.counters ?? []).length > 0) {
    for (const k of a.counters ?? []) lines.push(`- ${esc(k.text)}`);
    lines.push('');
  }
  if (a.source) lines.push(`Declared in \`${esc(a.source.file)}\`${a.source.docIndex > 0 ? ` (document ${a.source.docIndex + 1})` : ''}.`, '');
  else lines.push(`No longer in the repository; promoc manages it (ownership marker on live object \`${esc(a.liveId ?? '')}\`).`, '');
  lines.push('</details>');
  return lines.join('\n');
}

/** A section too large for one page loses its maps first, then its field list. */
function fit(text: string, a: Action, limit: number, planAt: string): string {
  if (text.length <= limit) return text;
  const lean = section(a, planAt, false);
  if (lean.length <= limit) return lean;
  return (
    `<details><summary><code>${esc(SYMBOL[a.action])}</code> <b>${esc(title(a))}</b> ` +
    `— ${VERB[a.action]}</summary>\n\n${a.changes.length} field changes; too large ` +
    `for a comment. Run \`promoc show plan.json\` for the full diff.\n\n</details>`
  );
}

function diffLines(c: Change): string[] {
  const p = sanitizeForTerminal(c.path);
  const note = c.immutable ? `   # cannot change in place: ${sanitizeForTerminal(c.immutable)}` : '';
  if (c.before === undefined) return [`+ ${p}: ${sanitizeForTerminal(formatValue(c.after, 400))}${note}`];
  if (c.after === undefined) return [`- ${p}: ${sanitizeForTerminal(formatValue(c.before, 400))}${note}`];
  return [`- ${p}: ${sanitizeForTerminal(formatValue(c.before, 400))}`, `+ ${p}: ${sanitizeForTerminal(formatValue(c.after, 400))}${note}`];
}

function geojson(c: Change): string {
  const feature = (geometry: unknown, state: string) => ({
    type: 'Feature',
    properties: { state, stroke: state === 'live' ? '#d73a49' : '#28a745', fill: state === 'live' ? '#d73a49' : '#28a745' },
    geometry,
  });
  const features = [...(isGeometry(c.before) ? [feature(c.before, 'live')] : []), ...(isGeometry(c.after) ? [feature(c.after, 'git')] : [])];
  return JSON.stringify({ type: 'FeatureCollection', features });
}

function footer(plan: Plan): string {
  const lines = plan.notes.map(
    (n) =>
      `- ${n.level === 'warn' ? '⚠️ ' : ''}${esc(n.message)}` +
      `${n.level === 'warn' && n.resources ? `: ${n.resources.map((r) => `\`${esc(r)}\``).join(', ')}` : ''}`,
  );
  const sources = plan.sources.map((s) => `\`${s.provider}\` ${s.objects} objects (${s.managed} managed)`).join(', ');
  return [
    `<sub>Read at ${esc(plan.createdAt)} from ${sources || 'no provider'}; fingerprint \`${plan.fingerprint.slice(0, 12)}\`.</sub>`,
    ...(lines.length > 0 ? ['', ...lines] : []),
  ].join('\n');
}
