// The validation cache: a second run reads unchanged files from it, a changed file is re-checked,
// and a schema/tool version change (a different key) starts from scratch.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  symlinkSync,
  rmSync,
  statSync,
  writeFileSync,
  readFileSync,
  utimesSync,
} from 'node:fs';
import { contentHash, ValidationCache } from '../src/load/cache.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { loadProject } from '../src/load/project.js';
import type { CheckedFile } from '../src/load/check-file.js';

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
const cacheFile = (): string => join(dir, '.promoc-cache/validate.bin');
/** A cached result reads its documents on demand (a getter): compared by what it holds. */
const plain = (r: CheckedFile | undefined): CheckedFile | undefined => r && { file: r.file, docs: r.docs, diagnostics: r.diagnostics };

it('checks every file again when the cache table is damaged, cut short or from another format', async () => {
  repo();
  const cold = await loadProject({ cwd: dir });
  const table = readFileSync(cacheFile());
  // One byte of a stat changed in place (the table's checksum no longer matches), the table cut short, another format.
  const flipped = Buffer.from(table);
  flipped[flipped.length - 200] = flipped[flipped.length - 200]! ^ 1;
  for (const damaged of [flipped, table.subarray(0, table.length - 8), Buffer.from('[["k",0]]\n')]) {
    writeFileSync(cacheFile(), damaged);
    const warm = await loadProject({ cwd: dir });
    expect(warm.stats.fromCache).toBe(0);
    expect(warm.model.resources).toEqual(cold.model.resources);
    expect(warm.diagnostics).toEqual([]);
    // Rewritten whole: the next run is served from it.
    const again = await loadProject({ cwd: dir });
    expect(again.stats.fromCache).toBe(again.stats.files);
    expect(again.model.resources).toEqual(cold.model.resources);
  }
  // Without its documents file, no entry is believed.
  const docs = readdirSync(join(dir, '.promoc-cache')).filter((f) => f.endsWith('.docs'));
  expect(docs).toHaveLength(1);
  rmSync(join(dir, '.promoc-cache', docs[0]!));
  const gone = await loadProject({ cwd: dir });
  expect(gone.stats.fromCache).toBe(0);
  expect(gone.model.resources).toEqual(cold.model.resources);
});

it('re-checks a file whose cached documents were damaged without changing their length', async () => {
  repo();
  const cold = await loadProject({ cwd: dir });
  const [docs] = readdirSync(join(dir, '.promoc-cache')).filter((f) => f.endsWith('.docs'));
  const file = join(dir, '.promoc-cache', docs!);
  // Same lengths, other bytes: one file's documents no longer match its summary, another's no longer parse.
  const text = readFileSync(file, 'utf8');
  const first = text.indexOf('"index":0');
  const second = text.indexOf('"resource":{', text.indexOf('"index":0', first + 1));
  expect(first).toBeGreaterThanOrEqual(0);
  expect(second).toBeGreaterThan(first);
  writeFileSync(file, `${text.slice(0, first)}"index":7${text.slice(first + 9, second)}"resource":[${text.slice(second + 12)}`);
  const warm = await loadProject({ cwd: dir });
  expect(warm.stats.fromCache).toBe(warm.stats.files);
  expect(warm.model.resources).toEqual(cold.model.resources);
  expect(warm.diagnostics).toEqual(cold.diagnostics);
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
    plain(
      same.lookup('campaigns/ev/charge25.yaml', st, () => {
        reads += 1;
        return readFileSync(file);
      }),
    ),
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
    plain(
      ValidationCache.open(join(dir, 'other.json'), 'k', st.mtimeMs).lookup('campaigns/ev/charge25.yaml', old, () => {
        throw new Error('read');
      }),
    ),
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

/** Everything a load returns but the cache counter. */
const outcome = (r: Awaited<ReturnType<typeof loadProject>>): unknown => ({
  files: r.files,
  resources: r.model.resources,
  geometries: [...r.model.geometries],
  diagnostics: r.diagnostics,
  stats: { ...r.stats, fromCache: 0 },
});

it('gives what a cold load gives after files change, cross-file findings appearing and going with the changed files', async () => {
  repo();
  const night = join(dir, 'campaigns/ev/night-owl.yaml');
  const depot = join(dir, 'campaigns/ev/fleet-depot-discount.yaml');
  const original = { night: readFileSync(night, 'utf8'), depot: readFileSync(depot, 'utf8') };
  let round = 0;
  const edit = (file: string, text: string): void => {
    round += 1;
    writeFileSync(file, text);
    utimesSync(file, new Date(), new Date(Date.now() + round * 10_000));
  };
  const warmEqualsCold = async (): Promise<Awaited<ReturnType<typeof loadProject>>> => {
    const warm = await loadProject({ cwd: dir });
    expect(warm.stats.fromCache).toBeGreaterThan(0);
    const cold = await loadProject({ cwd: dir, cache: false });
    expect(outcome(warm)).toEqual(outcome(cold));
    return warm;
  };
  await loadProject({ cwd: dir });
  const index = (): string => readFileSync(join(dir, '.promoc-cache/index.json'), 'utf8');
  const before = index();

  // A change no summary sees (a label): the stored cross-file results serve, and still equal a cold load.
  edit(night, original.night.replace('team: pricing', 'team: growth'));
  expect((await warmEqualsCold()).diagnostics).toEqual([]);
  expect(index()).toBe(before);

  // A code that another campaign already uses, case aside: the duplicate appears ...
  edit(night, original.night.replace('code: NIGHTOWL', 'code: charge25'));
  expect((await warmEqualsCold()).diagnostics.map((d) => d.ruleId)).toEqual(['model/duplicate-code', 'schema/code-format']);
  // ... and a reference to a user type that does not exist, from another file.
  edit(depot, original.depot.replace('userTypes: [fleet, vip]', 'userTypes: [fleet, vips]'));
  const both = await warmEqualsCold();
  expect(both.diagnostics.map((d) => d.ruleId).sort()).toEqual(['model/duplicate-code', 'model/unresolved-ref', 'schema/code-format']);
  expect(both.diagnostics.find((d) => d.ruleId === 'model/unresolved-ref')?.message).toContain('did you mean "vip"?');

  // Both go when the files are put back; the index made then is the first one again.
  edit(night, original.night);
  edit(depot, original.depot);
  expect((await warmEqualsCold()).diagnostics).toEqual([]);
  expect(index()).toBe(before);

  // A damaged index is not believed (its document count would show in the stats).
  expect(before).toContain('"documents":');
  writeFileSync(join(dir, '.promoc-cache/index.json'), before.replace('"documents":', '"documents":1'));
  edit(depot, original.depot.replace('team: fleet-sales', 'team: fleet'));
  expect((await warmEqualsCold()).diagnostics).toEqual([]);
  expect(index()).toBe(before);
});

it('sees a renamed file, a same-size edit that moved only the mtime, and a cache of another version, equal to a cold load each time', async () => {
  repo();
  await loadProject({ cwd: dir });
  const same = async (): Promise<Awaited<ReturnType<typeof loadProject>>> => {
    const warm = await loadProject({ cwd: dir });
    expect(outcome(warm)).toEqual(outcome(await loadProject({ cwd: dir, cache: false })));
    return warm;
  };
  // Renamed: same inode, size and mtime under another path; the old path is gone.
  const from = join(dir, 'campaigns/ev/night-owl.yaml');
  const to = join(dir, 'campaigns/ev/zz-night-owl.yaml');
  const text = readFileSync(from, 'utf8');
  renameSync(from, to);
  const renamed = await same();
  expect(renamed.files).toContain('campaigns/ev/zz-night-owl.yaml');
  expect(renamed.files).not.toContain('campaigns/ev/night-owl.yaml');
  expect(renamed.stats.fromCache).toBe(renamed.stats.files - 1);
  // Same size, other bytes, written long ago by its mtime (outside any run's window): the mtime alone tells.
  const edited = text.replace('code: NIGHTOWL', 'code: nightowl');
  expect(edited.length).toBe(text.length);
  writeFileSync(to, edited);
  utimesSync(to, new Date(2020, 0, 1), new Date(2020, 0, 1));
  const sizeEqual = await same();
  expect(sizeEqual.stats.fromCache).toBe(sizeEqual.stats.files - 1);
  expect(sizeEqual.diagnostics.map((d) => d.ruleId)).toContain('schema/code-format');
  // A cache written by another version of promoc (another key): nothing is served from it, and it is replaced.
  const table = readFileSync(cacheFile(), 'latin1');
  expect(table).toContain('"key":"');
  writeFileSync(cacheFile(), Buffer.from(table.replace(/"key":"[^:"]*:/, '"key":"0.0.0-other:'), 'latin1'));
  const other = await same();
  expect(other.stats.fromCache).toBe(0);
  expect((await loadProject({ cwd: dir })).stats.fromCache).toBe(other.stats.files);
});

it('misses on a stat that differs in size, mtime, ctime or inode alone, without reading the file', () => {
  repo();
  const st = { size: 100, mtimeMs: 1_000_000.5, ctimeMs: 1_000_001.25, ino: 77 };
  const result = { file: 'a.yaml', docs: [], diagnostics: [] };
  const first = ValidationCache.open(cacheFile(), 'k', 2_000_000);
  first.put('a.yaml', contentHash(Buffer.from('a')), st, result);
  first.save();
  const read = (): Uint8Array => {
    throw new Error('read');
  };
  expect(plain(ValidationCache.open(cacheFile(), 'k', 2_000_000).lookup('a.yaml', st, read))).toEqual(result);
  for (const other of [{ size: 101 }, { mtimeMs: 1_000_000.75 }, { ctimeMs: 1_000_002 }, { ino: 78 }])
    expect(ValidationCache.open(cacheFile(), 'k', 2_000_000).lookup('a.yaml', { ...st, ...other }, read)).toBeUndefined();
  expect(ValidationCache.open(cacheFile(), 'k', 2_000_000).lookup('b.yaml', st, read)).toBeUndefined();
});

it('lists from the cached walk only while every folder it read is unchanged', async () => {
  repo();
  const lines: string[] = [];
  const debug = { enabled: true, write: (topic: string, line: string): void => void lines.push(`${topic}: ${line}`) };
  const fromCache = (): boolean => lines.some((l) => l.includes('folders unchanged since the cached walk'));
  const load = async (): Promise<Awaited<ReturnType<typeof loadProject>>> => {
    lines.length = 0;
    const warm = await loadProject({ cwd: dir, debug });
    expect(outcome(warm)).toEqual(outcome(await loadProject({ cwd: dir, cache: false })));
    return warm;
  };
  // A whole second, so that setting it again later gives the very same mtime.
  const ev = join(dir, 'campaigns/ev');
  utimesSync(ev, 1_700_000_000, 1_700_000_000);
  // Folders changed in the run's window (2 s) are not trusted: the walk is made again until they are older.
  await load();
  expect(fromCache()).toBe(false);
  await load();
  expect(fromCache()).toBe(false);
  await sleep(2_100);
  await load();
  await load();
  expect(fromCache()).toBe(true);
  // A file added to a folder whose mtime is then set back: its ctime still moved.
  const before = statSync(ev).mtimeMs;
  writeFileSync(join(ev, 'added.yaml'), readFileSync(join(ev, 'charge25.yaml'), 'utf8').replace('name: ev-charge25', 'name: ev-added'));
  utimesSync(ev, 1_700_000_000, 1_700_000_000);
  expect(statSync(ev).mtimeMs).toBe(before);
  const added = await load();
  expect(fromCache()).toBe(false);
  expect(added.files).toContain('campaigns/ev/added.yaml');
  // A new folder with a file in it is seen; a walk that meets a symlink is never kept.
  mkdirSync(join(dir, 'campaigns/ev/more'));
  cpSync(join(ev, 'added.yaml'), join(dir, 'campaigns/ev/more/other.yaml'));
  expect((await load()).diagnostics.map((d) => d.ruleId)).toContain('model/duplicate-name');
  symlinkSync(join(ev, 'charge25.yaml'), join(dir, 'campaigns/link.yaml'));
  await sleep(2_100);
  await load();
  const linked = await load();
  expect(fromCache()).toBe(false);
  expect(linked.files).toContain('campaigns/link.yaml');
});

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

it('hashes exactly the files read inside the run window, so a same-stat rewrite of one is still a miss', async () => {
  repo();
  const file = join(dir, 'campaigns/ev/charge25.yaml');
  const repoPath = 'campaigns/ev/charge25.yaml';
  // Just copied: inside the window of the run that checks it.
  await loadProject({ cwd: dir });
  const key = /"key":"((?:[^"\\]|\\.)*)"/.exec(readFileSync(cacheFile(), 'latin1'))![1]!;
  const st = statSync(file);
  const now = Date.now();
  // Racy: a rewrite in the same clock tick would keep this very stat, so the bytes decide.
  expect(ValidationCache.open(cacheFile(), key, now).lookup(repoPath, st, () => Buffer.from('rewritten in the same tick'))).toBeUndefined();
  expect(ValidationCache.open(cacheFile(), key, now).lookup(repoPath, st, () => readFileSync(file))).toBeDefined();
  // Recent times need the hash; old ones are trusted by the stat alone.
  const later = ValidationCache.open(cacheFile(), key, Math.max(st.mtimeMs, st.ctimeMs));
  expect(later.needsHash(st)).toBe(true);
  expect(later.needsHash({ ...st, mtimeMs: 1_700_000_000_000, ctimeMs: 1_700_000_000_000 })).toBe(false);
  // An entry that needs a hash and comes without one is not stored: the file is checked again next time.
  const bare = ValidationCache.open(join(dir, 'bare.bin'), 'k', st.mtimeMs);
  bare.put(repoPath, '', st, { file: repoPath, docs: [], diagnostics: [] });
  bare.put('old.yaml', '', { size: 1, mtimeMs: 1, ctimeMs: 1, ino: 1 }, { file: 'old.yaml', docs: [], diagnostics: [] });
  bare.save();
  const never = (): Uint8Array => {
    throw new Error('read');
  };
  expect(ValidationCache.open(join(dir, 'bare.bin'), 'k', st.mtimeMs).lookup(repoPath, st, () => readFileSync(file))).toBeUndefined();
  expect(ValidationCache.open(join(dir, 'bare.bin'), 'k', st.mtimeMs).lookup('old.yaml', { size: 1, mtimeMs: 1, ctimeMs: 1, ino: 1 }, never)).toBeDefined();
});

it('keeps a warm run’s changed rows in a journal beside the table, believed only while intact and for that table', async () => {
  repo();
  const journal = join(dir, '.promoc-cache/validate.log');
  const file = join(dir, 'campaigns/ev/charge25.yaml');
  const original = readFileSync(file, 'utf8');
  let round = 0;
  const edit = (text: string): void => {
    round += 1;
    writeFileSync(file, text);
    utimesSync(file, new Date(), new Date(Date.now() + round * 10_000));
  };
  const cold = async (): Promise<unknown> => outcome(await loadProject({ cwd: dir, cache: false }));
  await loadProject({ cwd: dir });
  await sleep(2_100);
  // Every file confirmed once outside its window, so later runs trust stats.
  await loadProject({ cwd: dir });
  const table = readFileSync(cacheFile());
  const records = (): number => (existsSync(journal) ? readFileSync(journal, 'utf8').split('\n').length - 2 : 0);
  const before = records();
  edit(original.replace('CHARGE25', 'charge25'));
  const changed = await loadProject({ cwd: dir });
  expect(changed.stats.fromCache).toBe(changed.stats.files - 1);
  expect(outcome(changed)).toEqual(await cold());
  // The table is as it was; the change is in the journal, and the next run is served from both.
  expect(readFileSync(cacheFile()).equals(table)).toBe(true);
  expect(records()).toBe(before + 1);
  const served = await loadProject({ cwd: dir });
  expect(served.stats.fromCache).toBe(served.stats.files);
  expect(outcome(served)).toEqual(await cold());
  expect(served.diagnostics.map((d) => d.ruleId)).toContain('schema/code-format');

  // A damaged record is not believed: the row it held is the old one, so the file is checked again, and the
  // table is rewritten whole (the journal goes).
  edit(original);
  await loadProject({ cwd: dir });
  const text = readFileSync(journal, 'utf8');
  const at = text.lastIndexOf('"rows":[[') + 9;
  writeFileSync(journal, text.slice(0, at) + (text[at] === '1' ? '2' : '1') + text.slice(at + 1));
  const damaged = await loadProject({ cwd: dir });
  expect(damaged.stats.fromCache).toBe(damaged.stats.files - 1);
  expect(outcome(damaged)).toEqual(await cold());
  expect(readdirSync(join(dir, '.promoc-cache'))).not.toContain('validate.log');
  const again = await loadProject({ cwd: dir });
  expect(again.stats.fromCache).toBe(again.stats.files);

  // A journal written for an earlier table (one file fewer since) is void.
  edit(original.replace('CHARGE25', 'charge25'));
  await loadProject({ cwd: dir });
  const stale = readFileSync(journal);
  rmSync(join(dir, 'campaigns/ev/night-owl.yaml'));
  await loadProject({ cwd: dir });
  writeFileSync(journal, stale);
  const after = await loadProject({ cwd: dir });
  expect(after.stats.fromCache).toBe(after.stats.files);
  expect(outcome(after)).toEqual(await cold());
});
