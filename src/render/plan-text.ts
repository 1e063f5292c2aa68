// The terminal view of a plan, Terraform-like: `+` create, `~` update, `-/+` replace, `-` delete, `>`/`<`
// activate/deactivate, `!` blocked; one line per changed field; counters, reasons and drift under it.
// A pure `(plan, options) => string`; unchanged resources are counted, not listed.
import pc from 'picocolors';
import type { Action, Plan } from '../generated/plan.js';
import { sanitizeForTerminal } from './sanitize.js';
import { formatValue, scheduleText, summaryLine, SYMBOL, title, VERB } from './plan-shared.js';
import { verdictsText } from './plan-verdicts.js';

export interface PlanTextOptions {
  readonly color: boolean;
  /** List unchanged resources too. */
  readonly verbose?: boolean;
}

type Colors = ReturnType<typeof pc.createColors>;

export function renderPlanText(plan: Plan, options: PlanTextOptions): string {
  const c = pc.createColors(options.color);
  const out: string[] = [];
  out.push(c.bold(`promoc plan · target ${plan.target} · read at ${plan.createdAt}`));
  for (const s of plan.sources)
    out.push(
      c.dim(
        `  read ${s.provider} ${s.baseUrl}: ${s.objects} object${s.objects === 1 ? '' : 's'} (${s.managed} managed by ` +
          `promoc) in ${s.pages} page${s.pages === 1 ? '' : 's'}, ${s.requests} request${s.requests === 1 ? '' : 's'}`,
      ),
    );
  out.push('');
  const shown = plan.actions.filter((a) => options.verbose || a.action !== 'noop');
  for (const x of plan.conflicts ?? []) out.push(`${c.red(c.bold('conflict'))}: ${sanitizeForTerminal(x.message)}`, '');
  if (shown.length === 0 && (plan.conflicts ?? []).length === 0) out.push(c.green('No changes. Live state matches the repository.'), '');
  for (const a of shown) {
    for (const l of renderAction(a, c, plan.createdAt)) out.push(l);
    out.push('');
  }
  out.push(c.bold(summaryLine(plan)));
  for (const l of verdictsText(plan)) out.push(sanitizeForTerminal(l));
  for (const n of plan.notes) {
    out.push(`${n.level === 'warn' ? c.yellow('warning') : c.dim('note')}: ${sanitizeForTerminal(n.message)}`);
    if (n.level === 'warn') for (const r of n.resources ?? []) out.push(c.dim(`  - ${sanitizeForTerminal(r)}`));
  }
  return `${out.join('\n')}\n`;
}

const paint = (a: Action, c: Colors): ((s: string) => string) =>
  ({
    create: c.green,
    update: c.yellow,
    replace: c.magenta,
    delete: c.red,
    activate: c.cyan,
    deactivate: c.cyan,
    blocked: c.red,
    scheduled: c.blue,
    noop: c.dim,
  })[a.action];

function renderAction(a: Action, c: Colors, planAt: string): string[] {
  const color = paint(a, c);
  const lines = [
    `${color(SYMBOL[a.action].padStart(3))} ${c.bold(sanitizeForTerminal(title(a)))}  ` +
      `${color(VERB[a.action])}${a.activation ? color(` then ${a.activation}`) : ''}  ` +
      `${c.dim(`${a.apiObject ?? ''} on ${a.provider}${a.liveId ? ` [${a.liveId}]` : ''}`)}`,
  ];
  const when = scheduleText(a, planAt);
  if (when) lines.push(`      ${c.blue('when')}: ${sanitizeForTerminal(when)}`);
  if (a.adopt) lines.push(`      ${c.yellow('adopt')}: the live object carries no promoc marker; applying marks it as managed`);
  for (const ch of a.changes) {
    const path = sanitizeForTerminal(ch.path);
    const lock = ch.immutable ? c.red('  (cannot change in place)') : '';
    if (ch.before === undefined) lines.push(`      ${c.green('+')} ${path} = ${sanitizeForTerminal(formatValue(ch.after))}${lock}`);
    else if (ch.after === undefined) lines.push(`      ${c.red('-')} ${path} = ${sanitizeForTerminal(formatValue(ch.before))}${lock}`);
    else lines.push(`      ${c.yellow('~')} ${path}: ${sanitizeForTerminal(formatValue(ch.before))} → ${sanitizeForTerminal(formatValue(ch.after))}${lock}`);
  }
  if (!a.source) lines.push(`      ${c.dim('no longer in the repository; managed by promoc (ownership marker)')}`);
  if (a.reason) lines.push(`      ${c.bold(a.action === 'blocked' ? 'blocked' : 'why')}: ${sanitizeForTerminal(a.reason)}`);
  for (const x of a.consequences ?? []) lines.push(`      ${c.magenta('consequence')}: ${sanitizeForTerminal(x)}`);
  if (a.drift) lines.push(`      ${c.yellow('drift')}: ${sanitizeForTerminal(a.drift.message)}`);
  for (const k of a.counters ?? []) lines.push(`      ${c.dim(`# ${sanitizeForTerminal(k.text)}`)}`);
  return lines;
}
