// The schemas are the source of truth editors and authors read: every one must compile under
// ajv's strict mode, have a stable $id, describe every property, and close every object.
import { describe, expect, it } from 'vitest';
import { KINDS, SCHEMA_FILES } from '../src/generated/index.js';
import { loadSchemaSet } from '../src/schema/schema-set.js';
import { createValidator, SCHEMA_BASE } from '../src/schema/validator.js';

const set = loadSchemaSet();
const CAMPAIGN = `${SCHEMA_BASE}campaign.schema.json`;

/** A yaml-language-server snippet body with each placeholder replaced by its default (`^${1:10}` is the number 10). */
function expandSnippet(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(expandSnippet);
  if (body !== null && typeof body === 'object') return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, expandSnippet(v)]));
  if (typeof body !== 'string') return body;
  const number = /^\^\$\{\d+:([^}]*)\}$/.exec(body);
  if (number) return Number(number[1]);
  return body.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1');
}
type Node = Record<string, unknown>;

function* walk(node: unknown, path: string): Generator<{ node: Node; path: string }> {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const [i, n] of node.entries()) yield* walk(n, `${path}/${i}`);
    return;
  }
  yield { node: node as Node, path };
  for (const [k, v] of Object.entries(node)) if (k !== 'const' && k !== 'enum' && k !== 'default') yield* walk(v, `${path}/${k}`);
}

describe('schemas', () => {
  it('compile in strict mode, every kind and the config', () => {
    const v = createValidator(set);
    for (const kind of KINDS) expect(() => v.validateResource(kind, {})).not.toThrow();
    expect(() => v.validateConfig({})).not.toThrow();
  });

  it('have stable $ids under the promoc base and one file per kind', () => {
    for (const [id] of set.schemas) expect(id.startsWith(SCHEMA_BASE)).toBe(true);
    for (const kind of KINDS) expect(set.schemas.has(SCHEMA_BASE + SCHEMA_FILES[kind])).toBe(true);
    expect(KINDS.length).toBe(16);
  });

  it('describe every property and close every object authors write', () => {
    const problems: string[] = [];
    for (const [id, schema] of set.schemas) {
      if (id.endsWith('bundle.schema.json')) continue; // machine-written, not authored
      if (id === CAMPAIGN) continue; // the dispatcher: the kind schemas it names close their objects
      for (const { node, path } of walk(schema, '#')) {
        const props = node.properties as Record<string, Node> | undefined;
        if (props) {
          for (const [name, p] of Object.entries(props))
            if (typeof p.description !== 'string') problems.push(`${id}${path}/properties/${name}: no description`);
          if (node.additionalProperties !== false) problems.push(`${id}${path}: additionalProperties is not false`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('have no $id: editors resolve their relative $refs from the files, offline', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { SCHEMA_DIR } = await import('../src/schema/schema-set.js');
    for (const sub of ['.', 'defs']) {
      for (const f of readdirSync(join(SCHEMA_DIR, sub)).filter((n) => n.endsWith('.json'))) {
        const text = readFileSync(join(SCHEMA_DIR, sub, f), 'utf8');
        expect(JSON.parse(text).$id, `${sub}/${f}`).toBeUndefined();
        expect(text, `${sub}/${f}`).not.toMatch(/"\$ref":\s*"https?:/);
      }
    }
  });

  it('campaign.schema.json dispatches every kind, and only kinds, to its own schema', () => {
    const campaign = set.schemas.get(CAMPAIGN) as {
      properties: { kind: { enum: string[] } };
      allOf: { if: { properties: { kind: { const: string } } }; then: { $ref: string } }[];
    };
    expect([...campaign.properties.kind.enum].sort()).toEqual([...KINDS].sort());
    expect(Object.fromEntries(campaign.allOf.map((b) => [b.if.properties.kind.const, b.then.$ref]))).toEqual(SCHEMA_FILES);
  });

  it('campaign.schema.json accepts every example campaign and refuses what its kind schema refuses', async () => {
    const { readFileSync } = await import('node:fs');
    const { realpathSync } = await import('node:fs');
    const { walkGlobs } = await import('../src/load/walk.js');
    const { parseAllDocuments } = await import('yaml');
    const v = createValidator(set);
    const root = `${import.meta.dirname}/..`;
    let docs = 0;
    const { files } = walkGlobs({
      base: root,
      globs: ['campaigns/**/*.yaml'],
      ignore: ['campaigns/**/*.test.yaml'],
      realRoot: realpathSync(root),
      name: (abs) => abs,
    });
    for (const file of files) {
      for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
        const value = doc.toJS() as { kind: (typeof KINDS)[number]; spec: Record<string, unknown> };
        expect(v.validateAgainst({ $ref: CAMPAIGN }, value), `${file} ${value.kind}`).toEqual([]);
        const wrong = { ...value, spec: { ...value.spec, colour: 'red' } };
        expect(v.validateResource(value.kind, wrong).length).toBeGreaterThan(0);
        expect(v.validateAgainst({ $ref: CAMPAIGN }, wrong).length, `${file} ${value.kind}`).toBeGreaterThan(0);
        docs++;
      }
    }
    expect(docs).toBeGreaterThan(30);
    expect(v.validateAgainst({ $ref: CAMPAIGN }, { apiVersion: 'promoc/v1', kind: 'Tagg', metadata: { name: 'x' }, spec: {} }).length).toBeGreaterThan(0);
  });

  it('every example and snippet a schema offers is valid where it is offered', () => {
    const v = createValidator(set);
    const problems: string[] = [];
    let checked = 0;
    for (const [id, schema] of set.schemas) {
      for (const { node, path } of walk(schema, '#')) {
        const target = path === '#' ? { $ref: id } : node;
        const samples = [
          ...((node.examples as unknown[] | undefined) ?? []),
          ...((node.defaultSnippets as { body: unknown }[] | undefined) ?? []).map((s) => expandSnippet(s.body)),
        ];
        for (const sample of samples) {
          checked++;
          const errors = v.validateAgainst(path === '#' ? target : { $ref: `${id}${path}` }, sample);
          if (errors.length > 0) problems.push(`${id}${path}: ${JSON.stringify(sample)}: ${JSON.stringify(errors).slice(0, 300)}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(10);
  });

  it('benefits, windows and zones offer examples and snippets to start from', () => {
    for (const def of ['benefit', 'window', 'geofence-zone']) {
      const s = set.schemas.get(`${SCHEMA_BASE}defs/${def}.schema.json`)!;
      expect((s.examples as unknown[]).length, def).toBeGreaterThan(0);
      expect((s.defaultSnippets as unknown[]).length, def).toBeGreaterThan(0);
    }
  });
});
