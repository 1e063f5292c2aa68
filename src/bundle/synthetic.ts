// Seeded synthetic campaigns and contexts: the benchmark's workload and the property tests' input.
// The same seed gives the same model and contexts everywhere (mulberry32, no Math.random).
import type { EvaluationContext } from '../engine/context.js';
import type { AnyResource, Located, Model, MultiPolygonCoords } from '../model/resource.js';
import { buildBundle } from './build.js';

export interface SyntheticOptions {
  readonly campaigns: number;
  readonly geofences: number;
  readonly seed?: number;
}

const CITY = { lon: 13.0, lat: 52.3, width: 0.8, height: 0.4 };
const TAGS = 50;
const PHASES = ['START_RENTAL', 'END_RENTAL', 'START_PLUS_END_RENTAL', 'START_OR_END_RENTAL', 'START_AND_END_RENTAL'] as const;

import { seededRandom as random } from '../model/seeded-random.js';
export { random };

export const syntheticCode = (i: number): string => `CODE${String(i).padStart(5, '0')}`;

/** Half code promotions, a quarter geofence promotions, a tenth each surcharges and vehicle promotions, a few automatic ones (one per 500). */
export function syntheticModel(o: SyntheticOptions): Model {
  const rnd = random(o.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const geometries = new Map<string, MultiPolygonCoords>();
  for (let g = 0; g < o.geofences; g++) {
    const lon = CITY.lon + rnd() * CITY.width;
    const lat = CITY.lat + rnd() * CITY.height;
    const h = 0.002 + rnd() * 0.006;
    geometries.set(`zone-${g}`, [
      [
        [
          [lon - h, lat - h],
          [lon + h, lat - h],
          [lon + h, lat + h],
          [lon - h, lat + h],
          [lon - h, lat - h],
        ],
      ],
    ]);
  }
  const zones = [...geometries.keys()];
  const resources: Located[] = [];
  for (let i = 0; i < o.campaigns; i++) {
    const name = `c-${i}`;
    const window = rnd() < 0.9 ? { from: '2027-01-01T00:00:00Z', until: '2028-01-01T00:00:00Z' } : { until: '2026-06-01T00:00:00Z' };
    const benefit = rnd() < 0.7 ? { percentOff: 5 + Math.floor(rnd() * 40) } : { amountOff: { amount: `${1 + Math.floor(rnd() * 5)}.00`, currency: 'EUR' } };
    const stacking = { stackable: rnd() < 0.7, priority: Math.floor(rnd() * 10) };
    const r = rnd();
    let resource: AnyResource;
    if (r < 0.5 || zones.length === 0) {
      const audience = rnd() < 0.2 ? { requireTags: [`tag-${Math.floor(rnd() * TAGS)}`] } : {};
      resource = {
        apiVersion: 'promoc/v1',
        kind: 'Promotion',
        metadata: { name },
        spec: { code: syntheticCode(i), window, audience, benefits: [benefit], stacking },
      };
    } else if (r < 0.75) {
      resource = {
        apiVersion: 'promoc/v1',
        kind: 'GeofencePromotion',
        metadata: { name },
        spec: { window, zone: { geofences: [pick(zones)], phase: pick(PHASES) }, benefits: [benefit], stacking },
      };
    } else if (r < 0.85) {
      resource = {
        apiVersion: 'promoc/v1',
        kind: 'GeofenceSurcharge',
        metadata: { name },
        spec: {
          window,
          zone: { geofences: [pick(zones)], phase: pick(PHASES) },
          surcharge: rnd() < 0.5 ? { amount: { amount: '1.50', currency: 'EUR' } } : { percent: 10 },
        },
      };
    } else if (i % 500 !== 499) {
      resource = {
        apiVersion: 'promoc/v1',
        kind: 'VehiclePromotion',
        metadata: { name },
        spec: { window, targeting: { vehicleTags: [`tag-${Math.floor(rnd() * TAGS)}`] }, benefits: [benefit], stacking },
      };
    } else {
      resource = {
        apiVersion: 'promoc/v1',
        kind: 'Promotion',
        metadata: { name },
        spec: { window, benefits: [{ percentOff: 1 + Math.floor(rnd() * 5), appliesTo: { priceTypes: ['TIME_PRICE'] } }], stacking },
      };
    }
    resources.push({ resource, source: { file: 'synthetic.yaml', docIndex: i } });
  }
  return { resources, geometries };
}

/** Typical rental contexts for syntheticModel(o): a code most of the time, a tagged vehicle, two positions. */
export function syntheticContexts(o: SyntheticOptions, count: number, seed = 2): EvaluationContext[] {
  const rnd = random(seed);
  const point = () => ({ lon: CITY.lon + rnd() * CITY.width, lat: CITY.lat + rnd() * CITY.height });
  const out: EvaluationContext[] = [];
  for (let i = 0; i < count; i++) {
    const r = rnd();
    const codes = r < 0.7 ? [syntheticCode(Math.floor(rnd() * o.campaigns))] : r < 0.8 ? ['NOSUCHCODE'] : [];
    out.push({
      at: Date.UTC(2027, 0, 1) + Math.floor(rnd() * 364 * 86_400_000),
      currency: 'EUR',
      customer: { id: `u-${i % 100}`, tags: rnd() < 0.5 ? [`tag-${Math.floor(rnd() * TAGS)}`] : [] },
      codes,
      vehicle: { id: `v-${i % 500}`, tags: [`tag-${Math.floor(rnd() * TAGS)}`] },
      rental: { start: point(), end: point() },
      lines: [
        { id: 'time', amount: 200 + Math.floor(rnd() * 4000), priceType: 'TIME_PRICE', quantity: 5 + Math.floor(rnd() * 55) },
        { id: 'unlock', amount: 100, priceType: 'UNLOCK_FEE' },
      ],
    });
  }
  return out;
}

/** What the benchmark needs in one call: the bundle bytes and contexts to evaluate against them. */
export function syntheticWorkload(o: SyntheticOptions, contexts: number): { bytes: Uint8Array; contexts: EvaluationContext[] } {
  const built = buildBundle(syntheticModel(o), { revision: null, createdAt: null });
  if (!built.ok) throw new Error(`synthetic model did not build: ${built.diagnostics[0]?.message ?? ''}`);
  return { bytes: built.bytes, contexts: syntheticContexts(o, contexts, (o.seed ?? 1) + 1) };
}
