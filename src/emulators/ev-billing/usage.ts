// GET /promotional-codes/{code_id}/usage: totals and a daily breakdown (UTC days), optionally limited to
// [from, to]. A bare date in `to` means the whole day.
import { FieldReader } from '../shared/input.js';
import { DAY_MS, isoDay, isoSeconds, parseDateOrDateTime } from '../shared/iso-time.js';
import { toMajor } from '../shared/money.js';
import { fail, ok, type Outcome } from '../shared/outcome.js';
import { evError, validationError, type EvError } from './errors.js';
import type { EvTenant } from './model.js';

function bound(r: FieldReader, query: Record<string, string>, key: 'from' | 'to'): Date | undefined {
  const raw = query[key];
  if (raw === undefined) return undefined;
  const parsed = parseDateOrDateTime(raw);
  if (!parsed) {
    r.add(key, 'invalid_date', `${key} "${raw}" is not an ISO 8601 date or date-time`);
    return undefined;
  }
  return key === 'to' && parsed.dateOnly ? new Date(parsed.at.getTime() + DAY_MS - 1) : parsed.at;
}

export function usageStats(tenant: EvTenant, codeId: string, query: Record<string, string>, currency: string): Outcome<Record<string, unknown>, EvError> {
  const code = tenant.codes[codeId];
  if (!code) return fail(evError(404, 'code_not_found', `No promotional code with code_id "${codeId}" in this organisation.`));
  const r = new FieldReader({});
  const from = bound(r, query, 'from');
  const to = bound(r, query, 'to');
  if (from && to && from.getTime() > to.getTime()) r.add('from', 'out_of_range', 'from must not be after to');
  if (r.issues.length > 0) return fail(validationError(r.issues));
  const inRange = Object.values(tenant.redemptions).filter((x) => {
    const at = Date.parse(x.redeemed_at);
    return x.code_id === codeId && (!from || at >= from.getTime()) && (!to || at <= to.getTime());
  });
  const reportCurrency = code.currency ?? currency;
  const days = new Map<string, { uses: number; discount: number }>();
  for (const x of inRange) {
    const day = isoDay(new Date(x.redeemed_at));
    const entry = days.get(day) ?? { uses: 0, discount: 0 };
    entry.uses += 1;
    entry.discount += x.discount_minor;
    days.set(day, entry);
  }
  return ok({
    code_id: code.code_id,
    code: code.code,
    from: from ? isoSeconds(from) : null,
    to: to ? isoSeconds(to) : null,
    total_uses: inRange.length,
    unique_users: new Set(inRange.map((x) => x.user_id)).size,
    total_discount: toMajor(
      inRange.reduce((sum, x) => sum + x.discount_minor, 0),
      reportCurrency,
    ),
    currency: reportCurrency,
    daily_breakdown: [...days.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([date, d]) => ({
        date,
        uses: d.uses,
        discount_total: toMajor(d.discount, reportCurrency),
      })),
  });
}
