#!/usr/bin/env node
// Thin launcher: the CLI ships as compiled JS (tsx would add ~330 ms to every start).
// `--version` is answered here, before any module of the CLI is imported.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  const { readFileSync } = await import('node:fs');
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  const { main } = await import('../dist/cli-bundle/main.js');
  process.exitCode = await main(args);
}
