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
  // Lines are sanitized when framed: a frame shows four of them.
  const sources = new Map<string, string[] | undefined>();
  const linesOf = (file: string): string[] | undefined => {
    if (!sources.has(file)) {
      let text: string | undefined;
      try {
        text = options.readText?.(file);
      } catch {
        text = undefined;
      }
      sources.set(file, text === undefined ? undefined : text.split(/\r?\n/));
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
      const frame = codeFrame(lines, d.range.start, d.range.end);
      out.push(
        frame
          .split('\n')
          .map((l) => `    ${l.includes('^') && !l.includes('|  ') ? c.red(l) : c.dim(l)}`)
          .join('\n'),
      );
    }
    if (d.hint) out.push(`    ${c.cyan('hint')}: ${sanitizeForTerminal(d.hint)}`);
    for (const r of d.related ?? []) {
      out.push(
        `    ${c.dim('see')} ${sanitizeForTerminal(r.range ? `${r.file}:${r.range.start.line}:${r.range.start.col}` : r.file)}` +
          ` ${c.dim(sanitizeForTerminal(r.message))}`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}

/** Columns of a framed line shown at most; longer lines (a geometry on one line) are cut around the column. */
const FRAME_WIDTH = 160;

/**
 * The frame from the few lines around the range only, each cut to FRAME_WIDTH columns around the start
 * column: joining the whole file per diagnostic, or printing a 2 MiB line under each, made thousands of
 * diagnostics in one large file take minutes and overflow the string length.
 */
function codeFrame(lines: readonly string[], start: { line: number; col: number }, end: { line: number; col: number }): string {
  const first = Math.max(1, start.line - 2);
  const last = Math.min(lines.length, start.line + 1);
  const from = sanitizeForTerminal(lines[start.line - 1] ?? '').length > FRAME_WIDTH ? Math.max(0, start.col - 1 - Math.floor(FRAME_WIDTH / 3)) : 0;
  const cut = (l: string, at: number): string =>
    l.length <= FRAME_WIDTH && at === 0 ? l : `${at > 0 ? '…' : ''}${l.slice(at, at + FRAME_WIDTH)}${l.length > at + FRAME_WIDTH ? '…' : ''}`;
  const shift = from > 0 ? 1 - from : 0;
  const sameLine = end.line === start.line && end.col > start.col;
  const column = start.col + shift;
  const endColumn = Math.min(end.col + shift, FRAME_WIDTH + 1 + (from > 0 ? 1 : 0));
  return codeFrameColumns(
    lines
      .slice(first - 1, last)
      .map((l, i) => cut(sanitizeForTerminal(l), first + i === start.line ? from : 0))
      .join('\n'),
    { start: { line: start.line, column }, ...(sameLine && endColumn > column ? { end: { line: end.line, column: endColumn } } : {}) },
    { highlightCode: false, linesAbove: 2, linesBelow: 1, startLine: first } as Parameters<typeof codeFrameColumns>[2],
  );
}

export function summaryLine(diags: readonly Diagnostic[], files: number, color: boolean): string {
  const c = pc.createColors(color);
  const n = countBySeverity(diags);
  const fileWord = `${files} file${files === 1 ? '' : 's'}`;
  if (n.error === 0 && n.warn === 0) return c.green(`✔ ${fileWord} checked, no problems${n.info > 0 ? ` (${n.info} info)` : ''}`);
  const total = n.error + n.warn;
  const text =
    `✖ ${total} problem${total === 1 ? '' : 's'} (${n.error} error${n.error === 1 ? '' : 's'}` +
    `, ${n.warn} warning${n.warn === 1 ? '' : 's'}) in ${fileWord}`;
  return n.error > 0 ? c.red(c.bold(text)) : c.yellow(c.bold(text));
}
