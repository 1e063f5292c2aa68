// What `npm pack` ships: lean (no tests, fixtures or build scripts), the schemas and init templates, and no
// file that imports a devDependency (an install into another project does not have them). The adoption test
// (test/adoption.test.ts) installs the tarball and runs it; this one reads the file list npm would pack.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface Packed {
  size: number;
  unpackedSize: number;
  files: { path: string }[];
}

/** Bare package names a module imports or requires (comment lines skipped: bundled code keeps its docs). */
export function importedPackages(js: string): string[] {
  const names = new Set<string>();
  const re =
    /(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+?from\s*)?["']([^"'\s]+)["']|import\(\s*["']([^"'\s]+)["']\s*\)|require\(\s*["']([^"'\s]+)["']\s*\)/g;
  for (const line of js.split('\n')) {
    const t = line.trimStart();
    if (t.startsWith('*') || t.startsWith('//') || t.startsWith('/*')) continue;
    for (const m of line.matchAll(re)) {
      const spec = (m[1] ?? m[2] ?? m[3])!;
      if (spec.startsWith('.') || spec.startsWith('/') || spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0]!)) continue;
      names.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  }
  return [...names];
}

describe('the npm package', () => {
  let packed: Packed;
  let paths: string[];
  beforeAll(() => {
    // --ignore-scripts: list what the current build would ship, without rebuilding it.
    packed = (
      JSON.parse(
        execFileSync(NPM, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
      ) as Packed[]
    )[0]!;
    paths = packed.files.map((f) => f.path);
  }, 60_000);

  it('is publishable: not private, with a bin, exports and the Node range it supports', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg.private).toBeUndefined();
    expect(pkg.bin).toEqual({ promoc: 'bin/promoc.js' });
    expect(Object.keys(pkg.exports as object)).toEqual(['./engine', './bundle', './usage', './testing', './schemas/*', './package.json']);
    expect(pkg.engines).toEqual({ node: '>=20.10' });
  });

  it('ships the CLI, the library entry points, the schemas and the init templates', () => {
    for (const p of [
      'bin/promoc.js',
      'dist/cli-bundle/main.js',
      'dist/schema/standalone.js',
      'dist/build-id.txt',
      'dist/engine/index.js',
      'dist/bundle/index.js',
      'dist/usage/index.js',
      'dist/bundle/testing.js',
      'dist/engine/index.d.ts',
      'schemas/campaign.schema.json',
      'schemas/defs/benefit.schema.json',
      'templates/init/gitignore',
      'templates/init/workflows/promoc-pr.yml',
      'package.json',
      'README.md',
    ]) {
      expect(paths, p).toContain(p);
    }
  });

  it('ships the validators as ASCII (a non-ASCII character would double the source V8 keeps in memory)', () => {
    expect(/[^\0-\x7f]/.test(readFileSync(join(ROOT, 'dist/schema/standalone.js'), 'utf8'))).toBe(false);
  });

  it('ships no tests, fixtures, sources or build scripts', () => {
    const unwanted = paths.filter(
      (p) => /^(test|src|bench|campaigns|\.github|\.ci)\//.test(p) || /\.test\.(js|ts)$|__fixtures__|\.map$|^dist\/build\/|^dist\/schema\/gen-/.test(p),
    );
    expect(unwanted).toEqual([]);
  });

  it('stays lean', () => {
    // 1.31 MB since the recorded currency exponents (src/engine/currency-digits.ts, ~1.7 kB packed in two copies).
    expect(packed.size, 'packed bytes (README says ~1.3 MB)').toBeLessThan(1_310_000);
    expect(packed.unpackedSize).toBeLessThan(5_500_000);
  });

  it('imports no devDependency at run time: every package it names is installed with promoc', () => {
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
    const installed = new Set(
      Object.entries(lock.packages)
        .filter(([k, v]) => k.startsWith('node_modules/') && !v.dev)
        .map(([k]) => k.slice(k.lastIndexOf('node_modules/') + 'node_modules/'.length)),
    );
    const problems = paths
      .filter((p) => p.endsWith('.js'))
      .flatMap((p) =>
        importedPackages(readFileSync(join(ROOT, p), 'utf8'))
          .filter((n) => !installed.has(n))
          .map((n) => `${p} imports ${n}`),
      );
    expect(problems).toEqual([]);
  });

  it('the import scan finds imports, dynamic imports and requires, and skips comments', () => {
    expect(
      importedPackages(
        [
          "import { build } from 'esbuild';",
          'const x = await import("vitest/config");',
          "const y = require('@scope/pkg/sub');",
          "import './local.js'; import 'node:fs'; import fs from 'fs';",
          " * import { Router } from 'itty-router'",
        ].join('\n'),
      ).sort(),
    ).toEqual(['@scope/pkg', 'esbuild', 'vitest']);
  });
});
