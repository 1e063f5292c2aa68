// Hostile geometry: a geofence with 10^6 vertices (generated here, never committed) through validate, lint,
// bundle and the engine. Each case must end with a located diagnostic saying what is wrong and how to fix
// it, or with a correct answer. The timeouts guard against a hang; they are not speed assertions (the
// figures are in bench/ and SECURITY.md).
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { aModel, aResource, aSurcharge } from './fixtures/engine/builders.js';
import { buildBundle } from '../src/bundle/build.js';
import { main } from '../src/cli/main.js';
import type { Io } from '../src/cli/io.js';
import { loadBundle } from '../src/engine/load.js';
import { checkFile } from '../src/load/check-file.js';
import { countPositions, MAX_GEOFENCE_POSITIONS, MAX_GEOMETRY_PROBLEMS } from '../src/load/geometry-size.js';
import { loadSchemaSet } from '../src/schema/schema-set.js';
import { createValidator, type Validator } from '../src/schema/validator.js';
import type { Geofence } from '../src/generated/index.js';

const HANG_GUARD = 60_000;
const MILLION = 1_000_000;
const fixture = new URL('./fixtures/engine/project/', import.meta.url).pathname;
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A copy of the small engine project with these files added. */
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'promoc-polygons-'));
  dirs.push(dir);
  cpSync(fixture, dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

async function run(cwd: string, argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    cwd,
    env: { SOURCE_DATE_EPOCH: '1798761600' },
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    isTTY: false,
    color: false,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** A circle of n positions (closing one included) around the engine fixtures' airport, as GeoJSON text. */
function circle(n: number, { decimals = 7, radius = 0.01 } = {}): string {
  const parts: string[] = [];
  for (let i = 0; i < n - 1; i += 1) {
    const t = (2 * Math.PI * i) / (n - 1);
    parts.push(`[${(13.5 + radius * Math.cos(t)).toFixed(decimals)},${(52.4 + radius * Math.sin(t)).toFixed(decimals)}]`);
  }
  parts.push(parts[0]!);
  return `[${parts.join(',')}]`;
}

const zones = (geometry: string): string => `apiVersion: promoc/v1
kind: Geofence
metadata: { name: huge }
spec:
  geometry: ${geometry}
---
apiVersion: promoc/v1
kind: GeofencePromotion
metadata: { name: huge-promo }
spec:
  zone: { geofences: [huge], phase: START_RENTAL }
  benefits: [{ percentOff: 10 }]
`;

const fileZones = zones('{ file: ./huge.geojson }');
const LIMIT = MAX_GEOFENCE_POSITIONS.toLocaleString('en-US');

describe('a geofence with 10^6 vertices', () => {
  const huge = `{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[${circle(MILLION)}]}}`;

  it(
    'in a .geojson file: refused from its size before it is read, by validate, lint and bundle',
    async () => {
      expect(huge.length).toBeGreaterThan(20 * 1024 * 1024);
      const dir = project({ 'campaigns/zones.yaml': fileZones, 'campaigns/huge.geojson': huge });
      for (const argv of [
        ['validate', '--no-cache'],
        ['lint', '--no-cache'],
        ['bundle', '--out', join(dir, 'dist')],
      ]) {
        const r = await run(dir, argv);
        expect(r.code, argv[0]).toBe(1);
        const out = r.stdout + r.stderr;
        expect(out, argv[0]).toMatch(/campaigns\/zones\.yaml:5:21 {2}error {2}geometry file "\.\/huge\.geojson" is 22\.\d MiB, over the 2 MiB limit/);
        expect(out, argv[0]).toMatch(/ MiB, over the 2 MiB limit for a geometry file; it was not read {2}load\/geometry-too-large/);
        expect(out, argv[0]).toContain(`hint: A geofence may have at most ${LIMIT} positions, which take well under 1 MiB. Simplify the outline`);
      }
    },
    HANG_GUARD,
  );

  it(
    'in a compact file under the size limit: refused from its position count before the schema sees it',
    async () => {
      // 10^6 positions cannot fit in 2 MiB; 150,000 of the shortest possible do.
      const dense = `{"type":"Polygon","coordinates":[${circle(150_000, { decimals: 1, radius: 1 })}]}`;
      expect(dense.length).toBeLessThan(2 * 1024 * 1024);
      const dir = project({ 'campaigns/zones.yaml': fileZones, 'campaigns/huge.geojson': dense });
      const r = await run(dir, ['lint', '--no-cache']);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(
        `campaigns/zones.yaml:5:21  error  geofence "huge" has 150,000 positions in ` +
          `"./huge.geojson", over the limit of ${LIMIT} for one geofence  load/geometry-too-large`,
      );
      expect(r.stdout).toContain('hint: Simplify the outline before committing it');
      expect(r.stdout).toContain('✖ 1 problem (1 error, 0 warnings)');
    },
    HANG_GUARD,
  );

  it(
    'counts what stands where positions belong, so malformed input cannot hide from the limit',
    async () => {
      const numbers = `{"type":"Polygon","coordinates":[[${Array.from({ length: 200_000 }, (_, i) => i % 90).join(',')}]]}`;
      const dir = project({ 'campaigns/zones.yaml': fileZones, 'campaigns/huge.geojson': numbers });
      const r = await run(dir, ['validate', '--no-cache']);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('geofence "huge" has 200,000 positions in "./huge.geojson", over the limit');
    },
    HANG_GUARD,
  );

  it(
    'inline: a YAML file that could hold it is refused from its size; 20,000 inline positions from their count, at the key',
    async () => {
      const million = project({ 'campaigns/zones.yaml': zones(`{ type: Polygon, coordinates: [${circle(MILLION)}] }`) });
      const big = await run(million, ['validate', '--no-cache']);
      expect(big.code).toBe(1);
      expect(big.stdout).toMatch(/campaigns\/zones\.yaml {2}error {2}file is \d+\.\d MiB, over the 2\.0 MiB limit for a campaign file {2}load\/too-large/);

      const dir = project({ 'campaigns/zones.yaml': zones(`\n    type: Polygon\n    coordinates: [${circle(20_000, { decimals: 4 })}]`) });
      const r = await run(dir, ['validate', '--no-cache']);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(
        `campaigns/zones.yaml:7:5  error  geofence "huge" has 20,000 positions, over the limit of ${LIMIT} for one geofence  load/geometry-too-large`,
      );
      // The frame shows the key, and a slice of the 300 KB line, not all of it.
      expect(r.stdout).toMatch(/> 7 \| {5}coordinates: \[\[\[13\.5100,52\.4000\],.{100,160}…\n {8}\| {5}\^{11}\n/);
      expect(r.stdout.length).toBeLessThan(3000);
    },
    HANG_GUARD,
  );

  it('inline coordinates are checked on their own: the resource schema (with its quadratic oneOf) never sees them', () => {
    const base = createValidator(loadSchemaSet());
    let largest = 0;
    const spy: Validator = {
      ...base,
      validateResource: (kind, value) => {
        largest = Math.max(largest, countPositions((value as { spec?: { geometry?: object } }).spec?.geometry ?? {}));
        return base.validateResource(kind, value);
      },
    };
    expect(checkFile('campaigns/zones.yaml', zones(`{ type: Polygon, coordinates: [${circle(5_000, { decimals: 5 })}] }`), spy).diagnostics).toEqual([]);
    expect(largest).toBe(4); // the stand-in's
    expect(
      checkFile('campaigns/zones.yaml', zones(`{ type: Polygon, coordinates: [${circle(20_000, { decimals: 4 })}] }`), spy).diagnostics.map((d) => d.ruleId),
    ).toEqual(['load/geometry-too-large']);
    expect(largest).toBe(4);
  });

  it(
    'reaches the engine only from a bundle built elsewhere, and is evaluated correctly (a point test is linear in the positions)',
    () => {
      const coordinates = [JSON.parse(circle(MILLION)) as [number, number][]];
      const huge = aResource<Geofence>('Geofence', 'huge', { geometry: { type: 'Polygon', coordinates } as Geofence['spec']['geometry'] });
      const built = buildBundle(
        aModel([huge, aSurcharge('fee', { zone: { geofences: ['huge'], phase: 'START_RENTAL' } })], new Map([['huge', [coordinates]]])),
        { revision: null, createdAt: null },
      );
      if (!built.ok) throw new Error(built.diagnostics.map((d) => d.message).join('; '));
      const engine = loadBundle(built.bytes);
      const at = (lon: number, lat: number) =>
        engine.evaluate({ at: '2027-07-01T12:00:00Z', currency: 'EUR', rental: { start: { lon, lat } }, lines: [{ id: 't', amount: 1000 }] });
      expect(at(13.5, 52.4).fees.map((f) => f.amount)).toEqual([200]);
      expect(at(13.5085, 52.4085).fees).toEqual([]); // inside the bounding box, outside the circle
      expect(at(13.5, 52.4095).fees.map((f) => f.amount)).toEqual([200]);
    },
    HANG_GUARD,
  );
});

describe('hostile geofences under the limit', () => {
  it(
    `accepts ${LIMIT} positions (lint's too-complex warns) and bundles them`,
    async () => {
      const dir = project({
        'campaigns/zones.yaml': fileZones,
        'campaigns/huge.geojson': `{"type":"Polygon","coordinates":[${circle(MAX_GEOFENCE_POSITIONS)}]}`,
      });
      expect((await run(dir, ['validate', '--no-cache'])).code).toBe(0);
      const lint = await run(dir, ['lint', '--no-cache']);
      expect(lint.stdout).toContain(`Geofence "huge" has ${MAX_GEOFENCE_POSITIONS} positions, over the budget of 1000.  geofence/too-complex`);
      expect((await run(dir, ['bundle', '--out', join(dir, 'dist')])).code).toBe(0);
    },
    HANG_GUARD,
  );

  it(
    'shows the first problems of a geometry whose every position is wrong, and counts the rest',
    async () => {
      const bad = Array.from({ length: 9_000 }, (_, i) => `[${200 + (i % 7)},${95 + (i % 3)}]`);
      const dir = project({ 'campaigns/zones.yaml': zones(`\n    type: Polygon\n    coordinates: [[${bad.join(',')},${bad[0]}]]`) });
      const r = await run(dir, ['validate', '--no-cache']);
      expect(r.code).toBe(1);
      expect(r.stdout.split('\n').filter((l) => /^campaigns\/zones\.yaml:7:\d+ {2}error .* schema\/range$/.test(l))).toHaveLength(MAX_GEOMETRY_PROBLEMS);
      expect(r.stdout).toContain(
        `campaigns/zones.yaml:5:3  error  geofence "huge" has ${(18_002 - MAX_GEOMETRY_PROBLEMS).toLocaleString('en-US')}` +
          ` more problems in its geometry, not shown  load/geometry-problems`,
      );
      expect(r.stdout).toContain('spec.geometry.coordinates[0][0][0] must be ≤ 180; got 200');
      // Without a `type`, through the schema's oneOf, the same cap applies.
      const untyped = await run(project({ 'campaigns/zones.yaml': zones(`\n    coordinates: [[${bad.join(',')},${bad[0]}]]`) }), ['validate', '--no-cache']);
      expect(untyped.stdout.split('\n').filter((l) => /^campaigns\/zones\.yaml:\d+:\d+ {2}error/.test(l)).length).toBeLessThanOrEqual(
        MAX_GEOMETRY_PROBLEMS + 2,
      );
      expect(untyped.stdout).toMatch(/geofence "huge" has 17,9\d\d more problems in its geometry, not shown/);
    },
    HANG_GUARD,
  );

  it(
    'lints a 10,000-point star overlapping its neighbours without comparing its own edges pair by pair',
    async () => {
      const star: string[] = [];
      for (let i = 0; i < MAX_GEOFENCE_POSITIONS - 1; i += 1) {
        const t = (2 * Math.PI * i) / (MAX_GEOFENCE_POSITIONS - 1);
        const r = i % 2 === 0 ? 0.01 : 0.002;
        star.push(`[${13.5 + r * Math.cos(t)},${52.4 + r * Math.sin(t)}]`);
      }
      const dir = project({ 'campaigns/zones.yaml': fileZones, 'campaigns/huge.geojson': `{"type":"Polygon","coordinates":[[${star.join(',')},${star[0]}]]}` });
      const r = await run(dir, ['lint', '--no-cache']);
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain('geofence/too-complex');
    },
    HANG_GUARD,
  );
});
