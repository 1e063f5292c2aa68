// Where `promoc import` writes a resource: one file per resource, by provider and kind, under the output folder.
import { posix } from 'node:path';
import type { ImportedResource } from './to-resources.js';

/** Repo-relative path of the file for a resource under `outDir` (also repo-relative). */
export function importPath(outDir: string, r: Pick<ImportedResource, 'provider' | 'kind' | 'name'>): string {
  const kind = r.kind.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
  return posix.join(outDir, r.provider, kind, `${r.name}.yaml`);
}
