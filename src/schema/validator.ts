// Validation over schemas/ (JSON Schema 2020-12). The build precompiles every kind into a
// standalone module (dist/schema/standalone.js, see gen-validators.ts) so the CLI neither loads
// nor compiles ajv on start; without it (development, tests) ajv compiles lazily per kind.
import type { ErrorObject, ValidateFunction } from 'ajv';
import { SCHEMA_FILES, type Kind } from '../generated/index.js';
import { createAjv } from './ajv-instance.js';

/** ajv's name for schemas/ (the files themselves carry no $id): a key, never fetched. */
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
  /**
   * A geometry against the one branch its `type` names (defs/geometry.schema.json#/$defs/polygon or
   * multiPolygon), precompiled like the kinds: ajv would also check a Polygon against the MultiPolygon
   * branch of `oneOf`, and that branch's errors grow quadratically with the positions.
   */
  validateGeometry(type: 'Polygon' | 'MultiPolygon', value: unknown): readonly ErrorObject[];
  /** A file promoc wrote and reads back: a saved plan (`promoc plan --out`) or a saved simulation (`promoc simulate --out`). */
  validateSaved(kind: SavedFile, value: unknown): readonly ErrorObject[];
  /** Validate against an ad-hoc schema (one oneOf branch, a geometry file); compiles ajv on first use. */
  validateAgainst(schema: Record<string, unknown>, value: unknown): readonly ErrorObject[];
}

/** The precompiled geometry branches (see validateGeometry). */
export const GEOMETRY_BRANCH_IDS = {
  Polygon: `${SCHEMA_BASE}defs/geometry.schema.json#/$defs/polygon`,
  MultiPolygon: `${SCHEMA_BASE}defs/geometry.schema.json#/$defs/multiPolygon`,
} as const;

/** The schemas of files promoc writes and reads back, precompiled like the kinds. */
export const SAVED_FILE_IDS = {
  plan: `${SCHEMA_BASE}plan.schema.json`,
  simulation: `${SCHEMA_BASE}simulation.schema.json`,
} as const;
export type SavedFile = keyof typeof SAVED_FILE_IDS;

/** Precompiled validators by schema $id, as the standalone module exports them. */
export type Precompiled = Readonly<Record<string, ValidateFunction>>;

export function createValidator(set: SchemaSet, precompiled?: Precompiled): Validator {
  let ajv: ReturnType<typeof createAjv> | undefined;
  const runtime = (): ReturnType<typeof createAjv> => (ajv ??= createAjv(set));
  const compiled = new Map<string, ValidateFunction>();
  const get = (id: string): ValidateFunction => {
    const known = compiled.get(id) ?? precompiled?.[id];
    if (known) return known;
    const fn = runtime().getSchema(id);
    if (!fn) throw new Error(`schema ${id} is not loaded`);
    compiled.set(id, fn);
    return fn;
  };
  const run = (fn: ValidateFunction, value: unknown): readonly ErrorObject[] => (fn(value) ? [] : [...(fn.errors ?? [])]);
  const derived = new WeakMap<object, ValidateFunction>();
  const byId = new Map<string, ValidateFunction>();
  return {
    validateResource: (kind, value) => run(get(SCHEMA_BASE + SCHEMA_FILES[kind]), value),
    validateConfig: (value) => run(get(`${SCHEMA_BASE}config.schema.json`), value),
    validateGeometry: (type, value) => run(get(GEOMETRY_BRANCH_IDS[type]), value),
    validateSaved: (kind, value) => run(get(SAVED_FILE_IDS[kind]), value),
    validateAgainst: (schema, value) => {
      // Derived schemas are rebuilt per call, so a schema with an $id is cached by its id:
      // compiling the same $id twice is an error in ajv.
      const id = typeof schema.$id === 'string' ? schema.$id : undefined;
      let fn = id ? byId.get(id) : derived.get(schema);
      if (!fn) {
        fn = runtime().compile(schema);
        if (id) byId.set(id, fn);
        else derived.set(schema, fn);
      }
      return run(fn, value);
    },
  };
}
