// When the head's evaluation of a session cannot differ from the base's, so the replay may use one for both.
// An evaluation reads the context, the campaigns it reaches (in evaluation order), their geofences, the
// currencies' exponents and its side's usage counters. Campaigns identical on both sides (canonical JSON,
// their zones' geometry included) are reached and evaluated alike as long as the counters they read
// (engine/counters.ts) agree: none, the customer's redemptions, or also the totals. A campaign refused
// alters nothing but the list of rejections, which the tallies never read. So where, on either side, no
// campaign that differs and none whose counters drifted apart could apply (Engine.mayApplyAny), the
// session's tallies are the same on both. A campaign whose total redemptions or budget are used up on a side
// is refused there for good, so it no longer counts on that side. Pure apart from the state it keeps.
import { canonicalJson } from '../engine/canonical.js';
import { countersRead, type CountersRead } from '../engine/counters.js';
import type { Evaluation } from '../engine/evaluation.js';
import type { PreparedContext } from '../engine/context.js';
import type { Engine } from '../engine/load.js';
import type { Bundle, BundleCampaign, BundleGeofence } from '../generated/bundle.js';
import type { SimulationLedger } from './ledger.js';

/**
 * Ids of the campaigns whose evaluation may differ between the sides (added, removed or changed, a zone's
 * geometry included); undefined when no shortcut is sound: the currencies differ, or campaigns alike on
 * both sides are not evaluated in the same relative order.
 */
export function differingCampaigns(base: Bundle, head: Bundle): Set<string> | undefined {
  if (canonicalJson(base.content.currencies) !== canonicalJson(head.content.currencies)) return undefined;
  const keyed = (b: Bundle): Map<string, { key: string; pos: number }> => {
    const geofences = new Map<string, BundleGeofence>(b.content.geofences.map((g) => [g.name, g]));
    return new Map(b.content.campaigns.map((c, pos) => [c.id, { key: campaignKey(c, geofences), pos }]));
  };
  const before = keyed(base);
  const after = keyed(head);
  const differing = new Set<string>();
  for (const [id, b] of before) if (after.get(id)?.key !== b.key) differing.add(id);
  for (const id of after.keys()) if (!before.has(id)) differing.add(id);
  let last = -1;
  for (const c of head.content.campaigns) {
    if (differing.has(c.id)) continue;
    const pos = before.get(c.id)!.pos;
    if (pos < last) return undefined;
    last = pos;
  }
  return differing;
}

function campaignKey(c: BundleCampaign, geofences: ReadonlyMap<string, BundleGeofence>): string {
  return canonicalJson([c, c.zone ? c.zone.geofences.map((name) => geofences.get(name) ?? null) : null]);
}

/** One side of a replay as the shortcut sees it. */
export interface ShortcutSide {
  readonly engine: Engine;
  readonly ledger: SimulationLedger;
}

/**
 * Which campaigns stand in the way of one evaluation serving both sides, kept up to date as the replay goes:
 * per side, the differing campaigns and those whose totals drifted apart, less those used up on that side;
 * per customer, the campaigns whose redemptions by that customer drifted apart (a campaign that reads only
 * those). A campaign that reads no counter never drifts.
 */
export class Shortcut {
  private readonly base: Set<string>;
  private readonly head: Set<string>;
  /** Interned customer → campaigns whose redemptions by that customer differ between the sides. */
  private readonly byCustomer = new Map<number, Set<string>>();
  private readonly reads = new Map<string, CountersRead>();

  constructor(
    differing: ReadonlySet<string>,
    private readonly sides: readonly [ShortcutSide, ShortcutSide],
  ) {
    for (const s of sides) for (const c of s.engine.campaigns) this.reads.set(c.id, countersRead(c));
    this.base = new Set([...differing].filter((id) => !sides[0].ledger.exhausted(id)));
    this.head = new Set([...differing].filter((id) => !sides[1].ledger.exhausted(id)));
  }

  /** Whether the session (prepared, its customer interned, -1: none) may evaluate differently on the two sides. */
  mayDiffer(p: PreparedContext, customer: number): boolean {
    const [b, h] = this.sides;
    if (b.engine.mayApplyAny(p, this.base) || h.engine.mayApplyAny(p, this.head)) return true;
    const own = customer >= 0 && this.byCustomer.size > 0 ? this.byCustomer.get(customer) : undefined;
    return own !== undefined && (b.engine.mayApplyAny(p, own) || h.engine.mayApplyAny(p, own));
  }

  /**
   * After a session was evaluated on both sides, before its applications are counted: where the campaigns
   * applied differ (which, or by how much), the counters of every one of them will differ between the sides.
   */
  drift(b: Evaluation, h: Evaluation, customer: number): void {
    if (sameApplied(b, h)) return;
    for (const a of b.applied) this.note(a.campaign, customer);
    for (const a of h.applied) this.note(a.campaign, customer);
  }

  /** After a side counted a session's applications: a campaign it used up no longer matters there. */
  counted(side: 0 | 1, e: Evaluation): void {
    const ids = side === 0 ? this.base : this.head;
    const ledger = this.sides[side].ledger;
    const applied = e.applied;
    for (let i = 0; i < applied.length; i++) {
      const id = applied[i]!.campaign;
      if (ids.has(id) && ledger.exhausted(id)) ids.delete(id);
    }
  }

  private note(id: string, customer: number): void {
    // A differing campaign is in both sets until used up on a side, and one used up reads its totals.
    if (this.base.has(id) || this.head.has(id)) return;
    const reads = this.reads.get(id);
    if (reads === 'none') return;
    if (reads === 'customer') {
      // Counted per customer only when the session names one (a per-customer limit refuses it otherwise).
      if (customer < 0) return;
      let own = this.byCustomer.get(customer);
      if (own === undefined) this.byCustomer.set(customer, (own = new Set()));
      own.add(id);
      return;
    }
    if (!this.sides[0].ledger.exhausted(id)) this.base.add(id);
    if (!this.sides[1].ledger.exhausted(id)) this.head.add(id);
  }
}

function sameApplied(b: Evaluation, h: Evaluation): boolean {
  if (b.applied.length !== h.applied.length) return false;
  for (let i = 0; i < b.applied.length; i++) {
    const x = b.applied[i]!;
    const y = h.applied[i]!;
    if (x.campaign !== y.campaign || x.amount !== y.amount) return false;
  }
  return true;
}
