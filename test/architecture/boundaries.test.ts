// Layers read one way: every import line of every source file (tests aside) is checked against one table of
// the folders each folder may import. The shells (cli) sit on top; stages (plan, apply, lint, bundle, …) use
// providers and the shared vocabulary in model/; the engine and the emulators stand alone, so the engine runs
// in a browser or an edge worker and the emulators stay an independent oracle for the providers.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

/** Folder under src/ → the other folders under src/ it may import. A folder may always import itself. */
export const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  generated: [],
  engine: ['generated'],
  emulators: [],
  build: [],
  model: ['generated', 'engine'],
  geo: ['model'],
  schema: ['generated', 'model'],
  load: ['generated', 'model', 'schema'],
  usage: ['engine', 'model'],
  providers: ['generated', 'model'],
  // Bundle and key files are read as regular files within a size limit, like every file a user names.
  bundle: ['generated', 'model', 'engine', 'geo', 'schema', 'load'],
  lint: ['generated', 'model', 'geo', 'load', 'providers'],
  import: ['generated', 'model', 'providers'],
  // A new repository's config names each provider's credentials and the targets' options.
  init: ['providers'],
  // The embedded `local` target starts the emulators.
  plan: ['generated', 'model', 'providers', 'schema', 'load', 'emulators'],
  apply: ['generated', 'model', 'plan', 'providers'],
  simulate: ['generated', 'model', 'engine', 'bundle', 'geo', 'load'],
  // Who carries out a launch (the target itself, `apply --due`, the bundle) is the provider's capability.
  report: ['generated', 'model', 'engine', 'geo', 'schema', 'load', 'simulate', 'providers'],
  // Every view lives here: diagnostics (validate, lint), plans, the API calls and the outcome of apply,
  // imported YAML, test results, simulations and the pull-request report. Views read the stages' data types.
  render: ['generated', 'model', 'engine', 'providers', 'bundle', 'import', 'apply', 'simulate', 'report'],
  cli: [
    'generated',
    'model',
    'engine',
    'emulators',
    'geo',
    'schema',
    'load',
    'providers',
    'bundle',
    'lint',
    'import',
    'plan',
    'apply',
    'simulate',
    'report',
    'render',
    'usage',
    'init',
  ],
};

/** Packages the engine may use: browser-safe, no Node built-ins. */
const ENGINE_PACKAGES = new Set(['canonicalize', 'flatbush', 'point-in-polygon-hao', 'robust-predicates']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return e.name === '__fixtures__' ? [] : sources(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** Every module specifier a file names: static imports and re-exports (one or many lines), dynamic imports. */
export function specifiers(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s(?:[^;'"]*?\sfrom\s*)?['"]([^'"]+)['"]/gm)) out.push(m[1]!);
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]!);
  return out;
}

const topFolder = (file: string): string => relative(SRC, file).split(/[\\/]/)[0]!;
const files = sources(SRC).map((f) => relative(SRC, f));

describe('layer boundaries', () => {
  it('every folder under src/ has a row in the table', () => {
    const folders = readdirSync(SRC, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(folders.filter((f) => !(f in ALLOWED))).toEqual([]);
    expect(files.filter((f) => !f.includes('/'))).toEqual([]);
  });

  it.each(files)('%s imports only what its folder may', (file) => {
    const full = join(SRC, file);
    const from = topFolder(full);
    const allowed = new Set([from, ...ALLOWED[from]!]);
    for (const spec of specifiers(readFileSync(full, 'utf8'))) {
      if (spec.startsWith('.')) {
        const target = resolve(dirname(full), spec);
        expect(target.startsWith(SRC + '/'), `${file} imports ${spec}, outside src/`).toBe(true);
        expect(allowed.has(topFolder(target)), `${file} imports ${spec}: ${from} may not import ${topFolder(target)}`).toBe(true);
      } else if (from === 'engine') {
        expect(ENGINE_PACKAGES.has(spec), `${file} imports ${spec}: the engine uses only browser-safe packages`).toBe(true);
      }
    }
    if (from === 'engine') expect(readFileSync(full, 'utf8')).not.toMatch(/Date\.now\(|new Date\(\)|process\.|performance\.now|Math\.random/);
  });

  it('the scanner sees single-line, multi-line, re-export, side-effect and dynamic imports', () => {
    const text =
      "import a from './a.js';\nimport {\n  b,\n} from '../b.js';\nexport { c } from './c.js';\nimport " +
      "'./d.js';\nconst e = await import('../e.js');\nexport const f = 'g';\nexport function h(x = './i.js') {}\n";
    expect(specifiers(text)).toEqual(['./a.js', '../b.js', './c.js', './d.js', '../e.js']);
  });
});
