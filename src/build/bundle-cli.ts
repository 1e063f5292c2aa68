// The shipped CLI is one module graph bundled by esbuild into dist/cli-bundle/: Node 20's ESM loader spent
// more on resolving and reading the ~150 files of `promoc validate` than promoc spent validating. Code
// behind dynamic imports (each command's body) stays in its own chunk, so a command loads only what it
// runs. Files are found at run time by URLs spelled from dist/ down (`../../package.json`,
// `../schema/standalone.js`, `../load/check-worker.js`), which resolve alike from dist/<folder>/ and
// dist/cli-bundle/. Run by `npm run build` after tsc and the validators; also writes dist/build-id.txt.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transformSync } from 'esbuild';
import { asciiOnly } from './ascii-only.js';

const dist = fileURLToPath(new URL('../', import.meta.url));
const outdir = `${dist}cli-bundle`;

rmSync(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints: { main: `${dist}cli/main.js` },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // CommonJS dependencies (ajv, commander) call require() for Node's modules, and write-file-atomic seeds its
  // temporary names with __filename; ESM has neither of its own.
  banner: {
    js: [
      "import { createRequire as __promocCreateRequire } from 'node:module';",
      "import { fileURLToPath as __promocFileURLToPath } from 'node:url';",
      'const require = __promocCreateRequire(import.meta.url);',
      'const __filename = __promocFileURLToPath(import.meta.url);',
      "const __dirname = __promocFileURLToPath(new URL('.', import.meta.url));",
    ].join(' '),
  },
  metafile: true,
  // The standalone validators are generated after tsc and loaded by URL: left out, found at run time.
  // The Redis client (apply's lock backend) names optional packages it loads only when present; bundled, those
  // would read as imports of packages promoc does not install, so it is resolved from node_modules instead.
  external: ['*/standalone.js', '@redis/client'],
  legalComments: 'eof',
  logLevel: 'warning',
});

// ASCII only: V8 keeps each module's source for as long as its functions may still be compiled, and a single
// non-ASCII character makes the whole source a string of two-byte characters (0.6 MB more for what lint loads).
// esbuild escapes them in string literals already; what is left is mostly in comments (js-yaml's, ours), which
// are escaped too. A chunk is rewritten only when it still minifies to the same code, so nothing but comments
// changed (a regex literal such as the demo's /^✔/ keeps its chunk as it is).
for (const file of readdirSync(outdir).filter((f) => f.endsWith('.js'))) {
  const path = join(outdir, file);
  const text = readFileSync(path, 'utf8');
  const ascii = asciiOnly(text);
  if (ascii !== text && transformSync(text, { minify: true }).code === transformSync(ascii, { minify: true }).code) writeFileSync(path, ascii);
}

// The build's identity for caches (src/load/build-id.ts): a digest of every compiled file, bundle included.
const hash = createHash('sha256');
for (const file of readdirSync(dist, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.js'))
  .sort())
  hash.update(`${file}\0`).update(readFileSync(join(dist, file)));
writeFileSync(`${dist}build-id.txt`, `${hash.digest('hex').slice(0, 16)}\n`);

// A dependency that finds its own files through __dirname would look in dist/cli-bundle/ now: refuse to ship that.
const inputs = Object.keys(result.metafile.inputs).filter((f) => f.includes('node_modules/'));
for (const file of inputs) {
  const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
  if (/\b__dirname\b/.test(text)) throw new Error(`${file} uses __dirname; mark it external in src/build/bundle-cli.ts`);
}
