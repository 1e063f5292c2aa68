// `# promoc-disable-next-line <rule-id>[, <rule-id>…] -- <reason> [until YYYY-MM-DD]` in the YAML source.
// Read from the raw text (comments are not in the model). A directive applies to the next line that is
// neither blank nor a comment, so several directives can stack above one line. It needs a reason; with
// `until` it stops suppressing after that day (UTC) and is reported, and a directive that suppresses
// nothing is reported too, so stale ones do not pile up.
import type { Diagnostic, Severity } from '../model/diagnostic.js';

export interface Directive {
  readonly file: string;
  /** 1-based line of the comment, and of the line it applies to. */
  readonly line: number;
  readonly col: number;
  readonly target: number;
  readonly rules: readonly string[];
  readonly reason: string;
  /** Last day (YYYY-MM-DD, UTC) it applies. */
  readonly until?: string;
  readonly malformed?: string;
}

/** The checks on directives themselves, documented like rules (docs/rules/suppression/*.md). */
export const SUPPRESSION_CHECKS = [
  {
    id: 'suppression/missing-reason',
    defaultSeverity: 'error',
    description: 'A suppression comment without a reason after `--`; it suppresses nothing until it has one.',
  },
  {
    id: 'suppression/malformed',
    defaultSeverity: 'error',
    description: 'A suppression comment that cannot be read: no rule id, an unknown rule id, or a bad `until` date.',
  },
  { id: 'suppression/expired', defaultSeverity: 'warn', description: 'A suppression whose `until` date has passed; the finding it hid is reported again.' },
  { id: 'suppression/unused', defaultSeverity: 'warn', description: 'A suppression that matches no finding on the line after it.' },
] as const satisfies readonly { id: string; defaultSeverity: Severity; description: string }[];

export type SuppressionCheckId = (typeof SUPPRESSION_CHECKS)[number]['id'];

const MARKER = 'promoc-disable-next-line';
const DIRECTIVE = /(?:^|\s)#\s*promoc-disable-next-line\b(.*)$/;
const RULE_ID = /^[a-z]+\/[a-z0-9-]+$/;

export function parseDirectives(file: string, text: string): Directive[] {
  if (!text.includes(MARKER)) return [];
  const lines = text.split(/\r?\n/);
  const out: Directive[] = [];
  lines.forEach((lineText, i) => {
    const m = DIRECTIVE.exec(lineText);
    if (!m) return;
    const col = lineText.indexOf('#') + 1;
    let target = i + 1;
    while (target < lines.length && /^\s*(#.*)?$/.test(lines[target]!)) target += 1;
    out.push({ file, line: i + 1, col, target: target + 1, ...parseBody(m[1]!) });
  });
  return out;
}

function parseBody(body: string): Pick<Directive, 'rules' | 'reason' | 'until' | 'malformed'> {
  const dash = body.indexOf('--');
  const ruleText = (dash === -1 ? body : body.slice(0, dash)).trim();
  let reason = dash === -1 ? '' : body.slice(dash + 2).trim();
  const rules = ruleText === '' ? [] : ruleText.split(/\s*,\s*|\s+/).filter(Boolean);
  const expiry = /(?:^|\s)until\s+(\S+)$/.exec(reason);
  let until: string | undefined;
  let malformed: string | undefined;
  if (expiry) {
    reason = reason.slice(0, expiry.index).trim();
    until = expiry[1]!;
    if (!isDate(until)) malformed = `"until ${until}" is not a date; write until YYYY-MM-DD`;
  }
  if (rules.length === 0) malformed ??= 'it names no rule';
  const bad = rules.find((r) => !RULE_ID.test(r));
  if (bad) malformed ??= `"${bad}" is not a rule id (group/name)`;
  return { rules, reason, ...(until !== undefined ? { until } : {}), ...(malformed ? { malformed } : {}) };
}

function isDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

export interface SuppressionContext {
  /** Lint rule ids that exist, and those enabled in this run. */
  readonly known: ReadonlySet<string>;
  readonly enabled: ReadonlySet<string>;
  readonly now: Date;
  readonly severity: (id: SuppressionCheckId) => Severity | 'off';
}

export interface SuppressionResult {
  readonly kept: readonly Diagnostic[];
  readonly suppressed: number;
  readonly problems: readonly Diagnostic[];
}

/** Drop the findings valid directives cover; report the directives that are wrong, expired or unused. */
export function applySuppressions(findings: readonly Diagnostic[], directives: readonly Directive[], ctx: SuppressionContext): SuppressionResult {
  const today = ctx.now.toISOString().slice(0, 10);
  const problems: Diagnostic[] = [];
  const problem = (id: SuppressionCheckId, d: Directive, message: string, hint: string): void => {
    const severity = id === 'suppression/missing-reason' ? 'error' : ctx.severity(id);
    if (severity === 'off') return;
    problems.push({ ruleId: id, severity, file: d.file, message, hint, range: { start: { line: d.line, col: d.col }, end: { line: d.line, col: d.col } } });
  };
  const active: Directive[] = [];
  for (const d of directives) {
    const unknown = d.rules.find((r) => !ctx.known.has(r));
    if (d.malformed || unknown) {
      problem(
        'suppression/malformed',
        d,
        `suppression comment ${d.malformed ?? `names "${unknown}", which is not a lint rule`}`,
        'Write `# promoc-disable-next-line <rule-id> -- <reason>`; `promoc lint --help` lists the rule ids.',
      );
    } else if (d.reason === '') {
      problem(
        'suppression/missing-reason',
        d,
        `suppression of ${d.rules.join(', ')} gives no reason`,
        'Add ` -- <why this finding is acceptable>` so reviewers can judge it.',
      );
    } else if (d.until !== undefined && d.until < today) {
      problem(
        'suppression/expired',
        d,
        `suppression of ${d.rules.join(', ')} expired on ${d.until} ("${d.reason}")`,
        'Fix the finding, or renew the suppression with a new date if the reason still holds.',
      );
    } else {
      active.push(d);
    }
  }
  const used = new Set<Directive>();
  let suppressed = 0;
  const byPlace = new Map<string, Directive[]>();
  for (const d of active) {
    const k = `${d.file}\0${d.target}`;
    const list = byPlace.get(k);
    if (list) list.push(d);
    else byPlace.set(k, [d]);
  }
  const kept = findings.filter((f) => {
    const d = f.range ? byPlace.get(`${f.file}\0${f.range.start.line}`)?.find((x) => x.rules.includes(f.ruleId)) : undefined;
    if (!d) return true;
    used.add(d);
    suppressed += 1;
    return false;
  });
  for (const d of active) {
    // A directive for a rule that is off in this run is not unused, just idle.
    if (!used.has(d) && d.rules.some((r) => ctx.enabled.has(r))) {
      problem(
        'suppression/unused',
        d,
        `suppression of ${d.rules.join(', ')} matches no finding on line ${d.target}`,
        'Remove it; the finding it was for is gone.',
      );
    }
  }
  return { kept, suppressed, problems };
}
