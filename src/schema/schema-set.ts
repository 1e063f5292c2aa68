// Reading schemas/ from disk (the only I/O of the schema stage).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCHEMA_BASE, type SchemaSet } from './validator.js';

/** schemas/ next to src/ or dist/. */
export const SCHEMA_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));

let cached: SchemaSet | undefined;

export function loadSchemaSet(dir: string = SCHEMA_DIR): SchemaSet {
  if (cached && dir === SCHEMA_DIR) return cached;
  const hash = createHash('sha256');
  const schemas = new Map<string, Record<string, unknown>>();
  for (const sub of ['defs', '.']) {
    for (const name of readdirSync(join(dir, sub))
      .filter((f) => f.endsWith('.schema.json'))
      .sort()) {
      const text = readFileSync(join(dir, sub, name), 'utf8');
      hash.update(`${sub}/${name}\0${text}\0`);
      // The files carry no $id, so an editor resolves their relative $refs from where the files are (offline,
      // from the installed package). ajv needs an id per document: the same relative layout under SCHEMA_BASE.
      const id = `${SCHEMA_BASE}${sub === '.' ? '' : `${sub}/`}${name}`;
      schemas.set(id, { $id: id, ...(JSON.parse(text) as Record<string, unknown>) });
    }
  }
  const set = { schemas, digest: hash.digest('hex').slice(0, 16) };
  if (dir === SCHEMA_DIR) cached = set;
  return set;
}
