// The example campaigns price three products (EV charging, vehicle rentals, subscription billing): no lint
// finding may pair campaigns of different products, nor campaigns planned on two different APIs (a Lago
// invoice applies Lago coupons only), and every campaign's product is known.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/load/project.js';
import { lintModel } from '../../src/lint/lint-model.js';
import { pricingApiOf, productOf } from '../../src/model/product.js';
import { runCli } from '../helpers/run-cli.js';
import { isCampaign } from '../../src/model/resource.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('lint on the example campaigns', async () => {
  const project = await loadProject({ cwd: ROOT, cache: false });
  const byDoc = new Map(project.model.resources.map((l) => [`${l.source.file}#${l.source.docIndex}`, l.resource]));
  const product = (file: string, docIndex: number | undefined) => {
    const r = byDoc.get(`${file}#${docIndex ?? 0}`);
    return r && isCampaign(r) ? productOf(r).product : undefined;
  };
  const findings = lintModel(project.model, { now: new Date('2027-01-15T00:00:00Z') });

  it('knows the product of every campaign', () => {
    const unknown = project.model.resources.filter((l) => isCampaign(l.resource) && productOf(l.resource).product === undefined);
    expect(unknown.map((l) => l.resource.metadata.name)).toEqual([]);
  });

  it('pairs no campaigns of different products', () => {
    const paired = findings.filter((f) => (f.related ?? []).length > 0);
    expect(paired.length).toBeGreaterThan(0);
    const crossing = paired
      .flatMap((f) => (f.related ?? []).map((r) => ({ f, r })))
      .filter(({ f, r }) => {
        const a = product(f.file, f.docIndex);
        const b = product(r.file, r.docIndex);
        return a !== undefined && b !== undefined && a !== b;
      })
      .map(({ f, r }) => `${f.ruleId}: ${f.file} ↔ ${r.file}`);
    expect(crossing).toEqual([]);
  });

  it('pairs, through the promoc lint command, no campaigns of different products or of two APIs', async () => {
    const run = await runCli(['lint', '--format', 'json'], { cwd: ROOT });
    const report = JSON.parse(run.stdout) as { diagnostics: { ruleId: string; file: string; line: number; related?: { file: string; line: number }[] }[] };
    // The document a line is in: the number of `---` separators above it.
    const docAt = (file: string, line: number): number =>
      readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .slice(0, line - 1)
        .filter((l) => /^---\s*$/.test(l)).length;
    const at = (file: string, line: number) => byDoc.get(`${file}#${docAt(file, line)}`);
    const pairs = report.diagnostics.flatMap((d) => (d.related ?? []).map((r) => ({ d, a: at(d.file, d.line), b: at(r.file, r.line), other: r.file })));
    expect(pairs.length).toBeGreaterThan(0);
    const crossing = pairs
      .filter(
        ({ a, b }) =>
          a === undefined ||
          b === undefined ||
          productOf(a).product !== productOf(b).product ||
          (pricingApiOf(a) !== undefined && pricingApiOf(b) !== undefined && pricingApiOf(a) !== pricingApiOf(b)),
      )
      .map(({ d, other }) => `${d.ruleId}: ${d.file} ↔ ${other}`);
    expect(crossing).toEqual([]);
  });
});
