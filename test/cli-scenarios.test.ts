// Every CLI command as a user runs it, pinned by a golden transcript per scenario.
// A scenario is a folder of test/fixtures/cli-scenarios: `command` (one promoc invocation per line, arguments split
// on spaces, `#` lines ignored; `<root>` stands for this repository), optional `workspace` (a repository folder to
// copy, default the example campaigns with promoc.config.yaml), optional `files/` (laid over the workspace) and
// `expected.txt`, the transcript of every command. Ports, the temp folder, clock readings,
// apply run names and random ids are normalised.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { expectGolden } from './helpers/golden.js';
import { runCli } from './helpers/run-cli.js';

const root = join(import.meta.dirname, '..');
const scenarios = join(import.meta.dirname, 'fixtures/cli-scenarios');
// Bundles record their creation time from SOURCE_DATE_EPOCH, so the transcript does not follow the clock.
const env = { SOURCE_DATE_EPOCH: '1780000000' };

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Instants read from the clock while the scenario ran become <now>; fixed instants (--now, fixtures) stay.
function normaliseClock(text: string, from: number, to: number): string {
  return text.replace(/\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, (iso) => {
    const t = Date.parse(iso);
    return t >= from - 1000 && t <= to + 1000 ? '<now>' : iso;
  });
}

function normalise(text: string, workspace: string, from: number, to: number): string {
  let out = normaliseClock(text, from, to);
  for (const [path, token] of [
    [workspace, '<repo>'],
    [root, '<root>'],
  ] as const) {
    out = out.replace(new RegExp(escape(path), 'g'), token);
  }
  return (
    out
      .replace(/(127\.0\.0\.1|localhost):\d+/g, '$1:<port>')
      // An apply run is named by its start time and a random suffix; the promotions API hands out random UUIDs.
      .replace(/\b\d{8}T\d{6}Z-[0-9a-f]{6}\b/g, '<run>')
      .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, '<uuid>')
  );
}

function commands(dir: string): string[][] {
  return readFileSync(join(dir, 'command'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => l.split(/\s+/).map((a) => a.replaceAll('<root>', root)));
}

function makeWorkspace(dir: string): string {
  const workspace = realpathSync(mkdtempSync(join(tmpdir(), 'promoc-scenario-')));
  const from = existsSync(join(dir, 'workspace')) ? join(root, readFileSync(join(dir, 'workspace'), 'utf8').trim()) : undefined;
  if (from === undefined) {
    cpSync(join(root, 'campaigns'), join(workspace, 'campaigns'), { recursive: true });
    cpSync(join(root, 'promoc.config.yaml'), join(workspace, 'promoc.config.yaml'));
  } else {
    cpSync(from, workspace, { recursive: true });
  }
  if (existsSync(join(dir, 'files'))) cpSync(join(dir, 'files'), workspace, { recursive: true });
  return workspace;
}

describe('CLI scenarios', () => {
  for (const name of readdirSync(scenarios).sort()) {
    const dir = join(scenarios, name);
    it(
      name,
      async () => {
        const workspace = makeWorkspace(dir);
        try {
          const from = Date.now();
          let transcript = '';
          for (const args of commands(dir)) {
            const r = await runCli(args, { cwd: workspace, env });
            transcript += `$ promoc ${args.join(' ')}\nexit: ${r.code}\n--- stdout\n${r.stdout}--- stderr\n${r.stderr}`;
          }
          expectGolden(join(dir, 'expected.txt'), normalise(transcript, workspace, from, Date.now()));
        } finally {
          rmSync(workspace, { recursive: true, force: true });
        }
      },
      30_000,
    );
  }
});
