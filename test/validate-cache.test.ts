// The validation cache: a second run reads unchanged files from it, a changed file is re-checked,
// and a schema/tool version change (a different key) starts from scratch.
import { cpSync, mkdtempSync, rmSync, statSync, writeFileSync, readFileSync, utimesSync } from 'node:fs';
import { contentHash, ValidationCache } from '../src/load/cache.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { loadProject } from '../src/load/project.js';

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

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

function repo(): string {
  dir = mkdtempSync(join(tmpdir(), 'promoc-cache-'));
  cpSync(join(import.meta.dirname, '../campaigns'), join(dir, 'campaigns'), { recursive: true });
  writeFileSync(join(dir, 'promoc.config.yaml'), 'apiVersion: promoc/v1\nkind: Config\ncampaigns: ["campaigns/**/*.yaml"]\n');
  return dir;
}
const cacheFile = (): string => join(dir, '.promoc-cache/validate.json');

it('checks a file again when its cache entry is damaged but still parses, or torn', async () => {
  repo();
  const cold = await loadProject({ cwd: dir });
  const lines = readFileSync(cacheFile(), 'utf8').split('\n');
  // Three entries keep their path and stat but lose their result: null, another file's, a bare object; one line is torn.
  const damaged = (i: number, result: unknown): string => {
    const l = JSON.parse(lines[i]!) as unknown[];
    l[7] = result;
    return JSON.stringify(l);
  };
  lines[1] = damaged(1, null);
  lines[2] = damaged(2, { file: 'campaigns/other.yaml', docs: [], diagnostics: [] });
  lines[3] = damaged(3, {});
  lines[4] = lines[4]!.slice(0, 40);
  writeFileSync(cacheFile(), lines.join('\n'));
  const warm = await loadProject({ cwd: dir });
  expect(warm.stats.fromCache).toBe(warm.stats.files - 4);
  expect(warm.model.resources).toEqual(cold.model.resources);
  expect(warm.diagnostics).toEqual([]);
  // The damaged file was rewritten whole: every line parses again.
  const again = await loadProject({ cwd: dir });
  expect(again.stats.fromCache).toBe(again.stats.files);
});

it('sees a change that keeps size and mtime: inside the run window by hash, outside it by ctime', async () => {
  repo();
  const file = join(dir, 'campaigns/ev/charge25.yaml');
  const before = statSync(file);
  await loadProject({ cwd: dir });
  // Same length, same mtime (set back): the stat differs only in ctime, and the times are recent, so the hash decides too.
  writeFileSync(file, readFileSync(file, 'utf8').replace('CHARGE25', 'charge25'));
  utimesSync(file, before.atime, before.mtime);
  expect(statSync(file).size).toBe(before.size);
  const changed = await loadProject({ cwd: dir });
  expect(changed.stats.fromCache).toBe(changed.stats.files - 1);
  expect(changed.diagnostics.map((d) => d.ruleId)).toContain('schema/code-format');
});

it("confirms an entry whose stat is unchanged by its hash when the file was written in the checking run's window", () => {
  repo();
  const file = join(dir, 'campaigns/ev/charge25.yaml');
  const st = statSync(file);
  const result = { file: 'campaigns/ev/charge25.yaml', docs: [], diagnostics: [] };
  // The run that checked it started just before the file's times: the entry is racy.
  const first = ValidationCache.open(cacheFile(), 'k', st.mtimeMs);
  first.put('campaigns/ev/charge25.yaml', contentHash(readFileSync(file)), st, result);
  first.save();
  let reads = 0;
  const same = ValidationCache.open(cacheFile(), 'k', st.mtimeMs + 10);
  expect(
    same.lookup('campaigns/ev/charge25.yaml', st, () => {
      reads += 1;
      return readFileSync(file);
    }),
  ).toEqual(result);
  expect(reads).toBe(1);
  // Same stat, other bytes (a write in the same clock tick): a miss.
  const other = ValidationCache.open(cacheFile(), 'k', st.mtimeMs + 10);
  expect(other.lookup('campaigns/ev/charge25.yaml', st, () => Buffer.from('other'))).toBeUndefined();
  // Checked long after its last write: trusted by stat, not read.
  const old = { ...st, mtimeMs: st.mtimeMs - 60_000, ctimeMs: st.ctimeMs - 60_000, size: st.size, ino: st.ino };
  const later = ValidationCache.open(join(dir, 'other.json'), 'k', st.mtimeMs);
  later.put('campaigns/ev/charge25.yaml', 'h', old, result);
  later.save();
  expect(
    ValidationCache.open(join(dir, 'other.json'), 'k', st.mtimeMs).lookup('campaigns/ev/charge25.yaml', old, () => {
      throw new Error('read');
    }),
  ).toEqual(result);
  // Another key (tool version, build, schema or config digest): empty.
  expect(
    ValidationCache.open(join(dir, 'other.json'), 'k2', st.mtimeMs).lookup('campaigns/ev/charge25.yaml', old, () => {
      throw new Error('read');
    }),
  ).toBeUndefined();
});

it('forgets a deleted file, checks a new one, and starts again when the config changes', async () => {
  repo();
  const cold = await loadProject({ cwd: dir });
  rmSync(join(dir, 'campaigns/ev/charge25.yaml'));
  const deleted = await loadProject({ cwd: dir });
  expect(deleted.stats.files).toBe(cold.stats.files - 1);
  expect(deleted.stats.fromCache).toBe(deleted.stats.files);
  expect(deleted.model.resources.length).toBeLessThan(cold.model.resources.length);

  writeFileSync(join(dir, 'campaigns/new.yaml'), readFileSync(join(import.meta.dirname, '../campaigns/ev/charge25.yaml'), 'utf8'));
  const added = await loadProject({ cwd: dir });
  expect(added.stats.files).toBe(cold.stats.files);
  expect(added.stats.fromCache).toBe(added.stats.files - 1);
  // The deleted file comes back under its old name: checked, not served from the tombstoned entry.
  cpSync(join(import.meta.dirname, '../campaigns/ev/charge25.yaml'), join(dir, 'campaigns/ev/charge25.yaml'));
  const back = await loadProject({ cwd: dir });
  expect(back.stats.fromCache).toBe(back.stats.files - 1);
  expect(back.diagnostics.map((d) => d.ruleId)).toContain('model/duplicate-name');

  writeFileSync(join(dir, 'promoc.config.yaml'), 'apiVersion: promoc/v1\nkind: Config\ncampaigns: ["campaigns/**/*.yaml"]\n# changed\n');
  const config = await loadProject({ cwd: dir });
  expect(config.stats.fromCache).toBe(0);
});
