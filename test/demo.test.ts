// `promoc demo` on a copy of the repository's campaigns (a git checkout of its own, since the report
// compares with HEAD): it says one line per stage and the proposal's plan once, stays short, names the
// report files, and the report it writes describes the same head as the plan it approves.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from './helpers/run-cli.js';

const REPO = join(import.meta.dirname, '..');
const COPY = ['promoc.config.yaml', 'campaigns', 'schemas', 'test/fixtures/simulate/proposal', 'test/fixtures/engine/examples/july-scooter.context.yaml'];
let dir: string;
let run: CliRun;

describe('promoc demo', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'promoc-demo-'));
    for (const p of COPY) {
      mkdirSync(dirname(join(dir, p)), { recursive: true });
      cpSync(join(REPO, p), join(dir, p), { recursive: true });
    }
    const git = (...args: string[]): void => {
      execFileSync('git', args, {
        cwd: dir,
        stdio: 'ignore',
        env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.test', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.test' },
      });
    };
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'campaigns');
    run = await runCli(['demo'], { cwd: dir });
  }, 300_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("runs every stage and prints fewer than 200 lines, the proposal's plan once", () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines.length).toBeLessThan(200);
    expect(lines.filter((l) => /^\[\d+\/\d+\] /.test(l)).length).toBe(13);
    expect(run.stdout.split('promoc plan · target local').length - 1).toBe(1);
    expect(run.stdout).toContain('~ spec.benefits[0].percentOff: 25 → 30');
  });

  it('ends by naming the report files', () => {
    const last = run.stdout.trim().split('\n').at(-1)!;
    expect(last).toContain('out/report.html');
    expect(last).toContain('out/pr-comment.md');
  });

  it('writes a report that approves the plan of the head it shows', () => {
    const html = readFileSync(join(dir, 'out/report.html'), 'utf8');
    const md = readFileSync(join(dir, 'out/pr-comment.md'), 'utf8');
    for (const text of [html, md]) expect(text).not.toContain('is not of the head this report shows');
    expect(html).toContain('<tr data-target="local"><th>local</th><td>1 create, 2 update');
    expect(html).toMatch(/<td><code>spec\.benefits\[0\]\.percentOff<\/code><\/td><td class="old"><code>25<\/code><\/td><td class="new"><code>30<\/code>/);
    expect(md).toContain('| local | 1 create, 2 update | none |');
  });
});
