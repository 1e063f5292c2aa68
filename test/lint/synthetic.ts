// Deterministic synthetic models for speed tests: n campaigns over g geofences in a few cities.
import type { AnyResource } from '../../src/generated/index.js';
import type { Located, Model, MultiPolygonCoords } from '../../src/model/resource.js';

import { seededRandom as mulberry32 } from '../../src/model/seeded-random.js';
export { mulberry32 };

const CITIES: readonly (readonly [number, number])[] = [
  [13.4, 52.52],
  [2.35, 48.86],
  [-0.12, 51.5],
  [11.57, 48.14],
  [4.9, 52.37],
];

/** A star-shaped (hence simple) polygon around a centre with `n` vertices. */
export function blob(cx: number, cy: number, radiusDeg: number, n: number, rnd: () => number): MultiPolygonCoords {
  const ring: [number, number][] = [];
  for (let i = 0; i < n; i += 1) {
    const t = (2 * Math.PI * i) / n;
    const r = radiusDeg * (0.75 + 0.25 * rnd());
    ring.push([cx + r * Math.cos(t) * 1.6, cy + r * Math.sin(t)]);
  }
  ring.push(ring[0]!);
  return [[ring]];
}

export function syntheticGeometries(count: number, seed = 1): Map<string, MultiPolygonCoords> {
  const rnd = mulberry32(seed);
  const out = new Map<string, MultiPolygonCoords>();
  for (let i = 0; i < count; i += 1) {
    const [cx, cy] = CITIES[i % CITIES.length]!;
    // Spread over ~0.6° so a realistic share (a few percent) overlaps a neighbour.
    const x = cx + (rnd() - 0.5) * 0.6;
    const y = cy + (rnd() - 0.5) * 0.4;
    out.set(`zone-${String(i).padStart(4, '0')}`, blob(x, y, 0.002 + rnd() * 0.004, 20 + Math.floor(rnd() * 181), rnd));
  }
  return out;
}

const DAY = 86_400_000;

export function syntheticModel(campaigns: number, geofences: number, seed = 1): Model {
  const rnd = mulberry32(seed + 7);
  const geometries = syntheticGeometries(geofences, seed);
  const names = [...geometries.keys()];
  const resources: Located[] = [];
  const loc = (resource: AnyResource, i: number): Located => ({ resource, source: { file: `campaigns/gen-${Math.floor(i / 100)}.yaml`, docIndex: i % 100 } });
  names.forEach((name, i) => {
    const g = geometries.get(name)!;
    resources.push(
      loc(
        {
          apiVersion: 'promoc/v1',
          kind: 'Geofence',
          metadata: { name },
          spec: { geometry: { type: 'Polygon', coordinates: g[0] as unknown as number[][][] } },
        } as AnyResource,
        i,
      ),
    );
  });
  const base = Date.UTC(2027, 0, 1);
  const priceTypes = ['TIME_PRICE', 'DRIVING_PRICE', 'PARKING_PRICE', 'UNLOCK_FEE'] as const;
  const phases = ['START_RENTAL', 'END_RENTAL', 'START_OR_END_RENTAL'] as const;
  for (let i = 0; i < campaigns; i += 1) {
    const from = base + Math.floor(rnd() * 330) * DAY;
    const until = from + (7 + Math.floor(rnd() * 60)) * DAY;
    const window = { from: new Date(from).toISOString(), until: new Date(until).toISOString() };
    const benefit =
      rnd() < 0.5 ? { percentOff: 5 + Math.floor(rnd() * 30) } : { percentOff: 10, appliesTo: { priceTypes: [priceTypes[Math.floor(rnd() * 4)]!] } };
    const stacking = { stackable: rnd() < 0.6, priority: Math.floor(rnd() * 20) * 10 };
    const name = `campaign-${String(i).padStart(5, '0')}`;
    const r = rnd();
    let resource: AnyResource;
    if (r < 0.3) {
      resource = {
        apiVersion: 'promoc/v1',
        kind: 'GeofencePromotion',
        metadata: { name },
        spec: { window, benefits: [benefit], stacking, zone: { geofences: [names[Math.floor(rnd() * names.length)]!], phase: phases[Math.floor(rnd() * 3)]! } },
      } as AnyResource;
    } else if (r < 0.35) {
      resource = {
        apiVersion: 'promoc/v1',
        kind: 'GeofenceSurcharge',
        metadata: { name },
        spec: {
          window,
          surcharge: { amount: { amount: '1.00', currency: 'EUR' } },
          zone: { geofences: [names[Math.floor(rnd() * names.length)]!], phase: phases[Math.floor(rnd() * 3)]! },
        },
      } as AnyResource;
    } else {
      const code = rnd() < 0.6 ? { code: `CODE${i}X` } : {};
      resource = {
        apiVersion: 'promoc/v1',
        kind: 'Promotion',
        metadata: { name },
        spec: { ...code, window, benefits: [benefit], stacking, audience: rnd() < 0.3 ? { userTypes: ['staff'] } : {} },
      } as AnyResource;
    }
    resources.push(loc(resource, geofences + i));
  }
  resources.push(loc({ apiVersion: 'promoc/v1', kind: 'UserType', metadata: { name: 'staff' }, spec: {} } as AnyResource, 0));
  return { resources, geometries };
}
