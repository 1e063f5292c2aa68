// Differential test of the two locators: wherever the line scanner answers, it gives the range the
// `yaml` Document walk gives, for every path in the document (and some that are not there), at the value
// and at the key. Inputs: the fuzz corpus, every fixture and example campaign, mutations of them, and
// documents generated in every style `yaml` writes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, isSeq, stringify, type CreateNodeOptions, type DocumentOptions, type Node, type SchemaOptions, type ToStringOptions } from 'yaml';
import type { DocPath } from '../../src/model/diagnostic.js';
import { fastLocator } from '../../src/load/fast-locate.js';
import { locateDiagnostics, locateInDoc } from '../../src/load/locate.js';
import { parseDocuments } from '../../src/load/parse.js';
import { params, ROOT } from '../fuzz/fuzz-kit.js';

function yamlFiles(dir: string): string[] {
  return (readdirSync(join(ROOT, dir), { recursive: true }) as string[])
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => readFileSync(join(ROOT, dir, f), 'utf8'));
}
const examples = yamlFiles('campaigns');
const fixtures = [...yamlFiles('test/fixtures/fuzz-corpus'), ...yamlFiles('test/fixtures/validate'), ...yamlFiles('test/fixtures/validate-generated')];

/** Every path to a node of the document, as the rules spell them (keys as strings, items as numbers). */
function pathsOf(node: Node | null, prefix: DocPath = [], out: DocPath[] = []): DocPath[] {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      const p = [...prefix, String(pair.key.value)];
      out.push(p);
      pathsOf(pair.value as Node | null, p, out);
    }
    out.push([...prefix, 'missing-key']);
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const p = [...prefix, i];
      out.push(p);
      pathsOf(item as Node, p, out);
    });
    out.push([...prefix, node.items.length], [...prefix, 'not-an-index']);
  }
  return out;
}

let answered = 0;
let asked = 0;
/** Where the scanner answers, its range is the Document walk's; texts `yaml` refuses are not located in practice. */
function agree(text: string): void {
  const precise = parseDocuments(text);
  if (precise.docs.some((d) => d.errors.length > 0)) return;
  const locate = fastLocator(text);
  if (!locate) return;
  precise.docs.forEach((doc, docIndex) => {
    for (const path of [...pathsOf(doc.contents), []]) {
      for (const atKey of [false, true]) {
        asked += 1;
        const fast = locate(docIndex, path, atKey);
        if (!fast) continue;
        answered += 1;
        expect(fast, `${JSON.stringify(path)} atKey=${atKey} in doc ${docIndex} of:\n${text}`).toEqual(locateInDoc(doc, precise.lineCounter, path, atKey));
      }
    }
  });
  expect(locate(precise.docs.length, ['x'], false)).toBeUndefined();
}

const STYLES: (DocumentOptions & SchemaOptions & CreateNodeOptions & ToStringOptions)[] = [
  {},
  { flowCollectionPadding: false, collectionStyle: 'flow' },
  { lineWidth: 20, minContentWidth: 0 },
  { defaultStringType: 'QUOTE_DOUBLE' },
  { defaultStringType: 'QUOTE_SINGLE' },
  { indent: 4, indentSeq: false },
  { defaultStringType: 'BLOCK_LITERAL' },
  { defaultStringType: 'BLOCK_FOLDED', lineWidth: 20 },
  { indentSeq: false, collectionStyle: 'block' },
];

const word = fc.oneof(
  fc.constantFrom('a', 'b', 'name', 'spec', '1', '1.0', 'true', '~', 'x y', 'a:b', 'a #b', "it's", 'q"q', '-', '- a', '[a]', '{a}', 'é', ''),
  fc.string({ maxLength: 6 }),
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    word,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(word, tie('v'), { maxKeys: 4 }),
  ),
})).v;

const pieces = fc.constantFrom(...':-[]{},#\'"\n \r'.split(''), '  ', '- ', ': ', ' #', '---\n', '\n  ', 'a', '0', '|\n', '> ');
function mutate(src: string, edits: readonly [number, number, string][]): string {
  let s = src;
  for (const [at, len, text] of edits) {
    const i = s.length === 0 ? 0 : at % s.length;
    s = s.slice(0, i) + text + s.slice(i + (len % 3));
  }
  return s;
}

describe('fast locator ≡ Document locator', () => {
  it('agrees on the fuzz corpus, every fixture and every example campaign', () => {
    for (const text of [...fixtures, ...examples]) {
      agree(text);
      agree(text.replace(/\n/g, '\r\n'));
    }
  });

  it('answers for every path of the example campaigns that ends at a key or a one-line value', () => {
    const before = answered;
    for (const text of examples) agree(text);
    expect(answered - before).toBeGreaterThan(500);
  });

  it('agrees on generated documents in every style', () => {
    fc.assert(
      fc.property(fc.dictionary(word, value, { minKeys: 1, maxKeys: 6 }), fc.constantFrom(...STYLES), (doc, style) => {
        let text: string;
        try {
          text = stringify(doc, style);
        } catch {
          return;
        }
        agree(text);
        agree(`# lead\n---\n${text}---\n${text}`);
        agree(`list:\n${text.replace(/^/gm, '  ').replace(/^ {2}/, '- ')}`);
      }),
      params(600),
    );
  }, 300_000);

  it('agrees on mutated example campaigns', () => {
    fc.assert(
      fc.property(fc.constantFrom(...examples), fc.array(fc.tuple(fc.nat(), fc.nat(), pieces), { minLength: 1, maxLength: 4 }), (src, edits) =>
        agree(mutate(src, edits)),
      ),
      params(600),
    );
  }, 300_000);

  it('agrees on hand-picked layouts', () => {
    for (const t of [
      'a:\n- 1\n- x: 2\n  y: [3, "4"]\nb: {c: d, "e": \'f\'}  # c\n',
      "a:   value   # comment\nb: \"q # not a comment\"\nc: 'it''s'\n",
      '---\na: 1\n---\na: 2\n',
      '# only\n---\na: 1\n',
      'a: 1\n---\n',
      'a: [x, y,]\nb: []\nc: {}\n',
      'a:\n  - - 1\n    - 2\n',
      'k: 12:30\nu: http://x.y/z\n',
      'a: multi\n  line\nb: 1\n',
      'a: |\n  block\nb: 1\n',
      '"quoted key": 1\n\'single\': 2\n',
      '  indented: 1\n  root: 2\n',
    ])
      agree(t);
  });

  it('answered for a good share of what it was asked (the test compares something)', () => {
    expect(answered).toBeGreaterThan(asked / 5);
  });

  it('locateDiagnostics gives every range the Document walk gives, from one read per file', () => {
    const text = examples.find((t) => fastLocator(t) !== undefined)!;
    const { docs, lineCounter } = parseDocuments(text);
    const paths = pathsOf(docs[0]!.contents).slice(0, 20);
    const diags = paths.map((path) => ({
      ruleId: 'x/y',
      severity: 'warn' as const,
      message: 'm',
      file: 'f.yaml',
      docIndex: 0,
      path,
      related: [{ file: 'f.yaml', docIndex: 0, path, message: 'r' }],
    }));
    let reads = 0;
    const located = locateDiagnostics(diags, () => {
      reads += 1;
      return text;
    });
    expect(reads).toBe(1);
    located.forEach((d, i) => {
      const want = locateInDoc(docs[0]!, lineCounter, paths[i]!, false);
      expect(d.range).toEqual(want);
      expect(d.related?.[0]?.range).toEqual(want);
    });
  });
});
