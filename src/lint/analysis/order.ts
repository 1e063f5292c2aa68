// Application order, as the bundle resolves it (src/bundle/order.ts): rank (targeted, then
// plan-limited, then broad), then priority descending, then name ascending. The name tie-break is
// deterministic but arbitrary, which stacking/ambiguous-order flags.
import type { Offer } from './offers.js';

/** `a` applies before `b` for a reason other than its name. */
export function isBefore(a: Offer, b: Offer): boolean {
  if (a.rank !== b.rank) return a.rank < b.rank;
  return a.priority > b.priority;
}

/** Full order, for sorting: the engine's order. */
export function compareOrder(a: Offer, b: Offer): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  if (a.priority !== b.priority) return b.priority - a.priority;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id;
}

export function describeRank(o: Offer): string {
  // Cached per rank, stackability and priority: thousands of findings name the same few.
  const byPriority = (rankTexts[o.rank * 2 + (o.stackable ? 1 : 0)] ??= new Map());
  let text = byPriority.get(o.priority);
  if (text === undefined) {
    text = `${RANK_NAMES[o.rank]}priority ${o.priority}, ${o.stackable ? 'stackable' : 'non-stackable'}`;
    if (byPriority.size < 10_000) byPriority.set(o.priority, text);
  }
  return text;
}

const rankTexts: Map<number, string>[] = [];

const RANK_NAMES = ['targeted, ', 'plan-limited, ', ''] as const;
