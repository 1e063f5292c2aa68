import fc from 'fast-check';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../load/project.js';
import { catalogOf } from './catalog.js';
import { sessionLines } from './generate.js';
import { readCommonSession } from './ndjson-session.js';
import { parseNdjsonLine, parseNdjsonLineByJson, type LineResult } from './read.js';
import { SessionError } from './session.js';

/** Everything a result holds, key order, undefined fields, -0 and error messages included. */
function show(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(show).join(',')}]`;
  if (v instanceof SessionError) return `SessionError(${JSON.stringify(v.message)})`;
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    return `{${Object.entries(v)
      .map(([k, x]) => `${JSON.stringify(k)}:${show(x)}`)
      .join(',')}}`;
  }
  throw new Error(`unexpected ${String(v)}`);
}

const result = (r: LineResult): string => show(r);

let generated: string[];

beforeAll(async () => {
  const loaded = await loadProject({ cwd: join(import.meta.dirname, '../..'), cache: false, workers: 1 });
  generated = [...sessionLines(catalogOf(loaded.model), { count: 3000, seed: 11 })].map((l) => l.slice(0, -1));
});

/** Reads the line both ways; says whether the common-shape reader took it. */
function agree(line: string): boolean {
  const fast = parseNdjsonLine(line);
  expect(result(fast), line).toBe(result(parseNdjsonLineByJson(line)));
  return readCommonSession(line) !== undefined;
}

describe('the common-shape NDJSON reader', () => {
  it('reads every generated session, as JSON.parse and sessionFromObject read it', () => {
    for (const line of generated) expect(agree(line), line).toBe(true);
  });

  it('reads a session inside a longer text, between from and to', () => {
    const line = generated[7]!;
    expect(show(readCommonSession(`xx${line}\n{`, 2, 2 + line.length))).toBe(show(parseNdjsonLineByJson(line)));
  });

  it('gives the reference value or error for hand-picked odd lines', () => {
    const lines = [
      '{"at":1,"currency":"EUR","lines":[]}',
      ' {"at":1,"currency":"EUR","lines":[]} ',
      '{ "at" : 1 , "currency" : "EUR" , "lines" : [ ] }',
      '{"at":1,"currency":"EUR","lines":[],"at":2}',
      '{"at":1,"currency":"EUR","lines":[{"id":"a","amount":"12"}],"currency":"JPY"}',
      '{"at":1,"currency":"EUR","lines":[]}x',
      '{"at":1,"currency":"EUR","lines":[]},',
      '{"at":1,"currency":"EUR","lines":[],}',
      '{"at":1,"currency":"EUR","lines":[],"usage":{}}',
      '{"at":1,"currency":"EUR","lines":[],"__proto__":{"id":"x"}}',
      '{"at":1,"currency":"EUR","lines":[],"extra":1}',
      '{"at":-0,"currency":"EUR","lines":[]}',
      '{"at":1e3,"currency":"EUR","lines":[]}',
      '{"at":1E+3,"currency":"EUR","lines":[]}',
      '{"at":01,"currency":"EUR","lines":[]}',
      '{"at":1.,"currency":"EUR","lines":[]}',
      '{"at":.5,"currency":"EUR","lines":[]}',
      '{"at":-,"currency":"EUR","lines":[]}',
      '{"at":+1,"currency":"EUR","lines":[]}',
      '{"at":9007199254740993,"currency":"EUR","lines":[]}',
      '{"at":1e999,"currency":"EUR","lines":[]}',
      '{"at":"2027-07-01T10:00:00.000Z","currency":"EUR","lines":[]}',
      '{"at":"2027-07-01T10:00:00+02:00","currency":"EUR","lines":[]}',
      '{"at":"2027-07-01t10:00:00z","currency":"EUR","lines":[]}',
      '{"at":"2027-02-30T10:00:00Z","currency":"EUR","lines":[]}',
      '{"at":"2027-07-01T10:00:00","currency":"EUR","lines":[]}',
      '{"at":"\\u0032027-07-01T10:00:00Z","currency":"EUR","lines":[]}',
      '{"at":null,"currency":"EUR","lines":[]}',
      '{"at":true,"currency":"EUR","lines":[]}',
      '{"currency":"EUR","lines":[]}',
      '{"at":1,"lines":[]}',
      '{"at":1,"currency":"EUR"}',
      '{"at":1,"currency":"EUR","lines":{}}',
      '{"at":1,"currency":"E\\"UR","lines":[]}',
      '{"at":1,"currency":"EUR\u0001","lines":[]}',
      '{"at":1,"currency":"€UR","lines":[]}',
      '{"at":1,"currency":"\ud800","lines":[]}',
      '{"at":1,"currency":7,"lines":[]}',
      '{"at":1,"currency":"EUR","lines":[1]}',
      '{"at":1,"currency":"EUR","lines":[null]}',
      '{"at":1,"currency":"EUR","lines":[[]]}',
      '{"at":1,"currency":"EUR","lines":[{}]}',
      '{"at":1,"currency":"EUR","lines":[{"id":"a","amount":"12.00"}]}',
      '{"at":1,"currency":"JPY","lines":[{"id":"a","amount":"12"}]}',
      '{"at":1,"currency":"JPY","lines":[{"id":"a","amount":"12.5"}]}',
      '{"at":1,"currency":"EUR","lines":[{"id":"a","amount":"1.234"}]}',
      '{"at":1,"currency":"EUR","lines":[{"amount":"1.234","id":"a"}]}',
      '{"at":1,"currency":"EUR","lines":[{"id":"a","amount":"x"}]}',
      '{"at":1,"currency":"EUR","lines":[{"id":7,"amount":"x"}]}',
      '{"at":1,"lines":[{"id":"a","amount":"12.00"}],"currency":"EUR"}',
      '{"at":1,"currency":"eur","lines":[{"id":"a","amount":"12.00"}]}',
      '{"at":1,"currency":"EUR","lines":[{"id":"a","amount":-0.0}]}',
      '{"at":1,"currency":"EUR","lines":[{"id":"a","amount":0.1,"quantity":12345678901234567}]}',
      '{"at":1,"currency":"EUR","lines":[{"id":"a","amount":1,"costSource":{"group":"ADDITION","code":"X"}}]}',
      '{"at":1,"currency":"EUR","lines":[{"id":"a","amount":1,"costSource":{"code":"X","group":"ADDITION"}}]}',
      '{"at":1,"currency":"EUR","lines":[{"id":"a","amount":1,"costSource":{"group":"ADDITION"}}]}',
      '{"at":1,"currency":"EUR","lines":[{"id":"a","amount":1,"costSource":{"group":"A","code":"X","more":1}}]}',
      '{"at":1,"currency":"EUR","lines":[{"id":"a","amount":1,"costSource":"ADDITION/X"}]}',
      '{"at":1,"currency":"EUR","lines":[{"id":"a","amount":1,"metric":"m","plan":"p","package":"k","priceType":"T"}]}',
      '{"at":1,"currency":"EUR","lines":[{"id":"a","amount":1,"id":"b"}]}',
      '{"at":1,"currency":"EUR","lines":[],"customer":{}}',
      '{"at":1,"currency":"EUR","lines":[],"customer":null}',
      '{"at":1,"currency":"EUR","lines":[],"customer":"c1"}',
      '{"at":1,"currency":"EUR","lines":[],"customer":{"id":17}}',
      '{"at":1,"currency":"EUR","lines":[],"customer":{"id":"c","firstPurchase":false,"tags":["a","b"],"vouchers":[]}}',
      '{"at":1,"currency":"EUR","lines":[],"customer":{"firstPurchase":"yes"}}',
      '{"at":1,"currency":"EUR","lines":[],"customer":{"attributes":{"age":3}}}',
      '{"at":1,"currency":"EUR","lines":[],"customer":{"tags":[1]}}',
      '{"at":1,"currency":"EUR","lines":[],"customer":{"tags":["a",]}}',
      '{"at":1,"currency":"EUR","lines":[],"customer":{"tags":"a"}}',
      '{"at":1,"currency":"EUR","lines":[],"codes":["A","A"]}',
      '{"at":1,"currency":"EUR","lines":[],"codes":"A"}',
      '{"at":1,"currency":"EUR","lines":[],"vehicle":{"id":"v","tags":[],"category":"c"}}',
      '{"at":1,"currency":"EUR","lines":[],"vehicle":{"color":"red"}}',
      '{"at":1,"currency":"EUR","lines":[],"rental":{"start":{"lon":13.4}}}',
      '{"at":1,"currency":"EUR","lines":[],"rental":{"start":{"lat":52.5,"lon":13.4},"end":null}}',
      '{"at":1,"currency":"EUR","lines":[],"rental":{"start":{"lon":"13.4","lat":52.5}}}',
      '{"at":1,"currency":"EUR","lines":[],"rental":{"start":{"lon":13.40000000000000001,"lat":-0}}}',
      '{"at":1,"currency":"EUR","lines":[],"billing":{"plan":"p","usage":1.5e3,"quantity":2}}',
      '{"at":1,"currency":"EUR","lines":[],"billing":{"plan":"p","usage":null}}',
      '{"id":"s1","at":1,"currency":"EUR","lines":[]}',
      '{"id":17,"at":1,"currency":"EUR","lines":[]}',
      '{"id":"","at":1,"currency":"EUR","lines":[]}',
      '{"at":1,"currency":"EUR","lines":[]',
      '{"at":1,"currency":"EUR","lines":[',
      '{"at":1,"currency":"EUR","lines":',
      '{',
      '{}',
      '{"at"',
      '{"at":1\t,"currency":"EUR","lines":[]}',
      '{"at":1\r,"currency":"EUR","lines":[]}',
      '{"at":1\n,"currency":"EUR","lines":[]}',
      '{"at":1\u00a0,"currency":"EUR","lines":[]}',
      '{"at":1,"currency":"EUR","lines":[]}\r',
    ];
    for (const line of lines) agree(line);
  });

  it('gives the reference value or error for generated sessions with values replaced, keys moved or text cut', () => {
    const value = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom('EUR', 'JPY', '12.00', '1.5', '2027-07-01T10:00:00Z', 1_700_000_000_000, -0, 0.1, 1e21, ['A', 'B'], { lon: 1, lat: 2 }, {}),
      fc.constantFrom({ group: 'ADDITION', code: 'X' }, { id: 'x', amount: 5 }, { id: 'x', amount: '5.00' }, [{ id: 'x', amount: 1 }]),
    );
    const replace = fc.record({ at: fc.nat(), path: fc.nat(), value, drop: fc.boolean(), first: fc.boolean() });
    const textual = fc.record({
      at: fc.nat(),
      cut: fc.nat({ max: 6 }),
      insert: fc.constantFrom('', '"', '\\', ',', ':', '{', '}', '[', ']', ' ', '\t', '\n', '0', '-', 'e', '.', 'é', '\u0000', 'null', 'true', '"x":1,'),
    });
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.oneof(replace, textual), (m) => {
        const original = generated[m.at % generated.length]!;
        let line: string;
        if ('path' in m) {
          const session = JSON.parse(original) as Record<string, unknown>;
          const paths = objectPaths(session);
          const [owner, key] = paths[m.path % paths.length]!;
          if (m.drop) delete owner[key];
          else owner[key] = m.value;
          // A key moved to the front changes the order the reader meets it (currency after lines, say).
          line = m.first ? JSON.stringify(toFront(session, key)) : JSON.stringify(session);
        } else {
          const i = m.at % (original.length + 1);
          line = original.slice(0, i) + m.insert + original.slice(i + m.cut);
        }
        if (agree(line)) accepted++;
        else refused++;
      }),
      { numRuns: 6000, seed: 21 },
    );
    // Both roads were taken: the test compares values the fast reader made, not only the fallback's.
    expect(accepted).toBeGreaterThan(1000);
    expect(refused).toBeGreaterThan(1000);
  });
});

type Owner = Record<string, unknown> | unknown[];

/** Every (container, key) pair in the parsed session, the top level included. */
function objectPaths(v: Record<string, unknown>): [Record<string, unknown>, string][] {
  const out: [Record<string, unknown>, string][] = [];
  const walk = (o: Owner): void => {
    for (const [k, x] of Object.entries(o)) {
      if (!Array.isArray(o)) out.push([o, k]);
      else out.push([o as unknown as Record<string, unknown>, k]);
      if (typeof x === 'object' && x !== null) walk(x as Owner);
    }
  };
  walk(v);
  return out;
}

function toFront(o: Record<string, unknown>, key: string): Record<string, unknown> {
  return key in o ? { [key]: o[key], ...o } : o;
}
