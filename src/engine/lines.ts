// The lines being priced: what each started at and what remains after the benefits so far.
// Every benefit takes from `remaining`, so benefits compound (50% then 50% leaves 25%), and a take
// is capped at what remains, so no line goes below zero.
import type { BundleScope } from '../generated/bundle.js';
import type { CostSourceGroup, Prepared } from './context.js';

/** A context line, or a fee line a surcharge added. */
export interface LineInfo {
  readonly id: string;
  readonly priceType?: string;
  readonly costSource?: { readonly group: CostSourceGroup; readonly code: string };
  readonly metric?: string;
  readonly plan?: string;
  readonly package?: string;
}

// Lines keep the caller's objects and parallel arrays: copying line objects with spread showed up
// as most of an evaluation's time.
export class Lines {
  readonly info: LineInfo[] = [];
  readonly original: number[] = [];
  readonly remaining: number[] = [];
  /** Minutes not yet made free, for free-minute benefits (NaN: the line has no quantity). */
  readonly minutesLeft: number[] = [];
  /** A fee: added by a surcharge, or a context line from the SURCHARGE cost-source group. */
  readonly fee: boolean[] = [];
  /** How many lines came from the context; the rest are fees added by surcharges. */
  readonly given: number;
  private readonly plan: string | undefined;

  constructor(p: Prepared) {
    this.plan = p.ctx.billing?.plan;
    for (const l of p.ctx.lines) {
      this.info.push(l);
      this.original.push(l.amount);
      this.remaining.push(l.amount);
      this.minutesLeft.push(l.quantity ?? NaN);
      this.fee.push(l.costSource?.group === 'SURCHARGE');
    }
    this.given = this.info.length;
  }

  addFee(id: string, code: string, amount: number): void {
    this.info.push({ id, costSource: { group: 'SURCHARGE', code } });
    this.original.push(amount);
    this.remaining.push(amount);
    this.minutesLeft.push(NaN);
    this.fee.push(true);
  }

  /**
   * Does the scope select line i? Every non-empty list must match. Fees are reduced only by benefits
   * that name their cost source (surcharges are not promotions), and package purchases only by
   * package discounts, so both are outside every broad benefit.
   */
  inScope(i: number, scope: BundleScope): boolean {
    const line = this.info[i]!;
    if (line.package !== undefined) return false;
    if (this.fee[i] && scope.costSources.length === 0) return false;
    return matches(line, scope, this.plan);
  }

  /** Package purchase lines a package discount may reduce. */
  inPackageScope(i: number, scope: BundleScope): boolean {
    const line = this.info[i]!;
    return line.package !== undefined && matches(line, scope, this.plan);
  }
}

function matches(line: LineInfo, scope: BundleScope, plan: string | undefined): boolean {
  if (scope.priceTypes.length > 0 && (line.priceType === undefined || !scope.priceTypes.includes(line.priceType))) return false;
  if (scope.costSources.length > 0) {
    const cs = line.costSource;
    if (!cs || !scope.costSources.some((s) => s.group === cs.group && s.code === cs.code)) return false;
  }
  if (scope.plans.length > 0) {
    const p = line.plan ?? plan;
    if (p === undefined || !scope.plans.includes(p)) return false;
  }
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
  private readonly perLine: number[];

  constructor(private readonly lines: Lines, private readonly cap: number) {
    this.perLine = new Array<number>(lines.info.length).fill(0);
  }

  /** Takes up to `amount` from line i; returns what was actually taken. */
  take(i: number, amount: number): number {
    this.matched++;
    if (this.lines.remaining[i]! > 0) this.sawAmount = true;
    const d = Math.min(amount, this.lines.remaining[i]!, this.cap - this.total);
    if (!(d > 0)) return 0;
    this.lines.remaining[i]! -= d;
    this.total += d;
    this.perLine[i]! += d;
    return d;
  }

  /** { line id, amount } in line order. */
  byLine(): { line: string; amount: number }[] {
    const out: { line: string; amount: number }[] = [];
    for (let i = 0; i < this.perLine.length; i++) if (this.perLine[i]! > 0) out.push({ line: this.lines.info[i]!.id, amount: this.perLine[i]! });
    return out;
  }
}
