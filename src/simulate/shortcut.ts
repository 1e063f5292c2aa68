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
 * Which campaigns stand in the way of one evaluation serving both sides, kept up to date as the replay goes.
 * Whether a campaign could apply, counters aside, is the same on both sides for a campaign alike on both, so
 * only the differing ones are asked of the head: the base is asked about the differing campaigns not used up
 * there and about those whose totals drifted apart and are not used up on both sides; the head about the
 * differing campaigns not used up there. Per customer, the campaigns whose redemptions by that customer
 * drifted apart (a campaign that reads only those) are asked of the base. A campaign that reads no counter
 * never drifts.
 */
export class Shortcut {
  /** Asked of the base engine, and of the head engine. */
  private readonly base: Set<string>;
  private readonly head: Set<string>;
  /** Interned customer → campaigns whose redemptions by that customer differ between the sides. */
  private readonly byCustomer = new Map<number, Set<string>>();
  private readonly reads = new Map<string, CountersRead>();

  constructor(
    private readonly differing: ReadonlySet<string>,
    private readonly sides: readonly [ShortcutSide, ShortcutSide],
  ) {
    for (const s of sides) for (const c of s.engine.campaigns) this.reads.set(c.id, countersRead(c));
    this.base = new Set();
    this.head = new Set();
    for (const id of differing) this.update(id);
  }

  /** Whether the session (prepared, its customer interned, -1: none) may evaluate differently on the two sides. */
  mayDiffer(p: PreparedContext, customer: number): boolean {
    const base = this.sides[0].engine;
    if (base.mayApplyAny(p, this.base) || this.sides[1].engine.mayApplyAny(p, this.head)) return true;
    const own = customer >= 0 && this.byCustomer.size > 0 ? this.byCustomer.get(customer) : undefined;
    return own !== undefined && base.mayApplyAny(p, own);
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
  counted(e: Evaluation): void {
    const applied = e.applied;
    for (let i = 0; i < applied.length; i++) {
      const id = applied[i]!.campaign;
      if (this.base.has(id) || this.head.has(id)) this.update(id);
    }
  }

  private note(id: string, customer: number): void {
    if (this.differing.has(id) || this.base.has(id)) return;
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
    this.update(id);
  }

  /** Puts a differing or drifted campaign in the sets it belongs to, given what each side has used up. */
  private update(id: string): void {
    const baseLive = !this.sides[0].ledger.exhausted(id);
    const headLive = !this.sides[1].ledger.exhausted(id);
    const differs = this.differing.has(id);
    toggle(this.base, id, differs ? baseLive : baseLive || headLive);
    toggle(this.head, id, differs && headLive);
  }
}

function toggle(set: Set<string>, id: string, on: boolean): void {
  if (on) set.add(id);
  else set.delete(id);
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
