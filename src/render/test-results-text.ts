// `promoc test` output: a line per case, and for a failure each mismatch as a small diff
// (- expected, + actual), like a test runner. Pure: returns a string.
import pc from 'picocolors';
import type { CaseResult } from '../bundle/vectors/check.js';
import type { TestFileProblem } from '../bundle/vectors/parse.js';

export function renderResults(results: readonly CaseResult[], problems: readonly TestFileProblem[], color: boolean): string {
  const c = pc.createColors(color);
  const out: string[] = [];
  let file = '';
  for (const r of results) {
    if (r.case.file !== file) {
      file = r.case.file;
      out.push(c.bold(file));
    }
    const failed = r.error !== undefined || r.mismatches.length > 0;
    out.push(`  ${failed ? c.red('✗') : c.green('✓')} ${r.case.name}`);
    if (r.error) out.push(`      ${c.red(r.error)}`);
    for (const m of r.mismatches) {
      out.push(`      ${c.dim(m.field)}`, `      ${c.green(`- ${m.expected}`)}`, `      ${c.red(`+ ${m.actual}`)}`);
    }
  }
  for (const p of problems) out.push(`${c.bold(p.file)}  ${c.red('error')}  ${p.message}`);
  const failed = results.filter((r) => r.error !== undefined || r.mismatches.length > 0).length;
  const summary =
    `${results.length - failed} passed, ${failed} failed` +
    `${problems.length > 0 ? `, ${problems.length} file problem${problems.length === 1 ? '' : 's'}` : ''}`;
  out.push('', failed > 0 || problems.length > 0 ? c.red(c.bold(`✖ ${summary}`)) : c.green(c.bold(`✔ ${summary}`)));
  return `${out.join('\n')}\n`;
}

export function hasFailures(results: readonly CaseResult[], problems: readonly TestFileProblem[]): boolean {
  return problems.length > 0 || results.some((r) => r.error !== undefined || r.mismatches.length > 0);
}
