// Keeps the registry, the docs and the fixtures honest (like typescript-eslint's docs.test): every rule
// has its file, a docs page whose description and default severity equal its metadata, valid and invalid
// fixtures whose goldens use every message id, and no page documents a rule that does not exist.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/lint/registry.js';
import { RUNNER_CHECKS } from '../../src/lint/runner.js';
import { fixtureFiles, REPO_ROOT } from './fixture-model.js';

const DOCS = join(REPO_ROOT, 'docs', 'rules');

/** Message ids no loader-valid fixture can produce; each is covered by a unit test named here. */
const UNREACHABLE_FROM_FIXTURES: Readonly<Record<string, string>> = {
  'geofence/invalid-geometry:too-few-positions': 'the schema requires 4 positions (src/geo/validity.test.ts)',
  'geofence/invalid-geometry:out-of-range': 'the schema bounds coordinates (src/geo/validity.test.ts, test/lint/lint-model.test.ts)',
  'geofence/invalid-geometry:swapped-position': 'the schema bounds coordinates (test/lint/lint-model.test.ts)',
  'window/empty:empty': 'the loader reports schema/window first (test/lint/lint-model.test.ts)',
  'window/empty:emptyPhase': 'the loader reports schema/window first (test/lint/lint-model.test.ts)',
};

function docPage(id: string): string[] {
  return readFileSync(join(DOCS, `${id}.md`), 'utf8').split('\n');
}

describe('rule registry', () => {
  it('has unique ids, each in the file named by its id', () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(existsSync(join(REPO_ROOT, 'src', 'lint', 'rules', `${id}.ts`)), id).toBe(true);
  });

  for (const rule of rules) {
    describe(rule.id, () => {
      it('has a docs page repeating its description, default severity and message ids', () => {
        const lines = docPage(rule.id);
        expect(lines[0]).toBe(`# ${rule.id}`);
        expect(lines[2]).toBe(rule.description);
        expect(lines[4]).toBe(
          `**Default severity:** \`${rule.defaultSeverity}\` · **Message ids:** ${Object.keys(rule.messages)
            .map((m) => `\`${m}\``)
            .join(', ')}`,
        );
        for (const heading of ['## What it checks', '## Why it matters', '## How to fix', '## Examples']) expect(lines).toContain(heading);
      });

      it('has a hint for every message', () => {
        expect(Object.keys(rule.hints).sort()).toEqual(Object.keys(rule.messages).sort());
      });

      it('has valid and invalid fixtures whose goldens use every message id', () => {
        const valid = fixtureFiles(rule.id, 'valid');
        const invalid = fixtureFiles(rule.id, 'invalid');
        expect(valid.length).toBeGreaterThan(0);
        expect(invalid.length).toBeGreaterThan(0);
        const used = new Set(
          invalid.flatMap((f) => (JSON.parse(readFileSync(f.replace(/\.yaml$/, '.expected.json'), 'utf8')) as { messageId: string }[]).map((x) => x.messageId)),
        );
        const missing = Object.keys(rule.messages).filter((m) => !used.has(m) && !UNREACHABLE_FROM_FIXTURES[`${rule.id}:${m}`]);
        expect(missing).toEqual([]);
      });
    });
  }
});

describe('runner checks', () => {
  for (const check of RUNNER_CHECKS) {
    it(`${check.id} has a docs page repeating its description and default severity`, () => {
      const lines = docPage(check.id);
      expect(lines[0]).toBe(`# ${check.id}`);
      expect(lines[2]).toBe(check.description);
      expect(lines[4]).toBe(`**Default severity:** \`${check.defaultSeverity}\` · **Message ids:** —`);
    });
  }
});

describe('docs/rules', () => {
  const pages = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const abs = join(dir, f);
      return statSync(abs).isDirectory() ? pages(abs) : f.endsWith('.md') ? [relative(DOCS, abs).replace(/\.md$/, '').split('\\').join('/')] : [];
    });

  it('documents no rule that does not exist', () => {
    const known = new Set<string>([...rules.map((r) => r.id), ...RUNNER_CHECKS.map((c) => c.id), 'README']);
    expect(pages(DOCS).filter((p) => !known.has(p))).toEqual([]);
  });

  it('lists every rule and check in the index with its default severity and description', () => {
    const index = readFileSync(join(DOCS, 'README.md'), 'utf8');
    for (const r of [...rules, ...RUNNER_CHECKS]) expect(index).toContain(`| [${r.id}](${r.id}.md) | ${r.defaultSeverity} | ${r.description} |`);
  });
});
