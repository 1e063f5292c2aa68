// A plain-text view of an evaluation, for `promoc eval` and for logs. Pure: returns a string.
import type { Evaluation } from './evaluation.js';
import { formatInstant } from './instant.js';
import { currencyExponent, formatMinor } from './money.js';

export function formatEvaluation(e: Evaluation): string {
  const exp = currencyExponent(e.currency);
  const money = (n: number): string => formatMinor(n, exp);
  const out: string[] = [`evaluation at ${formatInstant(e.at)} in ${e.currency}`, '', 'lines'];
  const width = Math.max(4, ...e.lines.map((l) => l.id.length));
  for (const l of e.lines) {
    const change = l.discount > 0 ? `  -${money(l.discount)}` : '';
    out.push(`  ${l.id.padEnd(width)}  ${money(l.original).padStart(10)}${l.fee ? ' (fee)' : ''}${change} → ${money(l.amount)}`);
  }
  out.push('', `subtotal ${money(e.subtotal)}   surcharges +${money(e.surcharges)}   discounts -${money(e.discounts)}   total ${money(e.total)}`);
  section(
    out,
    'applied',
    e.applied.map(
      (a) =>
        `${a.campaign}${a.code ? ` (${a.code})` : ''}${a.times > 1 ? ` ×${a.times}` : ''}  -` +
        `${money(a.amount)}  ${a.lines.map((l) => `${l.line} -${money(l.amount)}`).join(', ')}`,
    ),
  );
  section(
    out,
    'fees',
    e.fees.map((f) => `${f.campaign}${f.times > 1 ? ` ×${f.times}` : ''}  +${money(f.amount)}`),
  );
  section(
    out,
    'grants',
    e.grants.map((g) =>
      g.type === 'credit'
        ? `${g.campaign}  credit ${formatMinor(g.amount, currencyExponent(g.currency))} ${g.currency}`
        : `${g.campaign}  trial +${g.days} days`,
    ),
  );
  section(
    out,
    'rejected',
    e.rejected.map((r) => `${r.campaign}  ${r.reason}`),
  );
  if (e.unknownCodes.length > 0) out.push('', `unknown codes: ${e.unknownCodes.join(', ')}`);
  return `${out.join('\n')}\n`;
}

function section(out: string[], title: string, rows: readonly string[]): void {
  if (rows.length === 0) return;
  out.push('', title, ...rows.map((r) => `  ${r}`));
}
