// Lago's published OpenAPI schemas (the vendored subset under test/fixtures/lago-openapi/, AGPL, with its
// licence and source commit), compiled by our ajv set-up with OpenAPI's extra keywords allowed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createAjv } from '../../src/schema/ajv-instance.js';

export const LAGO_OPENAPI = join(import.meta.dirname, '../fixtures/lago-openapi/openapi.subset.yaml');

/** A validator by schema name (`Coupon`, `CouponCreateInput`, …): the errors, or [] when the body conforms. */
export function lagoOpenApiValidator(): (schema: string, body: unknown) => string[] {
  const doc = parse(readFileSync(LAGO_OPENAPI, 'utf8')) as { components: { schemas: Record<string, unknown> } };
  const ajv = createAjv({ schemas: new Map(), digest: '' }, { strict: false, allErrors: true, verbose: false });
  ajv.addSchema({ $id: 'https://lago.example/openapi.json', components: doc.components });
  return (schema, body) => {
    if (!(schema in doc.components.schemas)) throw new Error(`${schema} is not in ${LAGO_OPENAPI}; add it (and what it $refs) to the subset`);
    const fn = ajv.getSchema(`https://lago.example/openapi.json#/components/schemas/${schema}`)!;
    return fn(body) ? [] : (fn.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
  };
}
