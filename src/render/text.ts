// Human output: one `file:line:col severity message [rule]` line per diagnostic (editors and
// terminals make it clickable), a code frame under it, and the fix hint. A pure view.
import { codeFrameColumns } from '@babel/code-frame';
import pc from 'picocolors';
import { countBySeverity, type Diagnostic } from '../model/diagnostic.js';
import { sanitizeForTerminal } from './sanitize.js';

export interface TextOptions {
  readonly color: boolean;
  /** Source text of a repo-relative file, for code frames; undefined skips the frame. */
  readonly readText?: (file: string) => string | undefined;
  readonly frames?: boolean;
}

export function renderText(diags: readonly Diagnostic[], options: TextOptions): string {
  const c = pc.createColors(options.color);
  const sources = new Map<string, string[] | undefined>();
  const linesOf = (file: string): string[] | undefined => {
    if (!sources.has(file)) {
      let text: string | undefined;
      try { text = options.readText?.(file); } catch { text = undefined; }
      sources.set(file, text === undefined ? undefined : text.split(/\r?\n/).map(sanitizeForTerminal));
    }
    return sources.get(file);
  };
  const sev = { error: c.red('error'), warn: c.yellow('warning'), info: c.blue('info') };
  const out: string[] = [];
  for (const d of diags) {
    const where = d.range ? `${d.file}:${d.range.start.line}:${d.range.start.col}` : d.file || 'promoc';
    out.push(`${c.bold(sanitizeForTerminal(where))}  ${sev[d.severity]}  ${sanitizeForTerminal(d.message)}  ${c.dim(d.ruleId)}`);
    const lines = options.frames !== false && d.range && d.file ? linesOf(d.file) : undefined;
    if (lines && d.range) {
      const { start, end } = d.range;
      const sameLine = end.line === start.line && end.col > start.col;
      const frame = codeFrameColumns(lines.join('\n'), { start: { line: start.line, column: start.col }, ...(sameLine ? { end: { line: end.line, column: end.col } } : {}) }, { highlightCode: false, linesAbove: 2, linesBelow: 1 });
      out.push(frame.split('\n').map((l) => `    ${l.includes('^') && !l.includes('|  ') ? c.red(l) : c.dim(l)}`).join('\n'));
    }
    if (d.hint) out.push(`    ${c.cyan('hint')}: ${sanitizeForTerminal(d.hint)}`);
    for (const r of d.related ?? []) {
      out.push(`    ${c.dim('see')} ${sanitizeForTerminal(r.range ? `${r.file}:${r.range.start.line}:${r.range.start.col}` : r.file)} ${c.dim(sanitizeForTerminal(r.message))}`);
    }
    out.push('');
  }
  return out.join('\n');
}

export function summaryLine(diags: readonly Diagnostic[], files: number, color: boolean): string {
  const c = pc.createColors(color);
  const n = countBySeverity(diags);
  const fileWord = `${files} file${files === 1 ? '' : 's'}`;
  if (n.error === 0 && n.warn === 0) return c.green(`✔ ${fileWord} checked, no problems${n.info > 0 ? ` (${n.info} info)` : ''}`);
  const total = n.error + n.warn;
  const text = `✖ ${total} problem${total === 1 ? '' : 's'} (${n.error} error${n.error === 1 ? '' : 's'}, ${n.warn} warning${n.warn === 1 ? '' : 's'}) in ${fileWord}`;
  return n.error > 0 ? c.red(c.bold(text)) : c.yellow(c.bold(text));
}
