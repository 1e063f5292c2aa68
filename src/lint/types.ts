// The shape of a lint rule (typescript-eslint style: id, metadata, messages by id, a check) and of what
// it reports (Spectral style: a path into a document, never a line number).
import type { Diagnostic, DocPath, Severity } from '../model/diagnostic.js';
import type { Located, Model } from '../model/resource.js';
import type { Analysis } from './analysis/analysis.js';
import type { LintSettings } from './settings.js';

/** A lint finding as a diagnostic: the message id and data stay beside the rendered message. */
export interface LintDiagnostic extends Diagnostic {
  readonly messageId: string;
}

export interface RelatedFinding {
  readonly at: Located;
  readonly path: DocPath;
  readonly message: string;
}

export interface Finding<M extends string> {
  readonly messageId: M;
  /** The resource the finding is about; its file and document locate it. */
  readonly at: Located;
  readonly path: DocPath;
  readonly atKey?: boolean;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly related?: readonly RelatedFinding[];
}

export interface RuleContext<M extends string> {
  readonly model: Model;
  /** Work shared between rules (offers, geofence overlaps, stacking pairs), computed once per run. */
  readonly analysis: Analysis;
  readonly settings: LintSettings;
  report(finding: Finding<M>): void;
}

export interface Rule<M extends string = string, I extends string = string> {
  readonly id: I;
  /** One sentence; the docs page repeats it verbatim (checked by the meta-test). */
  readonly description: string;
  readonly defaultSeverity: Severity;
  /** Templates with {{placeholders}} filled from the finding's data. */
  readonly messages: Readonly<Record<M, string>>;
  /** How to fix it, per message; templates too. */
  readonly hints: Readonly<Record<M, string>>;
  check(ctx: RuleContext<M>): void;
}

export function defineRule<const I extends string, const M extends string>(rule: Rule<M, I>): Rule<M, I> {
  return rule;
}
