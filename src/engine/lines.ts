// The lines being priced: what each started at and what remains after the benefits so far.
// Every benefit takes from `remaining`, so benefits compound (50% then 50% leaves 25%), and a take
// is capped at what remains, so no line goes below zero.
import type { Scope } from './compile.js';
import type { CostSourceGroup, PriceLine, Prepared } from './context.js';

/**
 * A context line, or a fee line a surcharge added, with what the benefits need to know about it.
 * The fields are copied once from the caller's line, whatever its shape, so that the benefit loops,
 * which read them many times, see objects of one class. Building these costs less than the five
 * parallel arrays grown by push that came before (and far less than copying lines with spread).
 */
export class PricedLine {
  readonly id: string;
  readonly priceType: string | undefined;
  readonly costSource: { readonly group: CostSourceGroup; readonly code: string } | undefined;
  readonly metric: string | undefined;
  /** The line's plan, else the context's billing plan. */
  readonly plan: string | undefined;
  /** A package purchase: only package discounts reduce it. */
  readonly isPackage: boolean;
  /** A fee: added by a surcharge, or a context line from the SURCHARGE cost-source group. */
  readonly fee: boolean;
  readonly original: number;
  remaining: number;
  /** Minutes not yet made free, for free-minute benefits (NaN: the line has no quantity). */
  minutesLeft: number;
  /** What the campaign being applied has taken from this line (see Take). */
  taken = 0;

  constructor(l: PriceLine, plan: string | undefined) {
    this.id = l.id;
    this.priceType = l.priceType;
    this.costSource = l.costSource;
    this.metric = l.metric;
    this.plan = l.plan ?? plan;
    this.isPackage = l.package !== undefined;
    this.fee = l.costSource?.group === 'SURCHARGE';
    this.original = l.amount;
    this.remaining = l.amount;
    this.minutesLeft = l.quantity ?? NaN;
  }
}

export class Lines {
  /** Context lines in their order, then fee lines. */
  readonly all: PricedLine[];
  /** How many lines came from the context; the rest are fees added by surcharges. */
  readonly given: number;
  private readonly plan: string | undefined;

  constructor(p: Prepared) {
    this.plan = p.ctx.billing?.plan;
    const given = p.ctx.lines;
    this.all = new Array<PricedLine>(given.length);
    for (let i = 0; i < given.length; i++) this.all[i] = new PricedLine(given[i]!, this.plan);
    this.given = given.length;
  }

  addFee(id: string, code: string, amount: number): void {
    this.all.push(new PricedLine({ id, amount, costSource: { group: 'SURCHARGE', code } }, this.plan));
  }

  /**
   * Does the scope select the line? Every non-empty list must match. Fees are reduced only by
   * benefits that name their cost source (surcharges are not promotions), and package purchases
   * only by package discounts, so both are outside every broad benefit.
   */
  inScope(line: PricedLine, scope: Scope): boolean {
    if (line.isPackage) return false;
    if (scope.broad) return !line.fee;
    if (line.fee && scope.costSources.length === 0) return false;
    return matches(line, scope);
  }

  /** Package purchase lines a package discount may reduce. */
  inPackageScope(line: PricedLine, scope: Scope): boolean {
    return line.isPackage && (scope.broad || matches(line, scope));
  }
}

function matches(line: PricedLine, scope: Scope): boolean {
  if (scope.priceTypes.length > 0 && (line.priceType === undefined || !scope.priceTypes.includes(line.priceType))) return false;
  if (scope.costSources.length > 0) {
    const cs = line.costSource;
    if (!cs || !scope.costSources.some((s) => s.group === cs.group && s.code === cs.code)) return false;
  }
  if (scope.plans.length > 0 && (line.plan === undefined || !scope.plans.includes(line.plan))) return false;
  if (scope.metrics.length > 0 && (line.metric === undefined || !scope.metrics.includes(line.metric))) return false;
  return true;
}

/** What one campaign takes, line by line, within its remaining budget. */
export class Take {
  total = 0;
  /** Takes attempted: lines the campaign's benefits reached (0: nothing in its scope). */
  matched = 0;
  /** Whether any of them still had something left when looked at. */
  sawAmount = false;

  constructor(private readonly lines: Lines, private readonly cap: number) {
    for (const line of lines.all) line.taken = 0;
  }

  /** Takes up to `amount` from the line; returns what was actually taken. */
  take(line: PricedLine, amount: number): number {
    this.matched++;
    if (line.remaining > 0) this.sawAmount = true;
    const d = Math.min(amount, line.remaining, this.cap - this.total);
    if (!(d > 0)) return 0;
    line.remaining -= d;
    this.total += d;
    line.taken += d;
    return d;
  }

  /** { line id, amount } in line order. */
  byLine(): { line: string; amount: number }[] {
    let count = 0;
    for (const l of this.lines.all) if (l.taken > 0) count++;
    const out = new Array<{ line: string; amount: number }>(count);
    let k = 0;
    for (const l of this.lines.all) if (l.taken > 0) out[k++] = { line: l.id, amount: l.taken };
    return out;
  }
}
