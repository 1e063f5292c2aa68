// Deterministic synthetic campaign repositories for benchmarks: N campaigns, M geofences, seeded.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../src/model/seeded-random.js';

export interface GenerateOptions {
  readonly campaigns: number;
  readonly geofences: number;
  readonly seed: number;
}

const PRICE_TYPES = ['TIME_PRICE', 'DRIVING_PRICE', 'PARKING_PRICE', 'DISTANCE_PRICE', 'UNLOCK_FEE'];
const PHASES = ['START_RENTAL', 'END_RENTAL', 'START_OR_END_RENTAL', 'START_AND_END_RENTAL', 'START_PLUS_END_RENTAL'];

/** Writes `campaigns/` under `dir`: shared user types and tags, geofences, one campaign per file. */
export function generateRepo(dir: string, o: GenerateOptions): string[] {
  const rnd = seededRandom(o.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const files: string[] = [];
  const write = (rel: string, text: string): void => {
    const abs = join(dir, rel);
    mkdirSync(join(abs, '..'), { recursive: true });
    writeFileSync(abs, text);
    files.push(rel);
  };
  write('promoc.config.yaml', 'apiVersion: promoc/v1\nkind: Config\ncampaigns: ["campaigns/**/*.yaml"]\n');
  write(
    'campaigns/shared/reference.yaml',
    ['staff', 'fleet', 'public', 'vip']
      .map((n) => `apiVersion: promoc/v1\nkind: UserType\nmetadata:\n  name: ${n}\nspec:\n  description: ${n} drivers\n`)
      .join('---\n') +
      '---\n' +
      ['flagged', 'employee', 'student']
        .map((n) => `apiVersion: promoc/v1\nkind: Tag\nmetadata:\n  name: ${n}\nspec:\n  type: TAG\n  subjects: [user]\n`)
        .join('---\n'),
  );
  for (let g = 0; g < o.geofences; g += 1) {
    const lon = 13.0 + rnd() * 0.8;
    const lat = 52.3 + rnd() * 0.4;
    const r = 0.002 + rnd() * 0.01;
    const ring: [number, number][] = [];
    for (let k = 0; k < 12; k += 1) {
      const a = (k / 12) * Math.PI * 2;
      ring.push([round(lon + Math.cos(a) * r * (0.8 + rnd() * 0.4)), round(lat + Math.sin(a) * r * 0.6 * (0.8 + rnd() * 0.4))]);
    }
    ring.push(ring[0]!);
    write(
      `campaigns/geofences/zone-${g}.yaml`,
      `apiVersion: promoc/v1\nkind: Geofence\nmetadata:\n  name: zone-${g}\nspec:\n  city: Berlin\n  geometry:\n    ` +
        `type: Polygon\n    coordinates:\n      - [${ring.map(([x, y]) => `[${x}, ${y}]`).join(', ')}]\n`,
    );
  }
  for (let i = 0; i < o.campaigns; i += 1) {
    const month = 1 + Math.floor(rnd() * 10);
    const geo = o.geofences > 0 && rnd() < 0.2;
    const kind = geo ? 'GeofencePromotion' : 'Promotion';
    const lines = [
      'apiVersion: promoc/v1',
      `kind: ${kind}`,
      'metadata:',
      `  name: campaign-${i}`,
      `  description: Synthetic campaign ${i}`,
      '  labels:',
      `    team: ${pick(['growth', 'ops', 'care'])}`,
      'spec:',
      ...(geo ? [] : [`  code: CODE${String(i).padStart(6, '0')}`]),
      '  status: active',
      '  window:',
      `    from: 2027-${pad(month)}-01T00:00:00Z`,
      `    until: 2027-${pad(month + 2)}-01T00:00:00Z`,
      '  limits:',
      `    redemptions: ${100 + Math.floor(rnd() * 10_000)}`,
      '    perCustomer: 1',
      `    budget: { amount: "${(1000 + Math.floor(rnd() * 9000)).toFixed(2)}", currency: EUR }`,
      '  audience:',
      `    userTypes: [${pick(['staff', 'fleet', 'public', 'vip'])}]`,
      '    excludeTags: [flagged]',
      ...(geo ? ['  zone:', `    geofences: [zone-${Math.floor(rnd() * o.geofences)}]`, `    phase: ${pick(PHASES)}`] : []),
      '  benefits:',
      `    - percentOff: ${5 + Math.floor(rnd() * 45)}`,
      '      appliesTo:',
      `        priceTypes: [${pick(PRICE_TYPES)}]`,
      '  stacking:',
      `    stackable: ${rnd() < 0.5}`,
      `    priority: ${Math.floor(rnd() * 100)}`,
    ];
    write(`campaigns/c${Math.floor(i / 500)}/campaign-${i}.yaml`, `${lines.join('\n')}\n`);
  }
  return files;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
