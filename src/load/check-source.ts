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
  readonly hash: string;
  readonly result: CheckedFile;
}

export function checkSource(job: SourceJob, bytes: Uint8Array, validator: Validator): CheckedSource {
  const hash = contentHash(bytes);
  const decoded = decodeSource(job.repoPath, bytes);
  const result: CheckedFile =
    'diagnostic' in decoded ? { file: job.repoPath, docs: [], diagnostics: [decoded.diagnostic] } : checkFile(job.repoPath, decoded.text, validator);
  return { job, hash, result };
}
