// Which build of promoc produced a cached result. The version alone is not enough: checks change between
// releases (and on every development build), and a cache keyed by version would keep serving what the old
// code concluded. `npm run build` writes dist/build-id.txt, a digest of every compiled file; running from
// source (tsx) there is none, and the cache is keyed by "source" plus whatever else the caller adds.
import { readFileSync } from 'node:fs';

let cached: string | undefined;

export function buildId(): string {
  if (cached !== undefined) return cached;
  try {
    // Spelled from dist/ down, so it resolves the same from dist/load/ and from the bundled CLI.
    cached = readFileSync(new URL('../build-id.txt', import.meta.url), 'utf8').trim();
  } catch {
    cached = 'source';
  }
  return cached;
}
