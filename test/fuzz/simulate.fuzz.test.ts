// Property-based fuzzing of `promoc simulate`'s readers and replay: generated sessions (NDJSON and CSV) with
// parts replaced by arbitrary JSON or text, and lines of noise, streamed through the example campaigns as base
// and the demo proposal as head. A bad session is counted as invalid with a message and the run goes on; the
// replay never throws, every line that is not blank (or a // comment) is read, and every read session is either
// evaluated or invalid. The reports of a file and of the same file with its bad lines removed agree.
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultValidator } from '../../src/load/project.js';
import { catalogOf } from '../../src/simulate/catalog.js';
import { sessionLines } from '../../src/simulate/generate.js';
import type { SessionFormat } from '../../src/simulate/read.js';
import type { SimulationSide } from '../../src/simulate/replay.js';
import { resolveSides } from '../../src/simulate/resolve.js';
import { simulateStream } from '../../src/simulate/stream.js';
import type { SimulationReport } from '../../src/simulate/types.js';
import { params, ROOT } from './fuzz-kit.js';

const validator = await defaultValidator();
let base: SimulationSide;
let head: SimulationSide;
const generated: Record<SessionFormat, string[]> = { ndjson: [], csv: [] };

beforeAll(async () => {
  const sides = await resolveSides(ROOT, {}, { baseDir: ROOT, overlay: join(ROOT, 'test/fixtures/simulate/proposal') });
  if (!sides.ok) throw new Error('the example campaigns do not build');
  sides.dispose();
  base = sides.base!;
  head = sides.head;
  const catalog = catalogOf(sides.headLoaded.model);
  const options = { count: 60, seed: 17, from: Date.UTC(2027, 6, 1) };
  generated.ndjson = [...sessionLines(catalog, options)].map((l) => l.trimEnd());
  generated.csv = [...sessionLines(catalog, options, 'csv')].map((l) => l.trimEnd());
}, 60_000);

/** Every path to a value inside a JSON value. */
function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out = [at];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...at, i])));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]));
  return out;
}

function replaceAt(v: unknown, path: readonly (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = (Array.isArray(v) ? [...v] : { ...(v as object) }) as Record<string | number, unknown>;
  copy[path[0]!] = replaceAt(copy[path[0]!], path.slice(1), value);
  return copy;
}

const jsonMutation = fc.tuple(fc.nat(), fc.nat(), fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(null, '', '1.5', 'NaN', -1, 1e300, [], {})));
const cellMutation = fc.tuple(
  fc.nat(),
  fc.nat(),
  fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('', '"', '""', 'a,b', '"a,b"', ';;', '=', 'x@=1', 'TIME_PRICE=1x', '1e400', '-0', 'NaN', '2027-02-30T00:00:00Z'),
  ),
);

/** NDJSON lines with some sessions changed at a random path, and some lines of noise. */
function mutatedNdjson(mutations: readonly (readonly [number, number, unknown])[], noise: readonly string[]): string[] {
  const lines = [...generated.ndjson];
  for (const [n, p, value] of mutations) {
    const i = n % lines.length;
    const session = JSON.parse(lines[i]!) as unknown;
    const all = paths(session);
    lines[i] = JSON.stringify(replaceAt(session, all[p % all.length]!, value)) ?? 'undefined';
  }
  noise.forEach((text, k) => lines.splice((k * 7) % lines.length, 0, text));
  return lines;
}

/** CSV rows (after the header) with a random cell replaced, and some rows of noise. */
function mutatedCsv(mutations: readonly (readonly [number, number, string])[], noise: readonly string[]): string[] {
  const [header, ...rows] = generated.csv;
  for (const [n, c, value] of mutations) {
    const i = n % rows.length;
    const cells = rows[i]!.split(',');
    cells[c % cells.length] = value;
    rows[i] = cells.join(',');
  }
  noise.forEach((text, k) => rows.splice((k * 7) % rows.length, 0, text.replace(/[\r\n]/g, ' ')));
  return [header!, ...rows];
}

async function replay(lines: readonly string[], format: SessionFormat): Promise<SimulationReport> {
  // Chunks cut at arbitrary places, as a file stream cuts them.
  const text = `${lines.join('\n')}\n`;
  const chunks = [text.slice(0, 97), text.slice(97, 4000), text.slice(4000)];
  return simulateStream({ base, head, chunks, format });
}

function expectCounted(report: SimulationReport, lines: readonly string[], format: SessionFormat): void {
  const counted = lines.filter((l, i) => l.trim() !== '' && !(format === 'ndjson' && l.trim().startsWith('//')) && !(format === 'csv' && i === 0));
  expect(report.sessions.read).toBe(counted.length);
  expect(report.sessions.evaluated + report.sessions.invalid).toBe(report.sessions.read);
  expect(report.errors.length).toBe(Math.min(report.sessions.invalid, 20));
  for (const e of report.errors) {
    expect(e.message.length).toBeGreaterThan(0);
    expect(e.line).toBeGreaterThan(0);
  }
  // What `--out` saves must be what `promoc report --simulation` reads back.
  expect(validator.validateSaved('simulation', JSON.parse(JSON.stringify(report)))).toEqual([]);
}

describe('simulate fuzzing', () => {
  it('counts every NDJSON session with parts replaced by arbitrary JSON, and never throws', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(jsonMutation, { minLength: 1, maxLength: 6 }), fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }), async (ms, noise) => {
        const lines = mutatedNdjson(ms, noise);
        expectCounted(await replay(lines, 'ndjson'), lines, 'ndjson');
      }),
      params(60),
    );
  });

  it('counts every CSV row with cells replaced by arbitrary text, and never throws', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(cellMutation, { minLength: 1, maxLength: 6 }), fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }), async (ms, noise) => {
        const lines = mutatedCsv(ms, noise);
        expectCounted(await replay(lines, 'csv'), lines, 'csv');
      }),
      params(60),
    );
  });

  it('reports the same with the invalid sessions removed, for NDJSON and CSV', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(jsonMutation, { minLength: 1, maxLength: 4 }), async (ms) => {
        const lines = mutatedNdjson(ms, []);
        const report = await replay(lines, 'ndjson');
        const bad = new Set(report.errors.map((e) => e.line - 1));
        if (report.sessions.invalid > report.errors.length) return; // more bad lines than listed: cannot remove them all
        const kept = await replay(
          lines.filter((_, i) => !bad.has(i)),
          'ndjson',
        );
        expect(kept.sessions.invalid).toBe(0);
        expect(kept.campaigns).toEqual(report.campaigns);
        expect(kept.totals).toEqual(report.totals);
      }),
      params(30),
    );
  });
});
