// Every bad input gets a located, human diagnostic and exit 1; never a stack trace.
import { mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectGolden } from './helpers/golden.js';
import { runCli, type CliRun } from './helpers/run-cli.js';

const fixtures = join(import.meta.dirname, 'fixtures/validate');
const generatedGoldens = join(import.meta.dirname, 'fixtures/validate-generated');

function transcript(r: CliRun): string {
  return `exit: ${r.code}\n--- stdout\n${r.stdout}--- stderr\n${r.stderr}`;
}

function expectCleanFailure(r: CliRun): void {
  expect(r.code).toBe(1);
  expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/); // no stack trace
  expect(r.stdout).toMatch(/:\d+:\d+ {2}error {2}|^\S+ {2}error {2}/m);
}

describe('bad input fixtures', () => {
  for (const name of readdirSync(fixtures).sort()) {
    it(name, async () => {
      const r = await runCli(['validate', '--no-cache', '.'], { cwd: join(fixtures, name) });
      expectCleanFailure(r);
      expectGolden(join(fixtures, name, 'expected.txt'), transcript(r));
    });
  }
});

describe('generated bad input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'promoc-validate-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cases: Record<string, (d: string) => string[]> = {
    'large-file': (d) => {
      const line = '# padding padding padding padding padding padding padding padding padding\n';
      writeFileSync(join(d, 'huge.yaml'), line.repeat(Math.ceil((50 * 1024 * 1024) / line.length)));
      return ['huge.yaml'];
    },
    'binary-file': (d) => {
      writeFileSync(join(d, 'image.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
      return ['image.yaml'];
    },
    'latin1-file': (d) => {
      writeFileSync(join(d, 'latin1.yaml'), Buffer.from('apiVersion: promoc/v1\nkind: Tag\nmetadata:\n  name: caf\xe9\n', 'latin1'));
      return ['latin1.yaml'];
    },
    'missing-path': () => ['campaigns/does-not-exist.yaml'],
  };
  for (const [name, make] of Object.entries(cases)) {
    it(name, async () => {
      const d = join(dir, name);
      mkdirSync(d);
      const args = make(d);
      const r = await runCli(['validate', '--no-cache', ...args], { cwd: d });
      expectCleanFailure(r);
      expectGolden(join(generatedGoldens, `${name}.txt`), transcript(r));
    });
  }
});
