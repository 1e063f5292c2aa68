// The fidelity table stays honest: every row is explained, every `supported` row is exercised against the
// emulator by a case of rows/ (a round trip reading the item back, or a scenario), every `refused` row by a
// located refusal, and no case names a row the table does not have or gives it another status.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ACROSS, CASES } from './rows/index.js';
import { STATUSES, parseTable, readTable, type TableRow } from './table.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const { rows, problems } = readTable();
const byId = new Map(rows.map((r) => [r.id, r]));
const at = (r: TableRow): string => `docs/fidelity.md:${r.line} (${r.id})`;

const roundTripped = new Set(CASES.flatMap((a) => a.roundTrips.flatMap((c) => c.rows)));
const refusedBy = new Set(CASES.flatMap((a) => a.refusals.flatMap((c) => c.rows)));
const scenarios = new Set(CASES.flatMap((a) => a.scenarios.flatMap((c) => c.rows)));
const elsewhere = [...CASES.flatMap((a) => a.elsewhere ?? []), ...ACROSS];
const testedElsewhere = new Set(elsewhere.flatMap((c) => c.rows));

describe('docs/fidelity.md', () => {
  it('is a table of the agreed form with unique ids', () => {
    expect(problems).toEqual([]);
    expect(rows.length).toBeGreaterThan(100);
    const seen = new Set<string>();
    const twice = rows.filter((r) => (seen.has(r.id) ? true : (seen.add(r.id), false))).map(at);
    expect(twice).toEqual([]);
  });

  it('covers the four API documents', () => {
    const sections = new Set(rows.map((r) => r.section));
    for (const seed of ['ev-billing-promotional-codes.txt', 'lago-coupons.txt', 'billing-promotions.txt', 'mobility-voucherables.txt']) {
      expect(
        [...sections].some((s) => s.includes(seed)),
        seed,
      ).toBe(true);
    }
  });

  it('gives every row a known status and its explanation', () => {
    const bad = rows.flatMap((r) => {
      if (!(STATUSES as readonly string[]).includes(r.status)) return [`${at(r)}: status "${r.status}" is not one of ${STATUSES.join(', ')}`];
      if (r.status === 'supported' && r.promoc === '') return [`${at(r)}: a supported row names the promoc field it comes from`];
      if (r.status === 'refused' && (r.promoc === '' || r.note === ''))
        return [`${at(r)}: a refused row says how promoc refuses it (promoc) and the reason and alternative (note)`];
      if ((r.status === 'not yet' || r.status === 'outside') && r.note === '') return [`${at(r)}: a "${r.status}" row says why in its note`];
      return [];
    });
    expect(bad).toEqual([]);
  });

  it('has a case for every supported and every refused row', () => {
    const missing = rows.flatMap((r) => {
      if (r.status === 'supported' && !roundTripped.has(r.id) && !scenarios.has(r.id) && !testedElsewhere.has(r.id))
        return [`${at(r)}: supported, but no round trip or scenario in test/fidelity/rows/ names it`];
      if (r.status === 'refused' && !refusedBy.has(r.id) && !scenarios.has(r.id) && !testedElsewhere.has(r.id))
        return [`${at(r)}: refused, but no refusal case in test/fidelity/rows/ names it`];
      return [];
    });
    expect(missing).toEqual([]);
  });

  it('names in its cases only rows of the table, with the status they test', () => {
    const wrong = [
      ...[...roundTripped].filter((id) => byId.get(id)?.status !== 'supported').map((id) => `round trip names ${id}: ${byId.get(id)?.status ?? 'no such row'}`),
      ...[...refusedBy].filter((id) => byId.get(id)?.status !== 'refused').map((id) => `refusal names ${id}: ${byId.get(id)?.status ?? 'no such row'}`),
      ...[...scenarios, ...testedElsewhere]
        .filter((id) => !['supported', 'refused'].includes(byId.get(id)?.status ?? ''))
        .map((id) => `scenario names ${id}: ${byId.get(id)?.status ?? 'no such row'}`),
    ];
    expect(wrong).toEqual([]);
  });

  it('points elsewhere only at tests that exist', () => {
    const gone = elsewhere
      .filter((c) => {
        let text = '';
        try {
          text = readFileSync(`${ROOT}/${c.file}`, 'utf8');
        } catch {
          return true;
        }
        return ![`'${c.test.replaceAll("'", "\\'")}'`, `"${c.test}"`, `\`${c.test}\``].some((quoted) => text.includes(`it(${quoted}`));
      })
      .map((c) => `${c.file}: ${c.test}`);
    expect(gone).toEqual([]);
  });
});

describe('the table parser', () => {
  it('reads ids, statuses and cells with pipes inside code spans', () => {
    const t = parseTable(
      '## X\n\n| id | item | status | promoc | note / test |\n|---|---|---|---|---|\n| `x.a` | `a \\| b` and `c|d` | supported | `spec.code` | |\n',
    );
    expect(t.problems).toEqual([]);
    expect(t.rows).toEqual([{ id: 'x.a', section: 'X', item: '`a | b` and `c|d`', status: 'supported', promoc: '`spec.code`', note: '', line: 5 }]);
  });

  it('reports a row with a missing cell and a malformed id', () => {
    const t = parseTable(
      '| id | item | status | promoc | note / test |\n|---|---|---|---|---|\n| Bad Id | a | supported | b |\n| `y` | a | refused | b | c |\n',
    );
    expect(t.problems).toEqual([
      'docs/fidelity.md:3: 4 cells, expected 5 (id, item, status, promoc, note / test)',
      'docs/fidelity.md:4: id "`y`" must look like `ev.max-uses` (prefix.words)',
    ]);
  });
});
