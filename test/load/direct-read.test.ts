// Files the walk saw as regular files and the cache has no entry for (every file without a cache or on a cold
// one) are opened and checked through the descriptor instead of lstat'ed first: the results (refusals of
// too-large and empty files included) are those of the stat path, and the descriptor's stat, stored in the
// cache, makes the next run's lstat a hit.
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
  const cold = await loadProject({ cwd: dir, cache: true });
  const statted = await loadProject({ cwd: dir, cache: true });
  expect(direct.diagnostics.map((d) => d.ruleId).sort()).toEqual(['load/empty', 'load/too-large']);
  for (const other of [cold, statted]) {
    expect(other.diagnostics).toEqual(direct.diagnostics);
    expect(other.model.resources).toEqual(direct.model.resources);
    expect(other.model.geometries).toEqual(direct.model.geometries);
    expect(other.files).toEqual(direct.files);
  }
  expect(cold.stats.fromCache).toBe(0);
  // Every file but the refused one (not cached, looked at again) is answered by the stat stored from its descriptor.
  expect(statted.stats.fromCache).toBe(statted.files.length - 1);
});
