// The bundle's files: dist/bundle.json and, when signed, dist/bundle.json.sig. Reading and writing
// only; every check lives in the engine and in verify.ts.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BundleError } from '../engine/errors.js';
import { canonicalJson } from '../engine/canonical.js';
import { DEFAULT_MAX_BYTES } from '../engine/load.js';
import { FileRefusal, readRegularFile } from '../load/regular-file.js';
import { MAX_KEY_FILE_BYTES } from './sign.js';
import type { BundleSignature } from './sign.js';

export const BUNDLE_FILE = 'bundle.json';
export const SIGNATURE_SUFFIX = '.sig';

export async function writeBundleFiles(outDir: string, bytes: Uint8Array, signature?: BundleSignature): Promise<{ bundle: string; signature?: string }> {
  await mkdir(outDir, { recursive: true });
  const bundle = join(outDir, BUNDLE_FILE);
  await writeFile(bundle, bytes);
  if (!signature) return { bundle };
  const sigPath = bundle + SIGNATURE_SUFFIX;
  await writeFile(sigPath, `${canonicalJson(signature)}\n`);
  return { bundle, signature: sigPath };
}

/** The bundle bytes and, if a .sig file sits next to it, its parsed content. */
export async function readBundleFiles(path: string): Promise<{ bytes: Uint8Array; signature?: unknown }> {
  let bytes: Uint8Array;
  try {
    // The size is checked before reading: a 1.5 GB file cost 1.6 GB of memory before loadBundle refused it.
    bytes = await readRegularFile(path, DEFAULT_MAX_BYTES, 'bundle');
  } catch (cause) {
    if (cause instanceof FileRefusal) throw new BundleError(cause.code === 'EFBIG' ? 'too-large' : 'parse', cause.message, cause.hint, { cause });
    throw new BundleError(
      'parse',
      `cannot read bundle ${path}: ${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}`,
      'Build one with `promoc bundle`, or pass --bundle PATH.',
      { cause },
    );
  }
  let sigText: string | undefined;
  try {
    sigText = (await readRegularFile(path + SIGNATURE_SUFFIX, MAX_KEY_FILE_BYTES, 'signature file')).toString('utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return { bytes };
    throw new BundleError(
      'signature',
      `cannot read the signature file ${path}${SIGNATURE_SUFFIX}: ${(cause as Error).message}`,
      'Sign the bundle again with `promoc bundle --sign-key KEY`, or remove the file.',
      { cause },
    );
  }
  try {
    return { bytes, signature: JSON.parse(sigText) as unknown };
  } catch (cause) {
    throw new BundleError(
      'signature',
      `signature file ${path}${SIGNATURE_SUFFIX} is not valid JSON`,
      'Sign the bundle again with `promoc bundle --sign-key KEY`.',
      { cause },
    );
  }
}
