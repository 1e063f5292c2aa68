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
  const parts: string[] = [];
  writeText(diags, options, (chunk) => parts.push(chunk));
  return parts.join('');
}

/** Text output, after this many characters are gathered, goes to `write`: a report of 100,000 lines is never one string. */
const CHUNK_CHARS = 64 * 1024;

/**
 * `renderText` in pieces: `write` receives consecutive chunks whose concatenation is `renderText`'s result.
 * Sources are split one file at a time (diagnostics come sorted by file), so a report over thousands of files
 * holds the lines of one.
 */
export function writeText(diags: readonly Diagnostic[], options: TextOptions, write: (chunk: string) => void): void {
  const c = pc.createColors(options.color);
  // Lines are sanitized when framed: a frame shows four of them.
  let linesFile: string | undefined;
  let lines: SourceLines | undefined;
  const linesOf = (file: string): SourceLines | undefined => {
    if (file !== linesFile) {
      let text: string | undefined;
      try {
        text = options.readText?.(file);
      } catch {
        text = undefined;
      }
      linesFile = file;
      lines = text === undefined ? undefined : new SourceLines(text);
    }
    return lines;
  };
  const sev = { error: c.red('error'), warn: c.yellow('warning'), info: c.blue('info') };
  let out: string[] = [];
  let size = 0;
  const push = (line: string): void => {
    out.push(line);
    size += line.length + 1;
  };
  for (let i = 0; i < diags.length; i += 1) {
    const d = diags[i]!;
    // Each diagnostic ends with an empty line: the block of the next one starts after it.
    if (i > 0) push('');
    const where = d.range ? `${d.file}:${d.range.start.line}:${d.range.start.col}` : d.file || 'promoc';
    push(`${c.bold(sanitizeForTerminal(where))}  ${sev[d.severity]}  ${sanitizeForTerminal(d.message)}  ${c.dim(d.ruleId)}`);
    const framed = options.frames !== false && d.range && d.file ? linesOf(d.file) : undefined;
    if (framed && d.range) {
      const frame = codeFrame(framed, d.range.start, d.range.end);
      push(
        frame
          .split('\n')
          .map((l) => `    ${l.includes('^') && !l.includes('|  ') ? c.red(l) : c.dim(l)}`)
          .join('\n'),
      );
    }
    if (d.hint) push(`    ${c.cyan('hint')}: ${sanitizeForTerminal(d.hint)}`);
    for (const r of d.related ?? []) {
      push(
        `    ${c.dim('see')} ${sanitizeForTerminal(r.range ? `${r.file}:${r.range.start.line}:${r.range.start.col}` : r.file)}` +
          ` ${c.dim(sanitizeForTerminal(r.message))}`,
      );
    }
    if (size >= CHUNK_CHARS) {
      write(`${out.join('\n')}\n`);
      out = [];
      size = 0;
    }
  }
  if (out.length > 0) write(`${out.join('\n')}\n`);
}

/**
 * A text's lines as `text.split(/\r?\n/)` gives them, each cut out only when a frame shows it: splitting every
 * file with a finding made a string of each of its lines (about 900,000 for the bench repository's report).
 */
export class SourceLines {
  /** Where each line starts; line k (0-based) ends before the next line's start, less its `\n` and a `\r` before it. */
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', nl + 1)) this.starts.push(nl + 1);
  }

  get length(): number {
    return this.starts.length;
  }

  /** Line `k` (0-based), undefined past either end. */
  at(k: number): string | undefined {
    if (!(k >= 0 && k < this.starts.length)) return undefined;
    const from = this.starts[k]!;
    if (k + 1 === this.starts.length) return this.text.slice(from);
    let to = this.starts[k + 1]! - 1;
    if (to > from && this.text.charCodeAt(to - 1) === 13) to -= 1;
    return this.text.slice(from, to);
  }
}

/** Columns of a framed line shown at most; longer lines (a geometry on one line) are cut around the column. */
const FRAME_WIDTH = 160;

/**
 * The frame from the few lines around the range only, each cut to FRAME_WIDTH columns around the start
 * column: joining the whole file per diagnostic, or printing a 2 MiB line under each, made thousands of
 * diagnostics in one large file take minutes and overflow the string length.
 */
function codeFrame(lines: SourceLines, start: { line: number; col: number }, end: { line: number; col: number }): string {
  const first = Math.max(1, start.line - 2);
  const last = Math.min(lines.length, start.line + 1);
  const from = sanitizeForTerminal(lines.at(start.line - 1) ?? '').length > FRAME_WIDTH ? Math.max(0, start.col - 1 - Math.floor(FRAME_WIDTH / 3)) : 0;
  const cut = (l: string, at: number): string =>
    l.length <= FRAME_WIDTH && at === 0 ? l : `${at > 0 ? '…' : ''}${l.slice(at, at + FRAME_WIDTH)}${l.length > at + FRAME_WIDTH ? '…' : ''}`;
  const shift = from > 0 ? 1 - from : 0;
  const sameLine = end.line === start.line && end.col > start.col;
  const column = start.col + shift;
  const endColumn = Math.min(end.col + shift, FRAME_WIDTH + 1 + (from > 0 ? 1 : 0));
  const shown: string[] = [];
  for (let n = first; n <= last; n += 1) shown.push(cut(sanitizeForTerminal(lines.at(n - 1)!), n === start.line ? from : 0));
  return codeFrameColumns(
    shown.join('\n'),
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
