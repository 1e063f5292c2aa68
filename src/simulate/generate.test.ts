import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBundle } from '../bundle/build.js';
import { loadBundle, type Engine } from '../engine/load.js';
import { loadProject } from '../load/project.js';
import { catalogOf, type Catalog } from './catalog.js';
import { berlinOffset, sessionsPerDay } from './distributions.js';
import { CSV_COLUMNS } from './csv.js';
import { generateSessions, sessionLines, type GeneratedSession } from './generate.js';
import { isInside } from './positions.js';
import { parseNdjsonLine, sessionParser } from './read.js';
import type { SimulationSide } from './replay.js';
import type { Session } from './session.js';
import { simulateStream } from './stream.js';

let catalog: Catalog;
let engine: Engine;
let side: SimulationSide;

beforeAll(async () => {
  const loaded = await loadProject({ cwd: join(import.meta.dirname, '../..'), cache: false, workers: 1 });
  catalog = catalogOf(loaded.model);
  const built = buildBundle(loaded.model, { revision: null, createdAt: null });
  if (!built.ok) throw new Error('the example campaigns do not build');
  engine = loadBundle(built.bytes);
  side = { engine, bundle: built.bundle, label: 'examples' };
});

describe('generateSessions', () => {
  const JULY = Date.UTC(2027, 6, 1);

  it('is a pure function of the seed, in time order, inside the month', () => {
    const a = [...sessionLines(catalog, { count: 500, seed: 3, from: JULY })];
    const b = [...sessionLines(catalog, { count: 500, seed: 3, from: JULY })];
    expect(a).toEqual(b);
    expect([...sessionLines(catalog, { count: 500, seed: 4, from: JULY })]).not.toEqual(a);
    const at = a.map((l) => Date.parse((JSON.parse(l) as GeneratedSession).at));
    expect(at).toEqual([...at].sort((x, y) => x - y));
    // Berlin days start at 22:00 UTC the day before in summer.
    expect(Math.min(...at)).toBeGreaterThanOrEqual(JULY - 2 * 3_600_000);
    expect(Math.max(...at)).toBeLessThan(Date.UTC(2027, 7, 1));
  });

  it('writes sessions every engine accepts, in the documented format', () => {
    const failures: string[] = [];
    for (const line of sessionLines(catalog, { count: 1500, seed: 9, from: JULY })) {
      try {
        engine.evaluate(parseNdjsonLine(line) as Session);
      } catch (e) {
        failures.push(`${(e as Error).message}: ${line}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('writes the same sessions as CSV, which replay exactly as the NDJSON does', async () => {
    const options = { count: 3000, seed: 5, from: JULY };
    const csv = [...sessionLines(catalog, options, 'csv')];
    expect(csv[0]).toBe(`${CSV_COLUMNS.join(',')}\n`);
    expect(csv[1]).toMatch(/,(unlock@UNLOCK_FEE=\d+;)?time@TIME_PRICE=\d+x\d+|energy@=\d+;session-fee@=35|subscription@plan:/);
    const replay = async (lines: string[], format: 'csv' | 'ndjson') => simulateStream({ base: side, head: side, chunks: lines, format });
    const fromCsv = await replay(csv, 'csv');
    const fromNdjson = await replay([...sessionLines(catalog, options)], 'ndjson');
    expect(fromCsv.sessions).toMatchObject({ read: 3000, evaluated: 3000, invalid: 0 });
    expect(fromCsv).toEqual(fromNdjson);
    expect(fromCsv.totals.base.discounted).toBeGreaterThan(100);
  });

  it('reads every generated row alike whether its fields are quoted (split) or not (read in place)', () => {
    const [header, ...rows] = [...sessionLines(catalog, { count: 2000, seed: 13, from: JULY }, 'csv')].map((l) => l.trimEnd());
    const plain = sessionParser('csv');
    const quoted = sessionParser('csv');
    plain(header!);
    quoted(header!);
    for (const row of rows)
      expect(
        quoted(
          row
            .split(',')
            .map((f) => `"${f}"`)
            .join(','),
        ),
      ).toEqual(plain(row));
  });

  it('has the shape of a month: rentals around the zones, commute peaks, codes now and then', () => {
    const all = [...generateSessions(catalog, { count: 4000, seed: 11, from: JULY })];
    const rentals = all.filter((s) => s.rental);
    expect(rentals.length / all.length).toBeGreaterThan(0.55);
    expect(all.some((s) => s.billing)).toBe(true);
    const inZone = rentals.filter((s) => catalog.zones.some((z) => isInside(s.rental!.start.lon, s.rental!.start.lat, z.coordinates))).length;
    expect(inZone / rentals.length).toBeGreaterThan(0.3);
    const withCode = all.filter((s) => s.codes).length / all.length;
    expect(withCode).toBeGreaterThan(0.1);
    expect(withCode).toBeLessThan(0.4);
    const weekdayHours = all
      .filter((s) => [1, 2, 3, 4].includes(new Date(s.at).getUTCDay()))
      .map((s) => (new Date(s.at).getUTCHours() + berlinOffset(Date.parse(s.at))) % 24);
    const share = (from: number, to: number): number => weekdayHours.filter((h) => h >= from && h < to).length / weekdayHours.length;
    expect(share(7, 10)).toBeGreaterThan(share(3, 6) * 4);
    expect(new Set(all.map((s) => s.customer.id)).size).toBeLessThan(all.length / 3);
  });
});

describe('distributions', () => {
  it('spreads a count over the days exactly, busier at weekends', () => {
    const days = sessionsPerDay(1000, Date.UTC(2027, 6, 1), 31);
    expect(days.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(days[2]!).toBeGreaterThan(days[4]!); // Saturday 3 July vs Monday 5 July
  });
  it('knows Berlin summer time', () => {
    expect(berlinOffset(Date.UTC(2027, 6, 1))).toBe(2);
    expect(berlinOffset(Date.UTC(2027, 0, 15))).toBe(1);
    expect(berlinOffset(Date.UTC(2027, 2, 28, 0, 59))).toBe(1);
    expect(berlinOffset(Date.UTC(2027, 2, 28, 1, 0))).toBe(2);
  });
  it('picks the month with the most campaigns for the default', () => {
    expect(new Date(catalog.busiestMonth).getUTCFullYear()).toBe(2027);
  });
});
