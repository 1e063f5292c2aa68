// toRepoPath names walked files by slicing off the root; anything unusual goes through path.relative.
import { relative } from 'node:path';
import { expect, it } from 'vitest';
import { toRepoPath } from '../../src/load/files.js';
// The fast way of naming a repo path (no path.relative) gives what path.relative gives, on normalized and unnormalized paths.
it('names a path under the root as path.relative does', () => {
  const roots = ['/r', '/r/x', '/tmp/a.b', '/r/./x', '/r/../r', '/r/', 'rel', '/'];
  const rests = ['a', 'a/b.yaml', './a', '../a', 'a/../b', 'a//b', 'a/', '.', '..', '', '.a/b', 'a/.b', 'a/..b', '...'];
  for (const r of roots)
    for (const x of rests) for (const abs of [`${r}/${x}`, `${r}${x}`]) expect(toRepoPath(r, abs), `${r} ${abs}`).toBe(relative(r, abs) || '.');
});
