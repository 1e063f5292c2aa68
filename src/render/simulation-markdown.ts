// The simulation as Markdown: totals base → head, then one table row per campaign that moved, cut to a
// character budget (the rest counted, not shown). Used by `promoc simulate -f markdown` and the report.
import { hasMoved } from '../simulate/compare.js';
import type { CampaignResult, SimulationReport } from '../simulate/types.js';
import { mdText } from './report-escape.js';
import { count, countDelta, day, moneyDelta, moneyOf, percent } from './report-format.js';

export function renderSimulationMarkdown(r: SimulationReport): string {
  return `### promoc simulate\n\n${simulationHeadline(r)}\n\n${simulationBody(r, 60_000)}\n`;
}

/** One line: how many sessions, and the discount total base → head. */
export function simulationHeadline(r: SimulationReport): string {
  const s = r.sessions;
  const t = r.totals;
  const cur = r.daily.currency;
  const worst = t.head.worst ? `; worst combined discount ${percent(t.head.worst.percent)}` : '';
  return (
    `${count(s.evaluated)} sessions (${day(s.first)} → ${day(s.last)}, ${count(s.customers)} customers` +
    `${s.invalid > 0 ? `, ${count(s.invalid)} invalid` : ''}): discounts ${moneyOf(t.base.discount, cur)}` +
    ` → ${moneyOf(t.head.discount, cur)} (**${moneyDelta(t.base.discount, t.head.discount)}**)${worst}`
  );
}

export function simulationBody(r: SimulationReport, budget: number): string {
  const t = r.totals;
  const cur = r.daily.currency;
  const lines = [
    `Base: ${mdText(r.base.label)}${r.base.revision ? ` (${mdText(r.base.revision.slice(0, 12))})` : ''} ` +
      `· head: ${mdText(r.head.label)}${r.head.revision ? ` (${mdText(r.head.revision.slice(0, 12))})` : ''}`,
    '',
    '| | base | head | Δ |',
    '|---|---:|---:|---:|',
    `| discounts | ${moneyOf(t.base.discount, cur)} | ${moneyOf(t.head.discount, cur)} | ${moneyDelta(t.base.discount, t.head.discount)} |`,
    `| fees | ${moneyOf(t.base.fees, cur)} | ${moneyOf(t.head.fees, cur)} | ${moneyDelta(t.base.fees, t.head.fees)} |`,
    `| credit granted | ${moneyOf(t.base.credit, cur)} | ${moneyOf(t.head.credit, cur)} | ${moneyDelta(t.base.credit, t.head.credit)} |`,
    `| discounted sessions | ${count(t.base.discounted)} | ${count(t.head.discounted)} | ${countDelta(t.base.discounted, t.head.discounted)} |`,
    '',
  ];
  if (t.head.worst)
    lines.push(
      `Worst combined discount (head): **${percent(t.head.worst.percent)}** in session ` +
        `${mdText(t.head.worst.session)} (${day(t.head.worst.at)}): ${t.head.worst.campaigns.map(mdText).join(' + ')}.`,
      '',
    );
  if (r.sessions.outOfOrder > 0)
    lines.push(
      `⚠️ ${count(r.sessions.outOfOrder)} ${r.sessions.outOfOrder === 1 ? 'session was' : 'sessions were'}` +
        ` out of time order; limits were consumed in file order.`,
      '',
    );
  const moved = r.campaigns.filter(hasMoved);
  if (moved.length === 0) {
    lines.push('No campaign changed and no result moved.');
    return lines.join('\n');
  }
  lines.push('| Campaign | Change | Redemptions | Discount (fees for surcharges) | Customers | Limit reached | Worst |', '|---|---|---:|---:|---:|---|---:|');
  let size = lines.join('\n').length;
  let shown = 0;
  for (const c of moved) {
    const row = campaignRow(c);
    if (size + row.length + 200 > budget) break;
    lines.push(row);
    size += row.length + 1;
    shown += 1;
  }
  if (shown < moved.length) lines.push('', `… and ${moved.length - shown} more campaigns whose results moved (see the simulation JSON).`);
  const same = r.campaigns.length - moved.length;
  if (same > 0) lines.push('', `${same} other campaign${same === 1 ? '' : 's'}: same results on both sides.`);
  return lines.join('\n');
}

function campaignRow(c: CampaignResult): string {
  const b = c.base;
  const h = c.head;
  const limit = h?.exhausted
    ? `${day(h.exhausted.at)} (${h.exhausted.by})${b?.exhausted ? `, base ${day(b.exhausted.at)}` : ''}`
    : b?.exhausted
      ? `base ${day(b.exhausted.at)} (${b.exhausted.by})`
      : '';
  const fields = c.fields && c.fields.length > 0 ? `: ${c.fields.map(mdText).join(', ')}` : '';
  return (
    `| ${mdText(c.id)} | ${c.change === 'unchanged' ? '' : `${c.change}${fields}`} | ${count(b?.redemptions ?? 0)} → ` +
    `${count(h?.redemptions ?? 0)} (${countDelta(b?.redemptions ?? 0, h?.redemptions ?? 0)}) | ${moneyOf(b?.amount)} ` +
    `→ ${moneyOf(h?.amount)} (${moneyDelta(b?.amount, h?.amount)}) | ${count(b?.customers ?? 0)} → ` +
    `${count(h?.customers ?? 0)} | ${limit} | ${h?.worst ? percent(h.worst.percent) : ''} |`
  );
}
