// Just enough tar to unpack what `git archive --format=tar` writes: ustar headers, pax extended
// headers for long paths, regular files and directories. Symlinks and anything else are skipped, and
// a path that is absolute or climbs out with `..` is refused, so an archive never writes outside `into`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const BLOCK = 512;

export interface Entry {
  readonly path: string;
  readonly type: 'file' | 'dir' | 'other';
  readonly data: Uint8Array;
}

export function* tarEntries(tar: Uint8Array): Generator<Entry> {
  let offset = 0;
  let paxPath: string | undefined;
  while (offset + BLOCK <= tar.length) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((b) => b === 0)) return;
    const size = parseInt(text(header, 124, 12).trim() || '0', 8);
    const flag = String.fromCharCode(header[156]!);
    const prefix = text(header, 345, 155);
    const name = text(header, 0, 100);
    const data = tar.subarray(offset + BLOCK, offset + BLOCK + size);
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (flag === 'x') {
      paxPath = paxValue(data, 'path');
      continue;
    }
    if (flag === 'g') continue;
    const path = paxPath ?? (prefix ? `${prefix}/${name}` : name);
    paxPath = undefined;
    yield { path, type: flag === '0' || flag === '\0' ? 'file' : flag === '5' ? 'dir' : 'other', data };
  }
}

/** Writes the archive's files and folders under `into`; returns how many files were written. */
export function extractTar(tar: Uint8Array, into: string): number {
  let files = 0;
  for (const e of tarEntries(tar)) {
    if (e.type === 'other') continue;
    const parts = e.path.split('/').filter((p) => p !== '' && p !== '.');
    if (e.path.startsWith('/') || parts.includes('..')) throw new Error(`refusing archive entry "${e.path}" outside the target folder`);
    const target = join(into, ...parts);
    if (e.type === 'dir') {
      mkdirSync(target, { recursive: true });
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, e.data);
    files += 1;
  }
  return files;
}

function text(b: Uint8Array, start: number, length: number): string {
  const slice = b.subarray(start, start + length);
  const end = slice.indexOf(0);
  return new TextDecoder().decode(end === -1 ? slice : slice.subarray(0, end));
}

/** pax records are "LEN key=value\n", LEN counting bytes. */
function paxValue(data: Uint8Array, key: string): string | undefined {
  const decoder = new TextDecoder();
  let i = 0;
  while (i < data.length) {
    const space = data.indexOf(32, i);
    const len = Number(decoder.decode(data.subarray(i, space)));
    if (space === -1 || !Number.isInteger(len) || len <= 0) return undefined;
    const record = decoder.decode(data.subarray(space + 1, i + len - 1));
    const eq = record.indexOf('=');
    if (record.slice(0, eq) === key) return record.slice(eq + 1);
    i += len;
  }
  return undefined;
}
