// `promoc lint` end to end in a scratch project: formats and outputs, exit codes, config and flags.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

let dir: string;

const CAMPAIGNS = `apiVersion: promoc/v1
kind: Promotion
metadata: { name: always-half }
spec:
  benefits: [{ percentOff: 50 }]
  stacking: { stackable: false, priority: 500 }
---
apiVersion: promoc/v1
kind: Promotion
metadata: { name: summer }
spec:
  code: SUMMER25
  window: { from: 2027-06-01T00:00:00Z, until: 2027-09-01T00:00:00Z }
  benefits: [{ percentOff: 25 }]
  stacking: { stackable: false, priority: 100 }
---
apiVersion: promoc/v1
kind: Promotion
metadata: { name: spring }
spec:
  code: SPRING25
  window: { from: 2027-03-01T00:00:00Z, until: 2027-04-01T00:00:00Z }
  limits: { redemptions: 3, perCustomer: 5 }
  benefits: [{ percentOff: 5 }]
  stacking: { stackable: true, priority: 600 }
`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'promoc-lint-'));
  mkdirSync(join(dir, 'campaigns'));
  writeFileSync(
    join(dir, 'promoc.config.yaml'),
    'apiVersion: promoc/v1\nkind: Config\ncache: { enabled: false }\nlint:\n  rules:\n    stacking/exclusive-overlap: off\n',
  );
  writeFileSync(join(dir, 'campaigns', 'promos.yaml'), CAMPAIGNS);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lint = (...args: string[]) => runCli(['lint', '--now', '2027-06-15', ...args], { cwd: dir });

describe('promoc lint', () => {
  it('prints the stylish report with code frames and fails on errors', async () => {
    const r = await lint();
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('campaigns/promos.yaml:15:43  error  "summer" can never apply: "always-half" (priority 500, non-stackable) goes first');
    expect(r.stdout).toContain('> 15 |   stacking: { stackable: false, priority: 100 }');
    expect(r.stdout).toContain('stacking/shadowed');
    expect(r.stdout).toMatch(/✖ \d+ problems \(1 error, 2 warnings\) in 1 file/);
  });

  it('writes SARIF to a file and JSON to stdout in one run', async () => {
    const r = await lint('-f', 'sarif', '-o', 'out/lint.sarif', '-f', 'json');
    const sarif = JSON.parse(readFileSync(join(dir, 'out', 'lint.sarif'), 'utf8')) as { version: string; runs: { results: { ruleId: string }[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.results.map((x) => x.ruleId).sort()).toEqual(['limits/per-customer-exceeds-total', 'stacking/shadowed', 'window/expired'].sort());
    const json = JSON.parse(r.stdout) as { diagnostics: { ruleId: string; line: number }[]; summary: { files: number } };
    expect(json.diagnostics.map((d) => d.ruleId)).toContain('stacking/shadowed');
  });

  it('turns rules off from the command line and decides the exit code by --fail-severity and --max-warnings', async () => {
    const noErrors = await lint('--rule', 'stacking/shadowed=off', '-f', 'github');
    expect(noErrors.code).toBe(0);
    expect(noErrors.stdout).toContain('::warning file=campaigns/promos.yaml,line=23,col=42');
    expect((await lint('--rule', 'stacking/shadowed=off', '--fail-severity', 'warn')).code).toBe(1);
    // Both spellings are read; output says "warning".
    expect((await lint('--rule', 'stacking/shadowed=off', '--fail-severity', 'warning')).code).toBe(1);
    expect((await lint('--rule', 'stacking/shadowed=warning', '--fail-severity', 'error', '-f', 'json')).stdout).toContain('"severity": "warning"');
    expect((await lint('--rule', 'stacking/shadowed=off', '--max-warnings', '1')).code).toBe(1);
    expect((await lint('--rule', 'stacking/shadowed=off', '--max-warnings', '2')).code).toBe(0);
    expect((await lint('--fail-severity', 'none')).code).toBe(0);
  });

  it('prints Markdown for pull-request comments', async () => {
    const r = await lint('-f', 'markdown');
    expect(r.stdout).toContain('### promoc lint: 1 error, 2 warnings, 0 info');
  });

  it('exits 64 on bad flags', async () => {
    for (const args of [
      ['-f', 'xml'],
      ['--fail-severity', 'fatal'],
      ['--max-warnings', 'many'],
      ['--rule', 'stacking/shadowed'],
      ['--now', 'yesterday'],
    ]) {
      const r = await lint(...args);
      expect(r.code, args.join(' ')).toBe(64);
    }
  });

  it('lists its options and examples in --help', async () => {
    const r = await runCli(['lint', '--help'], { cwd: dir });
    expect(r.stdout).toContain('-f sarif -o lint.sarif -f stylish');
    expect(r.stdout).toContain('promoc-disable-next-line');
  });
});
