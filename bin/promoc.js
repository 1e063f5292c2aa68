#!/usr/bin/env node
// Thin launcher: the CLI ships as compiled JS (tsx would add ~330 ms to every start).
import('../dist/cli/main.js').then((m) => m.main(process.argv.slice(2)).then((code) => { process.exitCode = code; }));
