// Which campaigns a context reaches: a presented code, a held voucher, or, for automatic campaigns,
// a zone near a rental position or a targeting value the context mentions (vehicle id or tag,
// category, branch). Only reached campaigns are evaluated and listed as rejected; the index makes
// that a few map lookups and a grid lookup per rental position instead of a pass over every campaign.
import type { CompiledCampaign } from './runtime-campaigns.js';
import type { Prepared } from './context.js';
import { END, START, type GeoIndex } from './geo.js';
import { NONE } from './scratch.js';
import { Stamps } from './stamps.js';

export interface Reached {
  /**
   * Positions in evaluation order: the first `count` entries. The indexed reach reuses this array and this
   * object (a new one per evaluation was a tenth of what an evaluation allocated), so read it before
   * reaching again.
   */
  readonly candidates: readonly number[];
  readonly count: number;
  readonly unknownCodes: readonly string[];
}

export interface Reach {
  (p: Prepared, geo: GeoIndex): Reached;
  /**
   * Whether the context reaches a campaign that is not automatic (a code presented, a voucher held), as the
   * reach itself decides: an automatic campaign that passes standingReason is always reached (its zone holds a
   * rental position, or its targeting matched a value the reach looks up), so this settles reach for one campaign.
   */
  readonly presents: (c: CompiledCampaign, p: Prepared) => boolean;
}

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
    } else if (c.targeting) {
      for (const v of s.targeting.vehicleIds) push(by.id, v, c.pos);
      for (const v of s.targeting.vehicleTags) push(by.tag, v, c.pos);
      for (const v of s.targeting.vehicleCategories) push(by.category, v, c.pos);
      for (const v of s.targeting.branches) push(by.branch, v, c.pos);
    } else {
      broad.push(c.pos);
    }
  }
  const marks = new Marks(campaigns.length);
  const markZone = (g: number): void => marks.all(byGeofence[g]);
  const reach = (p: Prepared, geo: GeoIndex): Reached => {
    marks.begin();
    let unknownCodes: string[] | undefined;
    for (const code of p.codes) {
      const list = codes.get(code) ?? (mayChangeCase(code) ? codes.get(code.toUpperCase()) : undefined);
      if (list) marks.all(list);
      // A list made by its first push reserves room for 17; most contexts present one code.
      else if (unknownCodes === undefined) unknownCodes = [code];
      else unknownCodes.push(code);
    }
    for (const v of p.vouchers) {
      const pos = vouchers.get(v);
      if (pos !== undefined) marks.one(pos);
    }
    marks.all(broad);
    if (p.vehicleId !== undefined) marks.all(find(by.id, p.vehicleId));
    for (const t of p.vehicleTags) marks.all(find(by.tag, t));
    if (p.category !== undefined) marks.all(find(by.category, p.category));
    if (p.branch !== undefined) marks.all(find(by.branch, p.branch));
    geo.forEachNear(START, markZone);
    geo.forEachNear(END, markZone);
    marks.sort();
    marks.unknownCodes = unknownCodes ?? NONE;
    return marks;
  };
  const presents = (c: CompiledCampaign, p: Prepared): boolean => {
    const code = c.src.code;
    if (code !== undefined) {
      // As above: a presented code is looked up as given, and upper-cased only when no campaign has it as given.
      for (const x of p.codes) if (x === code || (!codes.has(x) && mayChangeCase(x) && x.toUpperCase() === code)) return true;
    }
    return p.vouchers.includes(c.src.id);
  };
  return Object.assign(reach, { presents });
}

/** Collects positions once each across lookups, without a Set or a new list per evaluation; then the reach's result. */
class Marks implements Reached {
  private readonly seen: Stamps;
  /** Only the first `count` are this evaluation's; the array keeps its room from one to the next. */
  readonly candidates: number[] = [];
  count = 0;
  unknownCodes: readonly string[] = NONE;

  constructor(size: number) {
    this.seen = new Stamps(size);
  }

  begin(): void {
    this.seen.reset();
    this.count = 0;
  }

  one(pos: number): void {
    if (this.seen.has(pos)) return;
    this.seen.set(pos);
    if (this.count === this.candidates.length) this.candidates.push(pos);
    else this.candidates[this.count] = pos;
    this.count++;
  }

  all(list: readonly number[] | undefined): void {
    if (list) for (let i = 0; i < list.length; i++) this.one(list[i]!);
  }

  /** Insertion sort: a context reaches a handful of campaigns, and this beats Array#sort there. */
  sort(): void {
    const a = this.candidates;
    for (let i = 1; i < this.count; i++) {
      const v = a[i]!;
      let j = i - 1;
      while (j >= 0 && a[j]! > v) {
        a[j + 1] = a[j]!;
        j--;
      }
      a[j + 1] = v;
    }
  }
}

/** The same reach, by testing every campaign: the baseline the benchmark compares against. */
export function linearReach(campaigns: readonly CompiledCampaign[]): Reach {
  const reach = (p: Prepared, geo: GeoIndex): Reached => {
    const presented = new Set(p.codes.map((c) => c.toUpperCase()));
    const known = new Set<string>();
    const candidates: number[] = [];
    for (const c of campaigns) {
      if (c.src.code !== undefined) known.add(c.src.code);
      if (reaches(c, p, geo, presented)) candidates.push(c.pos);
    }
    const unknownCodes = p.codes.filter((c) => !known.has(c.toUpperCase()));
    return { candidates, count: candidates.length, unknownCodes: unknownCodes.length > 0 ? unknownCodes : NONE };
  };
  const presents = (c: CompiledCampaign, p: Prepared): boolean =>
    (c.src.code !== undefined && p.codes.some((x) => x.toUpperCase() === c.src.code)) || p.vouchers.includes(c.src.id);
  return Object.assign(reach, { presents });
}

function reaches(c: CompiledCampaign, p: Prepared, geo: GeoIndex, presented: ReadonlySet<string>): boolean {
  const s = c.src;
  if (s.activation !== 'automatic') return (s.code !== undefined && presented.has(s.code)) || p.vouchers.includes(s.id);
  if (c.zone) {
    const zone = c.zone.geofences;
    return zone.some((g) => geo.boxHolds(g, START) || geo.boxHolds(g, END));
  }
  const t = c.targeting;
  if (!t) return true;
  return (
    (p.vehicleId !== undefined && t.vehicleIds.includes(p.vehicleId)) ||
    t.vehicleTags.some((tag) => p.vehicleTags.includes(tag)) ||
    (p.category !== undefined && t.vehicleCategories.includes(p.category)) ||
    (p.branch !== undefined && t.branches.includes(p.branch))
  );
}

/**
 * Whether upper-casing could change the code: it has a lower-case ASCII letter, or anything beyond
 * ASCII. Most presented codes are already upper case, and looking is cheaper than converting.
 */
function mayChangeCase(code: string): boolean {
  if (typeof code !== 'string') return true; // not a string (unchecked caller): let toUpperCase() say so
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if ((c >= 97 && c <= 122) || c > 127) return true;
  }
  return false;
}

/** map.get(key), but an empty map is not asked: looking a string up reads it, a cache miss for nothing. */
function find(map: Map<string, number[]>, key: string): number[] | undefined {
  return map.size > 0 ? map.get(key) : undefined;
}

function push(map: Map<string, number[]>, key: string, pos: number): void {
  const list = map.get(key);
  if (list) list.push(pos);
  else map.set(key, [pos]);
}
