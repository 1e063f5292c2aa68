// Machine-readable lint output: one object per diagnostic with its location spelled out. A pure view.
import type { Diagnostic } from '../model/diagnostic.js';

export function renderJson(diags: readonly Diagnostic[]): string {
  return `${JSON.stringify(diags.map(toJson), null, 2)}\n`;
}

function toJson(d: Diagnostic & { readonly messageId?: string }) {
  return {
    ruleId: d.ruleId,
    severity: d.severity,
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
