import { readFileSync, statSync } from 'node:fs';
import { MAX_FILE_BYTES } from '../load/read.js';

/**
 * Source text for code frames; undefined for files too large to be campaigns, unreadable, or not regular
 * files (a FIFO has size 0 and reading it waits for a writer for ever).
 */
export function readSmallText(abs: string): string | undefined {
  try {
    const stat = statSync(abs);
    return stat.isFile() && stat.size <= MAX_FILE_BYTES ? readFileSync(abs, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}
