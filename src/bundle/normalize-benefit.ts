// Authored benefits and scopes → bundle form: money to minor units, percentages to parts per
// million, sets sorted. Problems are reported through `Report`, never thrown.
import type { BundleBenefit, BundleBenefitGate, BundleMoney, BundleScope } from '../generated/bundle.js';
import type { Promotion } from '../generated/index.js';
import { currencyExponent, parseDecimal, percentToRate } from '../engine/money.js';
import { compareStrings, sortedSet } from './order.js';

export type SourceBenefit = Promotion['spec']['benefits'][number];
export type SourceScope = NonNullable<SourceBenefit['appliesTo']>;
export type Path = readonly (string | number)[];

export interface Report {
  error(path: Path, ruleId: string, message: string, hint: string): void;
  /** Remember that the bundle uses this currency. */
  currency(code: string, exponent: number): void;
}

export function normalizeMoney(m: { amount: string; currency: string }, path: Path, report: Report): BundleMoney | undefined {
  const exponent = currencyExponent(m.currency);
  const minor = parseDecimal(m.amount, exponent);
  if (typeof minor !== 'number') {
    report.error(
      [...path, 'amount'],
      'bundle/money',
      `${m.currency} amount ${minor.error}`,
      `Write the amount with at most ${exponent} decimals for ${m.currency}.`,
    );
    return undefined;
  }
  report.currency(m.currency, exponent);
  return { minor, currency: m.currency };
}

export function normalizeRate(percent: number, path: Path, report: Report): number | undefined {
  const rate = percentToRate(percent);
  if (rate === undefined)
    report.error(path, 'bundle/percent', `percentage ${percent} has more than 4 decimals`, 'Round it to at most 4 decimals (a millionth of the amount).');
  return rate;
}

export function normalizeScope(s: SourceScope | undefined): BundleScope {
  const costSources = [...new Map((s?.costSources ?? []).map((c) => [`${c.group}\0${c.code}`, { group: c.group, code: c.code }])).entries()]
    .sort((a, b) => compareStrings(a[0], b[0]))
    .map(([, c]) => c);
  return { priceTypes: sortedSet(s?.priceTypes), costSources, plans: sortedSet(s?.plans), metrics: sortedSet(s?.metrics) };
}

/**
 * The benefit's own conditions (dated window, branches, vehicle categories, an addition's tag gates), or
 * undefined when it has none: bundles without them stay byte for byte what they were.
 */
export function normalizeGate(b: SourceBenefit, path: Path, report: Report): BundleBenefitGate | undefined | null {
  const gate: BundleBenefitGate = {};
  if (b.window && (b.window.from !== undefined || b.window.until !== undefined)) {
    const from = b.window.from !== undefined ? Date.parse(b.window.from) : undefined;
    const until = b.window.until !== undefined ? Date.parse(b.window.until) : undefined;
    if (from !== undefined && until !== undefined && until <= from) {
      report.error(
        [...path, 'window', 'until'],
        'bundle/window',
        `the benefit's window ends (${b.window.until}) before it starts (${b.window.from})`,
        'Make `until` later than `from`.',
      );
      return null;
    }
    gate.window = { ...(from !== undefined ? { from } : {}), ...(until !== undefined ? { until } : {}) };
  }
  if (b.branches?.length) gate.branches = sortedSet(b.branches);
  if (b.vehicleCategories?.length) gate.vehicleCategories = sortedSet(b.vehicleCategories);
  if (b.entitlement?.requireTags?.length) gate.requireTags = sortedSet(b.entitlement.requireTags);
  if (b.entitlement?.excludeTags?.length) gate.excludeTags = sortedSet(b.entitlement.excludeTags);
  return Object.keys(gate).length > 0 ? gate : undefined;
}

export function normalizeBenefit(b: SourceBenefit, path: Path, report: Report): BundleBenefit | undefined {
  const gate = normalizeGate(b, path, report);
  if (gate === null) return undefined;
  const bare = normalizeBareBenefit(b, path, report);
  return bare && gate ? { ...bare, gate } : bare;
}

function normalizeBareBenefit(b: SourceBenefit, path: Path, report: Report): BundleBenefit | undefined {
  const scope = normalizeScope(b.appliesTo);
  if (b.percentOff !== undefined) {
    const rate = normalizeRate(b.percentOff, [...path, 'percentOff'], report);
    return rate === undefined ? undefined : { type: 'percentOff', rate, scope };
  }
  if (b.amountOff !== undefined) {
    const amount = normalizeMoney(b.amountOff, [...path, 'amountOff'], report);
    return amount && { type: 'amountOff', amount, scope };
  }
  if (b.credit !== undefined) {
    const amount = normalizeMoney(b.credit, [...path, 'credit'], report);
    return amount && (b.creditAt === 'rental' ? { type: 'credit', amount, at: 'rental', scope } : { type: 'credit', amount });
  }
  if (b.freeMinutes !== undefined) return { type: 'freeMinutes', minutes: b.freeMinutes, scope };
  if (b.freeUnlocks !== undefined) return { type: 'freeUnlocks', count: b.freeUnlocks, scope };
  if (b.packageDiscount !== undefined) {
    const rate = normalizeRate(b.packageDiscount, [...path, 'packageDiscount'], report);
    return rate === undefined ? undefined : { type: 'packageDiscount', rate, scope };
  }
  if (b.entitlement !== undefined) return { type: 'entitlement', addition: b.entitlement.addition, scope };
  if (b.trialExtensionDays !== undefined) return { type: 'trialExtension', days: b.trialExtensionDays };
  if (b.freePeriods !== undefined) return { type: 'freePeriod', periods: b.freePeriods, scope };
  report.error(
    path,
    'bundle/benefit',
    'benefit has no effect key',
    'Give exactly one of percentOff, amountOff, credit, freeMinutes, freeUnlocks, packageDiscount, entitlement, trialExtensionDays, freePeriods.',
  );
  return undefined;
}

/** Every benefit normalized, or undefined when any failed (errors already reported). */
export function normalizeBenefits(list: readonly SourceBenefit[], path: Path, report: Report): BundleBenefit[] | undefined {
  const out = list.map((b, i) => normalizeBenefit(b, [...path, i], report));
  return out.every((b): b is BundleBenefit => b !== undefined) ? out : undefined;
}
