// Worst-case combined discount of stackable offers. Discounts apply one after the other to what remains
// (two stacked 50% give 75%), so a stack's combined share is 1 − Π(1 − pᵢ). The worst case at
// any time is reached where the set of open windows is maximal (a start followed by an end), so only those
// instants are examined; there a greedy pass (largest discount first) builds a stack whose members can
// really be eligible together (one Context). Greedy can miss a worse stack, never invent one.
// NOTE: amountOff is left out: a fixed amount reaches 100% of any small enough price by design.
import { ANY_CONTEXT, narrow, type Context } from './context.js';
import type { DocPath } from '../../model/diagnostic.js';
import type { Offer } from './offers.js';
import { compareOrder } from './order.js';
import { maxOf, minOf } from '../../model/append.js';
import type { ZoneIndex } from './zone-index.js';

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

export function worstDiscountStacks(offers: readonly Offer[], zones: ZoneIndex, capPercent: number): DiscountStack[] {
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
  for (const group of byTrigger.values()) stacksInGroup(group, cap, zones, found);
  return [...found.values()];
}

/**
 * Sweep over window starts and ends, keeping per line the log of what the open offers would leave
 * (Σ log(1 − dᵢ)): an upper bound of the combined discount. Only where the bound reaches the cap, at an
 * instant where the open set is maximal, does the greedy search run, over the line's offers pre-sorted by
 * discount; which of them are open is a bit per offer in that order, so the greedy visits open offers only.
 * One finding per line and last-applied campaign.
 */
function stacksInGroup(group: readonly Candidate[], cap: number, zones: ZoneIndex, found: Map<string, DiscountStack>): void {
  // Typed arrays and index sorts instead of an object per (offer, line) and per event: the sweep's
  // allocations were a sixth of the analysis's in a cold run.
  const seen = new Set<string>();
  for (const c of group) for (const line of c.shares.keys()) seen.add(line);
  seen.add(BROAD_LINE);
  const lines = [...seen];
  // Per line, its offers by discount, largest first (ties in application order), and their shares of it.
  const ranked: Candidate[][] = [];
  const shares: LineDiscount[][] = [];
  const on: (LineDiscount | undefined)[] = new Array<LineDiscount | undefined>(group.length);
  let entries = 0;
  for (const line of lines) {
    const members: number[] = [];
    for (let i = 0; i < group.length; i += 1) {
      const d = group[i]!.shares.get(line) ?? group[i]!.shares.get(BROAD_LINE);
      on[i] = d;
      if (d) members.push(i);
    }
    members.sort((x, y) => on[y]!.share - on[x]!.share || compareOrder(group[x]!.o, group[y]!.o));
    ranked.push(members.map((i) => group[i]!));
    shares.push(members.map((i) => on[i]!));
    entries += members.length;
  }
  const open = ranked.map((list) => new Uint32Array((list.length + 31) >>> 5));
  // Per offer (index in group), its entries first..first+count-1 in `standLine`/`standAt`/`standLog`:
  // a line, its place in that line's order, and log(1 − its share there); lines in increasing order.
  const index = new Map<Candidate, number>();
  for (let i = 0; i < group.length; i += 1) index.set(group[i]!, i);
  const first = new Int32Array(group.length + 1);
  for (const list of ranked) for (const c of list) first[index.get(c)! + 1]! += 1;
  for (let i = 1; i <= group.length; i += 1) first[i]! += first[i - 1]!;
  const fill = first.slice(0, group.length);
  const standLine = new Int32Array(entries);
  const standAt = new Int32Array(entries);
  const standLog = new Float64Array(entries);
  for (let line = 0; line < ranked.length; line += 1) {
    const list = ranked[line]!;
    for (let at = 0; at < list.length; at += 1) {
      const slot = fill[index.get(list[at]!)!]!;
      fill[index.get(list[at]!)!] = slot + 1;
      standLine[slot] = line;
      standAt[slot] = at;
      standLog[slot] = Math.log1p(-shares[line]![at]!.share);
    }
  }
  const logLeft = new Float64Array(lines.length);
  const limit = Math.log(Math.max(1 - cap + PRINT_TOLERANCE, Number.MIN_VALUE));
  // Events: 2i opens offer i, 2i + 1 closes it; by time, closes first, then by offer id.
  const events = new Array<number>(group.length * 2);
  for (let e = 0; e < events.length; e += 1) events[e] = e;
  const timeOf = (e: number): number => ((e & 1) === 0 ? group[e >>> 1]!.o.from : group[e >>> 1]!.o.until);
  events.sort((a, b) => timeOf(a) - timeOf(b) || (b & 1) - (a & 1) || group[a >>> 1]!.o.id - group[b >>> 1]!.o.id);
  for (let e = 0; e < events.length; e += 1) {
    const event = events[e]!;
    const opens = (event & 1) === 0;
    const i = event >>> 1;
    for (let k = first[i]!; k < first[i + 1]!; k += 1) {
      const line = standLine[k]!;
      const at = standAt[k]!;
      const bits = open[line]!;
      const word = at >>> 5;
      bits[word] = opens ? bits[word]! | (1 << (at & 31)) : bits[word]! & ~(1 << (at & 31));
      logLeft[line] = logLeft[line]! + (opens ? 1 : -1) * standLog[k]!;
    }
    if (!opens || (e + 1 < events.length && (events[e + 1]! & 1) === 0)) continue; // not a maximal instant
    for (let line = 0; line < lines.length; line += 1) {
      if (logLeft[line]! > limit + 1e-9) continue;
      const stack = greedyStack(ranked[line]!, shares[line]!, open[line]!, lines[line]!, cap, zones);
      if (!stack) continue;
      const key = `${lines[line]!}|${stack.members.at(-1)!.key}`;
      if (!found.has(key)) found.set(key, stack);
    }
  }
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

/** Largest discounts first, open offers only (`open`: a bit per position of `ranked`), while they fit one context. */
function greedyStack(
  ranked: readonly Candidate[],
  shares: readonly LineDiscount[],
  open: Uint32Array,
  line: string,
  cap: number,
  zones: ZoneIndex,
): DiscountStack | undefined {
  let ctx: Context = ANY_CONTEXT;
  let remaining = 1;
  const chosen: { o: Offer; d: LineDiscount }[] = [];
  const end = Math.min(ranked.length, MAX_SCAN);
  scan: for (let word = 0; word * 32 < end; word += 1) {
    for (let bits = open[word]!; bits !== 0;) {
      const low = bits & -bits;
      bits ^= low;
      const at = word * 32 + 31 - Math.clz32(low);
      if (at >= end || reaches(1 - remaining, cap)) break scan;
      const d = shares[at]!;
      const next = narrow(ctx, ranked[at]!.o, d, zones);
      if (!next) continue;
      ctx = next;
      chosen.push({ o: ranked[at]!.o, d });
      remaining *= 1 - d.share;
    }
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
