// Reading templates/init/ from the package (the only I/O of init's core). The URL is spelled from dist/ down,
// so it resolves alike from src/init/, dist/init/ and dist/cli-bundle/.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PROVIDER_IDS } from '../providers/index.js';
import { TEMPLATE_FILES, type Templates } from './scaffold.js';

export const TEMPLATE_DIR = fileURLToPath(new URL('../../templates/init/', import.meta.url));

export function readTemplates(dir: string = TEMPLATE_DIR): Templates {
  const names = [...TEMPLATE_FILES, ...PROVIDER_IDS.flatMap((p) => [`campaigns/${p}.yaml`, `campaigns/${p}.test.yaml`])];
  return Object.fromEntries(names.map((name) => [name, readFileSync(`${dir}${name}`, 'utf8')]));
}
