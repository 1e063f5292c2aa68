// `promoc simulate` and `promoc report` end to end, in process, on the report fixture (no git needed:
// the base is a folder).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressBar, progressLine } from '../../src/simulate/progress.js';
import type { SimulationReport } from '../../src/simulate/types.js';
import { runCli } from '../helpers/run-cli.js';
import { FIXTURES } from './fixture.js';

const head = join(FIXTURES, 'report/head');
const sessions = join(FIXTURES, 'simulate/sessions.ndjson');
let out: string;

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'promoc-report-cli-'));
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('promoc simulate', () => {
  it('generates seeded sample sessions', async () => {
    const file = join(out, 'gen/s.ndjson');
    const r = await runCli(['simulate', '--generate', '300', '--seed', '2', '--month', '2027-04', '--out', file], { cwd: head });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('wrote 300 sessions for 2027-04 (seed 2)');
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(300);
  });

  it('reports a sessions file it cannot write as an error, not a bug', async () => {
    const blocker = join(out, 'a-file');
    writeFileSync(blocker, 'not a folder');
    const r = await runCli(['simulate', '--generate', '10', '--out', join(blocker, 's.csv')], { cwd: head });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: (EEXIST|ENOTDIR)/);
    expect(r.stderr).not.toContain('bug');
  });

  it('generates CSV for a .csv file, which replays like the NDJSON of the same seed', async () => {
    const csv = join(out, 'gen/s.csv');
    const ndjson = join(out, 'gen/s2.ndjson');
    const w = await runCli(['simulate', '--generate', '300', '--seed', '2', '--month', '2027-04', '--out', csv], { cwd: head });
    expect(w.stdout).toContain('as CSV to');
    await runCli(['simulate', '--generate', '300', '--seed', '2', '--month', '2027-04', '--out', ndjson], { cwd: head });
    expect(readFileSync(csv, 'utf8').split('\n')[0]).toMatch(/^id,at,currency,customer,/);
    const replay = async (file: string) =>
      JSON.parse(
        (await runCli(['simulate', '--base-dir', '../base', '--sessions', file, '--format', 'json', '--no-progress'], { cwd: head })).stdout,
      ) as SimulationReport;
    const [fromCsv, fromNdjson] = [await replay(csv), await replay(ndjson)];
    expect(fromCsv.sessions.evaluated).toBe(300);
    expect(fromCsv).toEqual(fromNdjson);
  });

  it('replays NDJSON and CSV to the same result, saved as JSON', async () => {
    const json = join(out, 'sim.json');
    const a = await runCli(['simulate', '--base-dir', '../base', '--sessions', sessions, '--out', json, '--no-progress'], { cwd: head });
    expect(a.code).toBe(0);
    expect(a.stdout).toContain('Promotion/spring-20');
    expect(a.stdout).toContain('line 8: currency: "euro" is not an ISO 4217 code');
    const b = await runCli(['simulate', '--base-dir', '../base', '--sessions', join(FIXTURES, 'simulate/sessions.csv'), '--format', 'json', '--no-progress'], {
      cwd: head,
    });
    expect(b.code).toBe(0);
    const saved = JSON.parse(readFileSync(json, 'utf8')) as SimulationReport;
    const fromCsv = JSON.parse(b.stdout) as SimulationReport;
    expect(fromCsv.campaigns).toEqual(saved.campaigns);
    expect(fromCsv.totals).toEqual(saved.totals);
  });

  it('prints plain progress lines when not on a terminal', async () => {
    const many = join(out, 'many.ndjson');
    const line = readFileSync(sessions, 'utf8').split('\n')[1]!;
    writeFileSync(many, `${line}\n`.repeat(20_000));
    const r = await runCli(['simulate', '--base-dir', '../base', '--sessions', many], { cwd: head });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^simulate: [\d,]+ sessions \(\d+%\)/m);
    expect(r.stderr).not.toContain('\r');
  });

  it.each([
    [['simulate', '--base', 'main'], 64, /missing --sessions/],
    [['simulate', '--sessions', 'x.ndjson'], 64, /exactly one of --base REF and --base-dir DIR/],
    [['simulate', '--generate', 'ten', '--out', 'x'], 64, /not a positive integer/],
    [['simulate', '--base-dir', '../base', '--sessions', 'missing.ndjson'], 1, /ENOENT/],
    [['simulate', '--base-dir', '../nowhere', '--sessions', sessions], 1, /folder \.\.\/nowhere does not exist/],
    [['simulate', '--base-dir', '..', '--sessions', sessions], 1, /has no promoc.config.yaml of its own/],
  ])('%j exits %i', async (args, code, message) => {
    const r = await runCli(args, { cwd: head });
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
  });
});

describe('promoc report', () => {
  it("refuses an --at without a zone: the coverage matrix would depend on the machine's zone", async () => {
    const r = await runCli(['report', '--base-dir', '../base', '--at', '2027-07-10T09:30:00'], { cwd: head });
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('--at: "2027-07-10T09:30:00" has no time zone');
  });

  it('writes the comment parts and the HTML page and says where', async () => {
    const sim = join(out, 'sim-for-report.json');
    expect((await runCli(['simulate', '--base-dir', '../base', '--sessions', sessions, '--out', sim, '--no-progress'], { cwd: head })).code).toBe(0);
    const r = await runCli(
      [
        'report',
        '--base-dir',
        '../base',
        '--simulation',
        sim,
        '--plan',
        '../plan-staging.json',
        '--out-dir',
        join(out, 'comment'),
        '--html',
        join(out, 'report.html'),
      ],
      { cwd: head },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/wrote .*report\.html/);
    expect(r.stdout).toMatch(/wrote .*pr-comment-1\.md \([\d,]+ characters\)/);
    const md = readFileSync(join(out, 'comment/pr-comment-1.md'), 'utf8');
    expect(md).toContain('| Plan · staging |');
    expect(md).toContain('changed: benefits, limits');
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('<svg id="geofence-map"');
  });

  it('splits with --max-chars and numbers the files', async () => {
    const r = await runCli(['report', '--base-dir', '../base', '--sessions', sessions, '--max-chars', '3000', '--out', join(out, 'split/comment.md')], {
      cwd: head,
    });
    expect(r.code).toBe(0);
    expect(existsSync(join(out, 'split/comment.md'))).toBe(true);
    expect(existsSync(join(out, 'split/comment-2.md'))).toBe(true);
    for (const f of ['comment.md', 'comment-2.md']) expect(readFileSync(join(out, 'split', f), 'utf8').length).toBeLessThanOrEqual(3000);
  });

  it('still writes a comment with the errors when the head does not build', async () => {
    const broken = join(out, 'broken');
    mkdirSync(join(broken, 'campaigns'), { recursive: true });
    writeFileSync(join(broken, 'promoc.config.yaml'), 'apiVersion: promoc/v1\nkind: Config\ncache: { enabled: false }\n');
    writeFileSync(
      join(broken, 'campaigns/bad.yaml'),
      'apiVersion: promoc/v1\nkind: Promotion\nmetadata: { name: bad }\nspec: { benefits: [{ percentOff: 250 }] }\n',
    );
    const r = await runCli(['report', '--out', join(broken, 'comment.md')], { cwd: broken });
    expect(r.code).toBe(1);
    const md = readFileSync(join(broken, 'comment.md'), 'utf8');
    expect(md).toMatch(/\| Validate \| ❌ 1 error/);
    expect(md).toContain('campaigns/bad.yaml');
  });

  it('refuses a simulation file from another format version', async () => {
    const bad = join(out, 'bad.json');
    writeFileSync(bad, JSON.stringify({ formatVersion: 'promoc-simulation/v0' }));
    const r = await runCli(['report', '--simulation', bad], { cwd: head });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('this promoc reads promoc-simulation/v1');
  });

  it('refuses a damaged simulation file, saying where', async () => {
    const sim = join(out, 'sim-to-damage.json');
    expect((await runCli(['simulate', '--base-dir', '../base', '--sessions', sessions, '--out', sim, '--no-progress'], { cwd: head })).code).toBe(0);
    const saved = JSON.parse(readFileSync(sim, 'utf8')) as SimulationReport;
    const bad = join(out, 'damaged.json');
    writeFileSync(
      bad,
      JSON.stringify(
        { ...saved, campaigns: [null, ...saved.campaigns.slice(1)], totals: { ...saved.totals, base: { ...saved.totals.base, discounted: -1 } } },
        null,
        2,
      ),
    );
    const r = await runCli(['report', '--base-dir', '../base', '--simulation', bad], { cwd: head });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('is not a simulation this promoc wrote');
    expect(r.stderr).toMatch(/damaged\.json:\d+:\d+: campaigns\[0\]: null: must be object/);
    expect(r.stderr).toMatch(/damaged\.json:\d+:\d+: totals\.base\.discounted: -1: must be >= 0/);
    expect(r.stderr).toContain('re-run `promoc simulate --out`');
  });
});

describe('progress', () => {
  it('draws a bar for terminals and a line for logs', () => {
    const bar = `[${'█'.repeat(14)}${'░'.repeat(14)}]`;
    expect(progressBar({ sessions: 250_000, bytes: 50 }, 100, 1000)).toBe(`${bar}  50%  250,000 sessions  250,000/s`);
    expect(progressLine({ sessions: 250_000, bytes: 50 }, 100, 2000)).toBe('simulate: 250,000 sessions (50%), 125,000/s');
  });
});
