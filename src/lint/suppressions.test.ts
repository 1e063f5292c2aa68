import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../model/diagnostic.js';
import { applySuppressions, parseDirectives } from './suppressions.js';

const finding = (ruleId: string, line: number): Diagnostic => ({
  ruleId,
  severity: 'warn',
  file: 'a.yaml',
  message: `${ruleId} on ${line}`,
  range: { start: { line, col: 3 }, end: { line, col: 9 } },
});
const ctx = {
  known: new Set(['stacking/shadowed', 'code/confusable', 'window/expired']),
  enabled: new Set(['stacking/shadowed', 'code/confusable']),
  now: new Date('2027-06-15T12:00:00Z'),
  severity: () => 'warn' as const,
};

describe('parseDirectives', () => {
  it('reads rules, reason and expiry, and targets the next line that is not blank or a comment', () => {
    const text = [
      'spec:',
      '  # promoc-disable-next-line stacking/shadowed, code/confusable -- agreed with growth until 2027-12-31',
      '',
      '  # another comment',
      '  code: SUMMER25',
      '  name: x # promoc-disable-next-line window/expired -- trailing comments count too',
      '  window: {}',
    ].join('\n');
    expect(parseDirectives('a.yaml', text)).toEqual([
      { file: 'a.yaml', line: 2, col: 3, target: 5, rules: ['stacking/shadowed', 'code/confusable'], reason: 'agreed with growth', until: '2027-12-31' },
      { file: 'a.yaml', line: 6, col: 11, target: 7, rules: ['window/expired'], reason: 'trailing comments count too' },
    ]);
  });

  it('marks directives it cannot read', () => {
    const [a, b, c] = parseDirectives(
      'a.yaml',
      '# promoc-disable-next-line -- why\nx: 1\n# promoc-disable-next-line Stacking -- ' +
        'why\nx: 2\n# promoc-disable-next-line code/confusable -- why until 2027-02-30\nx: 3',
    );
    expect(a!.malformed).toBe('it names no rule');
    expect(b!.malformed).toBe('"Stacking" is not a rule id (group/name)');
    expect(c!.malformed).toMatch(/not a date/);
  });

  it('ignores text without the marker and the marker inside a value', () => {
    expect(parseDirectives('a.yaml', 'a: 1\nb: 2')).toEqual([]);
    expect(parseDirectives('a.yaml', 'note: "see promoc-disable-next-line docs"\nb: 2')).toEqual([]);
  });
});

describe('applySuppressions', () => {
  const run = (text: string, findings: Diagnostic[]) => applySuppressions(findings, parseDirectives('a.yaml', text), ctx);

  it('drops the finding on the next line and counts it', () => {
    const r = run('# promoc-disable-next-line stacking/shadowed -- intended\nx: 1', [
      finding('stacking/shadowed', 2),
      finding('code/confusable', 2),
      finding('stacking/shadowed', 3),
    ]);
    expect(r.kept.map((d) => `${d.ruleId}@${d.range!.start.line}`)).toEqual(['code/confusable@2', 'stacking/shadowed@3']);
    expect(r.suppressed).toBe(1);
    expect(r.problems).toEqual([]);
  });

  it('requires a reason: without one nothing is suppressed and an error is reported', () => {
    for (const text of [
      '# promoc-disable-next-line stacking/shadowed\nx: 1',
      '# promoc-disable-next-line stacking/shadowed --   \nx: 1',
      '# promoc-disable-next-line stacking/shadowed -- until 2027-12-01\nx: 1',
    ]) {
      const r = run(text, [finding('stacking/shadowed', 2)]);
      expect(r.kept).toHaveLength(1);
      expect(r.problems.map((p) => [p.ruleId, p.severity])).toEqual([['suppression/missing-reason', 'error']]);
    }
  });

  it('stops suppressing after its until day and reports the expiry', () => {
    const onDay = run('# promoc-disable-next-line stacking/shadowed -- ok until 2027-06-15\nx: 1', [finding('stacking/shadowed', 2)]);
    expect(onDay.kept).toEqual([]);
    const after = run('# promoc-disable-next-line stacking/shadowed -- ok until 2027-06-14\nx: 1', [finding('stacking/shadowed', 2)]);
    expect(after.kept).toHaveLength(1);
    expect(after.problems.map((p) => p.ruleId)).toEqual(['suppression/expired']);
    expect(after.problems[0]!.message).toContain('expired on 2027-06-14');
  });

  it('reports unused directives, but not those for rules that are off', () => {
    const r = run('# promoc-disable-next-line code/confusable -- old\nx: 1\n# promoc-disable-next-line window/expired -- rule off in this run\ny: 2', []);
    expect(r.problems.map((p) => [p.ruleId, p.range!.start.line])).toEqual([['suppression/unused', 1]]);
  });

  it('reports unknown rule ids as malformed', () => {
    const r = run('# promoc-disable-next-line stacking/shadow -- typo\nx: 1', [finding('stacking/shadowed', 2)]);
    expect(r.kept).toHaveLength(1);
    expect(r.problems[0]!.message).toContain('"stacking/shadow", which is not a lint rule');
  });
});
