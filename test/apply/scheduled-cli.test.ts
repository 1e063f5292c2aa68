// `--now` and `apply --due` as a user runs them against the embedded emulators: a launch on Lago written in
// Berlin local time plans as scheduled (UTC, time until, local time), becomes due at its instant, and apply
// neither creates it early nor accepts a --now after the clock.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

let repo: string;
beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), 'promoc-due-'));
  mkdirSync(join(repo, 'campaigns'));
  writeFileSync(join(repo, 'promoc.config.yaml'), 'apiVersion: promoc/v1\nkind: Config\ncampaigns: ["campaigns/**/*.yaml"]\n');
  writeFileSync(
    join(repo, 'campaigns', 'launch.yaml'),
    `apiVersion: promoc/v1
kind: Promotion
metadata:
  name: easter-launch
  labels: { target: lago }
spec:
  code: EASTER10
  window: { from: 2099-03-29T03:00, until: 2099-04-30T00:00, timeZone: Europe/Berlin }
  benefits:
    - percentOff: 10
`,
  );
});
afterEach(() => rmSync(repo, { recursive: true, force: true }));

describe('plan --now, apply --due', () => {
  it('shows the launch as scheduled before its instant and as a due create after it', async () => {
    const before = await runCli(['plan', '--now', '2099-03-29T00:30:00Z'], { cwd: repo });
    expect(before.stderr).toBe('');
    expect(before.code).toBe(2);
    expect(before.stdout).toContain('@ Promotion/easter-launch (EASTER10)  scheduled');
    expect(before.stdout).toContain('when: create at 2099-03-29T01:00:00Z (in 30 min; 2099-03-29 03:00:00+02:00 in Europe/Berlin), by `promoc apply --due`');
    expect(before.stdout).toContain('0 to create, 0 to update, 0 to replace, 0 to delete, 1 scheduled, 0 blocked, 0 unchanged');

    const after = await runCli(['plan', '--now', '2099-03-29T03:00:00+02:00', '--format', 'markdown'], { cwd: repo });
    expect(after.code).toBe(2);
    expect(after.stdout).toContain('**When:** due since 2099-03-29T01:00:00Z (now; 2099-03-29 03:00:00+02:00 in Europe/Berlin)');
  });

  it('apply --due creates nothing before the instant; apply refuses a --now after the clock', async () => {
    const due = await runCli(['apply', '--due', '--auto-approve'], { cwd: repo });
    expect(due.code).toBe(0);
    expect(due.stdout).toContain('Nothing is due. Target local: 1 scheduled action, the next at 2099-03-29T01:00:00Z.');
    const plain = await runCli(['apply', '--auto-approve'], { cwd: repo });
    expect(plain.code).toBe(0);
    const still = await runCli(['plan'], { cwd: repo });
    expect(still.stdout).toContain('1 scheduled');

    const early = await runCli(['apply', '--due', '--auto-approve', '--now', '2099-03-29T02:00:00Z'], { cwd: repo });
    expect(early.code).toBe(64);
    expect(early.stderr).toContain('is later than the clock');
    const bad = await runCli(['plan', '--now', '2099-03-29T03:00'], { cwd: repo });
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain('--now "2099-03-29T03:00" is not an instant with an offset');
  });
});
