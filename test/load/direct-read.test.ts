// Without a cache, files the walk saw as regular files are opened and checked through the descriptor instead
// of lstat'ed first: the results (refusals of too-large and empty files included) are those of the stat path.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { loadProject } from '../../src/load/project.js';

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('reads walked files through the descriptor with the same results as after an lstat', async () => {
  dir = mkdtempSync(join(tmpdir(), 'promoc-direct-'));
  cpSync(join(import.meta.dirname, '../../campaigns'), join(dir, 'campaigns'), { recursive: true });
  writeFileSync(join(dir, 'promoc.config.yaml'), 'apiVersion: promoc/v1\nkind: Config\ncampaigns: ["campaigns/**/*.yaml"]\n');
  writeFileSync(join(dir, 'campaigns/huge.yaml'), `# ${'x'.repeat(3 * 1024 * 1024)}\n`);
  writeFileSync(join(dir, 'campaigns/empty.yaml'), '');
  const direct = await loadProject({ cwd: dir, cache: false });
  const statted = await loadProject({ cwd: dir, cache: true });
  expect(direct.diagnostics.map((d) => d.ruleId).sort()).toEqual(['load/empty', 'load/too-large']);
  expect(direct.diagnostics).toEqual(statted.diagnostics);
  expect(direct.model).toEqual(statted.model);
  expect(direct.files).toEqual(statted.files);
});
