// A seeded month of sessions for the demo and the benchmarks: scooter, moped and car rentals around
// the geofences, EV charging sessions and fleet invoices, at realistic times of day, by a skewed
// population of customers who sometimes present a code (and sometimes mistype it). Sessions come out
// in time order, one day at a time, so a million of them never sit in memory together.
import type { Catalog } from './catalog.js';
import { csvHeaderRow, csvRow } from './csv-writer.js';
import { berlinOffset, daysInMonth, localHour, logNormal, pick, rng, sessionsPerDay, weighted, type Rng } from './distributions.js';
import { activeCustomer, customerAt, populationFor, type Customer } from './population.js';
import type { SessionFormat } from './read.js';
import { pointAway, pointInside, pointNear, zoneWeight, type LonLat, type Zone } from './positions.js';

export interface GenerateOptions {
  readonly count: number;
  readonly seed: number;
  /** UTC epoch ms of the first day; default the catalog's busiest month. */
  readonly from?: number;
  /** Default: the days of that month. */
  readonly days?: number;
}

export interface GeneratedSession {
  readonly id: string;
  readonly at: string;
  readonly currency: string;
  readonly customer: {
    readonly id: string;
    readonly userType?: string;
    readonly tags: readonly string[];
    readonly vouchers?: readonly string[];
    readonly firstPurchase?: boolean;
  };
  readonly codes?: readonly string[];
  readonly vehicle?: { readonly id: string; readonly category: string; readonly tags: readonly string[] };
  readonly rental?: { readonly branch: string; readonly start: LonLat; readonly end: LonLat };
  readonly billing?: { readonly plan: string; readonly quantity: number; readonly usage: number };
  readonly lines: readonly Record<string, unknown>[];
}

const DAY = 86_400_000;
/** Per category: share of rentals, fleet size, unlock fee and price per minute (minor units), median minutes. */
const VEHICLES: Readonly<Record<string, { share: number; fleet: number; unlock: number; perMinute: number; minutes: number }>> = {
  'e-scooter': { share: 0.6, fleet: 3000, unlock: 100, perMinute: 19, minutes: 11 },
  'e-moped': { share: 0.25, fleet: 800, unlock: 150, perMinute: 29, minutes: 17 },
  'e-car': { share: 0.15, fleet: 400, unlock: 0, perMinute: 39, minutes: 38 },
};

export function* generateSessions(catalog: Catalog, options: GenerateOptions): Generator<GeneratedSession> {
  const from = options.from ?? catalog.busiestMonth;
  const days = options.days ?? daysInMonth(from);
  const perDay = sessionsPerDay(options.count, from, days);
  const population = populationFor(options.count);
  const width = String(options.count).length;
  const zones = catalog.zones.map((z) => [z, zoneWeight(z)] as const);
  let n = 0;
  for (let d = 0; d < days; d++) {
    const r = rng(options.seed * 1000 + d);
    const dayStart = from + d * DAY;
    const weekday = new Date(dayStart).getUTCDay();
    const offset = berlinOffset(dayStart + 12 * 3_600_000) * 3_600_000;
    const times = Array.from({ length: perDay[d]! }, () => dayStart + Math.floor(localHour(r, weekday === 0 || weekday === 6) * 3_600_000) - offset).sort(
      (a, b) => a - b,
    );
    for (const at of times) {
      n += 1;
      const customer = customerAt(catalog, options.seed, activeCustomer(r, population));
      yield session(r, catalog, zones, customer, `s-${String(n).padStart(width, '0')}`, at);
    }
  }
}

/** The same sessions as NDJSON lines, or a CSV header and rows (with a trailing newline each). */
export function* sessionLines(catalog: Catalog, options: GenerateOptions, format: SessionFormat = 'ndjson'): Generator<string> {
  if (format === 'csv') yield csvHeaderRow();
  for (const s of generateSessions(catalog, options)) yield format === 'csv' ? csvRow(s) : `${JSON.stringify(s)}\n`;
}

function session(r: Rng, catalog: Catalog, zones: readonly (readonly [Zone, number])[], c: Customer, id: string, at: number): GeneratedSession {
  const customer = {
    id: c.id,
    ...(c.userType ? { userType: c.userType } : {}),
    tags: c.tags,
    ...(c.vouchers.length > 0 ? { vouchers: c.vouchers } : {}),
    ...(r() < 0.015 ? { firstPurchase: true } : {}),
  };
  const line = catalog.plans.length === 0 && c.line === 'billing' ? 'ev' : c.line;
  const codes = presented(r, catalog.codes[line], line === 'billing' ? 0.3 : line === 'ev' ? 0.15 : 0.22);
  const base = { id, at: new Date(at).toISOString(), currency: catalog.currency, customer, ...(codes.length > 0 ? { codes } : {}) };
  if (line === 'ev') return { ...base, lines: evLines(r) };
  if (line === 'billing') return { ...base, ...invoice(r, catalog) };
  return { ...base, ...rental(r, catalog, zones) };
}

/** Usually nothing; sometimes one code; now and then a typo of one. */
function presented(r: Rng, codes: readonly string[], share: number): string[] {
  if (codes.length === 0 || r() >= share) return [];
  const code = pick(r, codes);
  return r() < 0.06 ? [code.slice(0, -1)] : [r() < 0.1 ? code.toLowerCase() : code];
}

function rental(r: Rng, catalog: Catalog, zones: readonly (readonly [Zone, number])[]): Pick<GeneratedSession, 'vehicle' | 'rental' | 'lines'> {
  const known = catalog.categories.filter((c) => VEHICLES[c]);
  const category =
    known.length > 0
      ? weighted(
          r,
          known.map((c) => [c, VEHICLES[c]!.share] as const),
        )
      : pick(r, catalog.categories);
  const v = VEHICLES[category] ?? VEHICLES['e-scooter']!;
  const number = Math.floor(r() * v.fleet);
  const tags = catalog.vehicleTags.filter((t) => (t === 'fresh-fleet' ? number < v.fleet * 0.08 : r() < 0.05));
  const minutes = Math.round(logNormal(r, v.minutes, 0.6, 2, 240));
  const start = zones.length === 0 ? { lon: 13.405, lat: 52.52 } : r() < 0.45 ? pointInside(r, weighted(r, zones)) : pointNear(r, weighted(r, zones));
  const end = zones.length > 0 && r() < 0.35 ? pointInside(r, weighted(r, zones)) : pointAway(r, start, logNormal(r, minutes / 6, 0.4, 0.2, 30));
  const lines: Record<string, unknown>[] = [];
  if (v.unlock > 0) lines.push({ id: 'unlock', priceType: 'UNLOCK_FEE', amount: v.unlock });
  lines.push({ id: 'time', priceType: 'TIME_PRICE', amount: minutes * v.perMinute, quantity: minutes });
  if (category === 'e-car' && r() < 0.3) lines.push({ id: 'insurance', costSource: { group: 'ADDITION', code: 'INSURANCE_PLUS' }, amount: 300 });
  if (r() < 0.08) lines.push({ id: 'parking', priceType: 'PARKING_PRICE', amount: 5 * Math.ceil(r() * 20) });
  return { vehicle: { id: `${category}-${number}`, category, tags }, rental: { branch: pick(r, catalog.branches), start, end }, lines };
}

/** A charging session: energy at 0.59 per kWh and a small session fee. */
function evLines(r: Rng): Record<string, unknown>[] {
  const kwh = logNormal(r, 18, 0.55, 2, 90);
  return [
    { id: 'energy', amount: Math.round(kwh * 59) },
    { id: 'session-fee', amount: 35 },
  ];
}

function invoice(r: Rng, catalog: Catalog): Pick<GeneratedSession, 'billing' | 'lines'> {
  const plan = pick(r, catalog.plans);
  const quantity = Math.round(logNormal(r, 18, 0.7, 1, 200));
  const usage = Math.round(logNormal(r, 40_000, 0.8, 100, 2_000_000));
  const lines: Record<string, unknown>[] = [{ id: 'subscription', plan, amount: quantity * (plan.includes('yearly') ? 39_900 : 3_990) }];
  if (catalog.metrics.length > 0) lines.push({ id: 'usage', metric: pick(r, catalog.metrics), amount: Math.round(usage * 0.02) });
  return { billing: { plan, quantity, usage }, lines };
}
