// Diagnostics are data until a renderer prints them. Stages report a path into a document;
// `locate` turns paths into ranges once, so rules and validators never count lines themselves.

export type Severity = 'error' | 'warn' | 'info';

/** 1-based line and column, as yaml's LineCounter gives them. */
export interface Position {
  readonly line: number;
  readonly col: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export type DocPath = readonly (string | number)[];

export interface RelatedLocation {
  readonly file: string;
  readonly range?: Range;
  readonly path?: DocPath;
  readonly docIndex?: number;
  readonly message: string;
}

export interface Diagnostic {
  /** 'schema/type', 'load/duplicate-key', 'stacking/shadowed' … */
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  /** Repository-relative, '/'-separated. Empty for diagnostics about the invocation itself. */
  readonly file: string;
  /** Which YAML document in a multi-document file (0-based). */
  readonly docIndex?: number;
  /** Path inside the document; `locate` turns it into `range`. */
  readonly path?: DocPath;
  /** Point at the key rather than the value (unknown properties, duplicate keys). */
  readonly atKey?: boolean;
  readonly range?: Range;
  readonly related?: readonly RelatedLocation[];
  /** How to fix it, one sentence. */
  readonly hint?: string;
  readonly data?: Readonly<Record<string, string | number>>;
}

const order: Record<Severity, number> = { error: 0, warn: 1, info: 2 };

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    cmp(a.file, b.file) ||
    (a.range?.start.line ?? 0) - (b.range?.start.line ?? 0) ||
    (a.range?.start.col ?? 0) - (b.range?.start.col ?? 0) ||
    order[a.severity] - order[b.severity] ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.message, b.message)
  );
}

export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(compareDiagnostics);
}

export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === 'error');
}

export function countBySeverity(list: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warn: 0, info: 0 };
  for (const d of list) counts[d.severity] += 1;
  return counts;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
