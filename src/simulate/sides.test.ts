import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSides } from './resolve.js';
import { SideError, staticPrefix, type Git } from './sides.js';
import { extractTar, tarEntries } from './untar.js';

const fixtures = join(import.meta.dirname, '../../test/fixtures/report');
let repo: string;
const git = (...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8' });

beforeAll(() => {
  // A repository whose last commit holds the base fixture; the working tree then holds the head.
  repo = mkdtempSync(join(tmpdir(), 'promoc-sides-test-'));
  cpSync(join(fixtures, 'base'), repo, { recursive: true });
  writeFileSync(join(repo, 'README.md'), 'not a campaign\n');
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'base');
  cpSync(join(fixtures, 'head'), repo, { recursive: true, force: true });
});

afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('resolveSides', () => {
  it('builds the base from a git ref and the head from the working tree', async () => {
    const r = await resolveSides(repo, {}, { base: 'HEAD' });
    if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
    try {
      expect(r.base!.label).toBe('HEAD');
      expect(r.base!.bundle.manifest.revision).toBe(git('rev-parse', 'HEAD').trim());
      expect(r.base!.engine.campaign('Promotion/winter-5')).toBeDefined();
      expect(r.head.engine.campaign('Promotion/winter-5')).toBeUndefined();
      expect(r.head.engine.campaign('GeofencePromotion/harbour-return')).toBeDefined();
      expect(r.head.bundle.manifest.revision).toMatch(/-dirty$/);
    } finally {
      r.dispose();
    }
  });

  it('lays an overlay over the working tree for the head, leaving the tree alone', async () => {
    const overlay = mkdtempSync(join(tmpdir(), 'promoc-overlay-'));
    try {
      cpSync(join(fixtures, 'base/campaigns/campaigns.yaml'), join(overlay, 'campaigns/campaigns.yaml'));
      const r = await resolveSides(repo, {}, { baseDir: join(fixtures, 'head'), overlay });
      if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
      r.dispose();
      expect(r.head.engine.campaign('Promotion/winter-5')).toBeDefined();
      expect(r.base!.engine.campaign('Promotion/winter-5')).toBeUndefined();
      expect(readFileSync(join(repo, 'campaigns/campaigns.yaml'), 'utf8')).toContain('harbour-return');
    } finally {
      rmSync(overlay, { recursive: true, force: true });
    }
  });

  it('says what went wrong with git, with a hint', async () => {
    await expect(resolveSides(repo, {}, { base: 'no-such-branch' })).rejects.toThrow(/cannot resolve "no-such-branch"/);
    await expect(resolveSides(repo, {}, { base: '--output=/tmp/x' })).rejects.toBeInstanceOf(SideError);
    const broken: Git = async () => {
      throw new SideError('git is not installed');
    };
    await expect(resolveSides(repo, {}, { base: 'HEAD' }, broken)).rejects.toThrow(/cannot resolve/);
  });
});

describe('tar', () => {
  it('unpacks what git archive writes, long paths included', () => {
    const long = `campaigns/${'deep/'.repeat(30)}x.yaml`;
    execFileSync('mkdir', ['-p', join(repo, long, '..')]);
    writeFileSync(join(repo, long), 'apiVersion: promoc/v1\n');
    git('add', '.');
    git('commit', '-q', '-m', 'long');
    const tar = execFileSync('git', ['archive', '--format=tar', 'HEAD'], { cwd: repo });
    expect([...tarEntries(tar)].map((e) => e.path)).toContain(long);
    const into = mkdtempSync(join(tmpdir(), 'promoc-untar-'));
    try {
      extractTar(tar, into);
      expect(readFileSync(join(into, long), 'utf8')).toBe('apiVersion: promoc/v1\n');
      expect(existsSync(join(into, 'promoc.config.yaml'))).toBe(true);
    } finally {
      rmSync(into, { recursive: true, force: true });
    }
  });

  it('refuses entries that would land outside the folder', () => {
    const header = new Uint8Array(512);
    const put = (s: string, at: number): void => header.set(new TextEncoder().encode(s), at);
    put('../escape.yaml', 0);
    put('00000000001\0', 124);
    put('0', 156);
    const tar = new Uint8Array(2048);
    tar.set(header, 0);
    expect(() => extractTar(tar, tmpdir())).toThrow(/outside the target folder/);
  });

  it('finds the folder part of a glob', () => {
    expect(staticPrefix('campaigns/**/*.yaml')).toBe('campaigns');
    expect(staticPrefix('config/campaigns/*.{yaml,yml}')).toBe('config/campaigns');
    expect(staticPrefix('**/*.yaml')).toBe('');
    expect(staticPrefix('campaigns/one.yaml')).toBe('campaigns');
  });
});
