// Every rule's fixtures: `valid/*.yaml` must produce no finding of the rule, `invalid/*.yaml` exactly the
// findings in the sibling `.expected.json` (messageId, line, col). UPDATE_GOLDEN=1 rewrites the goldens.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIXTURE_NOW, fixtureFiles, loadFixture } from '../../../test/lint/fixture-model.js';
import { locateDiagnostics } from '../../load/locate.js';
import { lintModel } from '../lint-model.js';
import { rules } from '../registry.js';
import type { LintDiagnostic } from '../types.js';

async function findings(ruleId: string, abs: string) {
  const fx = await loadFixture(abs);
  expect(
    fx.problems.map((p) => `${p.ruleId}: ${p.message}`),
    `${fx.file} must be a valid project`,
  ).toEqual([]);
  const found = lintModel(fx.model, { now: FIXTURE_NOW, only: [ruleId], ...fx.options }) as LintDiagnostic[];
  const located = locateDiagnostics(found, () => fx.text) as LintDiagnostic[];
  return located
    .map((d) => ({ messageId: d.messageId, line: d.range!.start.line, col: d.range!.start.col, message: d.message }))
    .sort((a, b) => a.line - b.line || a.col - b.col || a.messageId.localeCompare(b.messageId));
}

for (const rule of rules) {
  describe(rule.id, () => {
    for (const abs of fixtureFiles(rule.id, 'valid')) {
      it(`valid/${abs.split('/').at(-1)}`, async () => {
        expect((await findings(rule.id, abs)).map((f) => f.message)).toEqual([]);
      });
    }
    for (const abs of fixtureFiles(rule.id, 'invalid')) {
      it(`invalid/${abs.split('/').at(-1)}`, async () => {
        const got = await findings(rule.id, abs);
        const goldenFile = abs.replace(/\.yaml$/, '.expected.json');
        const golden = got.map(({ messageId, line, col }) => ({ messageId, line, col }));
        if (process.env.UPDATE_GOLDEN) writeFileSync(goldenFile, `${JSON.stringify(golden, null, 2)}\n`);
        expect(got.length, 'an invalid fixture must produce findings').toBeGreaterThan(0);
        expect(golden).toEqual(JSON.parse(readFileSync(goldenFile, 'utf8')));
      });
    }
  });
}
