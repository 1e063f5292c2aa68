// Differential test of the loader's two parse paths: whenever the fast path (js-yaml) answers, it gives
// the values the precise path (`yaml` Documents) gives, and checking a file through both ends in the same
// documents and the same diagnostics at the same positions. Inputs: the fuzz corpus, every fixture and
// example campaign, mutations of them, and generated documents and scalars.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify, type CreateNodeOptions, type DocumentOptions, type SchemaOptions, type ToStringOptions } from 'yaml';
import { checkFile, checkFilePrecisely } from '../../src/load/check-file.js';
import { fastParse, fastPathSafe } from '../../src/load/fast-parse.js';
import { MAX_ALIAS_COUNT, MAX_MAPPING_KEYS, parseYaml } from '../../src/load/parse.js';
import { loadSchemaSet } from '../../src/schema/schema-set.js';
import { createValidator } from '../../src/schema/validator.js';
import { params, ROOT } from '../fuzz/fuzz-kit.js';

const validator = createValidator(loadSchemaSet());

function yamlFiles(dir: string): string[] {
  return (readdirSync(join(ROOT, dir), { recursive: true }) as string[])
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => readFileSync(join(ROOT, dir, f), 'utf8'));
}
const examples = yamlFiles('campaigns');
const fixtures = [...yamlFiles('test/fixtures/fuzz-corpus'), ...yamlFiles('test/fixtures/validate'), ...yamlFiles('test/fixtures/validate-generated')];

/** Deep equality that also tells -0 from 0 and holds key order (later stages print keys in order). */
function same(a: unknown, b: unknown): boolean {
  if (!isDeepStrictEqual(a, b)) return false;
  if (a === null || typeof a !== 'object') return true;
  if (Array.isArray(a)) return a.every((x, i) => same(x, (b as unknown[])[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b as object);
  return ka.join('\0') === kb.join('\0') && ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

let fastAnswered = 0;
/** The fast path, where it answers, reads what the precise path reads; both checks agree to the column. */
function agree(text: string): void {
  const fast = fastParse(text);
  if (fast) {
    fastAnswered += 1;
    const precise = parseYaml('f.yaml', text);
    const yamlErrors = precise.diagnostics.filter((d) => !['load/forbidden-key', 'load/number', 'load/too-many-keys'].includes(d.ruleId));
    expect(yamlErrors, `the precise path refuses what the fast path read:\n${text}`).toEqual([]);
    const preciseValues = precise.docs.map((d) => ({ index: d.index, value: d.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown }));
    expect(same(fast, preciseValues), `values differ:\n${text}\nfast: ${JSON.stringify(fast)}\nprecise: ${JSON.stringify(preciseValues)}`).toBe(true);
  }
  const checked = checkFile('f.yaml', text, validator);
  const precise = checkFilePrecisely('f.yaml', text, validator);
  expect(same(checked, precise), `checks differ:\n${text}`).toBe(true);
}

// Scalar spellings where YAML schemas and parsers are known to part ways.
const TRICKY = [
  'true',
  'True',
  'TRUE',
  'tRue',
  'yes',
  'no',
  'on',
  'off',
  'y',
  'n',
  'null',
  'Null',
  'NULL',
  '~',
  'nULL',
  '',
  '0',
  '-0',
  '+0',
  '00',
  '007',
  '+12',
  '-12',
  '1_000',
  '0b101',
  '0o17',
  '0O17',
  '-0o17',
  '0x1F',
  '0X1f',
  '-0x1F',
  '0x',
  '0o8',
  '1.',
  '.5',
  '-.5',
  '+.5',
  '1.50',
  '1e3',
  '1E3',
  '1e+3',
  '-1.5e-3',
  '.5e3',
  '1.e3',
  'e3',
  '1e',
  '1e400',
  '-1e400',
  '.inf',
  '-.inf',
  '+.inf',
  '.Inf',
  '.INF',
  '.iNf',
  'inf',
  '.nan',
  '.NaN',
  '.NAN',
  '-.nan',
  'nan',
  '1:20',
  '190:20:30',
  '2027-01-01',
  '2027-01-01T00:00:00Z',
  '12:30',
  '0.1.2',
  '1,000',
  '$1',
  'a#b',
  'a #b',
  'é',
  '€5',
  '9007199254740993',
  '123456789012345678901234567890',
  '0x123456789abcdef0123',
  '-',
  '--',
  '- a',
  '=',
  '<',
  'a: b',
  'a:b',
  '"q"',
  "'q'",
  'x"y',
  "x'y",
];

const plainish = fc.oneof(
  fc.constantFrom(...TRICKY),
  fc.array(fc.constantFrom(...'0123456789+-.eExXoObB_:aAnNfFiIlLuUtTrR~ #,'.split('')), { minLength: 1, maxLength: 8 }).map((xs) => xs.join('')),
);

const jsonish: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    plainish,
    fc.string({ maxLength: 12 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(plainish, fc.string({ maxLength: 8 })), tie('value'), { maxKeys: 4 }),
  ),
})).value;

const STYLES: (DocumentOptions & SchemaOptions & CreateNodeOptions & ToStringOptions)[] = [
  {},
  { flowCollectionPadding: false, collectionStyle: 'flow' },
  { lineWidth: 20, minContentWidth: 0 },
  { defaultStringType: 'QUOTE_DOUBLE' },
  { defaultStringType: 'QUOTE_SINGLE' },
  { indent: 4, indentSeq: false },
  { defaultStringType: 'BLOCK_LITERAL' },
  { defaultStringType: 'BLOCK_FOLDED', lineWidth: 20 },
  { defaultKeyType: 'PLAIN', defaultStringType: 'PLAIN' },
];

type Mutation = { kind: 'delete' | 'insert' | 'replace' | 'dup'; at: number; len: number; text: string };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom<Mutation['kind'][]>('delete', 'insert', 'replace', 'dup'),
  at: fc.nat(),
  len: fc.integer({ min: 1, max: 10 }),
  text: fc
    .array(fc.constantFrom(...':-[]{}&*!|>\'"#%@,?\n \\'.split(''), 'a', '0', '~', 'null', 'true', '1e3', '---\n', '  ', '- ', ': ', '"', 'é'), {
      minLength: 1,
      maxLength: 5,
    })
    .map((xs) => xs.join('')),
});
function mutate(src: string, muts: readonly Mutation[]): string {
  let s = src;
  for (const m of muts) {
    const at = s.length === 0 ? 0 : m.at % s.length;
    if (m.kind === 'delete') s = s.slice(0, at) + s.slice(at + m.len);
    else if (m.kind === 'insert') s = s.slice(0, at) + m.text + s.slice(at);
    else if (m.kind === 'replace') s = s.slice(0, at) + m.text + s.slice(at + m.len);
    else {
      const lines = s.split('\n');
      const i = m.at % lines.length;
      lines.splice(i, 0, lines[i]!);
      s = lines.join('\n');
    }
  }
  return s;
}

describe('fast parse path ≡ precise parse path', () => {
  it('agrees on the fuzz corpus, every fixture and every example campaign', () => {
    for (const text of [...fixtures, ...examples]) agree(text);
  });

  it('takes the fast path for the example campaigns (the point of it)', () => {
    const fast = examples.filter((t) => fastParse(t) !== undefined).length;
    expect(fast / examples.length).toBeGreaterThan(0.5);
  });

  it('agrees on mutated example campaigns', () => {
    fc.assert(
      fc.property(fc.constantFrom(...examples), fc.array(mutation, { minLength: 1, maxLength: 4 }), (src, muts) => agree(mutate(src, muts))),
      params(600),
    );
  }, 300_000);

  it('agrees on generated documents in every style', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.oneof(plainish, fc.string({ maxLength: 8 })), jsonish, { minKeys: 1, maxKeys: 6 }),
        fc.constantFrom(...STYLES),
        (doc, style) => {
          let text: string;
          try {
            text = stringify(doc, style);
          } catch {
            return;
          }
          agree(text);
          agree(`${text}---\n${text}`);
        },
      ),
      params(500),
    );
  }, 300_000);

  it('agrees on every plain scalar as a value, a key and a flow item', () => {
    fc.assert(
      fc.property(plainish, plainish, (a, b) => {
        agree(`k: ${a}\n`);
        agree(`${a}: v\n${b}: w\n`);
        agree(`k: [${a}, ${b}]\nm: {x: ${a}, ${b}: y}\n`);
        agree(`k:\n  - ${a}\n  - ${b}\n`);
        agree(`k: ${a}\n  ${b}\n`);
        agree(`k: {${a}, ${b}}\n`);
      }),
      params(800),
    );
  }, 300_000);

  it('leaves the constructs where parsers differ to the precise path', () => {
    for (const t of [
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      '<<: {a: 1}\n',
      '? a\n: b\n',
      'a:\t1\n',
      '%YAML 1.2\n---\na: 1\n',
      'k:\n  - -\n  - 0\n',
      '~: 1\n',
      ': 1\n',
      '[a]: 1\n',
      'a: [1,\n  2]\n',
      'a: "x\n  y"\n',
      `${'k'.repeat(1100)}: 1\n`,
    ]) {
      expect(fastPathSafe(t), t).toBe(false);
      agree(t);
    }
    expect(fastPathSafe('apiVersion: promoc/v1\nkind: Tag\nmetadata: {name: a}\n')).toBe(true);
    // Inline coordinates (a flow collection as a flow sequence's item) read alike; as a flow mapping's key they do not.
    for (const t of ['c:\n  - [[13.1, 52.4], [13.2, 52.5], [13.1, 52.4]]\n', 'c: [[1, [2]], {a: [3]}]\n']) {
      expect(fastPathSafe(t), t).toBe(true);
      agree(t);
    }
    for (const t of ['m: {x: 1, [a]}\n', 'm: {[a]: 1}\n', 'm: { {a: 1}: 2}\n']) {
      expect(fastPathSafe(t), t).toBe(false);
      agree(t);
    }
  });

  it('agrees on a mapping over the key limit, refused on either path at the same place', () => {
    const keys = (n: number, indent: string): string => Array.from({ length: n }, (_, i) => `${indent}k${i}: v${i}\n`).join('');
    const head = 'apiVersion: promoc/v1\nkind: Promotion\nmetadata:\n  name: big\n';
    for (const text of [
      `${head}  labels:\n${keys(MAX_MAPPING_KEYS + 1, '    ')}spec:\n  code: A1\n`,
      `${head}spec:\n  code: A1\n${keys(MAX_MAPPING_KEYS, '  ')}`,
    ]) {
      agree(text);
      expect(checkFile('f.yaml', text, validator).diagnostics.map((d) => [d.ruleId, d.range?.start.line])).toEqual([
        ['load/too-many-keys', text.includes('labels') ? 5 : 5],
      ]);
    }
  });

  it('answered on the fast path for a good share of the inputs (the test compares something)', () => {
    expect(fastAnswered).toBeGreaterThan(200);
  });
});
