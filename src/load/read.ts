// Reading one source file: refuse what is not a small UTF-8 text before YAML ever sees it.
import type { Diagnostic, Position } from '../model/diagnostic.js';

/** A campaign file larger than this is refused (a 50 MB file is a mistake, not a campaign). */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export type ReadResult = { readonly text: string } | { readonly diagnostic: Diagnostic };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Pure: bytes → text or a diagnostic saying why the file cannot be a campaign file. */
export function decodeSource(file: string, bytes: Uint8Array): ReadResult {
  // File-level problems carry no range: there is no line worth framing in a binary or huge file.
  const refuse = (ruleId: string, message: string, hint: string, at?: Position): ReadResult => ({
    diagnostic: { ruleId, severity: 'error', file, message, hint, ...(at ? { range: { start: at, end: at } } : {}) },
  });
  const large = tooLarge(file, bytes.byteLength);
  if (large) return { diagnostic: large };
  if (bytes.indexOf(0) !== -1) {
    return refuse(
      'load/binary',
      'file is binary (it contains NUL bytes), not YAML text',
      'Remove it from the campaign paths, or fix the glob in promoc.config.yaml.',
    );
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const pos = positionOf(bytes, at);
    return refuse(
      'load/encoding',
      `file is not valid UTF-8 (byte 0x${(bytes[at] ?? 0).toString(16)} at line ${pos.line}, column ${pos.col})`,
      'Save the file as UTF-8.',
      pos,
    );
  }
  if (text.trim() === '') return refuse('load/empty', 'file is empty', 'Add a resource (apiVersion, kind, metadata, spec) or delete the file.');
  return { text };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i += 1) {
    try {
      decoder.decode(bytes.subarray(0, i + 1));
    } catch {
      if (!isIncompleteTail(bytes, i)) return i;
    }
  }
  return bytes.length;
}

function isIncompleteTail(bytes: Uint8Array, i: number): boolean {
  // A multi-byte sequence cut off at i is only bad if it never completes; check a full decode of the next 4 bytes.
  try {
    decoder.decode(bytes.subarray(0, Math.min(bytes.length, i + 4)));
    return true;
  } catch {
    return false;
  }
}

/** Checked from the file size before reading, so a huge file is never loaded. */
export function tooLarge(file: string, size: number): Diagnostic | undefined {
  if (size <= MAX_FILE_BYTES) return undefined;
  return {
    ruleId: 'load/too-large',
    severity: 'error',
    file,
    message: `file is ${formatBytes(size)}, over the ${formatBytes(MAX_FILE_BYTES)} limit for a campaign file`,
    hint: 'Split it into several files, or move large geometries into .geojson files referenced with `geometry: { file: … }`.',
  };
}

function positionOf(bytes: Uint8Array, offset: number): Position {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i += 1)
    if (bytes[i] === 0x0a) {
      line += 1;
      start = i + 1;
    }
  return { line, col: offset - start + 1 };
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(n / 1024)} KiB`;
}
