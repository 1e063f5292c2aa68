// `promoc compile`, `promoc apply` and their refusals, through the CLI on the embedded emulators (target
// local, state in the temporary repository's .promoc/local).
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { runApply } from '../../src/cli/run/apply.js';
import { runCli } from '../helpers/run-cli.js';

const SECRETS = ['dyn_test_promoc', 'lago_test_promoc', 'kt_test_promoc', 'promoc-secret'];
let repo: string;
beforeEach(async () => {
  repo = await mkdtemp(join(tmpdir(), 'promoc-apply-cli-'));
  await cp(join(import.meta.dirname, '../fixtures/apply/repo'), repo, { recursive: true });
});
afterEach(async () => {
  await rm(repo, { recursive: true, force: true });
});
const cli = (...args: string[]) => runCli(args, { cwd: repo });

function ttyIo(): Io & { out: string; err: string } {
  const io = {
    cwd: repo,
    env: {},
    isTTY: true,
    color: false,
    out: '',
    err: '',
    stdout: (t: string) => {
      io.out += t;
    },
    stderr: (t: string) => {
      io.err += t;
    },
  };
  return io;
}

describe('promoc compile', () => {
  it('prints the ordered calls with secrets redacted, as JSON, .http or curl', async () => {
    const json = await cli('compile', '--format', 'json');
    expect(json.code).toBe(0);
    const calls = (JSON.parse(json.stdout) as { calls: { step: string; method: string; url: string; after: string[]; headers: Record<string, string> }[] })
      .calls;
    expect(
      calls.map(
        (c) =>
          `${c.step} ${c.method} ${decodeURIComponent(new URL(c.url).pathname).replace(/^\/v1\/demo/, '')}` +
          `${c.after.length > 0 ? ` after ${c.after.join(',')}` : ''}`,
      ),
    ).toEqual([
      's0001 POST /api/v1/billing/promotional-codes',
      's0002 POST /annotations',
      's0003 POST /voucherables after s0002',
      's0004 POST /voucherables/{{id of Promotion/spring-ride}}/activate after s0003',
      's0005 POST /v1/promotions',
      's0006 POST /v1/promotions/{{id of Promotion/annual-upgrade}}/activate after s0005',
      's0007 POST /api/v1/coupons',
    ]);
    expect(calls[0]!.headers.authorization).toBe('Bearer <redacted>');
    for (const format of ['http', 'curl']) {
      const out = await cli('compile', '--format', format);
      expect(out.code).toBe(0);
      expect(out.stdout).toContain(format === 'http' ? '### s0007 create lago Promotion/spring-switch' : "curl -sS -X POST 'http://127.0.0.1:");
      for (const s of SECRETS) expect(out.stdout).not.toContain(s);
    }
    expect((await cli('compile', '--format', 'yaml')).code).toBe(64);
  });
});

describe('promoc apply', () => {
  it('needs --auto-approve without a terminal, applies with it, and then has nothing to do', async () => {
    const refused = await cli('apply');
    expect(refused.code).toBe(64);
    expect(refused.stderr).toMatch(/needs confirmation: this is not a terminal/);
    const applied = await cli('apply', '--auto-approve');
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(/Apply to local: 5 changed, 0 failed, 0 untouched/);
    expect(applied.stdout).toMatch(/journal: \.promoc\/journal\/local\/\d{8}T\d{6}Z-[0-9a-f]{6}\.ndjson/);
    const journals = await readdir(join(repo, '.promoc/journal/local'));
    const journal = await readFile(
      join(
        repo,
        '.promoc/journal/local',
        journals.find((f) => f.endsWith('.ndjson'))!,
      ),
      'utf8',
    );
    for (const s of SECRETS) expect(journal).not.toContain(s);
    expect(journals).not.toContain('apply.lock');
    const again = await cli('apply', '--auto-approve');
    expect(again.stdout).toMatch(/No changes\. Target local already matches the repository \(5 resources checked\)/);
    expect(again.code).toBe(0);
    expect((await cli('plan')).code).toBe(0);
  });

  it('asks on a terminal and does nothing unless the answer is yes', async () => {
    const io = ttyIo();
    expect(
      await runApply(
        io,
        { autoApprove: false, resume: false, prune: false, force: false, verbose: false },
        {
          confirm: async (q) => {
            io.err += q;
            return false;
          },
        },
      ),
    ).toBe(1);
    expect(io.err).toMatch(/Apply 7 calls to target local\? Only "yes" is accepted/);
    expect(io.err).toMatch(/Apply cancelled; nothing was changed/);
    expect((await cli('plan')).code).toBe(2);
    expect(await runApply(ttyIo(), { autoApprove: false, resume: false, prune: false, force: false, verbose: false }, { confirm: async () => true })).toBe(0);
  });

  it('applies a saved plan, and refuses it once live state moved, saying what changed', async () => {
    expect((await cli('plan', '--out', 'plan.json')).code).toBe(2);
    expect((await cli('plan', '--out', 'stale.json')).code).toBe(2);
    const applied = await cli('apply', 'plan.json', '--auto-approve');
    expect(applied.code).toBe(0);
    const stale = await cli('apply', 'stale.json', '--auto-approve');
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/the saved plan is stale: live state on target local changed since it was made/);
    expect(stale.stderr).toMatch(/ {2}- lago: SPRING20 was created since the plan/);
    const other = await cli('apply', 'plan.json', '--target', 'staging', '--auto-approve');
    expect(other.code).toBe(64);
  });

  it('has nothing to resume when every run finished', async () => {
    const nothing = await cli('apply', '--resume');
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toMatch(/nothing to resume/);
  });
});
