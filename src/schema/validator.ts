// ajv set-up over schemas/ (JSON Schema 2020-12). Validators compile lazily per kind, so a
// command that touches one kind pays for one kind.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import formatsModule from 'ajv-formats';
import { SCHEMA_FILES, type Kind } from '../generated/index.js';

export const SCHEMA_BASE = 'https://promoc.dev/schemas/v1/';

export interface SchemaSet {
  /** Schema documents by $id. */
  readonly schemas: ReadonlyMap<string, Record<string, unknown>>;
  /** Changes whenever any schema changes (cache key). */
  readonly digest: string;
}

export interface Validator {
  validateResource(kind: Kind, value: unknown): readonly ErrorObject[];
  validateConfig(value: unknown): readonly ErrorObject[];
  /** Validate `value` against the schema at `id` (used to re-check one oneOf branch). */
  validateAgainst(schema: Record<string, unknown>, value: unknown): readonly ErrorObject[];
  schemaById(id: string): Record<string, unknown> | undefined;
}

export function createValidator(set: SchemaSet): Validator {
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true });
  // ajv-formats is CommonJS: under NodeNext its default import is the module object.
  type Plugin = (a: typeof ajv) => unknown;
  const addFormats = ((formatsModule as unknown as { default?: Plugin }).default ?? formatsModule) as unknown as Plugin;
  addFormats(ajv);
  for (const schema of set.schemas.values()) ajv.addSchema(schema);
  const compiled = new Map<string, ValidateFunction>();
  const get = (id: string): ValidateFunction => {
    const known = compiled.get(id);
    if (known) return known;
    const fn = ajv.getSchema(id);
    if (!fn) throw new Error(`schema ${id} is not loaded`);
    compiled.set(id, fn);
    return fn;
  };
  const run = (fn: ValidateFunction, value: unknown): readonly ErrorObject[] => (fn(value) ? [] : [...(fn.errors ?? [])]);
  const derived = new WeakMap<object, ValidateFunction>();
  return {
    validateResource: (kind, value) => run(get(SCHEMA_BASE + SCHEMA_FILES[kind]), value),
    validateConfig: (value) => run(get(`${SCHEMA_BASE}config.schema.json`), value),
    validateAgainst: (schema, value) => {
      let fn = derived.get(schema);
      if (!fn) { fn = ajv.compile(schema); derived.set(schema, fn); }
      return run(fn, value);
    },
    schemaById: (id) => set.schemas.get(id),
  };
}
