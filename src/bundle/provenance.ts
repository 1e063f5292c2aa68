// Where the bundle's revision and creation time come from, read at the CLI edge: the git commit,
// marked -dirty when the work tree differs, and its commit time; SOURCE_DATE_EPOCH wins when set
// (reproducible-builds.org). Never the wall clock, so two builds of one commit are byte-identical.
import { execFileSync } from 'node:child_process';
import type { BuildOptions } from './build.js';

export function readProvenance(root: string, env: Readonly<Record<string, string | undefined>>): BuildOptions {
  const git = (...args: string[]): string | undefined => {
    try {
      return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return undefined;
    }
  };
  const commit = git('rev-parse', 'HEAD');
  const dirty = commit !== undefined && (git('status', '--porcelain', '--untracked-files=no', '--', '.') ?? '') !== '';
  const epoch = env.SOURCE_DATE_EPOCH ?? (commit ? git('log', '-1', '--format=%ct') : undefined);
  const seconds = epoch !== undefined && /^\d+$/.test(epoch) ? Number(epoch) : undefined;
  return {
    revision: commit === undefined ? null : `${commit}${dirty ? '-dirty' : ''}`,
    createdAt: seconds === undefined ? null : new Date(seconds * 1000).toISOString(),
  };
}
