// The mobility API names branches, vehicle categories, additions and business units by numeric id; promoc
// sources name them by what operators call them (berlin, e-scooter, INSURANCE_PLUS). A target maps names to
// ids (numeric strings pass through). Tags are annotations: lower writes `{ "$tag": name }` placeholders
// that apply resolves to annotation ids once the tags exist (`resolveTagRefs`); read maps ids back to names.
// A code batch names its template the same way, `{ "$voucherable": "Promotion/<name>" }` (`resolveVoucherableRefs`).
import type { Json } from '../../model/canonical.js';
import type { TargetIds } from '../provider.js';

export interface MobilityRefs {
  readonly branches: Readonly<Record<string, number>>;
  readonly vehicleCategories: Readonly<Record<string, number>>;
  readonly additions: Readonly<Record<string, number>>;
  readonly businessUnits: Readonly<Record<string, number>>;
  readonly defaultBusinessUnit: number;
}

/** The ids of the embedded emulator's demo tenant, named as the example campaigns name them. */
export const LOCAL_REFS: MobilityRefs = {
  branches: { berlin: 11, 'berlin-south': 12, brandenburg: 21, potsdam: 22 },
  vehicleCategories: { 'e-scooter': 1, 'e-moped': 2, 'e-car': 3, 'e-bike': 4 },
  additions: { INSURANCE_PLUS: 1, CHILD_SEAT: 2 },
  businessUnits: { north: 1, south: 2, 'bu-berlin': 1, 'bu-brandenburg': 2 },
  defaultBusinessUnit: 1,
};

/** A target's `ids` table from the config; what it leaves out has no id (numeric names pass through). */
export function refsOf(ids: TargetIds): MobilityRefs {
  const table = (m: Record<string, number | undefined> | undefined): Record<string, number> =>
    Object.fromEntries(Object.entries(m ?? {}).filter((e): e is [string, number] => e[1] !== undefined));
  return {
    branches: table(ids.branches),
    vehicleCategories: table(ids.vehicleCategories),
    additions: table(ids.additions),
    businessUnits: table(ids.businessUnits),
    defaultBusinessUnit: ids.defaultBusinessUnit ?? 1,
  };
}

export type RefTable = keyof Omit<MobilityRefs, 'defaultBusinessUnit'>;

export function toId(refs: MobilityRefs, table: RefTable, name: string): number | undefined {
  if (/^\d+$/.test(name)) return Number(name);
  return refs[table][name];
}

export function fromId(refs: MobilityRefs, table: RefTable, id: number): string {
  const found = Object.entries(refs[table]).find(([, v]) => v === id);
  return found ? found[0] : String(id);
}

/** Replaces `{ "$tag": name }` placeholders with annotation ids; unknown names are returned, not guessed. */
export function resolveTagRefs(payload: Json, ids: ReadonlyMap<string, number>): { value: Json; missing: string[] } {
  return resolvePlaceholders(payload, '$tag', ids);
}

/**
 * Replaces `{ "$voucherable": "Kind/name" }` placeholders (a code batch's template) with voucherable ids, keyed
 * by "Kind/name" (e.g. "Promotion/welcome-ride"); unknown ones are returned, not guessed.
 */
export function resolveVoucherableRefs(payload: Json, ids: ReadonlyMap<string, number>): { value: Json; missing: string[] } {
  return resolvePlaceholders(payload, '$voucherable', ids);
}

function resolvePlaceholders(payload: Json, marker: string, ids: ReadonlyMap<string, number>): { value: Json; missing: string[] } {
  const missing: string[] = [];
  const walk = (v: Json): Json => {
    if (Array.isArray(v)) return (v as readonly Json[]).map(walk);
    if (v && typeof v === 'object') {
      const o = v as { readonly [k: string]: Json };
      const ref = o[marker];
      if (typeof ref === 'string' && Object.keys(o).length === 1) {
        const id = ids.get(ref);
        if (id === undefined) {
          missing.push(ref);
          return o;
        }
        return id;
      }
      return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return { value: walk(payload), missing };
}
