// Build step: compile every schema into one standalone ESM module of validators
// (dist/schema/standalone.js), so the CLI starts without loading or compiling ajv.
// Run by `npm run build` after tsc; the module is a build artefact, never committed.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { SCHEMA_FILES } from '../generated/index.js';
import { createAjv } from './ajv-instance.js';
import { loadSchemaSet } from './schema-set.js';
import { asciiOnly } from '../build/ascii-only.js';
import { GEOMETRY_BRANCH_IDS, SAVED_FILE_IDS, SCHEMA_BASE } from './validator.js';

const require = createRequire(import.meta.url);

export function generateStandalone(): string {
  const { _ } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const standaloneCode = (require('ajv/dist/standalone/index.js') as { default: (ajv: unknown, refs: Record<string, string>) => string }).default;
  const ajv = createAjv(loadSchemaSet(), { code: { source: true, esm: true, formats: _`require("ajv-formats/dist/formats").fullFormats` } });
  const ids = [
    ...[...Object.values(SCHEMA_FILES), 'config.schema.json'].map((f) => SCHEMA_BASE + f),
    ...Object.values(GEOMETRY_BRANCH_IDS),
    ...Object.values(SAVED_FILE_IDS),
  ];
  const code = standaloneCode(ajv, Object.fromEntries(ids.map((id, i) => [`v${i}`, id])));
  const byId = `export const validators = {\n${ids.map((id, i) => `  ${JSON.stringify(id)}: v${i},`).join('\n')}\n};\n`;
  // The generated code calls require() for ajv's small runtime helpers; give the ESM module one. ASCII only (see
  // asciiOnly): the schemas' descriptions have arrows and dashes, which made the 0.9 MB source two bytes a character.
  return asciiOnly(`import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\n${code}\n${byId}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(fileURLToPath(new URL('./standalone.js', import.meta.url)), generateStandalone());
}
