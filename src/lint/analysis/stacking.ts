// Pairs of stacking offers that can meet, classified for the three ordering rules, without enumerating all
// meeting pairs (which in a busy repository are millions):
// - ties (ambiguous-order): a sweep over the non-stackable offers of each rank and priority;
// - exclusive-overlap: per offer, the first few higher-ranked non-stackable offers it meets;
// - shadowed: for each offer, only the non-stackable, unlimited offers whose window contains its window, and
//   that no stackable offer able to apply first can displace.
import { canMeet, codesCompatible, covers, windowsOverlap } from './meet.js';
import type { Offer } from './offers.js';
import { compareOrder, isBefore } from './order.js';
import { sweepPairs } from './sweep.js';
import type { ZoneIndex } from './zone-index.js';

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

export function analyseStacking(offers: readonly Offer[], zones: ZoneIndex): StackingAnalysis {
  const live = offers.filter((o) => o.stacking && !o.contradictory && o.from < o.until);
  const shadowWinners = dropDisplaced(findShadowWinners(live, zones), live, zones);
  const slices = groupBy(live, (o) => o.key);
  // By campaign index, for the hot loop below.
  const isShadowed = new Uint8Array(offers.length + 1);
  for (const list of slices.values()) if (list.every((x) => shadowWinners.has(x))) isShadowed[list[0]!.cid] = 1;

  const ambiguous = new Collector();
  for (const rank of ties(live)) {
    if (rank.length < 2) continue;
    sweepPairs(
      rank,
      () => true,
      (x, y) => {
        if (x.cid === y.cid || !canMeet(x, y, zones)) return;
        if (x.name < y.name || (x.name === y.name && x.kind < y.kind)) ambiguous.add(y, x);
        else ambiguous.add(x, y);
      },
    );
  }

  const exclusive = topWinners(
    live.filter((o) => !o.stackable),
    live.filter((o) => !isShadowed[o.cid]),
    zones,
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
 * the loser's start, sorted by end, so only those also open at its end are examined. A winner with a zone
 * only covers losers whose zone lies within it, so those in its zone's component.
 */
function findShadowWinners(live: readonly Offer[], zones: ZoneIndex): Map<Offer, Offer> {
  const byTrigger = groupBy(live, (o) => o.trigger);
  // Losers by code and by zone component; `covers` checks the trigger.
  const byCode = groupBy(
    live.filter((o) => o.code !== null),
    (o) => o.code!,
  );
  const byPlace = groupBy(
    live.filter((o) => o.geo),
    (o) => zones.component(o),
  );
  // A held winner covers nothing but its own campaign, which it cannot shadow.
  const winners = live.filter((o) => !o.stackable && !o.limited && !o.held);
  const out = new Map<Offer, Offer>();
  const consider = (l: Offer, w: Offer): void => {
    if (w.cid === l.cid || !isBefore(w, l)) return;
    const best = out.get(l);
    if ((!best || compareOrder(w, best) < 0) && covers(w, l, zones)) out.set(l, w);
  };
  // Coded winners only cover losers with their code; automatic ones any loser of the trigger.
  for (const [code, list] of groupBy(
    winners.filter((w) => w.code !== null),
    (w) => w.code!,
  ))
    containments(list, byCode.get(code) ?? [], consider);
  const free = winners.filter((w) => w.code === null);
  for (const [trigger, list] of groupBy(
    free.filter((w) => !w.geo),
    (w) => w.trigger,
  ))
    containments(list, byTrigger.get(trigger) ?? [], consider);
  for (const [place, list] of groupBy(
    free.filter((w) => w.geo),
    (w) => zones.component(w),
  ))
    containments(list, byPlace.get(place) ?? [], consider);
  return out;
}

/**
 * The engine refuses a non-stackable campaign once anything applied before it. So where a stackable offer that
 * goes before the winner can apply together with a stackable loser, the winner is refused there and the loser
 * applies after all: no shadow. A non-stackable loser stays shadowed, as whatever applied first blocks it too.
 */
function dropDisplaced(winners: Map<Offer, Offer>, live: readonly Offer[], zones: ZoneIndex): Map<Offer, Offer> {
  const stackables = live.filter((o) => o.stackable).sort(compareOrder);
  for (const [l, w] of winners) {
    if (!l.stackable) continue;
    for (const s of stackables) {
      if (compareOrder(s, w) >= 0) break;
      if (s.cid === l.cid || s.cid === w.cid || s.trigger !== l.trigger || !windowsOverlap(s, l) || !codesCompatible(s, l) || !canMeet(s, l, zones)) continue;
      winners.delete(l);
      break;
    }
  }
  return winners;
}

/** Non-stackable offers by rank and priority, groups in order of first appearance. */
function ties(live: readonly Offer[]): Offer[][] {
  const byPriority = new Map<number, Map<number, Offer[]>>();
  const out: Offer[][] = [];
  for (const o of live) {
    if (o.stackable) continue;
    let byRank = byPriority.get(o.priority);
    if (!byRank) {
      byRank = new Map();
      byPriority.set(o.priority, byRank);
    }
    const list = byRank.get(o.rank);
    if (list) list.push(o);
    else {
      const created = [o];
      byRank.set(o.rank, created);
      out.push(created);
    }
  }
  return out;
}

/** Calls `visit(l, w)` for every w in `outer` whose window contains l's window. */
function containments(outer: readonly Offer[], inner: readonly Offer[], visit: (l: Offer, w: Offer) => void): void {
  if (outer.length === 0 || inner.length === 0) return;
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

const NONE: readonly number[] = [];

interface WinnerLists {
  readonly all: number[];
  readonly anywhere: number[];
  readonly free: number[];
  readonly freeAnywhere: number[];
  readonly zone: Map<number, number[]>;
  readonly freeZone: Map<number, number[]>;
  readonly code: Map<string, number[]>;
}

function push<K>(map: Map<K, number[]>, key: K, p: number): void {
  const list = map.get(key);
  if (list) list.push(p);
  else map.set(key, [p]);
}

/**
 * For each loser, the first TOP_WINNERS non-stackable campaigns (in application order) of strictly higher
 * rank that it can meet. Scanning in rank order and stopping early keeps this near-linear where enumerating
 * every meeting pair would not be. Each loser scans only the winners it could meet at all, merged from
 * lists made once: of its trigger; without a code, or with its code; without a zone, or in its zone's
 * component.
 */
function topWinners(ns: readonly Offer[], losers: readonly Offer[], zones: ZoneIndex): Grouped[] {
  const ranked = [...ns].sort(compareOrder);
  // Positions in `ranked`, per trigger: every winner; without a zone; without a code (also: and without a
  // zone); by zone component (also: without a code); by code.
  const lists = new Map<string, WinnerLists>();
  ranked.forEach((w, p) => {
    let of = lists.get(w.trigger);
    if (!of) {
      of = { all: [], anywhere: [], free: [], freeAnywhere: [], zone: new Map(), freeZone: new Map(), code: new Map() };
      lists.set(w.trigger, of);
    }
    of.all.push(p);
    if (w.geo) push(of.zone, zones.component(w), p);
    else of.anywhere.push(p);
    if (w.code === null) {
      of.free.push(p);
      if (w.geo) push(of.freeZone, zones.component(w), p);
      else of.freeAnywhere.push(p);
    } else push(of.code, w.code, p);
  });
  const found = new Map<number, { offer: Offer; others: Offer[]; more: boolean; from: number; until: number }>();
  for (const l of losers) {
    // Made at the first winner found: most losers have none.
    let g = found.get(l.cid);
    // Disjoint lists whose union holds every winner of the trigger that l's code and zone allow.
    const of = lists.get(l.trigger);
    const place = l.geo ? zones.component(l) : undefined;
    let a = NONE;
    let b = NONE;
    let c = NONE;
    if (of && l.code === null) {
      a = place === undefined ? of.all : of.anywhere;
      if (place !== undefined) b = of.zone.get(place) ?? NONE;
    } else if (of) {
      a = place === undefined ? of.free : of.freeAnywhere;
      if (place !== undefined) b = of.freeZone.get(place) ?? NONE;
      c = of.code.get(l.code!) ?? NONE;
    }
    let i = 0;
    let j = 0;
    let k = 0;
    for (;;) {
      // The next winner in application order among the three lists.
      const pa = i < a.length ? a[i]! : Infinity;
      const pb = j < b.length ? b[j]! : Infinity;
      const pc = k < c.length ? c[k]! : Infinity;
      let p: number;
      if (pa <= pb && pa <= pc) {
        if (pa === Infinity) break;
        p = pa;
        i += 1;
      } else if (pb <= pc) {
        p = pb;
        j += 1;
      } else {
        p = pc;
        k += 1;
      }
      const w = ranked[p]!;
      if (!isBefore(w, l)) break; // ranked: nothing after w goes before l either
      if (w.cid === l.cid || w.trigger !== l.trigger || !windowsOverlap(w, l) || !codesCompatible(w, l) || !canMeet(w, l, zones)) continue;
      if (!g) {
        g = { offer: l, others: [], more: false, from: Infinity, until: -Infinity };
        found.set(l.cid, g);
      }
      if (!hasCampaign(g.others, w.cid)) {
        if (g.others.length === TOP_WINNERS) {
          g.more = true;
          break;
        }
        g.others.push(w);
      }
      g.from = Math.min(g.from, Math.max(w.from, l.from));
      g.until = Math.max(g.until, Math.min(w.until, l.until));
    }
  }
  return [...found.values()].map((g) => ({ ...g, others: g.others.sort(compareOrder) }));
}

function hasCampaign(list: readonly Offer[], cid: number): boolean {
  for (let i = 0; i < list.length; i += 1) if (list[i]!.cid === cid) return true;
  return false;
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

function groupBy<T, K>(items: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
