// What an apply did (apply/outcome.ts) as text. Pure: (report) => string. Successes are always listed, also when
// something failed, so a partial apply says exactly what is now live.
import pc from 'picocolors';
import type { ApplyOutcome, OutcomeEntry } from '../apply/outcome.js';

const VERB: Readonly<Record<string, string>> = {
  create: 'created',
  update: 'updated',
  replace: 'replaced',
  activate: 'activated',
  deactivate: 'deactivated',
  delete: 'deleted',
};

export function renderApplyOutcome(report: ApplyOutcome, options: { color: boolean; verbose?: boolean }): string {
  const c = pc.createColors(options.color);
  const lines: string[] = [];
  const entry = (symbol: string, e: OutcomeEntry, text: string): void => {
    lines.push(`  ${symbol} ${text} ${e.resource}${e.liveId ? c.dim(` (${e.liveId})`) : ''}`);
  };
  for (const e of report.changed) entry(c.green('✔'), e, VERB[e.action] ?? e.action);
  for (const e of report.failed) {
    entry(c.red('✖'), e, `${c.red('failed')} to ${e.action}`);
    if (e.error) lines.push(`      ${e.error}`);
    if (e.hint) lines.push(`      ${c.dim('hint')}: ${e.hint}`);
  }
  for (const e of report.diverged) {
    entry(c.red('!'), e, c.red('did not converge:'));
    if (e.error) lines.push(`      ${e.error}`);
  }
  const blocked = report.untouched.filter((u) => u.action === 'blocked');
  for (const e of blocked) {
    entry(c.yellow('!'), e, 'left untouched (blocked)');
    if (e.reason) lines.push(`      ${c.dim(e.reason)}`);
  }
  const unchanged = report.untouched.filter((u) => u.action !== 'blocked');
  if (options.verbose) for (const e of unchanged) entry(' ', e, 'unchanged');
  const head =
    `${report.resumed ? 'Resumed apply' : 'Apply'} to ${report.target}: ${report.changed.length} changed, ` +
    `${report.failed.length} failed${report.diverged.length > 0 ? `, ${report.diverged.length} did not converge` : ''}` +
    `, ${report.untouched.length} untouched (${unchanged.length} unchanged, ${blocked.length} blocked).`;
  const calls =
    `${report.calls.sent} call${report.calls.sent === 1 ? '' : 's'} sent for ${report.calls.total} ` +
    `step${report.calls.total === 1 ? '' : 's'}` +
    `${report.calls.retried > 0 ? ` (${report.calls.retried} resent after checking live state)` : ''}.`;
  const verdict = report.ok ? c.green(c.bold(head)) : c.red(c.bold(head));
  const tail = report.ok ? '' : `\n${c.dim('Fix the failures and run `promoc apply` again: what succeeded stays, and the new plan only holds what is left.')}`;
  return `${lines.join('\n')}${lines.length > 0 ? '\n' : ''}\n${verdict}\n${calls}\n${c.dim(`journal: ${report.journal}`)}${tail}\n`;
}
