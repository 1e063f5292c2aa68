// Findings the way a reviewer reads them: errors first, then warnings, then infos, each group by file
// and line; each location a link to that line at the pull request's head commit when the report knows
// where the files are (plain text otherwise). Pure.
import { compareDiagnostics, type Diagnostic } from '../model/diagnostic.js';

const RANK = { error: 0, warn: 1, info: 2 } as const;

export function lintOrder(diags: readonly Diagnostic[]): Diagnostic[] {
  return [...diags].sort((a, b) => RANK[a.severity] - RANK[b.severity] || compareDiagnostics(a, b));
}

/** `<sourceUrl><file>#L<line>`, or undefined without a base URL or a file. */
export function sourceLink(sourceUrl: string | undefined, d: Pick<Diagnostic, 'file' | 'range'>): string | undefined {
  if (!sourceUrl || !d.file) return undefined;
  return `${sourceUrl}${d.file
    .split('/')
    .map((part) => encodeURIComponent(part).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/')}${d.range ? `#L${d.range.start.line}` : ''}`;
}
