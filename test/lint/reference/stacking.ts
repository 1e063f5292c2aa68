// Pairs of stacking offers that can meet, classified for the three ordering rules, without enumerating all
// meeting pairs (which in a busy repository are millions):
// - ties (ambiguous-order): a sweep over the non-stackable offers of each rank and priority;
// - exclusive-overlap: per offer, the first few higher-ranked non-stackable offers it meets;
// - shadowed: for each offer, only the non-stackable, unlimited offers whose window contains its window, and
//   that no stackable offer able to apply first can displace.
import type { Atlas } from '../../../src/geo/index.js';
import { canMeet, codesCompatible, covers, windowsOverlap } from './meet.js';
import type { Offer } from '../../../src/lint/analysis/offers.js';
import { compareOrder, isBefore } from '../../../src/lint/analysis/order.js';
import { sweepPairs } from '../../../src/lint/analysis/sweep.js';

export interface Grouped {
  /** The campaign the finding is reported on (its first offer). */
  readonly offer: Offer;
  /** The other campaigns concerned, in application order, one offer each. */
  readonly others: readonly Offer[];
  /** `others` was cut short: there are more. */
  readonly more?: boolean;
  /** Span of time where they meet. */
  readonly from: number;
  readonly until: number;
}

export interface StackingAnalysis {
  /** Per non-stackable campaign: the non-stackable campaigns of equal rank, earlier by name, that it can meet. */
  readonly ambiguous: readonly Grouped[];
  /** Campaigns none of whose offers can ever apply, with the best winner over their first offer. */
  readonly shadowed: readonly Grouped[];
  /** Per campaign: the first few non-stackable campaigns that go before it where both are eligible. */
  readonly exclusive: readonly Grouped[];
}

export function analyseStacking(offers: readonly Offer[], atlas: Atlas): StackingAnalysis {
  const live = offers.filter((o) => o.stacking && !o.contradictory && o.from < o.until);
  const shadowWinners = dropDisplaced(findShadowWinners(live, atlas), live, atlas);
  const slices = groupBy(live, (o) => o.key);
  // By campaign index, for the hot loop below.
  const isShadowed = new Uint8Array(offers.length + 1);
  for (const list of slices.values()) if (list.every((x) => shadowWinners.has(x))) isShadowed[list[0]!.cid] = 1;

  const ambiguous = new Collector();
  for (const rank of groupBy(
    live.filter((o) => !o.stackable),
    (o) => `${o.rank}|${o.priority}`,
  ).values()) {
    if (rank.length < 2) continue;
    sweepPairs(
      rank,
      () => true,
      (x, y) => {
        if (x.cid === y.cid || !canMeet(x, y, atlas)) return;
        if (x.name < y.name || (x.name === y.name && x.kind < y.kind)) ambiguous.add(y, x);
        else ambiguous.add(x, y);
      },
    );
  }

  const exclusive = topWinners(
    live.filter((o) => !o.stackable),
    live.filter((o) => !isShadowed[o.cid]),
    atlas,
  );

  const shadowed: Grouped[] = [];
  for (const list of slices.values()) {
    if (isShadowed[list[0]!.cid]) shadowed.push({ offer: list[0]!, others: [shadowWinners.get(list[0]!)!], from: list[0]!.from, until: list[0]!.until });
  }
  return { ambiguous: ambiguous.result(), shadowed, exclusive };
}

/**
 * For each offer, the first-ranked non-stackable offer that covers it (see `covers`), if any. Only an
 * unlimited non-stackable offer whose window contains the loser's can; per trigger and code bucket (a
 * coded winner only covers offers needing the same code), a sweep over starts keeps the winners open at
 * the loser's start, sorted by end, so only those also open at its end are examined.
 */
function findShadowWinners(live: readonly Offer[], atlas: Atlas): Map<Offer, Offer> {
  const winners = groupBy(
    live.filter((o) => !o.stackable && !o.limited),
    bucketOf,
  );
  const byTrigger = groupBy(live, (o) => o.trigger);
  const byBucket = groupBy(live, bucketOf);
  const out = new Map<Offer, Offer>();
  const consider = (l: Offer, w: Offer): void => {
    if (w.cid === l.cid || !isBefore(w, l)) return;
    const best = out.get(l);
    if ((!best || compareOrder(w, best) < 0) && covers(w, l, atlas)) out.set(l, w);
  };
  for (const [bucket, list] of winners) {
    // Automatic winners can cover any loser of the trigger; coded ones only losers with their code.
    const targets = list[0]!.code === null ? byTrigger.get(list[0]!.trigger) : byBucket.get(bucket);
    containments(list, targets ?? [], consider);
  }
  return out;
}

/**
 * The engine refuses a non-stackable campaign once anything applied before it. So where a stackable offer that
 * goes before the winner can apply together with a stackable loser, the winner is refused there and the loser
 * applies after all: no shadow. A non-stackable loser stays shadowed, as whatever applied first blocks it too.
 */
function dropDisplaced(winners: Map<Offer, Offer>, live: readonly Offer[], atlas: Atlas): Map<Offer, Offer> {
  const stackables = live.filter((o) => o.stackable).sort(compareOrder);
  for (const [l, w] of winners) {
    if (!l.stackable) continue;
    for (const s of stackables) {
      if (compareOrder(s, w) >= 0) break;
      if (s.cid === l.cid || s.cid === w.cid || s.trigger !== l.trigger || !windowsOverlap(s, l) || !codesCompatible(s, l) || !canMeet(s, l, atlas)) continue;
      winners.delete(l);
      break;
    }
  }
  return winners;
}

function bucketOf(o: Pick<Offer, 'trigger' | 'code'>): string {
  return `${o.trigger}|${o.code ?? ''}`;
}

/** Calls `visit(l, w)` for every w in `outer` whose window contains l's window. */
function containments(outer: readonly Offer[], inner: readonly Offer[], visit: (l: Offer, w: Offer) => void): void {
  const ws = [...outer].sort((a, b) => a.from - b.from);
  const ls = [...inner].sort((a, b) => a.from - b.from);
  const open: Offer[] = []; // sorted by until, descending
  let next = 0;
  for (const l of ls) {
    while (next < ws.length && ws[next]!.from <= l.from) {
      const w = ws[next]!;
      next += 1;
      let at = open.length;
      while (at > 0 && open[at - 1]!.until < w.until) at -= 1;
      open.splice(at, 0, w);
    }
    while (open.length > 0 && open[open.length - 1]!.until <= l.from) open.pop();
    for (let i = 0; i < open.length && open[i]!.until >= l.until; i += 1) visit(l, open[i]!);
  }
}

/** How many winners exclusive-overlap names per campaign. */
const TOP_WINNERS = 3;

/**
 * For each loser, the first TOP_WINNERS non-stackable campaigns (in application order) of strictly higher
 * rank that it can meet. Scanning in rank order and stopping early keeps this near-linear where enumerating
 * every meeting pair would not be.
 */
function topWinners(ns: readonly Offer[], losers: readonly Offer[], atlas: Atlas): Grouped[] {
  const ranked = [...ns].sort(compareOrder);
  const found = new Map<number, { offer: Offer; others: Offer[]; more: boolean; from: number; until: number }>();
  for (const l of losers) {
    const g = found.get(l.cid) ?? { offer: l, others: [], more: false, from: Infinity, until: -Infinity };
    for (const w of ranked) {
      if (!isBefore(w, l)) break; // ranked: nothing after w goes before l either
      if (w.cid === l.cid || w.trigger !== l.trigger || !windowsOverlap(w, l) || !codesCompatible(w, l) || !canMeet(w, l, atlas)) continue;
      if (!g.others.some((x) => x.cid === w.cid)) {
        if (g.others.length === TOP_WINNERS) {
          g.more = true;
          break;
        }
        g.others.push(w);
      }
      g.from = Math.min(g.from, Math.max(w.from, l.from));
      g.until = Math.max(g.until, Math.min(w.until, l.until));
    }
    if (g.others.length > 0) found.set(l.cid, g);
  }
  return [...found.values()].map((g) => ({ ...g, others: g.others.sort(compareOrder) }));
}

/** Findings grouped per reported campaign, each other campaign once. */
class Collector {
  private readonly groups = new Map<number, { offer: Offer; others: Map<number, Offer>; from: number; until: number }>();

  add(offer: Offer, other: Offer): void {
    let g = this.groups.get(offer.cid);
    if (!g) {
      g = { offer, others: new Map(), from: Infinity, until: -Infinity };
      this.groups.set(offer.cid, g);
    }
    if (!g.others.has(other.cid)) g.others.set(other.cid, other);
    g.from = Math.min(g.from, Math.max(offer.from, other.from));
    g.until = Math.max(g.until, Math.min(offer.until, other.until));
  }

  result(): Grouped[] {
    return [...this.groups.values()].map((g) => ({ offer: g.offer, others: [...g.others.values()].sort(compareOrder), from: g.from, until: g.until }));
  }
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
