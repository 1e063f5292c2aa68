// Editor help, offline, as the VS Code YAML extension gives it: the real yaml-language-server over stdio with
// the workspace's .vscode/settings.json. On the first document (its per-kind modeline) and the third (the
// settings' glob mapping to campaign.schema.json, which dispatches on `kind`) of a multi-document file: hover
// text on a key, completion of the `status` enum inside spec, and diagnostics for an invalid value and an
// unknown key — in this repository and in one made by `promoc init` with promoc in its node_modules.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { YamlLanguageServer } from '../helpers/yaml-language-server.js';

const ROOT = join(import.meta.dirname, '../..');

function settingsOf(root: string): Record<string, unknown> {
  const vscode = JSON.parse(readFileSync(join(root, '.vscode/settings.json'), 'utf8')) as Record<string, unknown>;
  return { schemas: vscode['yaml.schemas'], schemaStore: { enable: vscode['yaml.schemaStore.enable'] } };
}

/** The line of `  status:` inside spec of the n-th document (0-based), and the text with that document broken. */
function broken(text: string, doc: number): { text: string; statusLine: number; colourLine: number } {
  const lines = text.split('\n');
  let seen = 0;
  const statusLine = lines.findIndex((l) => {
    if (l === '---') seen++;
    return seen === doc && /^ {2}status: /.test(l);
  });
  expect(statusLine, `document ${doc + 1} has a spec.status`).toBeGreaterThan(0);
  lines[statusLine] = '  status: actve';
  lines.splice(statusLine + 1, 0, '  colour: red');
  return { text: lines.join('\n'), statusLine, colourLine: statusLine + 1 };
}

async function expectHelp(server: YamlLanguageServer, file: string, doc: number): Promise<void> {
  const b = broken(readFileSync(file, 'utf8'), doc);
  const diagnostics = await server.open(file, b.text);
  const at = (line: number) => diagnostics.filter((d) => d.range.start.line === line).map((d) => d.message);
  expect(at(b.statusLine), `document ${doc + 1}: invalid value`).toEqual([expect.stringMatching(/Value is not accepted\. Valid values: "active", "inactive"/)]);
  expect(at(b.colourLine), `document ${doc + 1}: unknown key`).toEqual(['Property colour is not allowed.']);
  expect(
    diagnostics.map((d) => d.message),
    'no other problems (no schema failed to load)',
  ).toHaveLength(2);
  expect(await server.hover(file, { line: b.statusLine, character: 3 }), `document ${doc + 1}: hover`).toMatch(
    /active: live; inactive: a draft or deactivated template/,
  );
  const labels = (await server.completion(file, { line: b.statusLine, character: 10 })).map((i) => i.label);
  expect(labels, `document ${doc + 1}: completion`).toEqual(expect.arrayContaining(['active', 'inactive']));
}

describe('yaml-language-server in this repository', () => {
  let server: YamlLanguageServer;
  beforeAll(async () => {
    server = await YamlLanguageServer.start(ROOT, settingsOf(ROOT));
  });
  afterAll(async () => {
    await server?.close();
  });
  const file = join(ROOT, 'campaigns/mobility/geofence-promotions.yaml');

  it('the first document, by its modeline', async () => {
    await expectHelp(server, file, 0);
  });
  it("the third document, by the settings' mapping to campaign.schema.json", async () => {
    await expectHelp(server, file, 2);
  });

  it('the unchanged example campaigns have no problems', async () => {
    for (const f of ['campaigns/mobility/geofence-promotions.yaml', 'campaigns/shared/tags.yaml', 'campaigns/billing/fleet-launch-phased.yaml']) {
      expect(await server.open(join(ROOT, f), readFileSync(join(ROOT, f), 'utf8')), f).toEqual([]);
    }
  });
});

describe('yaml-language-server in a repository made by promoc init', () => {
  let server: YamlLanguageServer;
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'promoc-editor-'));
    expect((await runCli(['init', '--providers', 'all'], { cwd: dir })).code).toBe(0);
    // What `npm i -D promoc` puts there: the package with its schemas (the adoption test installs the real one).
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(ROOT, join(dir, 'node_modules/promoc'), 'dir');
    server = await YamlLanguageServer.start(dir, settingsOf(dir));
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const file = (): string => join(dir, 'campaigns/mobility/examples.yaml');

  it('the first document, by its modeline', async () => {
    await expectHelp(server, file(), 0);
  });
  it("the third document, by the settings' mapping to the installed campaign.schema.json", async () => {
    await expectHelp(server, file(), 2);
  });

  it('the scaffolded campaigns and config have no problems', async () => {
    for (const f of ['campaigns/mobility/examples.yaml', 'campaigns/lago/examples.yaml', 'promoc.config.yaml']) {
      expect(await server.open(join(dir, f), readFileSync(join(dir, f), 'utf8')), f).toEqual([]);
    }
  });
});
