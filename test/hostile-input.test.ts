// Hostile input against the load stage and the terminal renderer: each protection has a test
// that fails if it is removed.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFile } from '../src/load/check-file.js';
import { loadProject } from '../src/load/project.js';
import { renderText } from '../src/render/text.js';
import { loadSchemaSet } from '../src/schema/schema-set.js';
import { createValidator } from '../src/schema/validator.js';

const validator = createValidator(loadSchemaSet());
const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

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
    expect(r.diagnostics.map((d) => [d.file, d.ruleId, d.message.replace(outside, '<outside>')])).toEqual([['campaigns/shared/secret.yaml', 'load/outside-repo', expect.stringMatching(/^its folder resolves to .*, outside the repository /)]]);
    expect(r.model.resources.map((l) => l.resource.metadata.name)).toEqual(['ok']);
    // Walking the campaigns globs never reads it either.
    expect((await loadProject({ cwd: dir })).model.resources.map((l) => l.resource.metadata.name)).toEqual(['ok']);
  });

  it('refuses a geometry file that escapes the repository, by path or by symlink', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'promoc-outside-'));
    dirs.push(outside);
    writeFileSync(join(outside, 'zone.geojson'), '{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}');
    const geofence = (name: string, file: string): string => `apiVersion: promoc/v1\nkind: Geofence\nmetadata:\n  name: ${name}\nspec:\n  geometry: { file: ${file} }\n`;
    const dir = repo({ 'campaigns/a.yaml': geofence('by-path', '../../../x.geojson'), 'campaigns/b.yaml': geofence('by-link', './zone.geojson') });
    symlinkSync(join(outside, 'zone.geojson'), join(dir, 'campaigns/zone.geojson'));
    const r = await loadProject({ cwd: dir });
    expect(r.diagnostics.map((d) => [d.file, d.ruleId])).toEqual([['campaigns/a.yaml', 'load/outside-repo'], ['campaigns/b.yaml', 'load/geometry-file']]);
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
