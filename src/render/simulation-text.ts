// `promoc simulate` in a terminal: the sessions replayed, the totals base → head, and one row per
// campaign whose definition or results moved (all of them with `all`). A pure view.
import pc from 'picocolors';
import { hasMoved } from '../simulate/compare.js';
import type { CampaignResult, SimulationReport } from '../simulate/types.js';
import { count, countDelta, day, moneyDelta, moneyOf, percent } from './report-format.js';
import { sanitizeForTerminal as t } from './sanitize.js';
import { append } from '../model/append.js';

export interface SimulationTextOptions {
  readonly color: boolean;
  /** List campaigns whose results did not move too. */
  readonly all?: boolean;
}

export function renderSimulationText(r: SimulationReport, options: SimulationTextOptions): string {
  const c = pc.createColors(options.color);
  const s = r.sessions;
  const cur = r.daily.currency;
  const out = [
    c.bold(
      `promoc simulate: ${count(s.evaluated)} sessions ${day(s.first)} → ${day(s.last)}, ` +
        `${count(s.customers)} customers${s.invalid > 0 ? c.yellow(`, ${count(s.invalid)} invalid`) : ''}`,
    ),
    `  base  ${t(r.base.label)}${r.base.revision ? c.dim(` (${r.base.revision.slice(0, 12)})`) : ''}, ${r.base.campaigns} campaigns`,
    `  head  ${t(r.head.label)}${r.head.revision ? c.dim(` (${r.head.revision.slice(0, 12)})`) : ''}, ${r.head.campaigns} campaigns`,
    '',
    `  discounts  ${moneyOf(r.totals.base.discount, cur)} → ${moneyOf(r.totals.head.discount, cur)}` +
      `  ${deltaColor(c, moneyDelta(r.totals.base.discount, r.totals.head.discount))}`,
    `  fees       ${moneyOf(r.totals.base.fees, cur)} → ${moneyOf(r.totals.head.fees, cur)}` +
      `  ${deltaColor(c, moneyDelta(r.totals.base.fees, r.totals.head.fees))}`,
    `  credit     ${moneyOf(r.totals.base.credit, cur)} → ${moneyOf(r.totals.head.credit, cur)}` +
      `  ${deltaColor(c, moneyDelta(r.totals.base.credit, r.totals.head.credit))}`,
    `  discounted sessions  ${count(r.totals.base.discounted)} → ${count(r.totals.head.discounted)}` +
      `  ${deltaColor(c, countDelta(r.totals.base.discounted, r.totals.head.discounted))}`,
  ];
  const worst = r.totals.head.worst;
  if (worst) out.push(`  worst case (head)  ${percent(worst.percent)} off in session ${t(worst.session)}: ${worst.campaigns.map(t).join(' + ')}`);
  if (s.outOfOrder > 0)
    out.push(
      c.yellow(`  ${count(s.outOfOrder)} ${s.outOfOrder === 1 ? 'session was' : 'sessions were'} out of time order; limits were consumed in file order`),
    );
  for (const e of r.errors) out.push(c.yellow(`  line ${e.line}: ${t(e.message)}`));
  if (s.invalid > r.errors.length) out.push(c.yellow(`  … and ${count(s.invalid - r.errors.length)} more invalid sessions`));
  const rows = r.campaigns.filter((x) => options.all || hasMoved(x));
  out.push('');
  if (rows.length === 0) out.push('  No campaign changed and no result moved.');
  else append(out, table(rows, c));
  const hidden = r.campaigns.length - rows.length;
  if (hidden > 0) out.push('', c.dim(`  ${hidden} campaign${hidden === 1 ? '' : 's'} with the same results on both sides not shown (--all lists them).`));
  return `${out.join('\n')}\n`;
}

function table(rows: readonly CampaignResult[], c: ReturnType<typeof pc.createColors>): string[] {
  const header = ['campaign', 'change', 'redemptions', 'discount / fees', 'customers', 'limit reached', 'worst'];
  const body = rows.map((x) => [
    t(x.id),
    x.change === 'unchanged' ? '' : x.change,
    `${count(x.base?.redemptions ?? 0)} → ${count(x.head?.redemptions ?? 0)} (${countDelta(x.base?.redemptions ?? 0, x.head?.redemptions ?? 0)})`,
    `${moneyOf(x.base?.amount)} → ${moneyOf(x.head?.amount)} (${moneyDelta(x.base?.amount, x.head?.amount)})`,
    `${count(x.base?.customers ?? 0)} → ${count(x.head?.customers ?? 0)}`,
    x.head?.exhausted ? `${day(x.head.exhausted.at)} (${x.head.exhausted.by})` : x.base?.exhausted ? `base ${day(x.base.exhausted.at)}` : '',
    x.head?.worst ? percent(x.head.worst.percent) : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (row: readonly string[]): string =>
    `  ${row
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd()}`;
  return [c.dim(line(header)), ...body.map(line)];
}

function deltaColor(c: ReturnType<typeof pc.createColors>, d: string): string {
  return d === '±0' ? c.dim(d) : c.yellow(d);
}
