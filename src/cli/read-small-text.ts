import { readFileSync, statSync } from 'node:fs';
import { MAX_FILE_BYTES } from '../load/read.js';

/** Source text for code frames; undefined for files too large to be campaigns, or unreadable. */
export function readSmallText(abs: string): string | undefined {
  try {
    return statSync(abs).size <= MAX_FILE_BYTES ? readFileSync(abs, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}
