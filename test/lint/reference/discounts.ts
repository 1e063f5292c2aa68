// Worst-case combined discount of stackable offers. Discounts apply one after the other to what remains
// (two stacked 50% give 75%), so a stack's combined share is 1 − Π(1 − pᵢ). The worst case at
// any time is reached where the set of open windows is maximal (a start followed by an end), so only those
// instants are examined; there a greedy pass (largest discount first) builds a stack whose members can
// really be eligible together (one Context). Greedy can miss a worse stack, never invent one.
// NOTE: amountOff is left out: a fixed amount reaches 100% of any small enough price by design.
import type { Atlas } from '../../../src/geo/index.js';
import { ANY_CONTEXT, narrow, type Context } from './context.js';
import type { DocPath } from '../../../src/model/diagnostic.js';
import type { Offer } from '../../../src/lint/analysis/offers.js';
import { compareOrder } from '../../../src/lint/analysis/order.js';
import { maxOf, minOf } from '../../../src/model/append.js';

export interface LineDiscount {
  /** Fraction 0..1 the offer takes off this line, its own benefits applied in sequence. */
  readonly share: number;
  readonly path: DocPath;
  readonly plans: ReadonlySet<string> | null;
  readonly metrics: ReadonlySet<string> | null;
}

export interface DiscountStack {
  /** In application order. */
  readonly members: readonly Offer[];
  readonly shares: readonly LineDiscount[];
  /** 'pt:TIME_PRICE', 'cs:…', or '*' for lines no benefit names. */
  readonly line: string;
  /** Combined share, 0..1. */
  readonly combined: number;
  readonly from: number;
  readonly until: number;
}

export const BROAD_LINE = '*';

/** Compared as printed (two decimals of a percent): a stack deep enough to round to the cap reaches it. */
const PRINT_TOLERANCE = 0.00005;
/** Greedy scan budget per instant and line; the greedy is a lower bound anyway. */
const MAX_SCAN = 5000;

interface Candidate {
  readonly o: Offer;
  readonly shares: ReadonlyMap<string, LineDiscount>;
}

export function worstDiscountStacks(offers: readonly Offer[], atlas: Atlas, capPercent: number): DiscountStack[] {
  const cap = capPercent / 100;
  const byTrigger = new Map<string, Candidate[]>();
  for (const o of offers) {
    if (!o.stacking || !o.stackable || o.contradictory || o.from >= o.until) continue;
    const shares = lineDiscounts(o, cap);
    if (shares.size === 0) continue;
    const list = byTrigger.get(o.trigger);
    if (list) list.push({ o, shares });
    else byTrigger.set(o.trigger, [{ o, shares }]);
  }
  const found = new Map<string, DiscountStack>();
  for (const group of byTrigger.values()) stacksInGroup(group, cap, atlas, found);
  return [...found.values()];
}

/**
 * Sweep over window starts and ends, keeping per line the log of what the open offers would leave
 * (Σ log(1 − dᵢ)): an upper bound of the combined discount. Only where the bound reaches the cap, at an
 * instant where the open set is maximal, does the greedy search run, over the line's offers pre-sorted by
 * discount. One finding per line and last-applied campaign.
 */
function stacksInGroup(group: readonly Candidate[], cap: number, atlas: Atlas, found: Map<string, DiscountStack>): void {
  const lines = [...new Set(group.flatMap((c) => [...c.shares.keys()]).concat(BROAD_LINE))];
  const shareOn = (c: Candidate, line: string): LineDiscount | undefined => c.shares.get(line) ?? c.shares.get(BROAD_LINE);
  const ranked = new Map(
    lines.map((line) => [
      line,
      group.filter((c) => shareOn(c, line)).sort((x, y) => shareOn(y, line)!.share - shareOn(x, line)!.share || compareOrder(x.o, y.o)),
    ]),
  );
  const index = new Map(group.map((c, i) => [c, i]));
  const open = new Uint8Array(group.length);
  const logLeft = new Map(lines.map((l) => [l, 0]));
  const limit = Math.log(Math.max(1 - cap + PRINT_TOLERANCE, Number.MIN_VALUE));
  const events = group
    .flatMap((c) => [
      { t: c.o.from, open: true, c },
      { t: c.o.until, open: false, c },
    ])
    .sort((a, b) => a.t - b.t || Number(a.open) - Number(b.open) || a.c.o.id - b.c.o.id);
  events.forEach((e, i) => {
    open[index.get(e.c)!] = e.open ? 1 : 0;
    for (const line of lines) {
      const d = shareOn(e.c, line);
      if (d) logLeft.set(line, logLeft.get(line)! + (e.open ? 1 : -1) * Math.log1p(-d.share));
    }
    const next = events[i + 1];
    if (!e.open || (next && next.open)) return; // not a maximal instant
    for (const line of lines) {
      if (logLeft.get(line)! > limit + 1e-9) continue;
      const stack = greedyStack(ranked.get(line)!, (c) => open[index.get(c)!] === 1, line, shareOn, cap, atlas);
      if (!stack) continue;
      const key = `${line}|${stack.members.at(-1)!.key}`;
      if (!found.has(key)) found.set(key, stack);
    }
  });
}

function lineDiscounts(o: Offer, cap: number): Map<string, LineDiscount> {
  const percent = o.benefits.filter((b) => b.percentOff !== undefined);
  const specific = new Set(percent.flatMap((b) => (b.lines ? [...b.lines] : [])));
  const out = new Map<string, LineDiscount>();
  for (const line of [BROAD_LINE, ...specific]) {
    const on = percent.filter((b) => b.lines === null || b.lines.has(line));
    if (on.length === 0) continue;
    const share = 1 - on.reduce((acc, b) => acc * (1 - b.percentOff! / 100), 1);
    // A single offer at or above the cap is a deliberate free ride, not a stacking accident.
    if (reaches(share, cap)) continue;
    out.set(line, {
      share,
      path: [...on[0]!.path, 'percentOff'],
      plans: on.some((b) => b.plans === null) ? null : new Set(on.flatMap((b) => [...b.plans!])),
      metrics: on.some((b) => b.metrics === null) ? null : new Set(on.flatMap((b) => [...b.metrics!])),
    });
  }
  return out;
}

function greedyStack(
  ranked: readonly Candidate[],
  isOpen: (c: Candidate) => boolean,
  line: string,
  shareOn: (c: Candidate, line: string) => LineDiscount | undefined,
  cap: number,
  atlas: Atlas,
): DiscountStack | undefined {
  let ctx: Context = ANY_CONTEXT;
  let remaining = 1;
  const chosen: { o: Offer; d: LineDiscount }[] = [];
  for (let i = 0; i < ranked.length && i < MAX_SCAN && !reaches(1 - remaining, cap); i += 1) {
    const c = ranked[i]!;
    if (!isOpen(c)) continue;
    const d = shareOn(c, line)!;
    const next = narrow(ctx, c.o, d, atlas);
    if (!next) continue;
    ctx = next;
    chosen.push({ o: c.o, d });
    remaining *= 1 - d.share;
  }
  if (chosen.length < 2 || !reaches(1 - remaining, cap)) return undefined;
  chosen.sort((x, y) => compareOrder(x.o, y.o));
  return {
    members: chosen.map((c) => c.o),
    shares: chosen.map((c) => c.d),
    line,
    combined: 1 - remaining,
    from: maxOf(chosen.map((c) => c.o.from)),
    until: minOf(chosen.map((c) => c.o.until)),
  };
}

function reaches(share: number, cap: number): boolean {
  return share >= cap - PRINT_TOLERANCE;
}
