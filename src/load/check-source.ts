// One file from bytes to a checked result: decode (size, binary, UTF-8), parse, validate.
import type { Validator } from '../schema/validator.js';
import { contentHash } from './cache.js';
import { checkFile, type CheckedFile } from './check-file.js';
import { decodeSource } from './read.js';

export interface SourceJob {
  readonly abs: string;
  readonly repoPath: string;
}

export interface CheckedSource {
  readonly job: SourceJob;
  /** The content hash the cache confirms racy entries by; '' when not asked for (no cache, or a file outside the run's window). */
  readonly hash: string;
  readonly result: CheckedFile;
  /** The decoded text, when asked for and it is what a plain UTF-8 read of the file gives (no BOM). */
  readonly text?: string;
}

export interface CheckSourceOptions {
  /** Hash the bytes for the cache (default true); a run without a cache, or a file the cache needs no hash of, skips it. */
  readonly hash?: boolean;
  /** Return the text, so later stages (locating, code frames) need not read the file again. */
  readonly keepText?: boolean;
}

export function checkSource(job: SourceJob, bytes: Uint8Array, validator: Validator, options: CheckSourceOptions = {}): CheckedSource {
  const hash = options.hash === false ? '' : contentHash(bytes);
  const decoded = decodeSource(job.repoPath, bytes);
  if ('diagnostic' in decoded) return { job, hash, result: { file: job.repoPath, docs: [], diagnostics: [decoded.diagnostic] } };
  const result = checkFile(job.repoPath, decoded.text, validator);
  // The decoder drops a BOM that readFileSync(…, 'utf8') keeps; such a file is read again where needed.
  return options.keepText && !hasBom(bytes) ? { job, hash, result, text: decoded.text } : { job, hash, result };
}

const hasBom = (b: Uint8Array): boolean => b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
