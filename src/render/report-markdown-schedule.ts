// The report's timeline of upcoming launches and expiries: one table per target, UTC and local time, how
// long until, and who carries each one out. Pure.
import { localIso, utcIso } from '../model/zoned-time.js';
import { timeUntil } from '../model/time-until.js';
import type { ScheduleRow } from '../report/types.js';
import { htmlText } from './report-escape.js';

export function scheduleMarkdown(rows: readonly ScheduleRow[], now: number, budget: number): string {
  const out: string[] = [`As of ${utcIso(now)}. Launches on targets without a start date are carried out by the scheduled \`promoc apply --due\` workflow.`];
  let size = out[0]!.length;
  const targets = [...new Set(rows.map((r) => r.target))];
  for (const target of targets) {
    const mine = rows.filter((r) => r.target === target);
    const lines = ['', `**${htmlText(target)}**`, '', '| When (UTC) | Local time | In | Event | Resource | By |', '|---|---|---|---|---|---|'];
    for (const r of mine) {
      const local = r.timeZone ? `${localIso(r.at, r.timeZone).replace('T', ' ')} ${htmlText(r.timeZone)}` : '—';
      lines.push(
        `| ${utcIso(r.at)} | ${local} | ${timeUntil(utcIso(r.at), utcIso(now)).replace(/^in /, '')}` +
          ` | ${r.event} | ${htmlText(r.resource)} | ${htmlText(r.by)} |`,
      );
    }
    const text = lines.join('\n');
    if (size + text.length > budget) {
      out.push('', `… and ${targets.length - targets.indexOf(target)} more target(s); run \`promoc report\` locally for the full list.`);
      break;
    }
    out.push(text);
    size += text.length;
  }
  return out.join('\n');
}
