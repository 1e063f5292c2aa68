import { readFileSync } from 'node:fs';

let cached: string | undefined;
/** The package version; read lazily from package.json (works from src/ and dist/). */
export function promocVersion(): string {
  cached ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return cached;
}
