// Reads the fidelity table (docs/fidelity.md): one row per seed item, each with a stable id, a status and the
// promoc field or the reason. The row cases under rows/ name these ids; the table test ties the two together.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const TABLE_PATH = fileURLToPath(new URL('../../docs/fidelity.md', import.meta.url));

export const STATUSES = ['supported', 'refused', 'not yet', 'outside'] as const;
export type Status = (typeof STATUSES)[number];

export const HEADER = '| id | item | status | promoc | note / test |';

export interface TableRow {
  readonly id: string;
  readonly section: string;
  readonly item: string;
  readonly status: string;
  readonly promoc: string;
  readonly note: string;
  /** 1-based line in docs/fidelity.md, for messages. */
  readonly line: number;
}

/** Splits a Markdown table line on the pipes that are not inside backticks or escaped. */
export function cells(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  let code = false;
  for (let i = 1; i < line.length; i += 1) {
    const ch = line[i]!;
    if (ch === '\\' && line[i + 1] === '|') {
      cell += '|';
      i += 1;
      continue;
    }
    if (ch === '`') code = !code;
    if (ch === '|' && !code) {
      out.push(cell.trim());
      cell = '';
      continue;
    }
    cell += ch;
  }
  return out;
}

export interface ParsedTable {
  readonly rows: readonly TableRow[];
  /** Table lines that are not rows of the agreed form, with the reason. */
  readonly problems: readonly string[];
}

export function parseTable(text: string): ParsedTable {
  const rows: TableRow[] = [];
  const problems: string[] = [];
  let section = '';
  text.split('\n').forEach((raw, index) => {
    const line = raw.trimEnd();
    const at = `docs/fidelity.md:${index + 1}`;
    if (line.startsWith('## ')) {
      section = line.slice(3).trim();
      return;
    }
    if (!line.startsWith('|') || /^\|[-| ]+\|$/.test(line)) return;
    if (line.startsWith('| id |')) {
      if (line !== HEADER) problems.push(`${at}: the header must read "${HEADER}"`);
      return;
    }
    const c = cells(line);
    if (c.length !== 5) {
      problems.push(`${at}: ${c.length} cells, expected 5 (id, item, status, promoc, note / test)`);
      return;
    }
    const [idCell, item, status, promoc, note] = c as [string, string, string, string, string];
    const id = idCell.replace(/^`|`$/g, '');
    if (!/^[a-z]+(?:\.[a-z0-9-]+)+$/.test(id)) problems.push(`${at}: id "${idCell}" must look like \`ev.max-uses\` (prefix.words)`);
    rows.push({ id, section, item, status, promoc, note, line: index + 1 });
  });
  return { rows, problems };
}

export function readTable(): ParsedTable {
  return parseTable(readFileSync(TABLE_PATH, 'utf8'));
}
