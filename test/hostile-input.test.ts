// Hostile input against the load stage and the terminal renderer: each protection has a test
// that fails if it is removed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFile } from '../src/load/check-file.js';
import { MAX_DOCUMENTS } from '../src/load/parse.js';
import { append, maxOf, minOf } from '../src/model/append.js';
import { loadProject } from '../src/load/project.js';
import { renderText } from '../src/render/diagnostics-text.js';
import { loadSchemaSet } from '../src/schema/schema-set.js';
import { createValidator } from '../src/schema/validator.js';

const validator = createValidator(loadSchemaSet());
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'promoc-hostile-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'promoc.config.yaml'), 'apiVersion: promoc/v1\nkind: Config\ncampaigns: ["campaigns/**/*.yaml"]\ncache: { enabled: false }\n');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const tag = (name: string): string => `apiVersion: promoc/v1\nkind: Tag\nmetadata:\n  name: ${name}\nspec:\n  type: TAG\n  subjects: [user]\n`;

describe('hostile input', () => {
  it('deep nesting is a located error, not a crash', () => {
    const r = checkFile('deep.yaml', `a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, validator);
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['load/too-deep']);
    expect(r.diagnostics[0]!.range).toBeDefined();
  });

  it('refuses an alias inside its own anchor, and still takes an anchor used twice', () => {
    const cyclic = checkFile('cycle.yaml', 'a: &x\n  - b: *x\n', validator);
    expect(cyclic.diagnostics.map((d) => d.ruleId)).toEqual(['load/alias-cycle']);
    const shared = checkFile('shared.yaml', 'x: &n [{a: 1}]\ny: *n\nz: [*n, *n]\n', validator);
    expect(shared.diagnostics.filter((d) => d.ruleId.startsWith('load/'))).toEqual([]);
  });

  it('refuses a campaign file that is a symlink out of the repository', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'promoc-outside-'));
    dirs.push(outside);
    writeFileSync(join(outside, 'secret.yaml'), tag('secret'));
    const dir = repo({ 'campaigns/tags.yaml': tag('ok') });
    symlinkSync(join(outside, 'secret.yaml'), join(dir, 'campaigns/link.yaml'));
    const r = await loadProject({ cwd: dir });
    expect(r.diagnostics.map((d) => [d.file, d.ruleId])).toEqual([['campaigns/link.yaml', 'load/outside-repo']]);
    expect(r.model.resources.map((l) => l.resource.metadata.name)).toEqual(['ok']);
  });

  it('refuses campaign files in a folder that is a symlink out of the repository', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'promoc-outside-'));
    dirs.push(outside);
    writeFileSync(join(outside, 'secret.yaml'), tag('secret'));
    const dir = repo({ 'campaigns/tags.yaml': tag('ok') });
    symlinkSync(outside, join(dir, 'campaigns/shared'));
    const r = await loadProject({ cwd: dir, paths: ['campaigns/shared/secret.yaml', 'campaigns/tags.yaml'] });
    expect(r.diagnostics.map((d) => [d.file, d.ruleId, d.message.replace(outside, '<outside>')])).toEqual([
      ['campaigns/shared/secret.yaml', 'load/outside-repo', expect.stringMatching(/^its folder resolves to .*, outside the repository /)],
    ]);
    expect(r.model.resources.map((l) => l.resource.metadata.name)).toEqual(['ok']);
    // Walking the campaigns globs never reads it either.
    expect((await loadProject({ cwd: dir })).model.resources.map((l) => l.resource.metadata.name)).toEqual(['ok']);
  });

  it('refuses a geometry file that escapes the repository, by path or by symlink', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'promoc-outside-'));
    dirs.push(outside);
    writeFileSync(join(outside, 'zone.geojson'), '{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}');
    const geofence = (name: string, file: string): string =>
      `apiVersion: promoc/v1\nkind: Geofence\nmetadata:\n  name: ${name}\nspec:\n  geometry: { file: ${file} }\n`;
    const dir = repo({ 'campaigns/a.yaml': geofence('by-path', '../../../x.geojson'), 'campaigns/b.yaml': geofence('by-link', './zone.geojson') });
    symlinkSync(join(outside, 'zone.geojson'), join(dir, 'campaigns/zone.geojson'));
    const r = await loadProject({ cwd: dir });
    expect(r.diagnostics.map((d) => [d.file, d.ruleId])).toEqual([
      ['campaigns/a.yaml', 'load/outside-repo'],
      ['campaigns/b.yaml', 'load/geometry-file'],
    ]);
    expect(r.diagnostics[1]!.message).toContain('outside the repository');
    expect(r.model.geometries.size).toBe(0);
  });

  it('never passes control characters or ANSI escapes from authors to the terminal', () => {
    const evil = 'promo\u001b[2J\u001b]0;pwned\u0007\u202eevil';
    const text = `apiVersion: promoc/v1\nkind: Promotion\nmetadata:\n  name: "${evil}"\nspec:\n  benefits: [{ percentOff: 10 }]\n`;
    const r = checkFile('evil.yaml', text, validator);
    expect(r.diagnostics.length).toBeGreaterThan(0);
    const out = renderText(r.diagnostics, { color: false, readText: () => text });
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    expect(out).toContain('\\u001b');
  });

  it('rejects look-alike codes written with non-ASCII letters', () => {
    // Cyrillic А and Е look like Latin A and E.
    const text = `apiVersion: promoc/v1\nkind: Promotion\nmetadata:\n  name: lookalike\nspec:\n  code: SUMMЕR25\n  benefits: [{ percentOff: 10 }]\n`;
    expect(checkFile('l.yaml', text, validator).diagnostics.map((d) => d.ruleId)).toEqual(['schema/pattern']);
  });

  it('rejects non-finite numbers and -0 percentages', () => {
    const doc = (v: string): string => `apiVersion: promoc/v1\nkind: Promotion\nmetadata:\n  name: n\nspec:\n  benefits: [{ percentOff: ${v} }]\n`;
    expect(checkFile('a.yaml', doc('1e309'), validator).diagnostics.map((d) => d.ruleId)).toEqual(['load/number']);
    expect(checkFile('b.yaml', doc('-.inf'), validator).diagnostics.map((d) => d.ruleId)).toEqual(['load/number']);
    expect(checkFile('c.yaml', doc('.nan'), validator).diagnostics.map((d) => d.ruleId)).toEqual(['load/number']);
    expect(checkFile('d.yaml', doc('-0'), validator).diagnostics.map((d) => d.ruleId)).toEqual(['schema/range']);
  });
});

describe('numbers that would change between validate, bundle and the targets', () => {
  const doc = (benefit: string, redemptions = '10'): string =>
    `apiVersion: promoc/v1\nkind: Promotion\nmetadata:\n  name: n\nspec:\n  limits:\n    ` +
    `redemptions: ${redemptions}\n  benefits: [{ percentOff: ${benefit} }]\n`;
  const about = (text: string, key: string) => checkFile('n.yaml', text, validator).diagnostics.filter((d) => d.path?.includes(key));

  it('refuses integers beyond 2^53 − 1 where they are written, before they are rounded', () => {
    for (const big of ['9007199254740993', '9007199254740992', '18446744073709551616', '-9007199254740993']) {
      const found = about(doc('10', big), 'redemptions');
      expect(
        found.map((d) => d.ruleId),
        big,
      ).toEqual(['load/number']);
      expect(found[0]?.message).toMatch(/2\^53 − 1/);
      expect(found[0]?.hint).toBeTruthy();
      expect(found[0]?.range?.start.line).toBe(7);
    }
    expect(about(doc('10', '9007199254740991'), 'redemptions')).toEqual([]);
  });

  it('refuses percentages finer than the bundle keeps (4 decimals), at validate time', () => {
    for (const fine of ['5e-324', '0.00001', '33.333333', '12.34565']) {
      const found = about(doc(fine), 'percentOff');
      expect(found.length, fine).toBeGreaterThan(0);
      expect(
        found.every((d) => d.severity === 'error' && d.range !== undefined && d.hint),
        fine,
      ).toBe(true);
    }
    for (const ok of ['0.0001', '0.1', '0.3', '33.3333', '99.9999', '100', '25']) expect(about(doc(ok), 'percentOff'), ok).toEqual([]);
  });
});

describe('hostile input, round 2', () => {
  it('bounds the documents in one file with a located error (100,000 empty documents overflowed the stack)', async () => {
    const text = '---\n'.repeat(100_000);
    const r = checkFile('many.yaml', text, validator);
    const tooMany = r.diagnostics.filter((d) => d.ruleId === 'load/too-many-documents');
    expect(tooMany).toHaveLength(1);
    expect(tooMany[0]!.range!.start.line).toBe(MAX_DOCUMENTS + 1);
    expect(r.docs.length).toBeLessThanOrEqual(MAX_DOCUMENTS);
    const dir = repo({ 'campaigns/many.yaml': text, 'campaigns/tags.yaml': tag('ok') });
    const loaded = await loadProject({ cwd: dir, workers: 1 });
    expect(loaded.diagnostics.some((d) => d.file === 'campaigns/many.yaml' && d.ruleId === 'load/too-many-documents')).toBe(true);
    expect(loaded.model.resources.map((l) => l.resource.metadata.name)).toEqual(['ok']);
  });

  it('appends and takes extremes of arrays longer than a call takes arguments', () => {
    const many = Array.from({ length: 300_000 }, (_, i) => i);
    expect(append([-1], many)).toHaveLength(300_001);
    expect([maxOf(many), minOf(many), maxOf([]), minOf([]), maxOf([1, NaN, 2])]).toEqual([299_999, 0, -Infinity, Infinity, NaN]);
  });

  it('never spreads an array into push, Math.max or Math.min in src/ (they throw past ~100,000 items)', () => {
    const src = join(import.meta.dirname, '../src');
    const offenders = (readdirSync(src, { recursive: true, encoding: 'utf8' }) as string[])
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .flatMap((f) =>
        readFileSync(join(src, f), 'utf8')
          .split('\n')
          .map((line, i) => [`${f}:${i + 1}`, line] as const),
      )
      .filter(([, line]) => /\.push\(\.\.\.|Math\.(?:max|min)\(\.\.\./.test(line) && !line.trimStart().startsWith('//'))
      .map(([where]) => where);
    expect(offenders).toEqual([]);
  });

  it('reads a mapping of 100,000 keys in linear time and still finds a repeated key, located', () => {
    // The parser's own unique-key check compared every key with every earlier one: over 40 s here.
    const keys = Array.from({ length: 100_000 }, (_, i) => `  k${i}: 1\n`).join('');
    const r = checkFile('keys.yaml', `spec:\n${keys}  k5: 2\n`, validator);
    expect(r.diagnostics.filter((d) => d.ruleId === 'load/duplicate-key').map((d) => [d.message, d.range?.start])).toEqual([
      ['duplicate key "k5": map keys must be unique', { line: 100_002, col: 3 }],
    ]);
    // Keys equal as text but not as values are different keys, as the parser has them.
    expect(checkFile('k.yaml', 'a: {1: x, "1": y}\n', validator).diagnostics.filter((d) => d.ruleId === 'load/duplicate-key')).toEqual([]);
  }, 60_000);

  it('never reads a FIFO as a campaign or geometry file, and says so', async () => {
    const geofence = `apiVersion: promoc/v1\nkind: Geofence\nmetadata:\n  name: g\nspec:\n  geometry: { file: ./zone.geojson }\n`;
    const dir = repo({ 'campaigns/g.yaml': geofence, 'campaigns/tags.yaml': tag('ok') });
    execFileSync('mkfifo', [join(dir, 'campaigns/zone.geojson'), join(dir, 'campaigns/pipe.yaml')]);
    const r = await loadProject({ cwd: dir, workers: 1 });
    expect(r.diagnostics.map((d) => [d.file, d.ruleId, d.message])).toEqual([
      ['campaigns/g.yaml', 'load/geometry-file', 'cannot read geometry file "./zone.geojson": it is a FIFO (named pipe), not a regular file'],
      ['campaigns/pipe.yaml', 'load/not-regular-file', 'a FIFO (named pipe), not a regular file; not read'],
    ]);
    expect(r.diagnostics[0]!.range).toBeDefined();
    const named = await loadProject({ cwd: dir, paths: ['campaigns/pipe.yaml'], workers: 1 });
    expect(named.diagnostics.map((d) => d.ruleId)).toEqual(['load/not-regular-file']);
  });

  it('refuses a committed symlink out of the repository when it meets it, without walking what it points to', async () => {
    const dir = repo({ 'campaigns/tags.yaml': tag('ok') });
    symlinkSync('/', join(dir, 'campaigns/x'));
    const r = await loadProject({ cwd: dir, workers: 1 });
    expect(r.diagnostics.map((d) => [d.file, d.ruleId, d.message])).toEqual([
      ['campaigns/x', 'load/outside-repo', expect.stringMatching(/^symlink resolves to \/, outside the repository .*; not followed$/)],
    ]);
    expect(r.files).toEqual(['campaigns/tags.yaml']);
  });

  it('refuses paths outside the repository before walking them (`validate /`, `validate /proc/self`)', async () => {
    const dir = repo({ 'campaigns/tags.yaml': tag('ok') });
    for (const path of ['/', '/proc/self', '../']) {
      const r = await loadProject({ cwd: dir, paths: [path], workers: 1 });
      expect(r.diagnostics.map((d) => [d.file, d.ruleId])).toEqual([[path, 'load/outside-repo']]);
      expect(r.files).toEqual([]);
    }
  });

  it('reads each file once through a `loop -> .` symlink, and reports a symlink to itself', async () => {
    const dir = repo({ 'campaigns/tags.yaml': tag('ok') });
    symlinkSync('.', join(dir, 'campaigns/loop'));
    symlinkSync('self.yaml', join(dir, 'campaigns/self.yaml'));
    for (const paths of [undefined, ['campaigns']]) {
      const r = await loadProject({ cwd: dir, workers: 1, ...(paths ? { paths } : {}) });
      expect(r.diagnostics.map((d) => [d.file, d.ruleId])).toEqual([['campaigns/self.yaml', 'load/symlink-loop']]);
      expect(r.model.resources.map((l) => l.resource.metadata.name)).toEqual(['ok']);
    }
  });
});
