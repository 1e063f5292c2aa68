// The texts the loader keeps for `lint` (locating, suppressions, code frames) are exactly what reading the
// file as UTF-8 gives; a file whose decoded text differs (a BOM) or that was not read in this run is left out,
// so the lint command reads it itself as before.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { loadProject } from '../../src/load/project.js';

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('keeps the text of each file read in the run, as a UTF-8 read gives it, and none with a BOM', async () => {
  dir = mkdtempSync(join(tmpdir(), 'promoc-texts-'));
  cpSync(join(import.meta.dirname, '../../campaigns'), join(dir, 'campaigns'), { recursive: true });
  writeFileSync(join(dir, 'promoc.config.yaml'), 'apiVersion: promoc/v1\nkind: Config\ncampaigns: ["campaigns/**/*.yaml"]\n');
  const bom = 'campaigns/ev/charge25.yaml';
  writeFileSync(join(dir, bom), `\ufeff${readFileSync(join(dir, bom), 'utf8')}`);

  const plain = await loadProject({ cwd: dir, cache: false });
  expect(plain.texts).toBeUndefined();

  const cold = await loadProject({ cwd: dir, keepTexts: true });
  expect(cold.stats.fromCache).toBe(0);
  expect(cold.texts!.has(bom)).toBe(false);
  expect([...cold.texts!.keys()].sort()).toEqual(cold.files.filter((f) => f !== bom));
  for (const [file, text] of cold.texts!) expect(text).toBe(readFileSync(join(dir, file), 'utf8'));
  expect(cold.model).toEqual(plain.model);
  expect(cold.diagnostics).toEqual(plain.diagnostics);

  // Answered from the cache: nothing was read, nothing is kept.
  const warm = await loadProject({ cwd: dir, keepTexts: true });
  expect(warm.stats.fromCache).toBe(warm.stats.files);
  expect(warm.texts!.size).toBe(0);
});
