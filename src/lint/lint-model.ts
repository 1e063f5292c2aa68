// The pure core of `promoc lint`: a resolved model in, unlocated diagnostics out (paths, no ranges).
// The benchmark calls this directly; the runner adds locations, suppressions and config problems.
import type { Severity } from '../model/diagnostic.js';
import type { Model } from '../model/resource.js';
import { createAnalysis } from './analysis/analysis.js';
import { flatString, formatMessage } from './message.js';
import { rules } from './registry.js';
import { resolveSettings, type LintOptions } from './settings.js';
import { SharedParts } from './shared-parts.js';
import type { Finding, LintDiagnostic, Rule } from './types.js';

export function lintModel(model: Model, options: LintOptions): LintDiagnostic[] {
  const settings = resolveSettings(options);
  const analysis = createAnalysis(model, settings);
  const out: LintDiagnostic[] = [];
  const shared = new SharedParts();
  for (const rule of rules as readonly Rule[]) {
    const severity = severityOf(rule, options);
    if (severity === 'off') continue;
    rule.check({ model, analysis, settings, report: (f) => out.push(toDiagnostic(rule, severity, f, shared)) });
  }
  return out;
}

export function severityOf(rule: Pick<Rule, 'id' | 'defaultSeverity'>, options: Pick<LintOptions, 'rules' | 'only'>): Severity | 'off' {
  if (options.only && !options.only.includes(rule.id)) return 'off';
  return options.rules?.[rule.id] ?? rule.defaultSeverity;
}

function toDiagnostic(rule: Rule, severity: Severity, f: Finding<string>, shared: SharedParts): LintDiagnostic {
  const data = f.data ?? {};
  // Findings are held until the report is printed: their strings are flattened (see flatString) and, where
  // the rule's data object can take it, repeated values shared.
  const writable = !Object.isFrozen(data);
  for (const key in data) {
    const value = data[key];
    if (typeof value !== 'string') continue;
    if (writable) (data as Record<string, string | number>)[key] = shared.string(value);
    else flatString(value);
  }
  const hint = rule.hints[f.messageId];
  return {
    ruleId: rule.id,
    severity,
    messageId: f.messageId,
    message: flatString(formatMessage(rule.messages[f.messageId] ?? f.messageId, data)),
    hint: hint !== undefined ? flatString(formatMessage(hint, data)) : undefined,
    data,
    file: f.at.source.file,
    docIndex: f.at.source.docIndex,
    path: f.path,
    ...(f.atKey ? { atKey: true } : {}),
    ...(f.related && f.related.length > 0
      ? { related: f.related.map((r) => shared.relatedLocation(r.at.source.file, r.at.source.docIndex, r.path, r.message)) }
      : {}),
  };
}
