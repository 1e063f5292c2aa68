// One configured ajv: strict, all errors, verbose (errors carry their schema, which the
// translator reads for descriptions and alternatives), with formats. ajv is CommonJS and is
// required on first use only, so commands served by precompiled validators never load it.
import type { Ajv2020, Options } from 'ajv/dist/2020.js';
import { createRequire } from 'node:module';
import type { SchemaSet } from './validator.js';

const require = createRequire(import.meta.url);

export function createAjv(set: SchemaSet, extra: Options = {}): Ajv2020 {
  const { Ajv2020: Ajv } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const addFormats = require('ajv-formats') as (a: Ajv2020) => Ajv2020;
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true, multipleOfPrecision: 9, ...extra });
  addFormats(ajv);
  // multipleOfPrecision: 33.3333 / 0.0001 is 333332.99999999994 in binary; within 1e-9 of a whole number counts.
  // Editor annotations (yaml-language-server's snippets): ignored by validation, allowed by strict mode.
  ajv.addKeyword({ keyword: 'defaultSnippets', schemaType: 'array' });
  // json-schema-to-typescript's type override: where a second $ref to one union-heavy definition would multiply the
  // generated union past what TypeScript can represent, the type is named instead. Ignored by validation.
  ajv.addKeyword({ keyword: 'tsType', schemaType: 'string' });
  for (const schema of set.schemas.values()) ajv.addSchema(schema);
  return ajv;
}
