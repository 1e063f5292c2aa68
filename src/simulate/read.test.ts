import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitCsvRow } from './csv.js';
import { ByteLineSplitter, LineSplitter, parseNdjsonLine, sessionParser } from './read.js';
import { SessionError, SessionsFileError, type Session } from './session.js';

/** The lines a splitter gives for the chunks. */
function split<C>(splitter: { push(chunk: C, onLine: (l: string) => void): void; end(onLine: (l: string) => void): void }, chunks: readonly C[]): string[] {
  const out: string[] = [];
  for (const c of chunks) splitter.push(c, (l) => out.push(l));
  splitter.end((l) => out.push(l));
  return out;
}

const lines = (chunks: readonly string[]): string[] => split(new LineSplitter(), chunks);

describe('LineSplitter', () => {
  it('joins lines split across chunks and strips \\r', () => {
    expect(lines(['{"a":', '1}\r\n{"b"', ':2}\n', '', '{"c":3}'])).toEqual(['{"a":1}', '{"b":2}', '{"c":3}']);
  });
  it('keeps empty lines (the parser skips them) and has no phantom last line', () => {
    expect(lines(['a\n\nb\n'])).toEqual(['a', '', 'b']);
  });
  it('drops a byte order mark at the start only, and a \\r\\n split between chunks', () => {
    expect(lines(['', '\ufeffid,at\r', '\n\ufeffx\r\n', 'y'])).toEqual(['id,at', '\ufeffx', 'y']);
    expect(lines(['ab', 'c', 'd\r\n\r\ne'])).toEqual(['abcd', '', 'e']);
  });
});

describe('ByteLineSplitter', () => {
  const byteLines = (chunks: readonly Buffer[]): string[] => split(new ByteLineSplitter(), chunks);
  it('gives the lines the text splitter gives, however the bytes are cut', () => {
    const text = fc
      .array(fc.oneof(fc.constantFrom('\n', '\r\n', '\r', '\ufeff', 'é', '€', '😀', ',', ''), fc.string({ maxLength: 8 })), { maxLength: 30 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.boolean(), text, fc.array(fc.nat(), { maxLength: 8 }), (bom, body, cuts) => {
        const whole = Buffer.from(`${bom ? '\ufeff' : ''}${body}`);
        const at = [...new Set(cuts.map((c) => c % (whole.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...at].map((from, i, all) => whole.subarray(from, all[i + 1] ?? whole.length));
        expect(byteLines(chunks)).toEqual(lines([whole.toString('utf8')]));
      }),
      { numRuns: 1500, seed: 5 },
    );
  });
  it('does not keep a chunk it was handed: a stream may fill it again', () => {
    const chunk = Buffer.from('ab\ncd');
    const out: string[] = [];
    const s = new ByteLineSplitter();
    s.push(chunk, (l) => out.push(l));
    chunk.fill(0x7a);
    s.push(Buffer.from('e\n'), (l) => out.push(l));
    expect(out).toEqual(['ab', 'cde']);
  });
});

describe('NDJSON sessions', () => {
  it('turns decimal amounts into minor units and `at` into epoch ms', () => {
    const s = parseNdjsonLine('{"id":"s1","at":"2027-07-01T10:00:00Z","currency":"JPY","lines":[{"id":"a","amount":"105"},{"id":"b","amount":7}]}') as Session;
    expect(s.at).toBe(Date.UTC(2027, 6, 1, 10));
    expect(s.lines.map((l) => l.amount)).toEqual([105, 7]);
  });
  it('shows an id that is not a string as its JSON text, whatever it is', () => {
    const ids = ['17', 'true', 'null', '{"toString":false}', '[1,"a"]'].map(
      (id) => (parseNdjsonLine(`{"id":${id},"at":1,"currency":"EUR","lines":[]}`) as Session).id,
    );
    expect(ids).toEqual(['17', 'true', 'null', '{"toString":false}', '[1,"a"]']);
  });
  it('skips blank and // comment lines', () => {
    expect(parseNdjsonLine('')).toBeUndefined();
    expect(parseNdjsonLine('   // recorded 2027-07')).toBeUndefined();
  });
  it.each([
    ['[1,2]', 'not a JSON object'],
    ['{"at":', 'not valid JSON'],
    ['{"currency":"EUR","lines":[]}', '"at"'],
    ['{"at":"yesterday","currency":"EUR","lines":[]}', 'not an RFC 3339 date-time'],
    ['{"at":"2027-06-01T00:30:00","currency":"EUR","lines":[]}', 'has no time zone'],
    ['{"at":8640000000000001,"currency":"EUR","lines":[]}', 'outside the years'],
    ['{"at":1,"lines":[]}', '"currency" is missing'],
    ['{"at":1,"currency":"EUR","lines":[{"id":"a","amount":"1.234"}]}', 'has 3 decimals'],
    ['{"at":1,"currency":"EUR","lines":[],"usage":{}}', '"usage" is not allowed'],
  ])('reports %s as a session error', (line, message) => {
    const r = parseNdjsonLine(line);
    expect(r).toBeInstanceOf(SessionError);
    expect((r as SessionError).message).toContain(message);
  });
});

describe('CSV sessions', () => {
  it('reads the documented columns, lists and price lines', () => {
    const parse = sessionParser('csv');
    expect(parse('id,at,currency,customer,user_type,customer_tags,codes,vehicle_category,branch,start_lon,start_lat,lines')).toBeUndefined();
    const lines = '"UNLOCK_FEE=100;TIME_PRICE=12.00x30;ADDITION/INSURANCE_PLUS=300;plan:pro=4990"';
    const s = parse(`s1,2027-07-01T10:00:00Z,EUR,c1,public,student;new,SUMMER25,e-scooter,berlin,13.4,52.5,${lines}`) as Session;
    expect(s).toMatchObject({
      id: 's1',
      currency: 'EUR',
      codes: ['SUMMER25'],
      customer: { id: 'c1', userType: 'public', tags: ['student', 'new'] },
      vehicle: { category: 'e-scooter' },
      rental: { branch: 'berlin', start: { lon: 13.4, lat: 52.5 } },
    });
    expect(s.lines).toEqual([
      { id: 'l1', amount: 100, priceType: 'UNLOCK_FEE' },
      { id: 'l2', amount: 1200, quantity: 30, priceType: 'TIME_PRICE' },
      { id: 'l3', amount: 300, costSource: { group: 'ADDITION', code: 'INSURANCE_PLUS' } },
      { id: 'l4', amount: 4990, plan: 'pro' },
    ]);
  });
  it('keeps line ids given before @, and reads a line without a selector', () => {
    const parse = sessionParser('csv');
    parse('at,currency,lines');
    const s = parse('1700000000000,EUR,energy@=1062;session-fee@=35;time@TIME_PRICE=2.50x7.5') as Session;
    expect(s.at).toBe(1_700_000_000_000);
    expect(s.lines).toEqual([
      { id: 'energy', amount: 1062 },
      { id: 'session-fee', amount: 35 },
      { id: 'time', amount: 250, priceType: 'TIME_PRICE', quantity: 7.5 },
    ]);
  });
  it.each([
    ['2027-07-01T10:00:00Z,EUR,@TIME_PRICE=1', 'empty id before "@"'],
    ['2027-07-01T10:00:00Z,EUR,TIME_PRICE=1x', 'is not [ID@]SELECTOR=AMOUNT[xQUANTITY]'],
    ['2027-07-01T10:00:00Z,EUR,TIME_PRICE=1.', 'is not [ID@]SELECTOR=AMOUNT[xQUANTITY]'],
    ['2027-07-01T10:00:00Z,EUR,TIME_PRICE=-1', 'is not [ID@]SELECTOR=AMOUNT[xQUANTITY]'],
    ['2027-07-01T10:00:00Z,EUR,TIME_PRICE=1.001', 'line "l1": "1.001" has 3 decimals'],
    ['2027-07-01T10:00:00Z,EUR,coupon:X=1', 'use plan:, metric: or package:'],
    ['2027-07-01T10:00:00Z,EUR,TIME_PRICE=1,12', 'the row has 4 fields and the header names 3'],
    [',EUR,TIME_PRICE=1', '"at" is missing'],
    ['2027-07-01T10:00:00,EUR,TIME_PRICE=1', 'has no time zone'],
    ['2027-07-01T10:00:00Z,,TIME_PRICE=1', '"currency" is missing'],
  ])('reports the row %s as a session error', (row, message) => {
    const parse = sessionParser('csv');
    parse('at,currency,lines');
    const r = parse(row);
    expect(r).toBeInstanceOf(SessionError);
    expect((r as SessionError).message).toContain(message);
  });
  it('reads a row with fewer fields than the header as empty trailing fields', () => {
    const parse = sessionParser('csv');
    parse('at,currency,lines,codes,customer');
    expect(parse('2027-07-01T10:00:00Z,EUR,TIME_PRICE=1')).toMatchObject({ currency: 'EUR', codes: undefined, customer: undefined });
  });
  it('refuses a header with unknown or missing columns for the whole file', () => {
    expect(() => sessionParser('csv')('at,currency,lines,at')).toThrow(/names at twice/);
    expect(() => sessionParser('csv')('at,currency,lines,colour')).toThrow(SessionsFileError);
    expect(() => sessionParser('csv')('at,lines')).toThrow(/no currency column/);
  });
  it('reports a bad row and goes on', () => {
    const parse = sessionParser('csv');
    parse('at,currency,lines');
    expect(parse('2027-07-01T10:00:00Z,EUR,TIME_PRICE:100')).toBeInstanceOf(SessionError);
    expect(parse('2027-07-01T10:00:00Z,EUR,TIME_PRICE=100')).not.toBeInstanceOf(SessionError);
  });
  it('reads numbers exactly as Number() reads their text, and refuses what it does not read', () => {
    const parse = sessionParser('csv');
    parse('at,currency,lines,start_lon,start_lat');
    const text = fc.oneof(
      fc.double({ min: -180, max: 180, noNaN: true }).chain((x) => fc.constantFrom(String(x), x.toFixed(5), x.toFixed(0), x.toPrecision(15))),
      fc.tuple(fc.stringMatching(/^-?\d{1,18}$/), fc.stringMatching(/^\d{0,18}$/)).map(([a, b]) => `${a}.${b}`),
      fc.constantFrom('-0', '00013.50', '1.', '.5', '-.5', '1e2', '0x10', ' 12', '12 ', '-', '1.2.3', 'Infinity', '+3', '9007199254740993', '1_0'),
    );
    fc.assert(
      fc.property(text, (t) => {
        const r = parse(`2027-07-01T10:00:00Z,EUR,TIME_PRICE=1,${t},0`);
        if (!Number.isFinite(Number(t))) expect((r as SessionError).message).toBe(`start_lon "${t}" is not a number`);
        else expect(Object.is((r as Session).rental!.start!.lon, Number(t))).toBe(true);
      }),
      { numRuns: 3000, seed: 3 },
    );
  });
  it('trims list items and price lines as trim() does, in place or not', () => {
    const parse = sessionParser('csv');
    parse('at,currency,codes,lines');
    const s = parse('2027-07-01T10:00:00Z,EUR, A ;\u00a0B\u00a0;;\tC,  unlock@UNLOCK_FEE=100 ;\u3000TIME_PRICE=5x2\u3000; ') as Session;
    expect(s.codes).toEqual(['A', 'B', 'C']);
    expect(s.lines).toEqual([
      { id: 'unlock', amount: 100, priceType: 'UNLOCK_FEE' },
      { id: 'l2', amount: 5, priceType: 'TIME_PRICE', quantity: 2 },
    ]);
  });
  it('reads lists longer than the room it starts with, and the next row alike', () => {
    const parse = sessionParser('csv');
    parse('at,currency,codes,lines');
    const codes = Array.from({ length: 20 }, (_, i) => `C${i}`);
    const s = parse(`2027-07-01T10:00:00Z,EUR,${codes.join(';')},${codes.map((c, i) => `${c}@=${i}`).join(';')}`) as Session;
    expect(s.codes).toEqual(codes);
    expect(s.lines.map((l) => [l.id, l.amount])).toEqual(codes.map((c, i) => [c, i]));
    expect(parse('2027-07-01T10:00:01Z,EUR,A,TIME_PRICE=1')).toMatchObject({ codes: ['A'], lines: [{ id: 'l1', amount: 1 }] });
  });
  it('splits RFC 4180 rows', () => {
    expect(splitCsvRow('a,"b,c","say ""hi""",')).toEqual(['a', 'b,c', 'say "hi"', '']);
    expect(() => splitCsvRow('a,"b')).toThrow(SessionError);
  });
});
