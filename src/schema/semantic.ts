// Checks JSON Schema cannot express, on one schema-valid document: real ISO 4217 currencies,
// amounts within the currency's minor unit, windows that end after they start, recurring
// durations with a period count, closed geometry rings. Pure; reports paths.
import type { Diagnostic, DocPath } from '../model/diagnostic.js';
import { currencyExponent, decimalPlaces, isIsoCurrency } from '../model/minor-units.js';
import { codeFormatFor } from '../model/code-format.js';
import { TARGET_PRODUCT } from '../model/product.js';
import { describePath } from './format.js';
import { isTimeZone, LOCAL_TIME, resolveLocalTime } from '../model/zoned-time.js';

interface Where {
  readonly file: string;
  readonly docIndex: number;
}

export function semanticChecks(value: unknown, where: Where): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (ruleId: string, path: DocPath, message: string, hint: string): void => {
    out.push({ ruleId, severity: 'error', file: where.file, docIndex: where.docIndex, path, message, hint });
  };
  walk(value, [], (node, path) => {
    if (isMoney(node)) checkMoney(node, path, report);
    const key = path.at(-1);
    if (key === 'window') checkWindow(node as { from?: string; until?: string }, path, report);
    if (key === 'duration') checkDuration(node as { frequency?: string; periods?: number }, path, report);
    if (key === 'coordinates') checkRings(node, path, report);
  });
  checkProduct(value, report);
  checkCodeForm(value, report);
  return out;
}

type Report = (ruleId: string, path: DocPath, message: string, hint: string) => void;

/** A code its target would refuse fails here, at validate time, not halfway through apply. */
function checkCodeForm(doc: unknown, report: Report): void {
  const d = doc as { kind?: unknown; spec?: { code?: unknown }; metadata?: { labels?: Record<string, unknown> } } | null;
  const code = d?.spec?.code;
  if (typeof code !== 'string') return;
  const target = d?.metadata?.labels?.target;
  const format = codeFormatFor(typeof target === 'string' ? target : undefined, String(d?.kind));
  if (format.pattern.test(code)) return;
  const where = typeof target === 'string' ? `target ${target}` : 'a campaign without labels.target';
  report(
    'schema/code-format',
    ['spec', 'code'],
    `code "${code}" does not fit ${where}: it accepts ${format.text}`,
    `Write it as e.g. "${format.suggest(code)}"` +
      `${typeof target === 'string' ? '' : ', or label the campaign with the target it is planned on (labels.target: lago takes lower case and dots)'}.`,
  );
}

/** A stated product the target's API does not price would be planned where it can never apply. */
function checkProduct(doc: unknown, report: Report): void {
  const d = doc as { spec?: { product?: unknown }; metadata?: { labels?: Record<string, unknown> } } | null;
  const product = d?.spec?.product;
  const target = d?.metadata?.labels?.target;
  if (typeof product !== 'string' || typeof target !== 'string') return;
  const priced = TARGET_PRODUCT[target];
  if (priced === undefined || priced === product) return;
  report(
    'schema/product-target',
    ['spec', 'product'],
    `spec.product is ${product}, but target ${target} prices ${priced}`,
    `Write product: ${priced}, plan the campaign on a target that prices ${product}, or evaluate it in the promoc engine bundle (labels.target: engine).`,
  );
}

function checkMoney(m: { amount: string; currency: string }, path: DocPath, report: Report): void {
  if (!isIsoCurrency(m.currency)) {
    report(
      'schema/currency',
      [...path, 'currency'],
      `"${m.currency}" is not an ISO 4217 currency`,
      'Use a three-letter ISO 4217 code such as EUR, USD or GBP.',
    );
    return;
  }
  const exp = currencyExponent(m.currency);
  if (decimalPlaces(m.amount) > exp) {
    report(
      'schema/minor-unit',
      [...path, 'amount'],
      `${m.amount} ${m.currency} has more decimals than ${m.currency} allows (${exp})`,
      exp === 0
        ? `${m.currency} has no minor unit: write a whole number.`
        : `Round to ${exp} decimal place${exp === 1 ? '' : 's'}, e.g. "${Number(m.amount).toFixed(exp)}".`,
    );
  }
}

function checkWindow(w: { from?: string; until?: string; timeZone?: string }, path: DocPath, report: Report): void {
  if (!w || typeof w !== 'object') return;
  const zone = typeof w.timeZone === 'string' ? w.timeZone : undefined;
  if (zone !== undefined && !isTimeZone(zone)) {
    report(
      'schema/time-zone',
      [...path, 'timeZone'],
      `"${zone}" is not an IANA time zone`,
      'Write a zone name such as Europe/Berlin or UTC (see the IANA tz database).',
    );
    return;
  }
  const instant = (end: 'from' | 'until'): number | undefined => {
    const t = w[end];
    if (typeof t !== 'string') return undefined;
    if (!LOCAL_TIME.test(t)) return Date.parse(t);
    if (zone === undefined) {
      report(
        'schema/window-local-time',
        [...path, end],
        `${describePath(path)}.${end} (${t}) has no offset and the window has no timeZone`,
        `Add \`timeZone: Europe/Berlin\` (or your zone) to the window, or write the offset: ${t}${t.length === 16 ? ':00' : ''}Z.`,
      );
      return undefined;
    }
    const r = resolveLocalTime(t, zone);
    if (r.ok) return Date.parse(r.instant);
    const hint =
      r.problem === 'gap'
        ? `Write a time that exists, e.g. ${r.after.slice(0, 16)}, or an instant with an offset.`
        : r.problem === 'ambiguous'
          ? `Write the offset you mean: ${r.earlier} (before the clocks go back) or ${r.later} (after).`
          : 'Write YYYY-MM-DDTHH:MM[:SS].';
    report('schema/window-local-time', [...path, end], `${describePath(path)}.${end}: ${r.message}`, hint);
    return undefined;
  };
  const from = instant('from');
  const until = instant('until');
  if (from !== undefined && until !== undefined && Number.isFinite(from) && Number.isFinite(until) && until <= from) {
    report(
      'schema/window',
      [...path, 'until'],
      `${describePath(path)}.until (${w.until}) is not after from (${w.from})`,
      'A window runs from `from` (inclusive) to `until` (exclusive); swap or fix the dates.',
    );
  }
}

function checkDuration(d: { frequency?: string; periods?: number }, path: DocPath, report: Report): void {
  if (!d || typeof d !== 'object') return;
  if (d.frequency === 'recurring' && d.periods === undefined) {
    report(
      'schema/duration',
      path,
      `${describePath(path)} is recurring but has no periods`,
      'Add `periods: N`, the number of billing periods the discount covers.',
    );
  } else if (d.frequency !== 'recurring' && d.periods !== undefined) {
    report(
      'schema/duration',
      [...path, 'periods'],
      `${describePath(path)}.periods only applies to frequency: recurring (frequency is ${d.frequency})`,
      'Remove `periods`, or set `frequency: recurring`.',
    );
  }
}

function checkRings(coords: unknown, path: DocPath, report: Report): void {
  walk(coords, path, (ring, p) => {
    if (!Array.isArray(ring) || ring.length < 4 || !Array.isArray(ring[0]) || typeof ring[0][0] !== 'number') return;
    const first = ring[0] as number[];
    const last: unknown = ring[ring.length - 1];
    // A last entry that is not a position is the schema's to report.
    if (!Array.isArray(last) || typeof last[0] !== 'number') return;
    if (first[0] !== last[0] || first[1] !== last[1]) {
      report(
        'schema/ring-not-closed',
        [...p, ring.length - 1],
        `${describePath(p)} is not closed: the last position [${last.join(', ')}] differs from the first [${first.join(', ')}]`,
        'Repeat the first position at the end of the ring.',
      );
    }
  });
}

function isMoney(v: unknown): v is { amount: string; currency: string } {
  return (
    v !== null &&
    typeof v === 'object' &&
    typeof (v as Record<string, unknown>).amount === 'string' &&
    typeof (v as Record<string, unknown>).currency === 'string'
  );
}

function walk(v: unknown, path: DocPath, visit: (node: unknown, path: DocPath) => void): void {
  visit(v, path);
  if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i], visit));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k], visit);
}
