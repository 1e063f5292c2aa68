// The validation cache's journal (`validate.log`): a warm run that changed a few rows of the table appends them
// here instead of rewriting the whole table (~170 bytes a file). It belongs to one table (its first line names
// the table's checksum), so a table written since makes it void; each record carries its own sha-256, and
// reading stops at a damaged or torn one (the table is then rewritten whole).
import { sha256Text } from '../model/canonical.js';
import type { Diagnostic } from '../model/diagnostic.js';

const HEADER = 'promoc validation journal 1 ';

/** [row, size, mtimeMs, ctimeMs, ino, since, blob offset, summary bytes, documents bytes, content hash, summary digest] (digests in hex). */
export type JournalRow = [number, number, number, number, number, number, number, number, number, string, string];

export interface JournalRecord {
  readonly rows: readonly JournalRow[];
  /** Diagnostics of those rows that have any, by row. */
  readonly diagnostics: Readonly<Record<string, readonly Diagnostic[]>>;
  /** The walk to keep from now on: absent, the stored one; null, none. */
  readonly walk?: unknown;
}

export function journalHeader(tableCheck: string): string {
  return `${HEADER}${tableCheck}\n`;
}

export function journalLine(record: JournalRecord): string {
  const json = JSON.stringify(record);
  return `${sha256Text(json)} ${json}\n`;
}

/**
 * The records of a journal for the table with checksum `tableCheck` and `count` rows; `damaged` when a line
 * after the header is not an intact record (its records before it are still good). Undefined: not this table's.
 */
export function readJournal(text: string, tableCheck: string, count: number): { records: JournalRecord[]; damaged: boolean } | undefined {
  const header = journalHeader(tableCheck);
  if (!text.startsWith(header)) return undefined;
  const records: JournalRecord[] = [];
  let at = header.length;
  while (at < text.length) {
    const end = text.indexOf('\n', at);
    const line = end < 0 ? '' : text.slice(at, end);
    const json = line.slice(65);
    if (end < 0 || line[64] !== ' ' || sha256Text(json) !== line.slice(0, 64)) return { records, damaged: true };
    let record: unknown;
    try {
      record = JSON.parse(json);
    } catch {
      return { records, damaged: true };
    }
    if (!isRecord(record, count)) return { records, damaged: true };
    records.push(record);
    at = end + 1;
  }
  return { records, damaged: false };
}

const HEX = /^[0-9a-f]{64}$/;

function isRecord(r: unknown, count: number): r is JournalRecord {
  if (typeof r !== 'object' || r === null) return false;
  const { rows, diagnostics } = r as JournalRecord;
  if (!Array.isArray(rows) || typeof diagnostics !== 'object' || diagnostics === null || Array.isArray(diagnostics)) return false;
  return rows.every(
    (row: unknown) =>
      Array.isArray(row) &&
      row.length === 11 &&
      Number.isInteger(row[0]) &&
      row[0] >= 0 &&
      row[0] < count &&
      row.slice(1, 9).every((n) => typeof n === 'number') &&
      typeof row[9] === 'string' &&
      HEX.test(row[9]) &&
      typeof row[10] === 'string' &&
      HEX.test(row[10]),
  );
}
