// Lint findings as a Markdown pull-request comment: a summary line and one table row per finding, cut
// short (with a count of what is left out) before GitHub's 65,535-character comment limit. A pure view.
import { countBySeverity, type Diagnostic } from '../model/diagnostic.js';

export interface MarkdownOptions {
  /** Longest comment to produce. Default 60,000 characters, under GitHub's 65,535. */
  readonly maxLength?: number;
  readonly title?: string;
}

const LABEL = { error: '**error**', warn: 'warning', info: 'info' } as const;

export function renderMarkdown(diags: readonly Diagnostic[], options: MarkdownOptions = {}): string {
  const max = options.maxLength ?? 60_000;
  const n = countBySeverity(diags);
  const head = `### ${options.title ?? 'promoc lint'}: ${plural(n.error, 'error')}, ${plural(n.warn, 'warning')}, ${n.info} info\n\n`;
  if (diags.length === 0) return `${head}No problems found.\n`;
  const lines = [head, '| Severity | Location | Rule | Message |\n', '|---|---|---|---|\n'];
  let length = lines.join('').length;
  let shown = 0;
  for (const d of diags) {
    const where = d.range ? `${d.file}:${d.range.start.line}:${d.range.start.col}` : d.file || '—';
    const message = d.hint ? `${cell(d.message)}<br>*${cell(d.hint)}*` : cell(d.message);
    const row = `| ${LABEL[d.severity]} | \`${cell(where)}\` | \`${cell(d.ruleId)}\` | ${message} |\n`;
    if (length + row.length + 200 > max) break;
    lines.push(row);
    length += row.length;
    shown += 1;
  }
  if (shown < diags.length)
    lines.push(
      `\n… and ${diags.length - shown} more finding${diags.length - shown === 1 ? '' : 's'}` +
        ` not shown (comment size limit); see the CI log or the SARIF report.\n`,
    );
  return lines.join('');
}

function plural(k: number, word: string): string {
  return `${k} ${word}${k === 1 ? '' : 's'}`;
}

/** Keep a table cell on one line and out of Markdown's way. */
function cell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\r?\n/g, '<br>');
}
