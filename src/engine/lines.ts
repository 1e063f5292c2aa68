// The lines being priced: what each started at and what remains after the benefits so far.
// Every benefit takes from `remaining`, so benefits compound (50% then 50% leaves 25%), and a take
// is capped at what remains, so no line goes below zero.
import type { Scope } from './runtime-campaigns.js';
import type { CostSourceGroup, PriceLine, Prepared } from './context.js';

/**
 * A context line, or a fee line a surcharge added, with what the benefits need to know about it.
 * The fields are copied from the caller's line, whatever its shape, so that the benefit loops, which
 * read them many times, see objects of one class. An engine keeps these and fills them again on
 * every evaluation (see Lines): a replay evaluates millions of contexts, and fresh ones were a fifth
 * of what an evaluation allocated.
 */
export class PricedLine {
  id = '';
  priceType: string | undefined = undefined;
  costSource: { readonly group: CostSourceGroup; readonly code: string } | undefined = undefined;
  metric: string | undefined = undefined;
  /** The line's plan, else the context's billing plan. */
  plan: string | undefined = undefined;
  /** A package purchase: only package discounts reduce it. */
  isPackage = false;
  /** A fee: added by a surcharge, or a context line from the SURCHARGE cost-source group. */
  fee = false;
  original = 0;
  remaining = 0;
  /** Minutes not yet made free, for free-minute benefits (NaN: the line has no quantity). */
  minutesLeft = NaN;
  /** What the campaign being applied has taken from this line (see Take). */
  taken = 0;

  fill(l: PriceLine, plan: string | undefined): void {
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
    this.taken = 0;
  }

  /** A fee line a surcharge adds. */
  fillFee(id: string, code: string, amount: number, plan: string | undefined): void {
    this.id = id;
    this.priceType = undefined;
    this.costSource = { group: 'SURCHARGE', code };
    this.metric = undefined;
    this.plan = plan;
    this.isPackage = false;
    this.fee = true;
    this.original = amount;
    this.remaining = amount;
    this.minutesLeft = NaN;
    this.taken = 0;
  }
}

/**
 * The lines of the evaluation under way. One per engine, refilled by begin(): `all` holds lines of
 * earlier evaluations past `count`, so loops run to `count`, never to `all.length`. Evaluations of one
 * engine never interleave (they are synchronous, and usage counters are only read), so reusing is safe.
 */
export class Lines {
  /** Context lines in their order, then fee lines; only the first `count` belong to this evaluation. */
  readonly all: PricedLine[] = [];
  count = 0;
  /** How many lines came from the context; the rest are fees added by surcharges. */
  given = 0;
  private plan: string | undefined;

  begin(p: Prepared): void {
    this.plan = p.ctx.billing?.plan;
    const given = p.ctx.lines;
    this.count = 0;
    for (let i = 0; i < given.length; i++) this.next().fill(given[i]!, this.plan);
    this.given = given.length;
  }

  addFee(id: string, code: string, amount: number): void {
    this.next().fillFee(id, code, amount, this.plan);
  }

  private next(): PricedLine {
    if (this.count === this.all.length) this.all.push(new PricedLine());
    return this.all[this.count++]!;
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

/** What one campaign takes, line by line, within its remaining budget. One per engine, like Lines. */
export class Take {
  total = 0;
  /** Takes attempted: lines the campaign's benefits reached (0: nothing in its scope). */
  matched = 0;
  /** Whether any of them still had something left when looked at. */
  sawAmount = false;
  private cap = Infinity;

  constructor(private readonly lines: Lines) {}

  /** Start the next campaign, which may take up to `cap` in all. */
  begin(cap: number): void {
    this.total = 0;
    this.matched = 0;
    this.sawAmount = false;
    this.cap = cap;
    const all = this.lines.all;
    for (let i = 0; i < this.lines.count; i++) all[i]!.taken = 0;
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
    const all = this.lines.all;
    const n = this.lines.count;
    let count = 0;
    for (let i = 0; i < n; i++) if (all[i]!.taken > 0) count++;
    const out = new Array<{ line: string; amount: number }>(count);
    let k = 0;
    for (let i = 0; i < n; i++) if (all[i]!.taken > 0) out[k++] = { line: all[i]!.id, amount: all[i]!.taken };
    return out;
  }
}
