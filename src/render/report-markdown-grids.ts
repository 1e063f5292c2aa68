// The two grid views of the PR comment: the coverage matrix (one table per user type; zones down,
// price types across; campaigns by letter with a legend) and the window timeline (a monospace chart,
// one row per campaign, two characters per month). Both stop at a character budget. Pure.
import type { CoverageMatrix, TimelineRow } from '../report/types.js';
import { coverageOf, timelineMonths } from '../report/timeline.js';
import { codeText, mdText } from './report-escape.js';
import { money } from './report-format.js';

export function coverageMarkdown(m: CoverageMatrix, budget: number): string {
  const keys = new Map<string, string>();
  const key = (id: string): string => {
    let k = keys.get(id);
    if (!k) {
      k = letterKey(keys.size);
      keys.set(id, k);
    }
    return k;
  };
  const price = (n: number): string => money(n, m.currency).replace(` ${m.currency}`, '');
  const intro =
    `Net price of one line at ${m.at.slice(0, 16).replace('T', ' ')} UTC (${m.currency}` +
    `${m.category ? `, ${mdText(m.category)}` : ''}${m.branch ? ` in ${mdText(m.branch)}` : ''}), a rental starting and ` +
    `ending in the zone, no code; then the code that lowers it most. Letters name the campaigns that apply (legend below).`;
  const out = [intro, ''];
  let size = intro.length;
  let shownTypes = 0;
  const userTypes = m.userTypes.length > 0 ? m.userTypes : ['(no user type)'];
  for (const [u, userType] of userTypes.entries()) {
    const head = [
      `**${mdText(userType)}**`,
      '',
      `| Zone | ${m.priceTypes.map((t, i) => `${mdText(t)} ${price(m.cells[u]?.[0]?.[i]?.original ?? 0)}`).join(' | ')} |`,
      `|---|${m.priceTypes.map(() => '---:').join('|')}|`,
    ];
    const rows = m.zones.map(
      (zone, z) =>
        `| ${mdText(zone)} | ${m.priceTypes
          .map((_, t) => {
            const c = m.cells[u]![z]![t]!;
            const applied = c.campaigns.length > 0 ? ` (${c.campaigns.map(key).join(' ')})` : '';
            const best = c.bestCode;
            const code = best
              ? `<br>${mdText(best.code)}: ${price(best.net)}${best.campaigns.length > 0 ? ` (${best.campaigns.map(key).join(' ')})` : ''}`
              : '';
            return `${c.net < c.original ? `**${price(c.net)}**` : price(c.net)}${applied}${code}`;
          })
          .join(' | ')} |`,
    );
    const block = [...head, ...rows, ''].join('\n');
    if (size + block.length + 400 > budget) break;
    out.push(block);
    size += block.length;
    shownTypes += 1;
  }
  if (shownTypes < userTypes.length) out.push(`… ${userTypes.length - shownTypes} more user types not shown (comment size limit; see the HTML report).`, '');
  const legend = [...keys].map(([id, k]) => `${k} = ${mdText(id)}`).join(' · ');
  out.push(
    legend.length + size < budget
      ? `Legend: ${legend || 'no campaign applies'}.`
      : `Legend: ${keys.size} campaigns (too many to list here; see the HTML report).`,
  );
  return out.join('\n');
}

/** A, B, …, Z, AA, AB, … */
function letterKey(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const MONTH_LETTERS = 'JFMAMJJASOND';
const MARK = { added: '+', changed: '~', removed: '-' } as const;

export function timelineMarkdown(rows: readonly TimelineRow[], budget: number): string {
  const months = timelineMonths(rows);
  if (months.length === 0) return 'No campaign has a bounded window.';
  const ordered = [...rows.filter((r) => r.change), ...rows.filter((r) => !r.change)];
  const width = Math.min(48, Math.max(8, ...ordered.map((r) => r.id.length)));
  const label = (s: string): string => (s.length > width ? `${s.slice(0, width - 1)}…` : s.padEnd(width));
  const lines = [
    `${' '.repeat(width + 3)}${compactYears(months)}`,
    `${' '.repeat(width + 3)}${months.map((m) => `${MONTH_LETTERS[new Date(m).getUTCMonth()]} `).join('')}`,
  ];
  let size = lines.join('\n').length;
  let shown = 0;
  for (const r of ordered) {
    const cells = months
      .map((start, i) => {
        const end = months[i + 1] ?? Date.UTC(new Date(start).getUTCFullYear(), new Date(start).getUTCMonth() + 1, 1);
        const c = coverageOf(r, start, end);
        return c === 'none' ? '··' : !r.active ? '░░' : c === 'full' ? '██' : '▒▒';
      })
      .join('');
    const line = `${r.change ? MARK[r.change] : ' '} ${codeText(label(r.id))} ${cells}`;
    if (size + line.length + 300 > budget) break;
    lines.push(line);
    size += line.length + 1;
    shown += 1;
  }
  const more = ordered.length - shown;
  const legend = `██ whole month · ▒▒ part of it · ░░ inactive (draft) · + added, ~ changed, - removed${more > 0 ? ` · ${more} more campaigns not shown` : ''}`;
  return ['```text', ...lines, '```', '', legend].join('\n');
}

/** The year above each January (and above the first month), each label starting at its month's column. */
function compactYears(months: readonly number[]): string {
  let line = '';
  months.forEach((m, i) => {
    const d = new Date(m);
    if (i === 0 || d.getUTCMonth() === 0) line = line.padEnd(i * 2) + String(d.getUTCFullYear());
  });
  return line;
}
