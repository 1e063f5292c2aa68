// The lint stage around the pure core: check the config's rule settings, run the rules (lintModel), turn
// paths into ranges once (locate), apply suppressions from the source text, merge with what the loader
// found, and sort. No I/O of its own: file text comes through `readText`, the clock through options.now.
import { closest, distance } from 'fastest-levenshtein';
import { locateDiagnostics } from '../load/locate.js';
import { sortDiagnostics, type Diagnostic, type Severity } from '../model/diagnostic.js';
import type { Model } from '../model/resource.js';
import { lintModel, severityOf } from './lint-model.js';
import { rules } from './registry.js';
import type { LintOptions } from './settings.js';
import type { LintDiagnostic } from './types.js';
import { applySuppressions, parseDirectives, SUPPRESSION_CHECKS, type SuppressionCheckId } from './suppressions.js';

export const CONFIG_CHECKS = [
  {
    id: 'lint/unknown-rule',
    defaultSeverity: 'error',
    description: 'promoc.config.yaml sets a severity for a rule that does not exist, so the setting has no effect.',
  },
] as const satisfies readonly { id: string; defaultSeverity: Severity; description: string }[];

/** Checks the runner makes itself (not rules over the model), documented like rules. */
export const RUNNER_CHECKS = [...SUPPRESSION_CHECKS, ...CONFIG_CHECKS];

export interface RunLintInput {
  readonly model: Model;
  /** Diagnostics of earlier stages (load, schema, cross-checks), already located. */
  readonly earlier?: readonly Diagnostic[];
  readonly options: LintOptions;
  /** Source text of a repo-relative file. */
  readonly readText: (file: string) => string | undefined;
  /** Files to read suppression comments from; default: every file the model came from. */
  readonly files?: readonly string[];
  /** Repo-relative path of promoc.config.yaml, where rule settings are reported. */
  readonly configFile?: string;
}

export interface LintReport {
  /** Earlier stages' and lint's diagnostics, located, suppressions applied, sorted. */
  readonly diagnostics: readonly Diagnostic[];
  readonly suppressed: number;
}

export function runLint(input: RunLintInput): LintReport {
  return finishLint(lintModel(input.model, input.options), { ...input, files: input.files ?? [...new Set(input.model.resources.map((r) => r.source.file))] });
}

/** What runLint needs besides the model, for a caller that lets the model go (`runLintReleasing`). */
export type RunLintRest = Omit<RunLintInput, 'model' | 'files'> & { readonly files: readonly string[] };

/**
 * runLint for a caller that does not keep the model: `take` hands it over once, and nothing holds it after the
 * rules have run, so the model (tens of MB for 10,000 campaigns) can be collected while the findings are
 * located, suppressed and printed.
 */
export function runLintReleasing(take: () => Model, rest: RunLintRest): LintReport {
  return finishLint(lintTaken(take, rest.options), rest);
}

// The model lives in this frame only while the rules run.
function lintTaken(take: () => Model, options: LintOptions): LintDiagnostic[] {
  return lintModel(take(), options);
}

function finishLint(findings: readonly LintDiagnostic[], input: RunLintRest): LintReport {
  const readText = (file: string): string => input.readText(file) ?? '';
  const earlier = input.earlier ?? [];
  const found = locateDiagnostics(findings, readText);
  // A place an earlier stage already reported (e.g. model/unresolved-ref) is not reported twice.
  const seen = new Set(earlier.map(placeKey));
  const fresh = found.filter((d) => !seen.has(placeKey(d)));
  const directives = input.files.flatMap((f) => parseDirectives(f, readText(f)));
  const known = new Set<string>(rules.map((r) => r.id));
  const enabled = new Set<string>(rules.filter((r) => severityOf(r, input.options) !== 'off').map((r) => r.id));
  const { kept, suppressed, problems } = applySuppressions(fresh, directives, {
    known,
    enabled,
    now: input.options.now,
    severity: (id: SuppressionCheckId) => input.options.rules?.[id] ?? SUPPRESSION_CHECKS.find((c) => c.id === id)!.defaultSeverity,
  });
  const config = locateDiagnostics(configProblems(input), readText);
  return { diagnostics: sortDiagnostics([...earlier, ...kept, ...problems, ...config]), suppressed };
}

function placeKey(d: Diagnostic): string {
  return `${d.file}\0${d.docIndex ?? 0}\0${(d.path ?? []).join('\0')}`;
}

function configProblems(input: RunLintRest): Diagnostic[] {
  const settings = input.options.rules ?? {};
  const known = [...rules.map((r) => r.id as string), ...RUNNER_CHECKS.map((c) => c.id as string)];
  const severity = settings['lint/unknown-rule'] ?? 'error';
  if (severity === 'off') return [];
  return Object.keys(settings)
    .filter((id) => !known.includes(id))
    .map((id) => {
      const guess = closest(id, known);
      const near = distance(id, guess) <= 3;
      return {
        ruleId: 'lint/unknown-rule',
        severity,
        file: input.configFile ?? 'promoc.config.yaml',
        docIndex: 0,
        path: ['lint', 'rules', id],
        atKey: true,
        message: `lint.rules sets "${id}", which is not a lint rule${near ? `; did you mean "${guess}"?` : ''}`,
        hint: 'Rule ids are listed in docs/rules/; check the spelling.',
      };
    });
}
