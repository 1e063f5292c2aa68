// Which campaigns a context reaches: a presented code, a held voucher, or, for automatic campaigns,
// a zone near a rental position or a targeting value the context mentions (vehicle id or tag,
// category, branch). Only reached campaigns are evaluated and listed as rejected; the index makes
// that a few map lookups and one flatbush query instead of a pass over every campaign.
import type { CompiledCampaign } from './compile.js';
import type { Prepared } from './context.js';
import { END, START, type GeoIndex } from './geo.js';
import { Stamps } from './stamps.js';

export interface Reached {
  /** Positions in evaluation order. */
  readonly candidates: number[];
  readonly unknownCodes: string[];
}

export type Reach = (p: Prepared, geo: GeoIndex) => Reached;

export function indexedReach(campaigns: readonly CompiledCampaign[], geofenceCount: number): Reach {
  const codes = new Map<string, number[]>();
  const vouchers = new Map<string, number>();
  const broad: number[] = [];
  const by = { id: new Map<string, number[]>(), tag: new Map<string, number[]>(), category: new Map<string, number[]>(), branch: new Map<string, number[]>() };
  const byGeofence: number[][] = Array.from({ length: geofenceCount }, () => []);
  for (const c of campaigns) {
    const s = c.src;
    if (s.activation !== 'automatic') {
      vouchers.set(s.id, c.pos);
      if (s.code !== undefined) push(codes, s.code, c.pos);
    } else if (c.zone) {
      for (const g of c.zone.geofences) byGeofence[g]!.push(c.pos);
    } else if (c.hasTargeting) {
      for (const v of s.targeting.vehicleIds) push(by.id, v, c.pos);
      for (const v of s.targeting.vehicleTags) push(by.tag, v, c.pos);
      for (const v of s.targeting.vehicleCategories) push(by.category, v, c.pos);
      for (const v of s.targeting.branches) push(by.branch, v, c.pos);
    } else {
      broad.push(c.pos);
    }
  }
  const marks = new Marks(campaigns.length);
  return (p, geo) => {
    marks.begin();
    const unknownCodes: string[] = [];
    for (const code of p.codes) {
      const list = codes.get(code) ?? codes.get(code.toUpperCase());
      if (list) marks.all(list); else unknownCodes.push(code);
    }
    for (const v of p.vouchers) { const pos = vouchers.get(v); if (pos !== undefined) marks.one(pos); }
    marks.all(broad);
    const vehicle = p.ctx.vehicle;
    if (vehicle?.id !== undefined) marks.all(by.id.get(vehicle.id));
    for (const t of p.vehicleTags) marks.all(by.tag.get(t));
    if (vehicle?.category !== undefined) marks.all(by.category.get(vehicle.category));
    const branch = p.ctx.rental?.branch;
    if (branch !== undefined) marks.all(by.branch.get(branch));
    for (const g of geo.near(START)) marks.all(byGeofence[g]);
    for (const g of geo.near(END)) marks.all(byGeofence[g]);
    return { candidates: marks.sorted(), unknownCodes };
  };
}

/** Collects positions once each across lookups, without a Set per evaluation. */
class Marks {
  private readonly seen: Stamps;
  private out: number[] = [];

  constructor(size: number) {
    this.seen = new Stamps(size);
  }

  begin(): void {
    this.seen.reset();
    this.out = [];
  }

  one(pos: number): void {
    if (!this.seen.has(pos)) { this.seen.set(pos); this.out.push(pos); }
  }

  all(list: readonly number[] | undefined): void {
    if (list) for (let i = 0; i < list.length; i++) this.one(list[i]!);
  }

  /** Insertion sort: a context reaches a handful of campaigns, and this beats Array#sort there. */
  sorted(): number[] {
    const a = this.out;
    for (let i = 1; i < a.length; i++) {
      const v = a[i]!;
      let j = i - 1;
      while (j >= 0 && a[j]! > v) { a[j + 1] = a[j]!; j--; }
      a[j + 1] = v;
    }
    return a;
  }
}

/** The same reach, by testing every campaign: the baseline the benchmark compares against. */
export function linearReach(campaigns: readonly CompiledCampaign[]): Reach {
  return (p, geo) => {
    const presented = new Set(p.codes.map((c) => c.toUpperCase()));
    const known = new Set<string>();
    const candidates: number[] = [];
    for (const c of campaigns) {
      if (c.src.code !== undefined) known.add(c.src.code);
      if (reaches(c, p, geo, presented)) candidates.push(c.pos);
    }
    return { candidates, unknownCodes: p.codes.filter((c) => !known.has(c.toUpperCase())) };
  };
}

function reaches(c: CompiledCampaign, p: Prepared, geo: GeoIndex, presented: ReadonlySet<string>): boolean {
  const s = c.src;
  if (s.activation !== 'automatic') return (s.code !== undefined && presented.has(s.code)) || p.vouchers.includes(s.id);
  if (c.zone) {
    const zone = c.zone.geofences;
    return zone.some((g) => geo.boxHolds(g, START) || geo.boxHolds(g, END));
  }
  if (!c.hasTargeting) return true;
  const t = s.targeting;
  const v = p.ctx.vehicle;
  const branch = p.ctx.rental?.branch;
  return (v?.id !== undefined && t.vehicleIds.includes(v.id)) || t.vehicleTags.some((tag) => p.vehicleTags.includes(tag)) ||
    (v?.category !== undefined && t.vehicleCategories.includes(v.category)) || (branch !== undefined && t.branches.includes(branch));
}

function push(map: Map<string, number[]>, key: string, pos: number): void {
  const list = map.get(key);
  if (list) list.push(pos); else map.set(key, [pos]);
}
