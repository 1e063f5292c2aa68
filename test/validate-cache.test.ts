// The validation cache: a second run reads unchanged files from it, a changed file is re-checked,
// and a schema/tool version change (a different key) starts from scratch.
import { cpSync, mkdtempSync, rmSync, writeFileSync, readFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { loadProject } from '../src/load/project.js';

let dir = '';
afterEach(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

it('reuses results for unchanged files and re-checks changed ones', async () => {
  dir = mkdtempSync(join(tmpdir(), 'promoc-cache-'));
  cpSync(join(import.meta.dirname, '../campaigns'), join(dir, 'campaigns'), { recursive: true });
  writeFileSync(join(dir, 'promoc.config.yaml'), 'apiVersion: promoc/v1\nkind: Config\ncampaigns: ["campaigns/**/*.yaml"]\n');
  const cold = await loadProject({ cwd: dir });
  expect(cold.stats.fromCache).toBe(0);
  expect(cold.diagnostics).toEqual([]);

  const warm = await loadProject({ cwd: dir });
  expect(warm.stats.fromCache).toBe(warm.stats.files);
  expect(warm.model.resources).toEqual(cold.model.resources);

  const file = join(dir, 'campaigns/ev/charge25.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('CHARGE25', 'charge25'));
  utimesSync(file, new Date(), new Date(Date.now() + 5_000));
  const changed = await loadProject({ cwd: dir });
  expect(changed.stats.fromCache).toBe(warm.stats.files - 1);
  expect(changed.diagnostics.map((d) => d.ruleId)).toContain('schema/code-format');

  const off = await loadProject({ cwd: dir, cache: false });
  expect(off.stats.fromCache).toBe(0);
});

it('checks a file again when its cache entry is damaged but still parses', async () => {
  dir = mkdtempSync(join(tmpdir(), 'promoc-cache-'));
  cpSync(join(import.meta.dirname, '../campaigns'), join(dir, 'campaigns'), { recursive: true });
  writeFileSync(join(dir, 'promoc.config.yaml'), 'apiVersion: promoc/v1\nkind: Config\ncampaigns: ["campaigns/**/*.yaml"]\n');
  const cold = await loadProject({ cwd: dir });
  const cacheFile = join(dir, '.promoc-cache/validate.json');
  const lines = readFileSync(cacheFile, 'utf8').split('\n');
  // Three entries keep their path, size and mtime but lose their result: null, another file's, a bare object.
  const damaged = [1, 2, 3].map((i) => lines[i]!.split('\t').slice(0, 4).join('\t'));
  lines[1] = `${damaged[0]}\tnull`;
  lines[2] = `${damaged[1]}\t{"file":"campaigns/other.yaml","docs":[],"diagnostics":[]}`;
  lines[3] = `${damaged[2]}\t{}`;
  writeFileSync(cacheFile, lines.join('\n'));
  const warm = await loadProject({ cwd: dir });
  expect(warm.stats.fromCache).toBe(warm.stats.files - 3);
  expect(warm.model.resources).toEqual(cold.model.resources);
  expect(warm.diagnostics).toEqual([]);
});
