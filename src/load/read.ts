// Reading one source file: refuse what is not a small UTF-8 text before YAML ever sees it.
import type { Diagnostic } from '../model/diagnostic.js';

/** A campaign file larger than this is refused (a 50 MB file is a mistake, not a campaign). */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export type ReadResult = { readonly text: string } | { readonly diagnostic: Diagnostic };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Pure: bytes → text or a diagnostic saying why the file cannot be a campaign file. */
export function decodeSource(file: string, bytes: Uint8Array): ReadResult {
  const refuse = (ruleId: string, message: string, hint: string): ReadResult => ({
    diagnostic: { ruleId, severity: 'error', file, message, hint, range: { start: { line: 1, col: 1 }, end: { line: 1, col: 1 } } },
  });
  if (bytes.byteLength > MAX_FILE_BYTES) {
    return refuse('load/too-large', `file is ${formatBytes(bytes.byteLength)}, over the ${formatBytes(MAX_FILE_BYTES)} limit for a campaign file`,
      'Split it into several files, or move large geometries into .geojson files referenced with `geometry: { file: … }`.');
  }
  if (bytes.indexOf(0) !== -1) {
    return refuse('load/binary', 'file is binary (it contains NUL bytes), not YAML text', 'Remove it from the campaign paths, or fix the glob in promoc.config.yaml.');
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    return refuse('load/encoding', `file is not valid UTF-8 (first bad byte at offset ${at})`, 'Save the file as UTF-8.');
  }
  if (text.trim() === '') return refuse('load/empty', 'file is empty', 'Add a resource (apiVersion, kind, metadata, spec) or delete the file.');
  return { text };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i += 1) {
    try { decoder.decode(bytes.subarray(0, i + 1)); } catch { if (!isIncompleteTail(bytes, i)) return i; }
  }
  return bytes.length;
}

function isIncompleteTail(bytes: Uint8Array, i: number): boolean {
  // A multi-byte sequence cut off at i is only bad if it never completes; check a full decode of the next 4 bytes.
  try { decoder.decode(bytes.subarray(0, Math.min(bytes.length, i + 4))); return true; } catch { return false; }
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(n / 1024)} KiB`;
}
