// When the head's evaluation of a session cannot differ from the base's, so the replay may use one for both.
// An evaluation reads the context, the campaigns it reaches (in evaluation order), their geofences, the
// currencies' exponents and its side's usage counters. Campaigns identical on both sides (canonical JSON,
// their zones' geometry included) are reached and evaluated alike; their counters stay equal for as long as
// every session applies them alike on both sides. A campaign refused for a reason no counter can change
// (window, audience, targeting, zone, conditions) alters nothing but the list of rejections, which the
// tallies never read. So where, on either side, no campaign that differs and none whose counters drifted
// apart could apply (Engine.mayApplyAny), the session's tallies are the same on both. Pure.
import { canonicalJson } from '../engine/canonical.js';
import type { Evaluation } from '../engine/evaluation.js';
import type { Bundle, BundleCampaign, BundleGeofence } from '../generated/bundle.js';

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

/**
 * After a session was evaluated on both sides: where the campaigns applied differ (which, or by how much),
 * the usage counters of every one of them now differ between the sides, so they join `drifted`.
 */
export function noteDrift(drifted: Set<string>, b: Evaluation, h: Evaluation): void {
  if (sameApplied(b, h)) return;
  for (const a of b.applied) drifted.add(a.campaign);
  for (const a of h.applied) drifted.add(a.campaign);
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
