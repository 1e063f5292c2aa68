// Without a cache the files the walk saw as regular are read on a thread of their own while the main thread
// checks. The thread takes only what the main thread's own read would accept without a word; everything
// else, refusals and errors, is read again in place, so results are those of the single-threaded read.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { loadProject } from '../../src/load/project.js';
import { ReaderThread } from '../../src/load/reader-thread.js';

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('reads regular files within the limit and leaves everything else to the caller', async () => {
  dir = mkdtempSync(join(tmpdir(), 'promoc-reader-'));
  const at = (name: string): string => join(dir, name);
  writeFileSync(at('plain.yaml'), 'a: 1\n');
  writeFileSync(at('empty.yaml'), '');
  writeFileSync(at('large.yaml'), 'x'.repeat(64));
  mkdirSync(at('folder.yaml'));
  execFileSync('mkfifo', [at('pipe.yaml')]);
  const paths = ['plain.yaml', 'empty.yaml', 'large.yaml', 'folder.yaml', 'pipe.yaml', 'missing.yaml'].map(at);
  const reader = new ReaderThread([...paths, null, at('plain.yaml')], 32);
  const got: (string | undefined)[] = [];
  for (let i = 0; i < paths.length + 2; i += 1) {
    await reader.until(i);
    got.push(reader.take(i)?.toString('utf8'));
  }
  reader.close();
  expect(got).toEqual(['a: 1\n', undefined, undefined, undefined, undefined, undefined, undefined, 'a: 1\n']);
});

it('gives the results of the single-threaded read, refusals included', async () => {
  dir = mkdtempSync(join(tmpdir(), 'promoc-reader-'));
  // Enough files for the reader to start (copies repeat names and codes: the findings must be equal too).
  for (let copy = 0; copy < 16; copy += 1) cpSync(join(import.meta.dirname, '../../campaigns'), join(dir, `campaigns/copy-${copy}`), { recursive: true });
  writeFileSync(join(dir, 'promoc.config.yaml'), 'apiVersion: promoc/v1\nkind: Config\ncampaigns: ["campaigns/**/*.yaml"]\n');
  writeFileSync(join(dir, 'campaigns/huge.yaml'), `# ${'x'.repeat(3 * 1024 * 1024)}\n`);
  writeFileSync(join(dir, 'campaigns/empty.yaml'), '');
  writeFileSync(join(dir, 'campaigns/latin1.yaml'), Buffer.from('name: caf\xe9\n', 'latin1'));
  const threaded = await loadProject({ cwd: dir, cache: false });
  expect(threaded.files.length).toBeGreaterThanOrEqual(500);
  // With a cache every read is kept in place (its stat is stored).
  const inPlace = await loadProject({ cwd: dir, cache: true });
  expect(threaded.diagnostics.map((d) => d.ruleId)).toEqual(expect.arrayContaining(['load/empty', 'load/too-large']));
  expect(inPlace.diagnostics).toEqual(threaded.diagnostics);
  expect(inPlace.model.resources).toEqual(threaded.model.resources);
  expect(inPlace.files).toEqual(threaded.files);
});
