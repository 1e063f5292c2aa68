// Candidate pairs without comparing all pairs: a sweep line over window starts, per trigger, keeping the
// offers whose window is still open. Codes index the active set: a context presents at most one code, so an
// offer with a code meets offers without one and offers with the same code only. Only pairs with at least
// one "pivot" (e.g. a non-stackable offer) are produced. Output-sensitive: O(n log n + pairs).
import type { Offer } from '../../../src/lint/analysis/offers.js';

type Visit = (earlier: Offer, later: Offer) => void;

export function sweepPairs(offers: readonly Offer[], isPivot: (o: Offer) => boolean, visit: Visit): void {
  const byTrigger = new Map<string, Offer[]>();
  for (const o of offers) {
    const list = byTrigger.get(o.trigger);
    if (list) list.push(o);
    else byTrigger.set(o.trigger, [o]);
  }
  for (const group of byTrigger.values()) sweepGroup(group, isPivot, visit);
}

function sweepGroup(group: Offer[], isPivot: (o: Offer) => boolean, visit: Visit): void {
  group.sort((a, b) => a.from - b.from || a.id - b.id);
  const open = { freePivot: [] as Offer[], freeOther: [] as Offer[], codedPivot: [] as Offer[], codedOther: [] as Offer[] };
  const byCode = new Map<string, Offer[]>();
  for (const o of group) {
    const pivot = isPivot(o);
    if (o.code === null) {
      // Meets everything open: code-free offers and coded ones alike.
      pairWith(open.freePivot, o, visit);
      pairWith(open.codedPivot, o, visit);
      if (pivot) {
        pairWith(open.freeOther, o, visit);
        pairWith(open.codedOther, o, visit);
      }
      (pivot ? open.freePivot : open.freeOther).push(o);
    } else {
      pairWith(open.freePivot, o, visit);
      if (pivot) pairWith(open.freeOther, o, visit);
      let same = byCode.get(o.code);
      if (!same) {
        same = [];
        byCode.set(o.code, same);
      }
      pairWith(same, o, visit, pivot ? undefined : isPivot);
      same.push(o);
      (pivot ? open.codedPivot : open.codedOther).push(o);
    }
  }
}

/** Visits the still-open offers of `list` with `o`, dropping the closed ones for good (they opened earlier). */
function pairWith(list: Offer[], o: Offer, visit: Visit, only?: (o: Offer) => boolean): void {
  let kept = 0;
  for (let i = 0; i < list.length; i += 1) {
    const x = list[i]!;
    if (x.until <= o.from) continue;
    list[kept] = x;
    kept += 1;
    if (!only || only(x)) visit(x, o);
  }
  list.length = kept;
}
