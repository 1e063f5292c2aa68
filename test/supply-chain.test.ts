// Supply chain promises: exact dependency versions, installs from the lockfile only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { lockfileVersion: number; packages: Record<string, { version?: string }> };

it('pins every dependency to an exact version that the lockfile holds', () => {
  for (const field of ['dependencies', 'devDependencies']) {
    for (const [name, range] of Object.entries(pkg[field] ?? {})) {
      expect(range, `${field}.${name}`).toMatch(/^\d+\.\d+\.\d+$/);
      expect(lock.packages[`node_modules/${name}`]?.version, `lockfile entry for ${name}`).toBe(range);
    }
  }
  expect(lock.lockfileVersion).toBeGreaterThanOrEqual(3);
});

it('CI installs from the lockfile only and runs the README test command', () => {
  const run = readFileSync(join(root, '.ci/run'), 'utf8');
  expect(run).toMatch(/^npm ci$/m);
  expect(run).toMatch(/^npm test$/m);
  expect(run).not.toMatch(/npm (install|i)\b/);
  expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain('npm ci && npm test');
});
