import { describe, expect, it } from 'vitest';
import { locateDiagnostics } from '../../src/load/locate.js';
import type { Diagnostic, Range } from '../../src/model/diagnostic.js';

const A = 'apiVersion: promoc/v1\nkind: Promotion\nmetadata:\n  name: a\nspec:\n  code: A1\n  benefits:\n    - percentOff: 10\n';
const B = 'apiVersion: promoc/v1\nkind: Promotion\nmetadata: { name: b }\nspec: { code: B1 }\n';
const texts: Record<string, string> = { 'a.yaml': A, 'b.yaml': B };
const at = (line: number, col: number): Range => ({ start: { line, col }, end: { line, col: col + 1 } });

describe('locateDiagnostics', () => {
  it('adds ranges as a spread copy would: same keys in the same order, located ones left alone, related in place', () => {
    const diags: Diagnostic[] = [
      { ruleId: 'x/one', severity: 'warn', message: 'm1', file: 'a.yaml', docIndex: 0, path: ['spec', 'code'] },
      { ruleId: 'x/two', severity: 'error', message: 'm2', file: 'b.yaml', range: at(2, 1) },
      { ruleId: 'x/three', severity: 'info', message: 'm3', file: '', path: ['spec'] },
      {
        ruleId: 'x/four',
        severity: 'warn',
        message: 'm4',
        range: undefined,
        file: 'a.yaml',
        docIndex: 0,
        path: ['spec', 'benefits', 0, 'percentOff'],
        related: [
          { file: 'b.yaml', docIndex: 0, path: ['metadata', 'name'], message: 'r1' },
          { file: 'b.yaml', range: at(9, 9), message: 'r2' },
        ],
        hint: 'h',
      },
      {
        ruleId: 'x/five',
        severity: 'warn',
        message: 'm5',
        file: 'b.yaml',
        range: at(1, 1),
        related: [{ file: 'a.yaml', docIndex: 0, path: ['metadata', 'name'], atKey: true, message: 'r3' } as never],
      },
      { ruleId: 'x/six', severity: 'warn', message: 'm6', file: 'b.yaml', range: at(3, 3), related: [{ file: 'a.yaml', range: at(1, 1), message: 'r4' }] },
    ];
    const located = locateDiagnostics(diags, (f) => texts[f]!);
    // Key order is what JSON and the cache write; a spread copy is the reference.
    const reference = [
      { ...diags[0], range: { start: { line: 6, col: 9 }, end: { line: 6, col: 11 } } },
      diags[1],
      diags[2],
      {
        ...diags[3],
        range: { start: { line: 8, col: 19 }, end: { line: 8, col: 21 } },
        related: [{ ...diags[3]!.related![0]!, range: { start: { line: 3, col: 19 }, end: { line: 3, col: 20 } } }, diags[3]!.related![1]],
      },
      { ...diags[4], related: [{ ...diags[4]!.related![0]!, range: { start: { line: 4, col: 3 }, end: { line: 4, col: 7 } } }] },
      diags[5],
    ];
    expect(JSON.stringify(located)).toBe(JSON.stringify(reference));
    expect(located.map((d) => Object.keys(d))).toEqual(reference.map((d) => Object.keys(d!)));
    expect(Object.keys(located[3]!)).toContain('range');
    expect(located[1]).toBe(diags[1]);
    // The inputs are not changed.
    expect(diags[0]!.range).toBeUndefined();
    expect(diags[3]!.related![0]!.range).toBeUndefined();
  });

  it('locates a related location shared by several diagnostics once, as it locates equal separate ones', () => {
    const shared = { file: 'a.yaml', docIndex: 0, path: ['spec', 'benefits', 0], message: 'shared' };
    const make = (r1: object, r2: object): Diagnostic[] => [
      { ruleId: 'x/one', severity: 'warn', message: 'm1', file: 'b.yaml', docIndex: 0, path: ['spec', 'code'], related: [r1 as never] },
      { ruleId: 'x/two', severity: 'warn', message: 'm2', file: 'a.yaml', docIndex: 0, path: ['metadata', 'name'] },
      {
        ruleId: 'x/three',
        severity: 'warn',
        message: 'm3',
        file: 'b.yaml',
        docIndex: 0,
        path: ['metadata'],
        related: [{ file: 'b.yaml', docIndex: 0, path: ['spec'], message: 'own' }, r2 as never],
      },
    ];
    const sharing = locateDiagnostics(make(shared, shared), (f) => texts[f]!);
    const separate = locateDiagnostics(make({ ...shared }, { ...shared }), (f) => texts[f]!);
    expect(JSON.stringify(sharing)).toBe(JSON.stringify(separate));
    expect(sharing[0]!.related![0]!.range).toEqual({ start: { line: 8, col: 7 }, end: { line: 9, col: 1 } });
    expect(sharing[2]!.related![1]).toBe(sharing[0]!.related![0]);
    expect(sharing[2]!.related![0]!.range).toEqual({ start: { line: 4, col: 7 }, end: { line: 4, col: 19 } });
  });
});
