// The schemas are the source of truth editors and authors read: every one must compile under
// ajv's strict mode, have a stable $id, describe every property, and close every object.
import { describe, expect, it } from 'vitest';
import { KINDS, SCHEMA_FILES } from '../src/generated/index.js';
import { loadSchemaSet } from '../src/schema/schema-set.js';
import { createValidator, SCHEMA_BASE } from '../src/schema/validator.js';

const set = loadSchemaSet();
type Node = Record<string, unknown>;

function* walk(node: unknown, path: string): Generator<{ node: Node; path: string }> {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) { for (const [i, n] of node.entries()) yield* walk(n, `${path}/${i}`); return; }
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
      for (const { node, path } of walk(schema, '#')) {
        const props = node.properties as Record<string, Node> | undefined;
        if (props) {
          for (const [name, p] of Object.entries(props)) if (typeof p.description !== 'string') problems.push(`${id}${path}/properties/${name}: no description`);
          if (node.additionalProperties !== false) problems.push(`${id}${path}: additionalProperties is not false`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
