// Generates src/generated/*.ts from schemas/*.schema.json. Run with `npm run gen:types`;
// `test/generated-types.test.ts` fails when the committed files are stale.
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCHEMA_BASE } from './validator.js';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const schemaDir = join(root, 'schemas');
const outDir = join(root, 'src/generated');

/** The editors' dispatcher on `kind` (schemas/campaign.schema.json): no type of its own. */
const EDITOR_ONLY = 'campaign.schema.json';

const banner = '// Generated from schemas/ by `npm run gen:types`. Do not edit by hand.\n/* eslint-disable */\n';

/** Returns file name → contents for every generated file. Pure apart from reading schemas/. */
export async function generateTypes(): Promise<Map<string, string>> {
  const files = (await readdir(schemaDir)).filter((f) => f.endsWith('.schema.json') && f !== EDITOR_ONLY).sort();
  const out = new Map<string, string>();
  const kinds: { kind: string; module: string }[] = [];
  for (const file of files) {
    const schema = JSON.parse(await readFile(join(schemaDir, file), 'utf8')) as JSONSchema & { title: string };
    const kindConst = (schema.properties?.kind as { const?: unknown } | undefined)?.const;
    const module = file.replace('.schema.json', '');
    const ts = await compile(withoutRefDescriptions({ $id: `${SCHEMA_BASE}${file}`, ...schema }) as JSONSchema, schema.title, {
      cwd: schemaDir,
      $refOptions: { resolve: { schemas: withIds } },
      bannerComment: banner,
      additionalProperties: false,
      strictIndexSignatures: true,
      format: true,
      style: { singleQuote: true, printWidth: 120 },
    });
    out.set(`${module}.ts`, ts);
    // Resource kinds are the schemas whose `kind` is a constant other than Config (the bundle schema has none).
    if (typeof kindConst === 'string' && kindConst !== 'Config') kinds.push({ kind: kindConst, module });
  }
  const index = [
    banner,
    ...kinds.map((k) => `import type { ${k.kind} } from './${k.module}.js';`),
    `import type { PromocConfig } from './config.js';`,
    '',
    `export type { ${kinds.map((k) => k.kind).join(', ')}, PromocConfig };`,
    '',
    '/** Every resource kind an author can write. */',
    `export type AnyResource = ${kinds.map((k) => k.kind).join(' | ')};`,
    '',
    `export const KINDS = [${kinds.map((k) => `'${k.kind}'`).join(', ')}] as const;`,
    'export type Kind = (typeof KINDS)[number];',
    '',
    '/** Schema file (in schemas/) for each kind. */',
    `export const SCHEMA_FILES: Readonly<Record<Kind, string>> = {`,
    ...kinds.map((k) => `  ${k.kind}: '${k.module}.schema.json',`),
    '};',
    '',
  ].join('\n');
  out.set('index.ts', index);
  return out;
}

/**
 * The files carry no $id (editors resolve their relative $refs from disk); the generator names and shares
 * referenced types by $id, so each file read gets the id ajv knows it by (src/schema/schema-set.ts).
 */
const withIds = {
  order: 1,
  canRead: /\.schema\.json$/,
  read: async ({ url }: { url: string }): Promise<string> => {
    const path = url.startsWith('file:') ? fileURLToPath(url) : url;
    const schema = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    return JSON.stringify({ $id: `${SCHEMA_BASE}${relative(schemaDir, path).split(sep).join('/')}`, ...schema });
  },
};

/**
 * json-schema-to-typescript turns a `$ref` with a sibling `description` into a type of its own
 * (CampaignStats1 beside CampaignStats); the schemas describe every property, referenced ones too, so
 * those descriptions are left out of the types. The doc comment of the referenced type remains.
 */
function withoutRefDescriptions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutRefDescriptions);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  const hasRef = '$ref' in node;
  for (const [k, v] of Object.entries(node)) if (!(hasRef && k === 'description')) out[k] = withoutRefDescriptions(v);
  return out;
}

async function main(): Promise<void> {
  await mkdir(outDir, { recursive: true });
  for (const [name, text] of await generateTypes()) await writeFile(join(outDir, name), text);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
