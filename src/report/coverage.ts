// The coverage matrix: for every user type × zone × price type, one context evaluated by the engine at
// a reference instant, a rental starting and ending inside the zone; the net price with no code, and
// the code that lowers it most. Computed with the engine, so it shows what customers will really pay.
// Zones and price types are vehicle-rental notions: the contexts are rentals, so campaigns of other
// products (EV charging codes, subscription coupons) never appear in a cell.
import type { Engine } from '../engine/load.js';
import type { Bundle, BundleCampaign } from '../generated/bundle.js';
import { interiorPoint, type LonLat } from '../simulate/positions.js';
import type { CoverageCell, CoverageMatrix } from './types.js';
import { minOf } from '../model/append.js';

export const OUTSIDE = 'outside every zone';

/** A price line per type: time-priced lines carry 30 minutes (what free minutes consume). */
const PRICES: Readonly<Record<string, { amount: number; quantity?: number }>> = {
  UNLOCK_FEE: { amount: 100 },
  TIME_PRICE: { amount: 600, quantity: 30 },
  DRIVING_PRICE: { amount: 500, quantity: 25 },
  PARKING_PRICE: { amount: 200, quantity: 40 },
  DISTANCE_PRICE: { amount: 400 },
  RESERVATION_PRICE: { amount: 100 },
};

export interface CoverageOptions {
  readonly userTypes: readonly string[];
  /** Epoch ms; default the instant with the most campaigns running. */
  readonly at?: number;
  readonly category?: string;
  readonly branch?: string;
}

export function coverageMatrix(engine: Engine, bundle: Bundle, options: CoverageOptions): CoverageMatrix {
  const campaigns = bundle.content.campaigns;
  const at = options.at ?? busiestInstant(campaigns);
  const currency = mostCommon(Object.keys(bundle.content.currencies)) ?? 'EUR';
  const category = options.category ?? mostCommon(campaigns.flatMap((c) => c.targeting.vehicleCategories));
  const branch = options.branch ?? mostCommon(campaigns.flatMap((c) => c.targeting.branches));
  const zones = bundle.content.geofences.map((g) => ({
    name: g.name,
    point: interiorPoint({ name: g.name, bbox: g.bbox as [number, number, number, number], coordinates: g.coordinates as never }),
  }));
  zones.push({ name: OUTSIDE, point: outsidePoint(bundle) });
  const priceTypes = Object.keys(PRICES);
  const codes = campaigns.filter((c) => c.code !== undefined && c.status === 'active').map((c) => c.code!);
  const userTypes = options.userTypes.length > 0 ? options.userTypes : [''];
  const cells = userTypes.map((userType) =>
    zones.map((z) =>
      priceTypes.map((t) => {
        const context = (presented: readonly string[]) => ({
          at,
          currency,
          codes: presented,
          product: 'vehicle-rental' as const,
          customer: { id: 'coverage', ...(userType ? { userType } : {}), tags: [] },
          ...(category ? { vehicle: { id: 'coverage', category } } : {}),
          rental: { ...(branch ? { branch } : {}), start: z.point, end: z.point },
          lines: [{ id: 'line', priceType: t, ...PRICES[t]! }],
        });
        return cell(engine, context, codes);
      }),
    ),
  );
  return {
    at: new Date(at).toISOString(),
    currency,
    ...(branch ? { branch } : {}),
    ...(category ? { category } : {}),
    userTypes: options.userTypes,
    zones: zones.map((z) => z.name),
    priceTypes,
    cells,
  };
}

function cell(engine: Engine, context: (codes: readonly string[]) => Parameters<Engine['evaluate']>[0], codes: readonly string[]): CoverageCell {
  const plain = engine.evaluate(context([]));
  const ids = (e: typeof plain): string[] => [...e.fees.map((f) => f.campaign), ...e.applied.map((a) => a.campaign)];
  let best: CoverageCell['bestCode'];
  for (const code of codes) {
    const e = engine.evaluate(context([code]));
    if (e.total < (best?.net ?? plain.total)) best = { code, net: e.total, campaigns: ids(e) };
  }
  return { original: plain.subtotal, net: plain.total, campaigns: ids(plain), ...(best ? { bestCode: best } : {}) };
}

/** Noon on the start day (or the day after an end) with the most active campaigns; ties go to the earliest. */
export function busiestInstant(campaigns: readonly BundleCampaign[]): number {
  const DAY = 86_400_000;
  const noon = (t: number): number => Math.floor(t / DAY) * DAY + DAY / 2;
  const candidates = [...new Set(campaigns.flatMap((c) => [c.window.from, c.window.until].filter((t): t is number => t !== undefined).map(noon)))].sort(
    (a, b) => a - b,
  );
  let best = candidates[0] ?? Date.UTC(2027, 0, 1, 12);
  let bestCount = -1;
  for (const t of candidates) {
    const n = campaigns.filter((c) => c.status === 'active' && (c.window.from ?? -Infinity) <= t && t < (c.window.until ?? Infinity)).length;
    if (n > bestCount) {
      best = t;
      bestCount = n;
    }
  }
  return best;
}

/** A point south-west of every geofence's box: no zone reaches it. */
function outsidePoint(bundle: Bundle): LonLat {
  const boxes = bundle.content.geofences.map((g) => g.bbox);
  if (boxes.length === 0) return { lon: 0, lat: 0 };
  return { lon: minOf(boxes.map((b) => b[0])) - 0.01, lat: minOf(boxes.map((b) => b[1])) - 0.01 };
}

function mostCommon(xs: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
}
