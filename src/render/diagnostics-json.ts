// Machine-readable findings, the same envelope for `validate -f json` and `lint -f json`:
// `{ diagnostics, summary }`, one object per diagnostic with its location spelled out (line, column,
// endLine, endColumn, 1-based) and its severity spelled as everywhere else (error, warning, info).
// A pure view.
import { countBySeverity, type Diagnostic } from '../model/diagnostic.js';
import { severityWord } from '../model/severity.js';

export interface DiagnosticsSummary {
  readonly files: number;
  /** Findings silenced by a suppression comment (lint). */
  readonly suppressed?: number;
  /** Validate: documents and resources read. */
  readonly documents?: number;
  readonly resources?: number;
}

export function renderDiagnosticsJson(diags: readonly Diagnostic[], summary: DiagnosticsSummary): string {
  const n = countBySeverity(diags);
  const envelope = {
    diagnostics: diags.map(toJson),
    summary: { ...summary, errors: n.error, warnings: n.warn, infos: n.info },
  };
  return `${JSON.stringify(envelope, null, 2)}\n`;
}

function toJson(d: Diagnostic & { readonly messageId?: string }) {
  return {
    ruleId: d.ruleId,
    severity: severityWord(d.severity),
    ...(d.messageId ? { messageId: d.messageId } : {}),
    message: d.message,
    file: d.file,
    ...(d.range ? { line: d.range.start.line, column: d.range.start.col, endLine: d.range.end.line, endColumn: d.range.end.col } : {}),
    ...(d.hint ? { hint: d.hint } : {}),
    ...(d.data && Object.keys(d.data).length > 0 ? { data: d.data } : {}),
    ...(d.related && d.related.length > 0
      ? { related: d.related.map((r) => ({ file: r.file, ...(r.range ? { line: r.range.start.line, column: r.range.start.col } : {}), message: r.message })) }
      : {}),
  };
}
